import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableIndex } from 'typeorm';

/**
 * Covering indexes for the monthly report (SPEC §8, §10): each starts with what bounds the period (a calendar date, an
 * instant, or the rows of the period's payments) and carries the columns the report adds up, so a month is read from
 * the index alone, without visiting the table and without scanning the rest of the year.
 */
/** The condition of the partial index on sales documents; a query must state it as such to use the index. */
export const SALES_DOCUMENTS = "type IN ('invoice', 'credit_note')";

export const REPORT_INDEXES: { table: string; name: string; columns: string[]; where?: string }[] = [
  {
    table: 'payments',
    name: 'idx_payments_report',
    columns: [
      'paid_on',
      'status',
      'direction',
      'method',
      'currency',
      'staff',
      'amount',
      'stamp_duty',
      'credit_note_id',
    ],
  },
  {
    // Partial, on invoices and credit notes only: on every document, the planner took it to read a client's open
    // proformas in date order (every proforma of the office) rather than that client's own index.
    table: 'documents',
    name: 'idx_documents_report',
    columns: [
      'type',
      'issue_date',
      'status',
      'currency',
      'ht',
      'total_vat',
      'ttc',
      'credit_mode',
      'source_id',
      'vat_breakdown',
    ],
    where: SALES_DOCUMENTS,
  },
  {
    // The outstanding proformas at a date: those open now and those cancelled since, with what their ageing needs.
    table: 'documents',
    name: 'idx_documents_ageing',
    columns: ['type', 'status', 'cancelled_at', 'issue_date', 'due_date', 'client_id', 'currency', 'ttc', 'paid'],
  },
  {
    table: 'payment_allocations',
    name: 'idx_payment_allocations_report',
    columns: ['payment_id', 'reversal_of', 'document_id', 'amount', 'payment_amount', 'rate', 'balance_after'],
  },
  {
    table: 'payment_allocations',
    name: 'idx_payment_allocations_chain',
    columns: ['document_id', 'reversal_of', 'payment_id', 'amount', 'payment_amount', 'rate', 'at', 'balance_after'],
  },
  {
    table: 'client_credits',
    name: 'idx_client_credits_kind_at',
    columns: ['kind', 'at', 'document_id', 'amount', 'currency'],
  },
  {
    table: 'service_events',
    name: 'idx_service_events_status_at',
    columns: ['to_status', 'at', 'from_status', 'service_id'],
  },
  { table: 'cash_movements', name: 'idx_cash_movements_amount', columns: ['session_id', 'amount'] },
  {
    // The renewal proforma already out for a domain: its lines by service, without reading the lines' rows.
    table: 'document_lines',
    name: 'idx_document_lines_renewal',
    columns: ['service_id', 'kind', 'document_id'],
  },
];

export class ReportIndexes0010 implements MigrationInterface {
  name = 'ReportIndexes0000000000010';

  async up(q: QueryRunner): Promise<void> {
    for (const index of REPORT_INDEXES) {
      await q.createIndex(
        index.table,
        new TableIndex({
          name: index.name,
          columnNames: index.columns,
          ...(index.where ? { where: index.where } : {}),
        }),
      );
    }
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Guichet migrations are forward-only.'));
  }
}
