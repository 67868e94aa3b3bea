import type { MigrationInterface, QueryRunner, TableColumnOptions } from 'typeorm';
import { Table, TableForeignKey, TableIndex } from 'typeorm';
import { makeAppendOnly } from '../dialect/sqlite';

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
const text = (name: string, fallback: string): TableColumnOptions => ({ name, type: 'text', default: `'${fallback}'` });

/**
 * The daily billing run (its runs and their append-only log, whose keys make every action happen once) and the
 * e-mail outbox; an index for the proformas that fall due, read by the run and the morning dashboard.
 */
export class AutomationMail0011 implements MigrationInterface {
  name = 'AutomationMail0000000000011';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'billing_runs',
        columns: [
          id(),
          varchar('run_date', 10),
          varchar('trigger', 10),
          varchar('status', 12),
          varchar('started_at', 30),
          varchar('finished_at', 30, { isNullable: true }),
          varchar('started_by', 32, { isNullable: true }),
          text('counts', '{}'),
          integer('mails', { default: 0 }),
          text('error', ''),
          integer('resumed_run_id', { isNullable: true }),
        ],
      }),
    );
    await q.createIndex('billing_runs', new TableIndex({ name: 'idx_billing_runs_status', columnNames: ['status'] }));
    await q.createIndex('billing_runs', new TableIndex({ name: 'idx_billing_runs_date', columnNames: ['run_date'] }));

    await q.createTable(
      new Table({
        name: 'billing_run_items',
        columns: [
          id(),
          integer('run_id'),
          varchar('action', 24),
          integer('client_id', { isNullable: true }),
          integer('service_id', { isNullable: true }),
          integer('document_id', { isNullable: true }),
          varchar('dedupe_key', 80, { isNullable: true }),
          text('detail', ''),
          varchar('at', 30),
        ],
        uniques: [{ name: 'uq_billing_run_items_key', columnNames: ['dedupe_key'] }],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_billing_run_items_run',
            columnNames: ['run_id'],
            referencedTableName: 'billing_runs',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await q.createIndex(
      'billing_run_items',
      new TableIndex({ name: 'idx_billing_run_items_run', columnNames: ['run_id', 'action'] }),
    );
    await q.createIndex(
      'billing_run_items',
      new TableIndex({ name: 'idx_billing_run_items_client', columnNames: ['client_id'] }),
    );
    await makeAppendOnly(q, 'billing_run_items');

    await q.createTable(
      new Table({
        name: 'mail_messages',
        columns: [
          id(),
          varchar('kind', 24),
          varchar('status', 10),
          integer('client_id', { isNullable: true }),
          integer('document_id', { isNullable: true }),
          integer('payment_id', { isNullable: true }),
          integer('service_id', { isNullable: true }),
          varchar('dedupe_key', 80, { isNullable: true }),
          varchar('to_address', 254, { default: "''" }),
          varchar('language', 2, { default: "''" }),
          text('subject', ''),
          text('body', ''),
          text('attachments', '[]'),
          integer('attempts', { default: 0 }),
          varchar('next_attempt_at', 30),
          text('last_error', ''),
          text('server_response', ''),
          varchar('message_id', 200, { default: "''" }),
          varchar('created_at', 30),
          varchar('created_by', 32, { isNullable: true }),
          varchar('sent_at', 30, { isNullable: true }),
          varchar('updated_at', 30),
        ],
        uniques: [{ name: 'uq_mail_messages_key', columnNames: ['dedupe_key'] }],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_mail_messages_client',
            columnNames: ['client_id'],
            referencedTableName: 'clients',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await q.createIndex(
      'mail_messages',
      new TableIndex({ name: 'idx_mail_messages_status', columnNames: ['status', 'updated_at'] }),
    );
    await q.createIndex(
      'mail_messages',
      new TableIndex({ name: 'idx_mail_messages_client', columnNames: ['client_id', 'id'] }),
    );

    // Open proformas by due date: what became overdue since the last run, and what falls due this week.
    await q.createIndex(
      'documents',
      new TableIndex({ name: 'idx_documents_type_status_due', columnNames: ['type', 'status', 'due_date'] }),
    );
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Guichet migrations are forward-only.'));
  }
}
