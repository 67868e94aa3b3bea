import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type {
  DocumentDto,
  DocumentLineDto,
  DocumentSummaryDto,
  InvoicePaymentDto,
  RelatedDocumentDto,
} from '../../../shared/api/documents';
import { clientDisplayName } from '../../../shared/client';
import type { Currency } from '../../../shared/money';
import type { DocumentTotals } from '../../../shared/totals';
import {
  ClientCreditEntity,
  ClientEntity,
  DocumentEntity,
  DocumentLineEntity,
  type DocumentLineRow,
  type DocumentRow,
} from '../../db/entities';
import { notFound } from '../../errors';
import { findRow, findRows } from '../../db/rows';

/** The client's credit per currency (the sum of its ledger), the currencies with nothing left omitted. */
export async function creditBalances(
  em: EntityManager,
  clientId: number,
): Promise<{ currency: Currency; amount: number }[]> {
  const rows = await em
    .createQueryBuilder(ClientCreditEntity, 'c')
    .select('c.currency', 'currency')
    .addSelect('SUM(c.amount)', 'amount')
    .where('c.clientId = :clientId', { clientId })
    .groupBy('c.currency')
    .orderBy('c.currency')
    .getRawMany<{ currency: Currency; amount: number | string }>();
  return rows.map((r) => ({ currency: r.currency, amount: Number(r.amount) })).filter((r) => r.amount !== 0);
}

export function findDocument(em: EntityManager, id: number): Promise<DocumentRow> {
  const row = findRow(em, DocumentEntity, { id });
  if (!row) throw notFound('Document');
  return Promise.resolve(row);
}

export function linesOf(em: EntityManager, documentId: number): Promise<DocumentLineRow[]> {
  return Promise.resolve(findRows(em, DocumentLineEntity, { documentId }, '"position"'));
}

/** The totals stored with the document (computed by shared/totals.ts when its lines were saved). */
export function totalsOf(row: DocumentRow, lines: DocumentLineRow[]): DocumentTotals {
  return {
    lines: lines.map((l) => l.amountHt),
    vat: JSON.parse(row.vatBreakdown) as DocumentTotals['vat'],
    ht: row.ht,
    totalVat: row.totalVat,
    ttc: row.ttc,
  };
}

function lineDto(l: DocumentLineRow): DocumentLineDto {
  return {
    id: l.id,
    position: l.position,
    kind: l.kind,
    serviceId: l.serviceId,
    productId: l.productId,
    description: l.description,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    vatRate: l.vatRate,
    amountHt: l.amountHt,
    periodFrom: l.periodFrom,
    periodTo: l.periodTo,
    months: l.months,
    creditedQuantity: l.creditedQuantity,
  };
}

const related = (r: DocumentRow): RelatedDocumentDto => ({
  id: r.id,
  type: r.type,
  number: r.number,
  status: r.status,
  ttc: r.ttc,
});

async function clientNames(em: EntityManager, ids: number[]): Promise<Map<number, { code: string; name: string }>> {
  const clients = ids.length ? await em.findBy(ClientEntity, { id: In([...new Set(ids)]) }) : [];
  return new Map(clients.map((c) => [c.id, { code: c.code, name: clientDisplayName(c) }]));
}

export async function documentDto(em: EntityManager, row: DocumentRow): Promise<DocumentDto> {
  const lines = await linesOf(em, row.id);
  const names = await clientNames(em, [row.clientId]);
  const source = row.sourceId ? await em.findOneBy(DocumentEntity, { id: row.sourceId }) : null;
  const derived = await em.find(DocumentEntity, { where: { sourceId: row.id }, order: { id: 'ASC' } });
  const totals = totalsOf(row, lines);
  return {
    id: row.id,
    type: row.type,
    number: row.number,
    status: row.status,
    clientId: row.clientId,
    clientCode: names.get(row.clientId)?.code ?? '',
    clientName: names.get(row.clientId)?.name ?? '',
    currency: row.currency,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    lines: lines.map(lineDto),
    totals,
    paid: row.paid,
    reason: row.reason,
    creditMode: row.creditMode,
    payments: JSON.parse(row.payments) as InvoicePaymentDto[],
    notes: row.notes,
    source: source ? related(source) : null,
    derived: derived.map(related),
    pdfSha256: row.pdfSha256,
    printCount: row.printCount,
    issuedAt: row.issuedAt,
    issuedBy: row.issuedBy,
    cancelledAt: row.cancelledAt,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

export async function summaryDtos(em: EntityManager, rows: DocumentRow[]): Promise<DocumentSummaryDto[]> {
  const names = await clientNames(
    em,
    rows.map((r) => r.clientId),
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    number: r.number,
    status: r.status,
    clientId: r.clientId,
    clientCode: names.get(r.clientId)?.code ?? '',
    clientName: names.get(r.clientId)?.name ?? '',
    currency: r.currency,
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    ttc: r.ttc,
    paid: r.paid,
    createdAt: r.createdAt,
  }));
}
