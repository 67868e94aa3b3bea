import { businessDate } from '../../../shared/dates';
import { addDays, paidUntil } from '../../../shared/periods';
import type { Actor, WriteTx } from '../../db/database';
import { ClientEntity, DocumentEntity, ServiceEntity } from '../../db/entities';
import { AppError } from '../../errors';
import { assertHoursUnbilled } from '../outsourcing/extra-lines';
import { assignNumber } from './numbering';
import { openProformas } from './renewals';
import { findDocument, linesOf } from './repository';
import { buyerOf, freezeSeller } from './snapshot';
import { insertLines } from './lines';
import { sealInTransaction } from './printing';

/** Days a proforma of free lines leaves to pay, when no due date was chosen. */
const DEFAULT_DAYS_TO_PAY = 15;

/**
 * Issues a draft proforma: its number, today's date, the company and the client frozen on it. The services on it
 * must still be where the draft left them (not renewed meanwhile, not on another open proforma). Its PDF is sealed in
 * the same transaction, or right after it (`seal: 'later'`: the daily billing run issues hundreds at once and seals them
 * behind the counter's back); `note` adds facts to the audit entry.
 */
export async function issueProforma(
  tx: WriteTx,
  actor: Actor,
  id: number,
  options: { seal: 'now' | 'later'; note?: Record<string, unknown> } = { seal: 'now' },
): Promise<void> {
  const row = await findDocument(tx.em, id);
  if (row.type !== 'proforma' || row.status !== 'draft') throw new AppError('CONFLICT', 'Ce document est déjà émis.');
  const lines = await linesOf(tx.em, id);
  if (lines.length === 0) throw new AppError('VALIDATION', 'Ajoutez au moins une ligne.', { lines: 'Aucune ligne.' });
  if (row.ttc <= 0)
    throw new AppError('VALIDATION', 'Une proforma à zéro ne peut être émise.', { lines: 'Total nul.' });
  const client = await tx.em.findOneByOrFail(ClientEntity, { id: row.clientId });
  if (client.anonymizedAt) throw new AppError('CONFLICT', 'Ce client a été anonymisé : plus aucun document.');

  const serviceLines = lines.filter((l) => l.kind === 'service' && l.serviceId !== null);
  const taken = await openProformas(
    tx.em,
    serviceLines.map((l) => l.serviceId ?? 0),
  );
  for (const line of serviceLines) {
    const service = await tx.em.findOneByOrFail(ServiceEntity, { id: line.serviceId ?? 0 });
    const other = taken.get(service.id);
    if (other) {
      throw new AppError('CONFLICT', `Le service ${service.label} figure déjà sur la proforma ${other.number ?? ''}.`);
    }
    if (line.periodFrom !== paidUntil(service.anchorDate, service.paidMonths)) {
      throw new AppError(
        'CONFLICT',
        `Le service ${service.label} a changé depuis le brouillon : enregistrez le brouillon à nouveau.`,
      );
    }
  }

  const labels = new Map<number, string>();
  for (const line of lines.filter((l) => l.kind === 'hours' && l.serviceId !== null)) {
    const service = await tx.em.findOneByOrFail(ServiceEntity, { id: line.serviceId ?? 0 });
    labels.set(service.id, service.label);
  }
  assertHoursUnbilled(tx.em, id, lines, (serviceId) => labels.get(serviceId) ?? '');

  const issueDate = businessDate(tx.now);
  const starts = serviceLines.map((l) => l.periodFrom ?? issueDate).sort();
  const dueDate =
    row.dueDate ??
    (starts[0] ? (starts[0] > issueDate ? starts[0] : issueDate) : addDays(issueDate, DEFAULT_DAYS_TO_PAY));
  if (dueDate < issueDate) {
    throw new AppError('VALIDATION', "L'échéance ne peut précéder la date d'émission.", {
      dueDate: "L'échéance ne peut précéder la date d'émission.",
    });
  }
  const numbered = await assignNumber(tx, 'proforma', issueDate);
  const at = tx.now.toISOString();
  await tx.em.update(
    DocumentEntity,
    { id },
    {
      ...numbered,
      status: 'issued',
      issueDate,
      dueDate,
      seller: JSON.stringify(await freezeSeller(tx)),
      buyer: JSON.stringify(await buyerOf(tx.em, row.clientId)),
      issuedAt: at,
      issuedBy: actor.username,
      updatedAt: at,
    },
  );
  const pdfSha256 = options.seal === 'now' ? await sealInTransaction(tx, id) : null;
  await tx.audit({
    action: 'documents.issue',
    entity: 'document',
    entityId: id,
    summary: {
      number: numbered.number,
      client: client.code,
      ttc: row.ttc,
      currency: row.currency,
      ...(pdfSha256 ? { pdfSha256 } : {}),
      ...options.note,
    },
  });
}

/** Abandons a draft, or cancels an issued proforma on which nothing was received. */
export async function cancelProforma(tx: WriteTx, actor: Actor, id: number, reason: string): Promise<void> {
  const row = await findDocument(tx.em, id);
  if (row.type !== 'proforma') {
    throw new AppError('CONFLICT', 'Une facture ne s’annule pas : établissez un avoir.');
  }
  if (!['draft', 'issued'].includes(row.status) || row.paid > 0) {
    throw new AppError('CONFLICT', 'Cette proforma a reçu un paiement ou est déjà close : elle ne peut être annulée.');
  }
  const at = tx.now.toISOString();
  await tx.em.update(
    DocumentEntity,
    { id },
    { status: 'cancelled', cancelledAt: at, cancelledBy: actor.username, cancelReason: reason, updatedAt: at },
  );
  await tx.audit({
    action: 'documents.cancel',
    entity: 'document',
    entityId: id,
    summary: { number: row.number, status: [row.status, 'cancelled'], reason },
  });
}

/** A new draft with the lines of a proforma, as they were (service lines are repriced when the draft is saved). */
export async function duplicateProforma(tx: WriteTx, actor: Actor, id: number): Promise<number> {
  const row = await findDocument(tx.em, id);
  if (row.type !== 'proforma') throw new AppError('CONFLICT', 'Seule une proforma peut être dupliquée.');
  const lines = await linesOf(tx.em, id);
  const at = tx.now.toISOString();
  const copy = await tx.em.save(DocumentEntity, {
    type: 'proforma' as const,
    status: 'draft' as const,
    number: null,
    clientId: row.clientId,
    currency: row.currency,
    dueDate: null,
    notes: row.notes,
    ht: row.ht,
    totalVat: row.totalVat,
    ttc: row.ttc,
    vatBreakdown: row.vatBreakdown,
    createdAt: at,
    createdBy: actor.username,
    updatedAt: at,
  });
  await insertLines(tx, copy.id, lines);
  await tx.audit({
    action: 'documents.duplicate',
    entity: 'document',
    entityId: copy.id,
    summary: { from: row.number ?? row.id },
  });
  return copy.id;
}
