import { EntitySchema } from 'typeorm';
import type { CreditMode, DocumentStatus, DocumentType, LineKind } from '../../../shared/api/documents';
import type { Currency } from '../../../shared/money';

/**
 * Proformas, invoices and credit notes in one table: they share their shape, and a payment or a report reads them
 * together. Never deleted; once issued, only the status, the amount paid and the print count change (SQLite triggers
 * refuse the rest, see dialect/sqlite.ts).
 */
export interface DocumentRow {
  id: number;
  type: DocumentType;
  /** "PF-2026-000123"; null while a draft. */
  number: string | null;
  seriesYear: number | null;
  seq: number | null;
  status: DocumentStatus;
  clientId: number;
  currency: Currency;
  issueDate: string | null;
  dueDate: string | null;
  /** The proforma an invoice settles; the invoice a credit note cancels. */
  sourceId: number | null;
  ht: number;
  totalVat: number;
  ttc: number;
  /** JSON [{rate, base, vat}], highest rate first, as computed by shared/totals.ts. */
  vatBreakdown: string;
  paid: number;
  reason: string;
  creditMode: CreditMode | null;
  /** JSON [{date, method, reference, amount}]: what an invoice prints about its payments. */
  payments: string;
  notes: string;
  /** JSON: the company's legal mentions as they were at issue. */
  seller: string | null;
  /** JSON: the client block as it was at issue. */
  buyer: string | null;
  pdfSha256: string | null;
  printCount: number;
  issuedAt: string | null;
  issuedBy: string | null;
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
}

export const DocumentEntity = new EntitySchema<DocumentRow>({
  name: 'Document',
  tableName: 'documents',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    type: { type: 'varchar', length: 12 },
    number: { type: 'varchar', length: 30, nullable: true },
    seriesYear: { name: 'series_year', type: 'integer', nullable: true },
    seq: { type: 'integer', nullable: true },
    status: { type: 'varchar', length: 20 },
    clientId: { name: 'client_id', type: 'integer' },
    currency: { type: 'varchar', length: 3 },
    issueDate: { name: 'issue_date', type: 'varchar', length: 10, nullable: true },
    dueDate: { name: 'due_date', type: 'varchar', length: 10, nullable: true },
    sourceId: { name: 'source_id', type: 'integer', nullable: true },
    ht: { type: 'integer', default: 0 },
    totalVat: { name: 'total_vat', type: 'integer', default: 0 },
    ttc: { type: 'integer', default: 0 },
    vatBreakdown: { name: 'vat_breakdown', type: 'text', default: '[]' },
    paid: { type: 'integer', default: 0 },
    reason: { type: 'text', default: '' },
    creditMode: { name: 'credit_mode', type: 'varchar', length: 8, nullable: true },
    payments: { type: 'text', default: '[]' },
    notes: { type: 'text', default: '' },
    seller: { type: 'text', nullable: true },
    buyer: { type: 'text', nullable: true },
    pdfSha256: { name: 'pdf_sha256', type: 'varchar', length: 64, nullable: true },
    printCount: { name: 'print_count', type: 'integer', default: 0 },
    issuedAt: { name: 'issued_at', type: 'varchar', length: 30, nullable: true },
    issuedBy: { name: 'issued_by', type: 'varchar', length: 32, nullable: true },
    cancelledAt: { name: 'cancelled_at', type: 'varchar', length: 30, nullable: true },
    cancelledBy: { name: 'cancelled_by', type: 'varchar', length: 32, nullable: true },
    cancelReason: { name: 'cancel_reason', type: 'text', default: '' },
    createdAt: { name: 'created_at', type: 'varchar', length: 30 },
    createdBy: { name: 'created_by', type: 'varchar', length: 32, nullable: true },
    updatedAt: { name: 'updated_at', type: 'varchar', length: 30 },
  },
  foreignKeys: [
    { name: 'fk_documents_client', columnNames: ['clientId'], target: 'Client', referencedColumnNames: ['id'] },
    { name: 'fk_documents_source', columnNames: ['sourceId'], target: 'Document', referencedColumnNames: ['id'] },
  ],
  uniques: [
    { name: 'uq_documents_number', columns: ['number'] },
    { name: 'uq_documents_series', columns: ['type', 'seriesYear', 'seq'] },
  ],
  indices: [
    { name: 'idx_documents_client', columns: ['clientId', 'id'] },
    { name: 'idx_documents_client_type_status', columns: ['clientId', 'type', 'status'] },
    { name: 'idx_documents_type_status', columns: ['type', 'status', 'issueDate'] },
    { name: 'idx_documents_issue_date', columns: ['issueDate'] },
    { name: 'idx_documents_seq', columns: ['seq'] },
    { name: 'idx_documents_source', columns: ['sourceId'] },
    // Migration 0011: open proformas by due date (overdue since the last billing run, due this week).
    { name: 'idx_documents_type_status_due', columns: ['type', 'status', 'dueDate'] },
    // Migration 0010: a month's invoices and credit notes with their totals, from the index alone (partial).
    {
      name: 'idx_documents_report',
      columns: [
        'type',
        'issueDate',
        'status',
        'currency',
        'ht',
        'totalVat',
        'ttc',
        'creditMode',
        'sourceId',
        'vatBreakdown',
      ],
      where: "type IN ('invoice', 'credit_note')",
    },
    {
      name: 'idx_documents_ageing',
      columns: ['type', 'status', 'cancelledAt', 'issueDate', 'dueDate', 'clientId', 'currency', 'ttc', 'paid'],
    },
  ],
});

export interface DocumentLineRow {
  id: number;
  documentId: number;
  position: number;
  kind: LineKind;
  serviceId: number | null;
  productId: number | null;
  description: string;
  /** Thousandths. */
  quantity: number;
  unitPrice: number;
  vatRate: number;
  amountHt: number;
  periodFrom: string | null;
  periodTo: string | null;
  months: number;
  /** Invoice lines: thousandths already credited. */
  creditedQuantity: number;
  /** Credit note lines: the invoice line they cancel. */
  sourceLineId: number | null;
}

export const DocumentLineEntity = new EntitySchema<DocumentLineRow>({
  name: 'DocumentLine',
  tableName: 'document_lines',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    documentId: { name: 'document_id', type: 'integer' },
    position: { type: 'integer' },
    kind: { type: 'varchar', length: 10 },
    serviceId: { name: 'service_id', type: 'integer', nullable: true },
    productId: { name: 'product_id', type: 'integer', nullable: true },
    description: { type: 'text' },
    quantity: { type: 'integer' },
    unitPrice: { name: 'unit_price', type: 'integer' },
    vatRate: { name: 'vat_rate', type: 'integer' },
    amountHt: { name: 'amount_ht', type: 'integer' },
    periodFrom: { name: 'period_from', type: 'varchar', length: 10, nullable: true },
    periodTo: { name: 'period_to', type: 'varchar', length: 10, nullable: true },
    months: { type: 'integer', default: 0 },
    creditedQuantity: { name: 'credited_quantity', type: 'integer', default: 0 },
    sourceLineId: { name: 'source_line_id', type: 'integer', nullable: true },
  },
  foreignKeys: [
    {
      name: 'fk_document_lines_document',
      columnNames: ['documentId'],
      target: 'Document',
      referencedColumnNames: ['id'],
    },
    { name: 'fk_document_lines_service', columnNames: ['serviceId'], target: 'Service', referencedColumnNames: ['id'] },
    { name: 'fk_document_lines_product', columnNames: ['productId'], target: 'Product', referencedColumnNames: ['id'] },
    {
      name: 'fk_document_lines_source',
      columnNames: ['sourceLineId'],
      target: 'DocumentLine',
      referencedColumnNames: ['id'],
    },
  ],
  indices: [
    { name: 'idx_document_lines_document', columns: ['documentId', 'position'] },
    { name: 'idx_document_lines_service', columns: ['serviceId'] },
    // Migration 0010: the renewal proforma already out for a domain, for the monthly report.
    { name: 'idx_document_lines_renewal', columns: ['serviceId', 'kind', 'documentId'] },
  ],
});

/** Append-only ledger of what a client may spend later: credit notes to balance, overpayments, credit used. */
export interface ClientCreditRow {
  id: number;
  clientId: number;
  currency: Currency;
  /** Signed centimes: positive adds to the balance. */
  amount: number;
  kind: string;
  documentId: number | null;
  at: string;
  username: string | null;
}

export const ClientCreditEntity = new EntitySchema<ClientCreditRow>({
  name: 'ClientCredit',
  tableName: 'client_credits',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    clientId: { name: 'client_id', type: 'integer' },
    currency: { type: 'varchar', length: 3 },
    amount: { type: 'integer' },
    kind: { type: 'varchar', length: 20 },
    documentId: { name: 'document_id', type: 'integer', nullable: true },
    at: { type: 'varchar', length: 30 },
    username: { type: 'varchar', length: 32, nullable: true },
  },
  foreignKeys: [
    { name: 'fk_client_credits_client', columnNames: ['clientId'], target: 'Client', referencedColumnNames: ['id'] },
    {
      name: 'fk_client_credits_document',
      columnNames: ['documentId'],
      target: 'Document',
      referencedColumnNames: ['id'],
    },
  ],
  indices: [
    { name: 'idx_client_credits_client', columns: ['clientId', 'currency'] },
    { name: 'idx_client_credits_document', columns: ['documentId'] },
    // Migration 0010: credit used in a month.
    { name: 'idx_client_credits_kind_at', columns: ['kind', 'at', 'documentId', 'amount', 'currency'] },
  ],
});

/** Files frozen with issued documents (the logo), by content hash: stored once, however many documents use them. */
export interface DocumentAssetRow {
  sha256: string;
  mime: string;
  data: Buffer;
}

export const DocumentAssetEntity = new EntitySchema<DocumentAssetRow>({
  name: 'DocumentAsset',
  tableName: 'document_assets',
  columns: {
    sha256: { type: 'varchar', length: 64, primary: true },
    mime: { type: 'varchar', length: 20 },
    data: { type: 'blob' },
  },
});
