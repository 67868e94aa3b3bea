import type { EntityManager } from 'typeorm';
import type { AllocationDto, PaymentDetails, PaymentDto } from '../../../shared/api/payments';
import { clientDisplayName } from '../../../shared/client';
import {
  ClientEntity,
  DocumentEntity,
  PaymentAllocationEntity,
  PaymentEntity,
  type PaymentRow,
} from '../../db/entities';
import { notFound } from '../../errors';
import { findRow, findRows } from '../../db/rows';
import { staffNames } from '../staff/names';

export function findPayment(em: EntityManager, id: number): Promise<PaymentRow> {
  const row = findRow(em, PaymentEntity, { id });
  if (!row) throw notFound('Paiement');
  return Promise.resolve(row);
}

export function paymentDtos(em: EntityManager, rows: PaymentRow[]): Promise<PaymentDto[]> {
  return Promise.resolve(paymentDtosNow(em, rows));
}

function paymentDtosNow(em: EntityManager, rows: PaymentRow[]): PaymentDto[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const clients = findRows(em, ClientEntity, { id: [...new Set(rows.map((r) => r.clientId))] });
  const allocations = findRows(em, PaymentAllocationEntity, { paymentId: ids }, '"id"');
  const docIds = [...new Set(allocations.map((a) => a.documentId))];
  const docs = findRows(em, DocumentEntity, { id: docIds });
  const noteIds = rows.flatMap((r) => (r.creditNoteId === null ? [] : [r.creditNoteId]));
  const notes = findRows(em, DocumentEntity, { id: noteIds });
  const invoiceIds = allocations.flatMap((a) => (a.invoiceId === null ? [] : [a.invoiceId]));
  const invoices = findRows(em, DocumentEntity, { id: invoiceIds });
  const names = staffNames(
    em,
    rows.flatMap((r) => [r.staff, r.voidedBy, r.approvedBy]),
  );
  const displayName = (username: string | null) => (username === null ? null : (names[username] ?? username));
  const clientOf = new Map(clients.map((c) => [c.id, c]));
  const docOf = new Map(docs.map((d) => [d.id, d]));
  const reversed = new Set(allocations.flatMap((a) => (a.reversalOf === null ? [] : [a.reversalOf])));
  return rows.map((row) => {
    const client = clientOf.get(row.clientId);
    const mine = allocations.filter((a) => a.paymentId === row.id && a.reversalOf === null);
    const dtos: AllocationDto[] = mine.map((a) => {
      const doc = docOf.get(a.documentId);
      return {
        documentId: a.documentId,
        documentNumber: doc?.number ?? null,
        amount: a.amount,
        currency: doc?.currency ?? row.currency,
        rate: a.rate,
        paymentAmount: a.paymentAmount,
        balanceAfter: a.balanceAfter,
        reversed: reversed.has(a.id),
      };
    });
    const settled = invoices.filter(
      (inv) =>
        mine.some((a) => a.documentId === inv.sourceId) && inv.issuedAt !== null && inv.issuedAt >= row.receivedAt,
    );
    return {
      id: row.id,
      number: row.number,
      direction: row.direction,
      clientId: row.clientId,
      clientCode: client?.code ?? '',
      clientName: client ? clientDisplayName(client) : '',
      amount: row.amount,
      stampDuty: row.stampDuty,
      cashRounding: row.cashRounding,
      collected: row.amount + row.stampDuty + row.cashRounding,
      currency: row.currency,
      method: row.method,
      details: JSON.parse(row.details) as PaymentDetails,
      paidOn: row.paidOn,
      receivedAt: row.receivedAt,
      staff: row.staff,
      staffName: displayName(row.staff),
      cashSessionId: row.cashSessionId,
      allocations: dtos,
      credit: row.credit,
      invoices: settled.map((inv) => ({ id: inv.id, number: inv.number })),
      status: row.status,
      voidReason: row.voidReason,
      voidedAt: row.voidedAt,
      voidedBy: row.voidedBy,
      voidedByName: displayName(row.voidedBy),
      approvedBy: row.approvedBy,
      approvedByName: displayName(row.approvedBy),
      approvalReason: row.approvalReason,
      note: row.note,
      creditNote: (() => {
        const note = notes.find((n) => n.id === row.creditNoteId);
        return note ? { id: note.id, number: note.number } : null;
      })(),
    };
  });
}
