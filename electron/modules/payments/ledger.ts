import type { EntityManager } from 'typeorm';
import type { InvoicePaymentDto } from '../../../shared/api/documents';
import type { PaymentDetails } from '../../../shared/api/payments';
import { businessDate } from '../../../shared/dates';
import type { Currency } from '../../../shared/money';
import { paymentReference } from '../../../shared/payment-methods';
import { ClientCreditEntity, PaymentAllocationEntity, PaymentEntity, type PaymentRow } from '../../db/entities';
import { findRows, statement } from '../../db/rows';

/** The client's credit in a currency: the sum of its ledger. */
export async function creditBalance(em: EntityManager, clientId: number, currency: Currency): Promise<number> {
  const row = await em
    .createQueryBuilder(ClientCreditEntity, 'c')
    .select('COALESCE(SUM(c.amount), 0)', 'total')
    .where('c.clientId = :clientId AND c.currency = :currency', { clientId, currency })
    .getRawOne<{ total: number | string }>();
  return Number(row?.total ?? 0);
}

/** What an invoice prints about the payments of its proforma: each payment's date, method, reference and share. */
export function invoicePayments(em: EntityManager, proformaId: number): Promise<InvoicePaymentDto[]> {
  const allocations = findRows(em, PaymentAllocationEntity, { documentId: proformaId }, '"id"');
  const net = new Map<number, number>();
  for (const a of allocations) net.set(a.paymentId, (net.get(a.paymentId) ?? 0) + a.amount);
  const ids = [...net.entries()].filter(([, amount]) => amount > 0).map(([id]) => id);
  const payments = findRows(em, PaymentEntity, { id: ids });
  const credits = findRows(em, ClientCreditEntity, { documentId: proformaId, kind: 'applied' }, '"id"');
  const rows: InvoicePaymentDto[] = payments
    .sort((a, b) => a.id - b.id)
    .map((p) => invoicePaymentLine(p, net.get(p.id) ?? 0));
  for (const c of credits) {
    rows.push({ date: businessDate(new Date(c.at)), method: 'credit', reference: '', amount: -c.amount });
  }
  return Promise.resolve(rows);
}

/** One payment as its invoice prints it: date, method, receipt number and the method's reference, amount. */
export function invoicePaymentLine(
  p: Pick<PaymentRow, 'paidOn' | 'method' | 'number' | 'details'>,
  amount: number,
): InvoicePaymentDto {
  return {
    date: p.paidOn,
    method: p.method,
    reference: [p.number, paymentReference(JSON.parse(p.details) as PaymentDetails)].filter(Boolean).join(' — '),
    amount,
  };
}

/**
 * The cash already received on each proforma (CGI art. 193 is cumulated per proforma): the net of its allocations from
 * incoming cash payments, reversals of voided ones included. Cash is always in dirhams.
 */
export function cashReceivedOn(em: EntityManager, documentIds: readonly number[]): Map<number, number> {
  const received = new Map<number, number>();
  if (documentIds.length === 0) return received;
  const sql =
    'SELECT a."document_id" AS "id", SUM(a."payment_amount") AS "cash" FROM "payment_allocations" a ' +
    'JOIN "payments" p ON p."id" = a."payment_id" ' +
    `WHERE p."method" = 'cash' AND p."direction" = 'in' AND a."document_id" IN (${documentIds.map(() => '?').join(', ')}) ` +
    'GROUP BY a."document_id"';
  for (const row of statement(em, sql).all(...documentIds) as { id: number; cash: number }[]) {
    received.set(row.id, row.cash);
  }
  return received;
}
