import { monthLabel, formatDuration } from '../../../shared/durations';
import type { Currency } from '../../../shared/money';
import { AppError } from '../../errors';
import { statement } from '../../db/rows';
import type { WriteTx } from '../../db/database';
import { DocumentEntity, ProductEntity, ServiceEntity, type DocumentLineRow } from '../../db/entities';
import { linesOf } from '../documents/repository';
import { extraHoursLines } from '../outsourcing/extra-lines';
import { monthOf } from '../outsourcing/hours';
import { issueLines } from '../outsourcing/missions';
import { outsourcingSettings } from '../outsourcing/settings';
import { SYSTEM, type RunContext } from './run-log';
import { allRows } from './sql';

/** One month of a monthly contract's extra hours, billed once in all history. */
export const hoursKey = (serviceId: number, month: string) => `hours:${serviceId}:${month}`;

/** Monthly contracts with time spent in a month gone by whose hours were never handled by a run. */
const CANDIDATES =
  'SELECT DISTINCT t."service_id" AS id, s."client_id" AS clientId, s."currency" AS currency ' +
  'FROM "time_entries" t JOIN "services" s ON s."id" = t."service_id" JOIN "products" p ON p."id" = s."product_id" ' +
  `WHERE p."kind" = 'outsourcing_monthly' AND t."work_date" < ? AND NOT EXISTS (SELECT 1 FROM "billing_run_items" i ` +
  `WHERE i."dedupe_key" = 'hours:' || t."service_id" || ':' || substr(t."work_date", 1, 7)) ORDER BY s."client_id", s."id"`;

function keyUsed(tx: WriteTx, key: string): boolean {
  return statement(tx.em, 'SELECT 1 FROM "billing_run_items" WHERE "dedupe_key" = ?').get(key) !== undefined;
}

/** Logs the extra hours a proforma of the run carries, under their once-only keys. */
export function logHoursBilled(
  ctx: RunContext,
  tx: WriteTx,
  doc: { id: number; clientId: number; number: string | null },
  lines: readonly Pick<DocumentLineRow, 'kind' | 'serviceId' | 'periodFrom' | 'quantity'>[],
): void {
  for (const line of lines) {
    if (line.kind !== 'hours' || line.serviceId === null || line.periodFrom === null) continue;
    const month = monthOf(line.periodFrom);
    ctx.log.add(tx, {
      action: 'hours_billed',
      clientId: doc.clientId,
      serviceId: line.serviceId,
      documentId: doc.id,
      dedupeKey: hoursKey(line.serviceId, month),
      detail:
        `Heures d'infogérance de ${monthLabel(month)} au-delà du forfait ` +
        `(${formatDuration(Math.round((line.quantity * 60) / 1000))}) sur la proforma ${doc.number ?? ''}.`,
    });
  }
}

/**
 * With the setting "own proforma": the extra hours of the months gone by go out on a proforma of their own, one per
 * client and currency, e-mailed like a renewal. Each month's key makes it happen once, even when that proforma is later
 * cancelled by a person. With the default setting, the renewal proforma carries them (documents/drafts.ts).
 */
export async function billExtraHours(ctx: RunContext): Promise<void> {
  if ((await outsourcingSettings(ctx.db.reader)).extraHoursBilling !== 'own') return;
  const firstOfMonth = `${monthOf(ctx.today)}-01`;
  const candidates = allRows<{ id: number; clientId: number; currency: Currency }>(
    ctx.db.reader,
    CANDIDATES,
    firstOfMonth,
  );
  const groups = new Map<string, typeof candidates>();
  for (const c of candidates) {
    const key = `${c.clientId}:${c.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const group of groups.values()) {
    await ctx.log.batch(ctx, 'automation.extraHours', async (tx) => {
      const first = group[0];
      if (!first) return;
      const at = tx.now.toISOString();
      try {
        // A savepoint: a client whose hours cannot be priced is logged and tried again at the next run.
        await ctx.log.savepoint(tx, async () => {
          const lines = [];
          for (const c of group) {
            const service = await tx.em.findOneByOrFail(ServiceEntity, { id: c.id });
            const product = await tx.em.findOneByOrFail(ProductEntity, { id: service.productId });
            const extra = await extraHoursLines(tx.em, service, product, c.currency, at, ctx.today);
            lines.push(...extra.filter((l) => !keyUsed(tx, hoursKey(c.id, monthOf(l.periodFrom ?? '')))));
          }
          if (lines.length === 0) return;
          const id = await issueLines(tx, SYSTEM, first.clientId, first.currency, lines, 'later');
          ctx.log.seal(id);
          const doc = await tx.em.findOneByOrFail(DocumentEntity, { id });
          logHoursBilled(ctx, tx, doc, await linesOf(tx.em, id));
          ctx.log.mail(tx, {
            kind: 'renewal_proforma',
            clientId: doc.clientId,
            documentId: doc.id,
            dedupeKey: `renewal:${doc.id}`,
          });
        });
      } catch (error) {
        ctx.log.add(tx, {
          action: 'warning',
          clientId: first.clientId,
          serviceId: first.id,
          dedupeKey: null,
          detail: `Heures d'infogérance non facturées — ${error instanceof AppError || error instanceof Error ? error.message : String(error)}`,
        });
      }
    });
  }
}
