import { businessDate } from '../../../shared/dates';
import { formatDuration, hoursQuantity } from '../../../shared/durations';
import type { Currency } from '../../../shared/money';
import { formatCalendarDate } from '../../../shared/periods';
import type { Actor, WriteTx } from '../../db/database';
import { ClientEntity, DocumentEntity, TimeEntryEntity } from '../../db/entities';
import { AppError } from '../../errors';
import { issueProforma } from '../documents/issue';
import { insertLines, totalsColumns, totalsFor, type NewLine } from '../documents/lines';
import { outsourcingService } from './entries';
import { hourlyPrice } from './extra-lines';
import { billedHours, estimateLines } from './hours';

/** Writes a proforma of ready-made lines and issues it (numbered, frozen, sealed): the counter's own issue path. */
export async function issueLines(
  tx: WriteTx,
  actor: Actor,
  clientId: number,
  currency: Currency,
  lines: NewLine[],
  seal: 'now' | 'later' = 'now',
): Promise<number> {
  const client = await tx.em.findOneByOrFail(ClientEntity, { id: clientId });
  if (client.anonymizedAt) throw new AppError('CONFLICT', 'Ce client a été anonymisé : plus aucun document.');
  const totals = totalsFor(lines);
  const at = tx.now.toISOString();
  const saved = await tx.em.save(DocumentEntity, {
    clientId,
    currency,
    dueDate: null,
    notes: '',
    ...totalsColumns(totals),
    type: 'proforma' as const,
    status: 'draft' as const,
    number: null,
    createdAt: at,
    createdBy: actor.username,
    updatedAt: at,
  });
  await insertLines(tx, saved.id, lines);
  await tx.audit({
    action: 'documents.saveDraft',
    entity: 'document',
    entityId: saved.id,
    summary: { client: client.code, currency, lines: lines.length, ttc: totals.ttc },
  });
  await issueProforma(tx, actor, saved.id, { seal });
  return saved.id;
}

/** The estimate given in advance (terms §2.3.1): estimated hours at the hourly price, to be paid as a deposit. */
export async function missionEstimate(tx: WriteTx, actor: Actor, serviceId: number, minutes: number): Promise<number> {
  const { service, product } = await outsourcingService(tx.em, serviceId);
  if (product.kind !== 'outsourcing_mission') {
    throw new AppError('VALIDATION', 'Seule une mission ponctuelle a une estimation.');
  }
  if (['terminated', 'cancelled', 'lost'].includes(service.status)) {
    throw new AppError('CONFLICT', `Le service ${service.label} est terminé.`);
  }
  if (billedHours(tx.em, serviceId).length > 0) {
    throw new AppError('CONFLICT', 'Cette mission a déjà sa proforma finale.');
  }
  const open = estimateLines(tx.em, serviceId).find((l) => l.status !== 'paid');
  if (open) throw new AppError('CONFLICT', `L'estimation est déjà sur la proforma ${open.number ?? ''}.`);
  const unitPrice = await hourlyPrice(tx.em, product, service.currency, tx.now.toISOString());
  const line: NewLine = {
    kind: 'estimate',
    serviceId,
    productId: product.id,
    description: `${product.name} — ${service.label} : estimation ${formatDuration(minutes)} (acompte)`,
    quantity: hoursQuantity(minutes),
    unitPrice,
    vatRate: product.vatRate,
    periodFrom: null,
    periodTo: null,
    months: 0,
  };
  return issueLines(tx, actor, service.clientId, service.currency, [line]);
}

/**
 * The final proforma of a finished mission (a manager's act): the time entries at the hourly price, the estimate shown
 * beside, and the estimate proformas already paid deducted as the deposit. The entries are then frozen.
 */
export async function missionFinal(tx: WriteTx, actor: Actor, serviceId: number): Promise<number> {
  const { service, product } = await outsourcingService(tx.em, serviceId);
  if (product.kind !== 'outsourcing_mission') {
    throw new AppError('VALIDATION', 'Seule une mission ponctuelle a une proforma finale.');
  }
  const done = billedHours(tx.em, serviceId)[0];
  if (done) throw new AppError('CONFLICT', `Cette mission est déjà facturée (proforma ${done.number ?? ''}).`);
  const estimates = estimateLines(tx.em, serviceId);
  const open = estimates.find((l) => l.status !== 'paid');
  if (open) {
    throw new AppError(
      'CONFLICT',
      `L'estimation ${open.number ?? ''} n'est pas réglée : encaissez-la ou annulez-la avant la proforma finale.`,
    );
  }
  const entries = await tx.em.find(TimeEntryEntity, { where: { serviceId }, order: { workDate: 'ASC', id: 'ASC' } });
  if (entries.length === 0) throw new AppError('VALIDATION', 'Aucun temps passé noté sur cette mission.');
  const minutes = entries.reduce((sum, e) => sum + e.minutes, 0);
  const estimated = estimates.reduce((sum, l) => sum + l.quantity, 0);
  const estimateText =
    estimated > 0 ? `estimation : ${formatDuration(Math.round((estimated * 60) / 1000))}` : 'sans estimation';
  const first = entries[0]?.workDate ?? businessDate(tx.now);
  const last = entries.at(-1)?.workDate ?? first;
  const unitPrice = await hourlyPrice(tx.em, product, service.currency, tx.now.toISOString());
  const lines: NewLine[] = [
    {
      kind: 'hours',
      serviceId,
      productId: product.id,
      description:
        `${product.name} — ${service.label} : temps passé ${formatDuration(minutes)} ` +
        `du ${formatCalendarDate(first)} au ${formatCalendarDate(last)} (${estimateText})`,
      quantity: hoursQuantity(minutes),
      unitPrice,
      vatRate: product.vatRate,
      periodFrom: null,
      periodTo: null,
      months: 0,
    },
    ...estimates.map((deposit) => ({
      kind: 'deposit' as const,
      serviceId,
      productId: product.id,
      description: `Acompte déjà réglé — proforma ${deposit.number ?? ''}`,
      quantity: 1000,
      unitPrice: -deposit.amountHt,
      vatRate: deposit.vatRate,
      periodFrom: null,
      periodTo: null,
      months: 0,
    })),
  ];
  const ht = totalsFor(lines).ht;
  if (ht <= 0) {
    throw new AppError(
      'CONFLICT',
      `Le temps passé (${formatDuration(minutes)}) ne dépasse pas l'acompte réglé : rien à facturer ; ` +
        'un avoir sur la facture d’acompte rend le trop-perçu.',
    );
  }
  return issueLines(tx, actor, service.clientId, service.currency, lines);
}
