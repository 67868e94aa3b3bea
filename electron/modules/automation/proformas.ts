import type { Currency } from '../../../shared/money';
import { formatCalendarDate } from '../../../shared/periods';
import type { WriteTx } from '../../db/database';
import { DocumentEntity, ServiceEntity, type DocumentRow } from '../../db/entities';
import { saveDraft } from '../documents/drafts';
import { cancelProforma, issueProforma } from '../documents/issue';
import { linesOf } from '../documents/repository';
import { SYSTEM, type RunContext } from './run-log';

export interface Renewal {
  serviceId: number;
  /** Periods to renew (domain years, months…): 1 for a renewal by the run. */
  periods: number;
}

/**
 * Issues a renewal proforma for services of one client, inside the run's transaction: the draft is made by the counter's
 * own use case (lines priced from the catalogue, a domain in grace with its late fee), then issued by documents.issue's
 * (numbered, dated, frozen). Its PDF seal is taken right after the commit, in the background, as for an invoice after a
 * payment: the run does not render hundreds of PDFs inside its transactions (SPEC §10: 150,000 services in 5 s).
 */
export async function issueRenewal(
  ctx: RunContext,
  tx: WriteTx,
  clientId: number,
  currency: Currency,
  renewals: Renewal[],
): Promise<DocumentRow> {
  const id = await saveDraft(tx, SYSTEM, {
    clientId,
    currency,
    dueDate: null,
    notes: '',
    lines: renewals.map((r) => ({ kind: 'service' as const, serviceId: r.serviceId, periods: r.periods })),
  });
  const draft = await tx.em.findOneByOrFail(DocumentEntity, { id });
  if (draft.ttc <= 0) throw new Error('Montant nul au catalogue : la proforma ne peut être émise.');
  await issueProforma(tx, SYSTEM, id, { seal: 'later', note: { billingRun: ctx.log.runId } });
  ctx.log.seal(id);
  return tx.em.findOneByOrFail(DocumentEntity, { id });
}

/**
 * A proforma of the run that no longer fits its services (a domain entered its grace period: the renewal now carries
 * the late fee; a service was terminated: it must not be paid for): cancelled, and replaced by a new one for the
 * services on it that can still be renewed, e-mailed like the first. Returns the new proforma, or null when nothing on
 * it can be renewed any more. Only an unpaid proforma is replaced.
 */
export async function replaceProforma(
  ctx: RunContext,
  tx: WriteTx,
  old: DocumentRow,
  reason: string,
): Promise<DocumentRow | null> {
  const lines = (await linesOf(tx.em, old.id)).filter((l) => l.kind === 'service' && l.serviceId !== null);
  await cancelProforma(tx, SYSTEM, old.id, reason);
  const renewals: Renewal[] = [];
  for (const line of lines) {
    const service = await tx.em.findOneByOrFail(ServiceEntity, { id: line.serviceId ?? 0 });
    if (['active', 'grace', 'suspended'].includes(service.status) && !service.terminationRequested) {
      renewals.push({ serviceId: service.id, periods: Math.max(1, Math.round(line.quantity / 1000)) });
    }
  }
  if (renewals.length === 0) {
    ctx.log.add(tx, {
      action: 'proforma_cancelled',
      clientId: old.clientId,
      documentId: old.id,
      dedupeKey: `cancel:${old.id}`,
      detail: `Proforma ${old.number ?? ''} annulée : ${reason}.`,
    });
    return null;
  }
  const next = await issueRenewal(ctx, tx, old.clientId, old.currency, renewals);
  ctx.log.add(tx, {
    action: 'proforma_replaced',
    clientId: old.clientId,
    documentId: next.id,
    dedupeKey: `replace:${old.id}`,
    detail:
      `Proforma ${old.number ?? ''} annulée et remplacée par ${next.number ?? ''} ` +
      `(${reason}), à régler avant le ${formatCalendarDate(next.dueDate ?? ctx.today)}.`,
  });
  ctx.log.mail(tx, {
    kind: 'renewal_proforma',
    clientId: old.clientId,
    documentId: next.id,
    dedupeKey: `renewal:${next.id}`,
  });
  return next;
}
