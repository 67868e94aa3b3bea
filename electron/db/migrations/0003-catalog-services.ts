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
const fk = (table: string, column: string, target: string) =>
  new TableForeignKey({
    name: `fk_${table}_${target.replace(/s$/, '')}`,
    columnNames: [column],
    referencedTableName: target,
    referencedColumnNames: ['id'],
  });

/** The catalogue with its price history, the services clients hold, and their dated events. */
export class CatalogServices0003 implements MigrationInterface {
  name = 'CatalogServices0000000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'products',
        columns: [
          id(),
          varchar('code', 30),
          varchar('kind', 24),
          varchar('name', 120),
          { name: 'description', type: 'text', default: "''" },
          varchar('tld', 20, { default: "''" }),
          { name: 'vat_rate', type: 'integer' },
          { name: 'estimated_hours', type: 'integer', default: 0 },
          // 1, not true: the form TypeORM's SQLite driver reads back (see 0001).
          { name: 'active', type: 'boolean', default: 1 },
          varchar('created_at', 30),
          varchar('updated_at', 30),
        ],
        uniques: [{ name: 'uq_products_code', columnNames: ['code'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'product_prices',
        columns: [
          id(),
          { name: 'product_id', type: 'integer' },
          varchar('price_type', 12),
          { name: 'months', type: 'integer' },
          varchar('currency', 3),
          { name: 'amount', type: 'integer' },
          varchar('effective_from', 30),
          varchar('created_at', 30),
          { name: 'created_by', type: 'integer', isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_product_prices_product',
            columnNames: ['product_id'],
            referencedTableName: 'products',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await q.createIndex(
      'product_prices',
      new TableIndex({
        name: 'idx_product_prices_lookup',
        columnNames: ['product_id', 'price_type', 'months', 'currency', 'effective_from'],
      }),
    );
    await makeAppendOnly(q, 'product_prices');

    await q.createTable(
      new Table({
        name: 'services',
        columns: [
          id(),
          { name: 'client_id', type: 'integer' },
          { name: 'product_id', type: 'integer' },
          varchar('label', 253),
          varchar('billing_cycle', 12),
          varchar('currency', 3),
          varchar('anchor_date', 10),
          { name: 'paid_months', type: 'integer', default: 0 },
          varchar('due_date', 10),
          varchar('status', 12),
          varchar('suspension_reason', 12, { isNullable: true }),
          { name: 'termination_requested', type: 'boolean', default: 0 },
          { name: 'notes', type: 'text', default: "''" },
          varchar('created_at', 30),
          varchar('updated_at', 30),
        ],
        foreignKeys: [fk('services', 'client_id', 'clients'), fk('services', 'product_id', 'products')],
      }),
    );
    await q.createIndex('services', new TableIndex({ name: 'idx_services_client', columnNames: ['client_id'] }));
    await q.createIndex(
      'services',
      new TableIndex({ name: 'idx_services_status_due', columnNames: ['status', 'due_date'] }),
    );
    await q.createIndex('services', new TableIndex({ name: 'idx_services_due', columnNames: ['due_date'] }));

    await q.createTable(
      new Table({
        name: 'service_events',
        columns: [
          id(),
          { name: 'service_id', type: 'integer' },
          varchar('at', 30),
          { name: 'user_id', type: 'integer', isNullable: true },
          varchar('username', 32, { isNullable: true }),
          varchar('kind', 24),
          varchar('from_status', 12, { isNullable: true }),
          varchar('to_status', 12, { isNullable: true }),
          { name: 'details', type: 'text', default: "'{}'" },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_service_events_service',
            columnNames: ['service_id'],
            referencedTableName: 'services',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await q.createIndex(
      'service_events',
      new TableIndex({ name: 'idx_service_events_service', columnNames: ['service_id'] }),
    );
    await makeAppendOnly(q, 'service_events');
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Guichet migrations are forward-only.'));
  }
}
