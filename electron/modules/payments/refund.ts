import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { paymentsApi } from '../../../shared/api/payments';
import { businessDate } from '../../../shared/dates';
import { formatDocumentNumber } from '../../../shared/document-numbers';
import { formatMoney } from '../../../shared/money';
import type { Actor, WriteTx } from '../../db/database';
import { nextNumber } from '../../db/counters';
import {
  CashMovementEntity,
  CashSessionEntity,
  ClientCreditEntity,
  ClientEntity,
  DocumentEntity,
  PaymentEntity,
} from '../../db/entities';
import { AppError, fieldError } from '../../errors';
import { drawerExpected } from '../cash/handlers';
import { companySettings } from '../documents/snapshot';
import { creditBalance } from './ledger';
import { PaymentReplay } from './record';

export type RefundInput = z.output<(typeof paymentsApi)['payments.refund']['input']>;

/** What is left to pay back on a credit note issued as a refund. */
async function refundableOn(tx: WriteTx, creditNoteId: number, clientId: number, currency: string): Promise<number> {
  const note = await tx.em.findOneBy(DocumentEntity, { id: creditNoteId });
  if (note?.type !== 'credit_note' || note.clientId !== clientId) {
    throw fieldError('creditNoteId', 'Avoir inconnu pour ce client.');
  }
  if (note.creditMode !== 'refund') {
    throw fieldError('creditNoteId', 'Cet avoir est porté au crédit du client : remboursez sur son crédit.');
  }
  if (note.currency !== currency) throw fieldError('currency', `Cet avoir est en ${note.currency}.`);
  const refunds = await tx.em.findBy(PaymentEntity, { creditNoteId, status: 'recorded' });
  return note.ttc - refunds.reduce((s, r) => s + r.amount, 0);
}

/** Pays money back (SPEC §5): an outgoing payment with its receipt number, from a refund credit note or the credit. */
export async function recordRefund(tx: WriteTx, actor: Actor, input: RefundInput): Promise<number> {
  const hash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const previous = await tx.em.findOneBy(PaymentEntity, { idempotencyKey: input.idempotencyKey });
  if (previous) {
    if (previous.payloadHash !== hash)
      throw new AppError('CONFLICT', 'Cette saisie a déjà servi : rouvrez le formulaire.');
    throw new PaymentReplay(previous.id);
  }
  const client = await tx.em.findOneBy(ClientEntity, { id: input.clientId });
  if (!client) throw fieldError('clientId', 'Client introuvable.');
  const available =
    input.creditNoteId === undefined
      ? await creditBalance(tx.em, client.id, input.currency)
      : await refundableOn(tx, input.creditNoteId, client.id, input.currency);
  if (input.amount > available) {
    throw fieldError('amount', `Au plus ${formatMoney(Math.max(available, 0), input.currency)} à rembourser.`);
  }
  const method = input.details.method;
  let sessionId: number | null = null;
  if (method === 'cash') {
    if (input.currency !== 'MAD') throw fieldError('currency', 'La caisse est tenue en dirhams.');
    const session = await tx.em.findOneBy(CashSessionEntity, { desk: input.desk, status: 'open' });
    if (!session) throw new AppError('CONFLICT', `Aucune caisse ouverte au poste « ${input.desk || '—'} ».`);
    sessionId = session.id;
    const expected = await drawerExpected(tx.em, session);
    if (input.amount > expected) throw fieldError('amount', `La caisse ne contient que ${formatMoney(expected)}.`);
  }
  const paidOn = businessDate(tx.now);
  const at = tx.now.toISOString();
  const year = Number(paidOn.slice(0, 4));
  const seq = await nextNumber(tx.em, 'receipt', year);
  const number = formatDocumentNumber((await companySettings(tx.em)).prefixes.receipt, year, seq);
  const refund = await tx.em.save(PaymentEntity, {
    number,
    seriesYear: year,
    seq,
    direction: 'out' as const,
    clientId: client.id,
    amount: input.amount,
    stampDuty: 0,
    currency: input.currency,
    method,
    details: JSON.stringify(input.details),
    paidOn,
    receivedAt: at,
    userId: actor.userId,
    staff: actor.username,
    cashSessionId: sessionId,
    idempotencyKey: input.idempotencyKey,
    payloadHash: hash,
    credit: 0,
    status: 'recorded' as const,
    approvedBy: null,
    approvalReason: '',
    note: input.note,
    creditNoteId: input.creditNoteId ?? null,
  });
  if (input.creditNoteId === undefined) {
    await tx.em.insert(ClientCreditEntity, {
      clientId: client.id,
      currency: input.currency,
      amount: -input.amount,
      kind: 'refund',
      documentId: null,
      at,
      username: actor.username,
    });
  }
  if (sessionId !== null) {
    await tx.em.insert(CashMovementEntity, {
      sessionId,
      kind: 'refund',
      amount: -input.amount,
      reason: input.note,
      paymentId: refund.id,
      at,
      username: actor.username,
    });
  }
  await tx.audit({
    action: 'payments.refund',
    entity: 'payment',
    entityId: refund.id,
    summary: {
      number,
      client: client.code,
      amount: input.amount,
      currency: input.currency,
      method,
      creditNote: input.creditNoteId ?? null,
    },
  });
  return refund.id;
}
