import type { z } from 'zod';
import type { creditNoteInputSchema } from '../../../shared/api/documents';
import { businessDate } from '../../../shared/dates';
import type { Actor, WriteTx } from '../../db/database';
import { ClientCreditEntity, DocumentEntity, DocumentLineEntity } from '../../db/entities';
import { AppError } from '../../errors';
import { insertLines, totalsColumns, totalsFor, type NewLine } from './lines';
import { assignNumber } from './numbering';
import { sealInTransaction } from './printing';
import { findDocument, linesOf } from './repository';
import { buyerOf, freezeSeller } from './snapshot';

type CreditNoteInput = z.output<typeof creditNoteInputSchema>;

/**
 * Cancels all or part of an invoice by a credit note of its own series. The invoice is never touched but for the
 * quantities credited on its lines and its status; the money goes to the client's balance or is marked refunded.
 */
export async function issueCreditNote(tx: WriteTx, actor: Actor, input: CreditNoteInput): Promise<number> {
  const invoice = await findDocument(tx.em, input.invoiceId);
  if (invoice.type !== 'invoice') throw new AppError('CONFLICT', 'Un avoir ne peut porter que sur une facture.');
  if (invoice.status === 'credited') throw new AppError('CONFLICT', 'Cette facture est déjà entièrement annulée.');
  const invoiceLines = await linesOf(tx.em, invoice.id);
  const wanted = input.lines ?? invoiceLines.map((l) => ({ lineId: l.id, quantity: l.quantity - l.creditedQuantity }));

  const credited: NewLine[] = [];
  const updates: { id: number; creditedQuantity: number }[] = [];
  for (const [i, want] of wanted.entries()) {
    if (want.quantity <= 0) continue;
    const line = invoiceLines.find((l) => l.id === want.lineId);
    const field = `lines.${i}.quantity`;
    if (!line)
      throw new AppError('VALIDATION', 'Ligne inconnue sur cette facture.', {
        [`lines.${i}.lineId`]: 'Ligne inconnue.',
      });
    if (updates.some((u) => u.id === line.id)) {
      throw new AppError('VALIDATION', 'Une ligne figure deux fois.', { [field]: 'Ligne en double.' });
    }
    const left = line.quantity - line.creditedQuantity;
    if (want.quantity > left) {
      const message = `Au plus ${left / 1000} pour « ${line.description} ».`;
      throw new AppError('VALIDATION', message, { [field]: message });
    }
    credited.push({
      kind: line.kind,
      serviceId: line.serviceId,
      productId: line.productId,
      description: line.description,
      quantity: want.quantity,
      unitPrice: line.unitPrice,
      vatRate: line.vatRate,
      periodFrom: line.periodFrom,
      periodTo: line.periodTo,
      months: 0,
      sourceLineId: line.id,
    });
    updates.push({ id: line.id, creditedQuantity: line.creditedQuantity + want.quantity });
  }
  if (credited.length === 0) {
    throw new AppError('VALIDATION', 'Rien à créditer sur cette facture.', { lines: 'Choisissez au moins une ligne.' });
  }
  const totals = totalsFor(credited);
  if (totals.ttc <= 0) {
    throw new AppError('VALIDATION', 'Un avoir à zéro ne peut être établi.', { lines: 'Total nul.' });
  }

  const issueDate = businessDate(tx.now);
  const numbered = await assignNumber(tx, 'credit_note', issueDate);
  const at = tx.now.toISOString();
  const note = await tx.em.save(DocumentEntity, {
    ...numbered,
    type: 'credit_note' as const,
    status: 'issued' as const,
    clientId: invoice.clientId,
    currency: invoice.currency,
    issueDate,
    dueDate: null,
    sourceId: invoice.id,
    ...totalsColumns(totals),
    reason: input.reason,
    creditMode: input.mode,
    seller: JSON.stringify(await freezeSeller(tx)),
    buyer: JSON.stringify(await buyerOf(tx.em, invoice.clientId)),
    issuedAt: at,
    issuedBy: actor.username,
    createdAt: at,
    createdBy: actor.username,
    updatedAt: at,
  });
  await insertLines(tx, note.id, credited);
  for (const u of updates) {
    await tx.em.update(DocumentLineEntity, { id: u.id }, { creditedQuantity: u.creditedQuantity });
  }
  const fully = invoiceLines.every(
    (l) => (updates.find((u) => u.id === l.id)?.creditedQuantity ?? l.creditedQuantity) >= l.quantity,
  );
  await tx.em.update(
    DocumentEntity,
    { id: invoice.id },
    { status: fully ? 'credited' : 'partially_credited', updatedAt: at },
  );
  if (input.mode === 'balance') {
    await tx.em.insert(ClientCreditEntity, {
      clientId: invoice.clientId,
      currency: invoice.currency,
      amount: totals.ttc,
      kind: 'credit_note',
      documentId: note.id,
      at,
      username: actor.username,
    });
  }
  const pdfSha256 = await sealInTransaction(tx, note.id);
  await tx.audit({
    action: 'documents.creditNote',
    entity: 'document',
    entityId: note.id,
    summary: {
      number: numbered.number,
      invoice: invoice.number,
      ttc: totals.ttc,
      mode: input.mode,
      reason: input.reason,
      pdfSha256,
    },
  });
  return note.id;
}
