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
const fk = (name: string, column: string, target: string) =>
  new TableForeignKey({ name, columnNames: [column], referencedTableName: target, referencedColumnNames: ['id'] });

/** Payments with their allocations to proformas, and the cash sessions with their movements. */
export class Payments0005 implements MigrationInterface {
  name = 'Payments0000000000005';

  async up(q: QueryRunner): Promise<void> {
    const index = (table: string, name: string, columnNames: string[], extra: Partial<TableIndex> = {}) =>
      q.createIndex(table, new TableIndex({ name, columnNames, ...extra }));

    await q.createTable(
      new Table({
        name: 'cash_sessions',
        columns: [
          id(),
          varchar('desk', 40),
          varchar('status', 10),
          varchar('opened_at', 30),
          varchar('opened_by', 32, { isNullable: true }),
          integer('float'),
          varchar('closed_at', 30, { isNullable: true }),
          varchar('closed_by', 32, { isNullable: true }),
          text('count', '{}'),
          integer('counted', { default: 0 }),
          integer('expected', { default: 0 }),
          integer('difference', { default: 0 }),
          text('close_note', ''),
          varchar('validated_at', 30, { isNullable: true }),
          varchar('validated_by', 32, { isNullable: true }),
        ],
      }),
    );
    await index('cash_sessions', 'uq_cash_sessions_open_desk', ['desk'], {
      isUnique: true,
      where: "status = 'open'",
    });
    await index('cash_sessions', 'idx_cash_sessions_opened', ['opened_at']);

    await q.createTable(
      new Table({
        name: 'payments',
        columns: [
          id(),
          varchar('number', 30),
          integer('series_year'),
          integer('seq'),
          varchar('direction', 3),
          integer('client_id'),
          integer('amount'),
          integer('stamp_duty', { default: 0 }),
          varchar('currency', 3),
          varchar('method', 10),
          text('details', '{}'),
          varchar('paid_on', 10),
          varchar('received_at', 30),
          integer('user_id', { isNullable: true }),
          varchar('staff', 32, { isNullable: true }),
          integer('cash_session_id', { isNullable: true }),
          varchar('idempotency_key', 64),
          varchar('payload_hash', 64),
          integer('credit', { default: 0 }),
          varchar('status', 10),
          text('void_reason', ''),
          varchar('voided_at', 30, { isNullable: true }),
          varchar('voided_by', 32, { isNullable: true }),
          varchar('approved_by', 32, { isNullable: true }),
          text('approval_reason', ''),
          text('note', ''),
        ],
        uniques: [
          { name: 'uq_payments_number', columnNames: ['number'] },
          { name: 'uq_payments_series', columnNames: ['series_year', 'seq'] },
          { name: 'uq_payments_idempotency', columnNames: ['idempotency_key'] },
        ],
        foreignKeys: [
          fk('fk_payments_client', 'client_id', 'clients'),
          fk('fk_payments_cash_session', 'cash_session_id', 'cash_sessions'),
        ],
      }),
    );
    await index('payments', 'idx_payments_client', ['client_id', 'id']);
    await index('payments', 'idx_payments_paid_on', ['paid_on']);
    await index('payments', 'idx_payments_session', ['cash_session_id']);

    await q.createTable(
      new Table({
        name: 'payment_allocations',
        columns: [
          id(),
          integer('payment_id'),
          integer('document_id'),
          integer('amount'),
          integer('rate', { isNullable: true }),
          integer('payment_amount'),
          integer('balance_after'),
          integer('invoice_id', { isNullable: true }),
          integer('reversal_of', { isNullable: true }),
          varchar('at', 30),
        ],
        foreignKeys: [
          fk('fk_payment_allocations_payment', 'payment_id', 'payments'),
          fk('fk_payment_allocations_document', 'document_id', 'documents'),
        ],
      }),
    );
    await index('payment_allocations', 'idx_payment_allocations_payment', ['payment_id']);
    await index('payment_allocations', 'idx_payment_allocations_document', ['document_id']);
    await makeAppendOnly(q, 'payment_allocations');

    await q.createTable(
      new Table({
        name: 'cash_movements',
        columns: [
          id(),
          integer('session_id'),
          varchar('kind', 10),
          integer('amount'),
          text('reason', ''),
          integer('payment_id', { isNullable: true }),
          varchar('at', 30),
          varchar('username', 32, { isNullable: true }),
        ],
        foreignKeys: [
          fk('fk_cash_movements_session', 'session_id', 'cash_sessions'),
          fk('fk_cash_movements_payment', 'payment_id', 'payments'),
        ],
      }),
    );
    await index('cash_movements', 'idx_cash_movements_session', ['session_id']);
    await makeAppendOnly(q, 'cash_movements');
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Guichet migrations are forward-only.'));
  }
}
