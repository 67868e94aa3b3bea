import { IsNull } from 'typeorm';
import type { Actor, WriteTx } from '../../db/database';
import {
  CashMovementEntity,
  CashSessionEntity,
  ClientCreditEntity,
  DocumentEntity,
  DocumentLineEntity,
  PaymentAllocationEntity,
  PaymentEntity,
} from '../../db/entities';
import { AppError, notFound } from '../../errors';
import { issueCreditNote } from '../documents/credit-notes';
import { revertExtension } from '../services/extend';
import { creditBalance } from './ledger';

/**
 * Voids a payment (a manager, with a reason): its allocations are reversed by opposite rows, an invoice it completed
 * is cancelled by a credit note and the services it extended are taken back, the credit it left is withdrawn and its
 * cash leaves the drawer. Nothing is deleted.
 */
export async function voidPayment(tx: WriteTx, actor: Actor, id: number, reason: string): Promise<number[]> {
  const payment = await tx.em.findOneBy(PaymentEntity, { id });
  if (!payment) throw notFound('Paiement');
  if (payment.status !== 'recorded') throw new AppError('CONFLICT', 'Ce paiement est déjà annulé.');
  if (payment.cashSessionId !== null) {
    const session = await tx.em.findOneByOrFail(CashSessionEntity, { id: payment.cashSessionId });
    if (session.status !== 'open') {
      throw new AppError('CONFLICT', 'La caisse de ce paiement est close : enregistrez un remboursement.');
    }
  }
  if (payment.credit > 0 && (await creditBalance(tx.em, payment.clientId, payment.currency)) < payment.credit) {
    throw new AppError('CONFLICT', 'Le crédit laissé par ce paiement a déjà été utilisé : il ne peut être annulé.');
  }
  const at = tx.now.toISOString();
  const allocations = await tx.em.findBy(PaymentAllocationEntity, { paymentId: id, reversalOf: IsNull() });
  const creditNotes: number[] = [];
  for (const a of allocations) {
    const doc = await tx.em.findOneByOrFail(DocumentEntity, { id: a.documentId });
    if (doc.status === 'paid') {
      const invoice = await tx.em.findOneBy(DocumentEntity, { sourceId: doc.id, type: 'invoice' });
      if (invoice && invoice.status !== 'credited') {
        creditNotes.push(
          await issueCreditNote(tx, actor, {
            invoiceId: invoice.id,
            reason: `Annulation du règlement ${payment.number} : ${reason}`,
            mode: 'refund',
          }),
        );
      }
      const lines = await tx.em.findBy(DocumentLineEntity, { documentId: doc.id, kind: 'service' });
      for (const line of lines) {
        if (line.serviceId !== null && line.months > 0) await revertExtension(tx, actor, line.serviceId, line.months);
      }
    }
    const paid = doc.paid - a.amount;
    await tx.em.update(
      DocumentEntity,
      { id: doc.id },
      { paid, status: paid === 0 ? 'issued' : 'partially_paid', updatedAt: at },
    );
    await tx.em.insert(PaymentAllocationEntity, {
      paymentId: id,
      documentId: doc.id,
      amount: -a.amount,
      rate: a.rate,
      paymentAmount: -a.paymentAmount,
      balanceAfter: doc.ttc - paid,
      invoiceId: null,
      reversalOf: a.id,
      at,
    });
  }
  // A refund voided gives the client back the credit it had paid out.
  const creditBack = payment.direction === 'out' && payment.creditNoteId === null ? payment.amount : -payment.credit;
  if (creditBack !== 0) {
    await tx.em.insert(ClientCreditEntity, {
      clientId: payment.clientId,
      currency: payment.currency,
      amount: creditBack,
      kind: 'void',
      documentId: null,
      at,
      username: actor.username,
    });
  }
  if (payment.cashSessionId !== null) {
    await tx.em.insert(CashMovementEntity, {
      sessionId: payment.cashSessionId,
      kind: 'void',
      amount:
        payment.direction === 'out' ? payment.amount : -(payment.amount + payment.stampDuty + payment.cashRounding),
      reason,
      paymentId: id,
      at,
      username: actor.username,
    });
  }
  await tx.em.update(
    PaymentEntity,
    { id },
    { status: 'voided', voidReason: reason, voidedAt: at, voidedBy: actor.username },
  );
  await tx.audit({
    action: 'payments.void',
    entity: 'payment',
    entityId: id,
    summary: { number: payment.number, reason, creditNotes, reversed: allocations.length },
  });
  return creditNotes;
}
