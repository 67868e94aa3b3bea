import type { EntityManager } from 'typeorm';
import { isRecurring, PRODUCT_KINDS, type LifecycleRules, type ProductKind } from '../../../shared/catalog';
import type { Currency } from '../../../shared/money';
import { addDays, formatCalendarDate } from '../../../shared/periods';
import type { SuspensionReason } from '../../../shared/service-state';
import { AppError } from '../../errors';
import { allRows } from './sql';
import { linesOf } from '../documents/repository';
import { logHoursBilled } from './extra-hours';
import { issueRenewal } from './proformas';
import { chunks, type RunContext } from './run-log';

/** A service whose renewal proforma is due (N days before its due date) and not issued yet. */
export interface DueRenewal {
  id: number;
  clientId: number;
  label: string;
  currency: Currency;
  dueDate: string;
  suspensionReason: SuspensionReason | null;
  kind: ProductKind;
  /** An open proforma (made at the counter) already holding the service. */
  openId: number | null;
  openNumber: string | null;
}

const renewalKey = (r: Pick<DueRenewal, 'id' | 'dueDate'>) => `renewal:${r.id}:${r.dueDate}`;

/**
 * Per kind, the window of due dates whose renewal is invoiced now: from the last day a service can still be renewed
 * (end of a domain's grace, termination of the others) to today + the days before invoicing.
 */
function windows(today: string, rules: Record<ProductKind, LifecycleRules>) {
  return PRODUCT_KINDS.filter(isRecurring).map((kind) => {
    const r = rules[kind];
    const late = kind === 'domain' ? r.graceDays : r.daysToTerminate;
    return { kind, floor: addDays(today, -late), horizon: addDays(today, r.daysBeforeInvoice) };
  });
}

const OPEN_PROFORMA =
  'SELECT d."id" FROM "document_lines" l JOIN "documents" d ON d."id" = l."document_id" ' +
  `WHERE l."service_id" = s."id" AND l."kind" = 'service' AND d."type" = 'proforma' ` +
  `AND d."status" IN ('issued', 'partially_paid') LIMIT 1`;

/**
 * What is due for a renewal proforma: renewable services (not terminated, not ending at the client's request) in their
 * kind's window, whose renewal for this due date was never handled (the key "renewal:<service>:<due date>" is in the
 * run log once it is, whoever issued the proforma), with the open proforma already holding one, if any. One range on
 * the (status, due_date) index; the proformas are looked up only for what is left.
 */
export function dueRenewals(
  em: EntityManager,
  today: string,
  rules: Record<ProductKind, LifecycleRules>,
): DueRenewal[] {
  const kinds = windows(today, rules);
  const floor = kinds.reduce((min, w) => (w.floor < min ? w.floor : min), today);
  const horizon = kinds.reduce((max, w) => (w.horizon > max ? w.horizon : max), today);
  const sql =
    `WITH "rules"("kind", "floor", "horizon") AS (VALUES ${kinds.map(() => '(?, ?, ?)').join(', ')}) ` +
    'SELECT s."id" AS id, s."client_id" AS clientId, s."label" AS label, s."currency" AS currency, ' +
    's."due_date" AS dueDate, s."suspension_reason" AS suspensionReason, p."kind" AS kind, ' +
    `(${OPEN_PROFORMA}) AS openId, (SELECT o."number" FROM "documents" o WHERE o."id" = (${OPEN_PROFORMA})) AS openNumber ` +
    'FROM "services" s JOIN "products" p ON p."id" = s."product_id" JOIN "rules" r ON r."kind" = p."kind" ' +
    `WHERE s."status" IN ('active', 'grace', 'suspended') AND s."due_date" >= ? AND s."due_date" <= ? ` +
    'AND s."due_date" >= r."floor" AND s."due_date" <= r."horizon" AND s."termination_requested" = 0 ' +
    `AND NOT EXISTS (SELECT 1 FROM "billing_run_items" i WHERE i."dedupe_key" = 'renewal:' || s."id" || ':' || s."due_date") ` +
    'ORDER BY s."client_id", s."id"';
  const rows = allRows<DueRenewal>(em, sql, ...kinds.flatMap((w) => [w.kind, w.floor, w.horizon]), floor, horizon);
  // A service suspended for abuse is not invoiced by the run: a person decides what becomes of it.
  return rows.filter((r) => r.suspensionReason !== 'abuse');
}

interface Group {
  clientId: number;
  currency: Currency;
  services: DueRenewal[];
}

function groupByClient(due: DueRenewal[]): Group[] {
  const groups = new Map<string, Group>();
  for (const s of due) {
    const key = `${s.clientId}:${s.currency}`;
    const group = groups.get(key) ?? { clientId: s.clientId, currency: s.currency, services: [] };
    group.services.push(s);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const failure = (error: unknown) =>
  error instanceof AppError ? error.message : error instanceof Error ? error.message : String(error);

/**
 * Issues the renewal proformas that are due: one per client and currency for the services due together, e-mailed with
 * its PDF. A service already on an open proforma (made at the counter) is noted and left as it is. A client whose
 * proforma cannot be made (no price in the catalogue…) is logged, and tried again at the next run.
 */
export async function issueRenewals(ctx: RunContext): Promise<void> {
  const due = dueRenewals(ctx.db.reader, ctx.today, ctx.rules);
  const existing = due.filter((d) => d.openId !== null);
  for (const batch of chunks(existing, 500)) {
    await ctx.log.batch(ctx, 'automation.renewals', (tx) => {
      for (const d of batch) {
        ctx.log.add(tx, {
          action: 'renewal_existing',
          clientId: d.clientId,
          serviceId: d.id,
          documentId: d.openId,
          dedupeKey: renewalKey(d),
          detail: `${d.label} : échéance du ${formatCalendarDate(d.dueDate)} déjà sur la proforma ${d.openNumber ?? ''}.`,
        });
      }
    });
  }
  const groups = groupByClient(due.filter((d) => d.openId === null));
  // Small batches: the counter's own writes wait at most one batch behind the run.
  for (const batch of chunks(groups, ctx.options.batchSize ?? 10)) {
    await ctx.log.batch(ctx, 'automation.renewals', async (tx) => {
      for (const group of batch) {
        try {
          // A savepoint per client: one that cannot be invoiced does not undo the others.
          await ctx.log.savepoint(tx, async () => {
            const renewals = group.services.map((s) => ({ serviceId: s.id, periods: 1 }));
            const doc = await issueRenewal(ctx, tx, group.clientId, group.currency, renewals);
            // A monthly outsourcing contract's renewal may carry its extra hours: logged under their once-only keys.
            if (group.services.some((s) => s.kind === 'outsourcing_monthly')) {
              logHoursBilled(ctx, tx, doc, await linesOf(tx.em, doc.id));
            }
            for (const s of group.services) {
              ctx.log.add(tx, {
                action: 'renewal_issued',
                clientId: s.clientId,
                serviceId: s.id,
                documentId: doc.id,
                dedupeKey: renewalKey(s),
                detail:
                  `${s.label} : proforma ${doc.number ?? ''} émise pour l'échéance du ${formatCalendarDate(s.dueDate)}, ` +
                  `à régler avant le ${formatCalendarDate(doc.dueDate ?? ctx.today)}.`,
              });
            }
            ctx.log.mail(tx, {
              kind: 'renewal_proforma',
              clientId: group.clientId,
              documentId: doc.id,
              dedupeKey: `renewal:${doc.id}`,
            });
          });
        } catch (error) {
          for (const s of group.services) {
            ctx.log.add(tx, {
              action: 'renewal_failed',
              clientId: s.clientId,
              serviceId: s.id,
              dedupeKey: null,
              detail: `${s.label} : proforma non émise — ${failure(error)}`,
            });
          }
        }
      }
    });
  }
}
