import type { MigrationInterface, QueryRunner, TableColumnOptions } from 'typeorm';
import { Table, TableForeignKey, TableIndex } from 'typeorm';
import { makeAppendOnly, protectIssuedDocuments } from '../dialect/sqlite';

const id = (): TableColumnOptions => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});
const varchar = (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  ...extra,
});
const integer = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'integer',
  ...extra,
});
const text = (name: string, fallback: string | null): TableColumnOptions =>
  fallback === null ? { name, type: 'text', isNullable: true } : { name, type: 'text', default: `'${fallback}'` };
const fk = (name: string, column: string, target: string) =>
  new TableForeignKey({ name, columnNames: [column], referencedTableName: target, referencedColumnNames: ['id'] });

/** Proformas, invoices and credit notes with their lines, the clients' credit ledger, and the assets frozen at issue. */
export class Documents0004 implements MigrationInterface {
  name = 'Documents0000000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'documents',
        columns: [
          id(),
          varchar('type', 12),
          varchar('number', 30, { isNullable: true }),
          integer('series_year', { isNullable: true }),
          integer('seq', { isNullable: true }),
          varchar('status', 20),
          integer('client_id'),
          varchar('currency', 3),
          varchar('issue_date', 10, { isNullable: true }),
          varchar('due_date', 10, { isNullable: true }),
          integer('source_id', { isNullable: true }),
          integer('ht', { default: 0 }),
          integer('total_vat', { default: 0 }),
          integer('ttc', { default: 0 }),
          text('vat_breakdown', '[]'),
          integer('paid', { default: 0 }),
          text('reason', ''),
          varchar('credit_mode', 8, { isNullable: true }),
          text('payments', '[]'),
          text('notes', ''),
          text('seller', null),
          text('buyer', null),
          varchar('pdf_sha256', 64, { isNullable: true }),
          integer('print_count', { default: 0 }),
          varchar('issued_at', 30, { isNullable: true }),
          varchar('issued_by', 32, { isNullable: true }),
          varchar('cancelled_at', 30, { isNullable: true }),
          varchar('cancelled_by', 32, { isNullable: true }),
          text('cancel_reason', ''),
          varchar('created_at', 30),
          varchar('created_by', 32, { isNullable: true }),
          varchar('updated_at', 30),
        ],
        uniques: [
          { name: 'uq_documents_number', columnNames: ['number'] },
          { name: 'uq_documents_series', columnNames: ['type', 'series_year', 'seq'] },
        ],
        foreignKeys: [
          fk('fk_documents_client', 'client_id', 'clients'),
          fk('fk_documents_source', 'source_id', 'documents'),
        ],
      }),
    );
    const index = (table: string, name: string, columnNames: string[]) =>
      q.createIndex(table, new TableIndex({ name, columnNames }));
    await index('documents', 'idx_documents_client', ['client_id', 'id']);
    await index('documents', 'idx_documents_type_status', ['type', 'status', 'issue_date']);
    await index('documents', 'idx_documents_issue_date', ['issue_date']);
    await index('documents', 'idx_documents_seq', ['seq']);
    await index('documents', 'idx_documents_source', ['source_id']);

    await q.createTable(
      new Table({
        name: 'document_lines',
        columns: [
          id(),
          integer('document_id'),
          integer('position'),
          varchar('kind', 10),
          integer('service_id', { isNullable: true }),
          integer('product_id', { isNullable: true }),
          { name: 'description', type: 'text' },
          integer('quantity'),
          integer('unit_price'),
          integer('vat_rate'),
          integer('amount_ht'),
          varchar('period_from', 10, { isNullable: true }),
          varchar('period_to', 10, { isNullable: true }),
          integer('months', { default: 0 }),
          integer('credited_quantity', { default: 0 }),
          integer('source_line_id', { isNullable: true }),
        ],
        foreignKeys: [
          fk('fk_document_lines_document', 'document_id', 'documents'),
          fk('fk_document_lines_service', 'service_id', 'services'),
          fk('fk_document_lines_product', 'product_id', 'products'),
          fk('fk_document_lines_source', 'source_line_id', 'document_lines'),
        ],
      }),
    );
    await index('document_lines', 'idx_document_lines_document', ['document_id', 'position']);
    await index('document_lines', 'idx_document_lines_service', ['service_id']);

    await q.createTable(
      new Table({
        name: 'client_credits',
        columns: [
          id(),
          integer('client_id'),
          varchar('currency', 3),
          integer('amount'),
          varchar('kind', 20),
          integer('document_id', { isNullable: true }),
          varchar('at', 30),
          varchar('username', 32, { isNullable: true }),
        ],
        foreignKeys: [
          fk('fk_client_credits_client', 'client_id', 'clients'),
          fk('fk_client_credits_document', 'document_id', 'documents'),
        ],
      }),
    );
    await index('client_credits', 'idx_client_credits_client', ['client_id', 'currency']);
    await makeAppendOnly(q, 'client_credits');

    await q.createTable(
      new Table({
        name: 'document_assets',
        columns: [varchar('sha256', 64, { isPrimary: true }), varchar('mime', 20), { name: 'data', type: 'blob' }],
      }),
    );
    await makeAppendOnly(q, 'document_assets');
    await protectIssuedDocuments(q);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Guichet migrations are forward-only.'));
  }
}
