import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { RunAction } from '../../../shared/api/automation';
import { isRecurring, PRODUCT_KINDS, type LifecycleRules, type ProductKind } from '../../../shared/catalog';
import { addDays, daysBetween, formatCalendarDate } from '../../../shared/periods';
import { serviceState, type ServiceStatus, type SuspensionReason } from '../../../shared/service-state';
import type { WriteTx } from '../../db/database';
import { ClientEntity, DocumentEntity, ServiceEntity } from '../../db/entities';
import { openProformas } from '../documents/renewals';
import { linesOf } from '../documents/repository';
import { allRows } from './sql';
import { recordEvent } from '../services/repository';
import { replaceProforma } from './proformas';
import { chunks, SYSTEM, type RunContext } from './run-log';

/** A service whose status the calendar has moved on, as read before the batch that records it. */
export interface Transition {
  id: number;
  clientId: number;
  label: string;
  kind: ProductKind;
  status: ServiceStatus;
  dueDate: string;
  paidMonths: number;
  terminationRequested: boolean;
  to: 'suspended' | 'terminated' | 'grace' | 'lost';
}

interface Row {
  id: number;
  clientId: number;
  label: string;
  status: ServiceStatus;
  suspensionReason: SuspensionReason | null;
  anchorDate: string;
  paidMonths: number;
  dueDate: string;
  terminationRequested: number;
  kind: ProductKind;
}

/**
 * Per kind, the latest due date at which an active or an ending (suspended, in grace) service may change today: an
 * active service is suspended (or a domain goes into grace) from min(days to suspend, days to terminate) after its
 * due date; a suspended one is terminated after the days to terminate; a domain is lost after its grace.
 */
function thresholds(today: string, rules: Record<ProductKind, LifecycleRules>) {
  return PRODUCT_KINDS.filter(isRecurring).map((kind) => {
    const r = rules[kind];
    return kind === 'domain'
      ? { kind, activeBy: today, endingBy: addDays(today, -(r.graceDays + 1)) }
      : {
          kind,
          activeBy: addDays(today, -Math.min(r.daysToSuspend, r.daysToTerminate)),
          endingBy: addDays(today, -r.daysToTerminate),
        };
  });
}

const candidates = (statuses: string, withFloor: boolean, kinds: number) =>
  `WITH "rules"("kind", "activeBy", "endingBy") AS (VALUES ${Array(kinds).fill('(?, ?, ?)').join(', ')}) ` +
  'SELECT s."id" AS id, s."client_id" AS clientId, s."label" AS label, s."status" AS status, ' +
  's."suspension_reason" AS suspensionReason, s."anchor_date" AS anchorDate, s."paid_months" AS paidMonths, ' +
  's."due_date" AS dueDate, s."termination_requested" AS terminationRequested, p."kind" AS kind ' +
  'FROM "services" s JOIN "products" p ON p."id" = s."product_id" JOIN "rules" r ON r."kind" = p."kind" ' +
  `WHERE s."status" IN (${statuses}) AND s."due_date" <= ? ${withFloor ? 'AND s."due_date" >= ? ' : ''}` +
  `AND (s."termination_requested" = 1 OR s."due_date" <= ${statuses.includes('active') ? 'r."activeBy"' : 'r."endingBy"'})`;

const MOVES: readonly ServiceStatus[] = ['suspended', 'terminated', 'grace', 'lost'];

/** The longest a service can stay past its due date before the calendar ends it, for any kind. */
export function longestDelay(rules: Record<ProductKind, LifecycleRules>): number {
  return Math.max(...Object.values(rules).map((r) => Math.max(r.daysToSuspend, r.daysToTerminate, r.graceDays)));
}

/**
 * Services whose status the rules of the terms change today (shared/service-state.ts decides). `floor`: the earliest
 * due date an active service may have to be looked at; a run reads them all the first time in the day, then only the
 * ones that crossed a threshold since.
 */
export function pendingTransitions(
  em: EntityManager,
  today: string,
  rules: Record<ProductKind, LifecycleRules>,
  floor: string,
): Transition[] {
  const kinds = thresholds(today, rules);
  const values = kinds.flatMap((k) => [k.kind, k.activeBy, k.endingBy]);
  // Each reading is a range of the (status, due_date) index; the shared rule (service-state.ts) then decides.
  const rows = [
    ...allRows<Row>(em, candidates(`'active'`, true, kinds.length), ...values, today, floor),
    ...allRows<Row>(em, candidates(`'grace', 'suspended'`, false, kinds.length), ...values, today),
  ];
  const moves: Transition[] = [];
  for (const row of rows) {
    if (!isRecurring(row.kind)) continue;
    const facts = { ...row, terminationRequested: row.terminationRequested === 1 };
    const expected = serviceState(facts, today, rules[row.kind]).expectedStatus;
    if (expected === row.status || !MOVES.includes(expected)) continue;
    moves.push({ ...facts, to: expected as Transition['to'] });
  }
  return moves.sort((a, b) => a.id - b.id);
}

const ACTION: Record<Transition['to'], RunAction> = {
  suspended: 'suspended',
  terminated: 'terminated',
  grace: 'grace',
  lost: 'lost',
};

function detailOf(t: Transition, today: string, rules: LifecycleRules): string {
  const due = formatCalendarDate(t.dueDate);
  const late = daysBetween(t.dueDate, today);
  switch (t.to) {
    case 'suspended':
      return `Service « ${t.label} » suspendu pour non-paiement (échu le ${due}, ${late} jour${late > 1 ? 's' : ''} de retard).`;
    case 'terminated':
      return t.terminationRequested
        ? `Service « ${t.label} » résilié à la demande du client, à la fin de sa période payée (${due}).`
        : `Service « ${t.label} » résilié pour non-paiement : compte impayé depuis le ${due}.`;
    case 'grace':
      return (
        `Nom de domaine ${t.label} expiré le ${due} : en période de grâce jusqu'au ` +
        `${formatCalendarDate(addDays(t.dueDate, rules.graceDays))}, renouvelable avec frais de retard.`
      );
    case 'lost':
      return `Nom de domaine ${t.label} perdu : non renouvelé pendant sa période de grâce (expiré le ${due}).`;
  }
}

/**
 * The unpaid proforma holding a service whose status changed: replaced (late fee added for a domain in grace; an ended
 * service taken off), or, when it holds more than renewals or was partly paid, left to a person with a warning.
 */
async function followProforma(ctx: RunContext, tx: WriteTx, t: Transition): Promise<void> {
  const open = (await openProformas(tx.em, [t.id])).get(t.id);
  if (!open) return;
  const doc = await tx.em.findOneByOrFail(DocumentEntity, { id: open.id });
  const lines = await linesOf(tx.em, doc.id);
  if (t.to === 'grace' && lines.some((l) => l.kind === 'late_fee' && l.serviceId === t.id)) return;
  if (t.to === 'suspended') return;
  const reason =
    t.to === 'grace'
      ? `le domaine ${t.label} est en période de grâce : frais de renouvellement tardif ajoutés`
      : `le service ${t.label} est ${t.to === 'lost' ? 'perdu' : 'résilié'}`;
  if (doc.paid > 0 || lines.some((l) => l.kind === 'item')) {
    ctx.log.add(tx, {
      action: 'warning',
      clientId: t.clientId,
      serviceId: t.id,
      documentId: doc.id,
      dedupeKey: `warning:${doc.id}:${t.id}:${t.to}`,
      detail:
        `Proforma ${doc.number ?? ''} à revoir : ${reason}, mais elle ` +
        `${doc.paid > 0 ? 'a déjà reçu un paiement' : 'contient d’autres prestations'} ; elle n’a pas été modifiée.`,
    });
    return;
  }
  await replaceProforma(ctx, tx, doc, reason);
}

/** A client with nothing left running after a termination for non-payment: the account is deemed abandoned (§3.4). */
async function markAbandoned(ctx: RunContext, tx: WriteTx, clientId: number): Promise<void> {
  const live = await tx.em.countBy(ServiceEntity, {
    clientId,
    status: In(['pending', 'active', 'suspended', 'grace']),
  });
  const client = await tx.em.findOneByOrFail(ClientEntity, { id: clientId });
  if (live > 0 || !['active', 'suspended'].includes(client.status)) return;
  const reason = 'Compte impayé : tous ses services sont résiliés ou perdus (facturation automatique).';
  if (
    !ctx.log.add(tx, {
      action: 'abandoned',
      clientId,
      dedupeKey: `abandoned:${clientId}:${ctx.today}`,
      detail: `Client ${client.code} considéré comme abandonné : plus aucun service actif après non-paiement.`,
    })
  )
    return;
  await tx.em.update(ClientEntity, { id: clientId }, { status: 'abandoned', updatedAt: tx.now.toISOString() });
  await tx.audit({
    action: 'clients.setStatus',
    entity: 'client',
    entityId: clientId,
    summary: { status: [client.status, 'abandoned'], reason },
  });
}

async function applyOne(ctx: RunContext, tx: WriteTx, t: Transition): Promise<boolean> {
  const row = await tx.em.findOneBy(ServiceEntity, { id: t.id });
  // Paid, renewed or changed by hand since it was read: the next run will see it as it is now.
  if (!row || row.status !== t.status || row.dueDate !== t.dueDate || row.paidMonths !== t.paidMonths) return false;
  const added = ctx.log.add(tx, {
    action: ACTION[t.to],
    clientId: t.clientId,
    serviceId: t.id,
    // Once per period and status: a person who lifts a suspension by hand is not overruled the next morning.
    dedupeKey: `status:${t.id}:${t.dueDate}:${t.to}`,
    detail: detailOf(t, ctx.today, ctx.rules[t.kind]),
  });
  if (!added) return false;
  const suspensionReason = t.to === 'suspended' ? 'non_payment' : null;
  await tx.em.update(ServiceEntity, { id: t.id }, { status: t.to, suspensionReason, updatedAt: tx.now.toISOString() });
  const reason = t.terminationRequested ? 'client_request' : t.to === 'grace' ? 'expired' : 'non_payment';
  await recordEvent(tx, SYSTEM, t.id, 'status', t.status, t.to, { reason, billingRun: ctx.log.runId });
  await tx.audit({
    action: `automation.${t.to}`,
    entity: 'service',
    entityId: t.id,
    summary: { status: [t.status, t.to], label: t.label, dueDate: t.dueDate, reason },
  });
  if (t.to === 'suspended') {
    ctx.log.mail(tx, {
      kind: 'suspension_notice',
      clientId: t.clientId,
      serviceId: t.id,
      dedupeKey: `suspension:${t.id}:${t.dueDate}`,
    });
  }
  try {
    await ctx.log.savepoint(tx, () => followProforma(ctx, tx, t));
  } catch (error) {
    ctx.log.add(tx, {
      action: 'warning',
      clientId: t.clientId,
      serviceId: t.id,
      dedupeKey: null,
      detail: `Proforma du service « ${t.label} » à revoir : ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  return true;
}

/** Suspends, terminates, moves domains to grace and to lost, as the calendar says; never renews anything. */
export async function applyTransitions(ctx: RunContext, floor: string): Promise<void> {
  const moves = pendingTransitions(ctx.db.reader, ctx.today, ctx.rules, floor);
  for (const batch of chunks(moves, ctx.options.batchSize ?? 100)) {
    await ctx.log.batch(ctx, 'automation.transitions', async (tx) => {
      const ended = new Set<number>();
      for (const t of batch) {
        const applied = await applyOne(ctx, tx, t);
        if (applied && !t.terminationRequested && (t.to === 'terminated' || t.to === 'lost')) ended.add(t.clientId);
      }
      for (const clientId of ended) await markAbandoned(ctx, tx, clientId);
    });
  }
}
