import { formatMoney } from '../../../shared/money';
import type { Actor, WriteTx } from '../../db/database';
import { ClientCreditEntity, DocumentEntity } from '../../db/entities';
import { AppError } from '../../errors';
import { settleProforma } from '../documents/settle';
import { queueMail } from '../mail/queue';
import { businessDate } from '../../../shared/dates';
import { creditBalance, invoicePayments } from './ledger';
import { openProformasOf } from './record';

/** Spends the client's credit on one of its open proformas; completing it issues its invoice. Returns the invoice id. */
export async function applyCredit(
  tx: WriteTx,
  actor: Actor,
  input: { clientId: number; documentId: number; amount: number },
): Promise<number | null> {
  const doc = openProformasOf(tx, input.clientId).find((d) => d.id === input.documentId);
  if (!doc) {
    throw new AppError('VALIDATION', 'Proforma inconnue, déjà réglée ou d’un autre client.', {
      documentId: 'Choisissez une proforma ouverte du client.',
    });
  }
  const balance = doc.ttc - doc.paid;
  const credit = await creditBalance(tx.em, input.clientId, doc.currency);
  if (input.amount > Math.min(balance, credit)) {
    const most = formatMoney(Math.min(balance, credit), doc.currency);
    throw new AppError('VALIDATION', `Au plus ${most} (crédit disponible et reste à payer).`, {
      amount: `Au plus ${most}.`,
    });
  }
  const at = tx.now.toISOString();
  await tx.em.insert(ClientCreditEntity, {
    clientId: input.clientId,
    currency: doc.currency,
    amount: -input.amount,
    kind: 'applied',
    documentId: doc.id,
    at,
    username: actor.username,
  });
  const paid = doc.paid + input.amount;
  let invoiceId: number | null = null;
  if (paid === doc.ttc) {
    invoiceId = await settleProforma(tx, actor, doc.id, {
      paidOn: businessDate(tx.now),
      payments: await invoicePayments(tx.em, doc.id),
    });
    queueMail(tx, actor, {
      kind: 'invoice',
      clientId: input.clientId,
      documentId: invoiceId,
      dedupeKey: `invoice:${invoiceId}`,
    });
  } else {
    await tx.em.update(DocumentEntity, { id: doc.id }, { paid, status: 'partially_paid', updatedAt: at });
  }
  await tx.audit({
    action: 'payments.applyCredit',
    entity: 'document',
    entityId: doc.id,
    summary: { number: doc.number, amount: input.amount, currency: doc.currency, invoice: invoiceId },
  });
  return invoiceId;
}
