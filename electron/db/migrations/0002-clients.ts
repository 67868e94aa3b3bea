import type { MigrationInterface, QueryRunner, TableColumnOptions } from 'typeorm';
import { Table, TableForeignKey, TableIndex } from 'typeorm';
import { createClientSearchTables } from '../dialect/sqlite';

const text = (name: string, length: number): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  default: "''",
});
const id = (): TableColumnOptions => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});

/** Clients with their phones and e-mails, the gap-free counters, and the client search index. */
export class Clients0002 implements MigrationInterface {
  name = 'Clients0000000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'counters',
        columns: [
          { name: 'series', type: 'varchar', length: '20', isPrimary: true },
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'last', type: 'integer' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'clients',
        columns: [
          id(),
          { name: 'code', type: 'varchar', length: '12' },
          { name: 'kind', type: 'varchar', length: '12' },
          text('first_name', 60),
          text('last_name', 60),
          text('company_name', 120),
          text('legal_form', 30),
          text('contact_person', 120),
          text('address', 200),
          text('city', 80),
          { name: 'country', type: 'varchar', length: '2', default: "'MA'" },
          { name: 'language', type: 'varchar', length: '2', default: "'fr'" },
          { name: 'currency', type: 'varchar', length: '3', default: "'MAD'" },
          text('ice', 15),
          text('if_number', 10),
          text('rc_number', 10),
          text('patente', 10),
          text('cin', 10),
          text('passport', 20),
          { name: 'status', type: 'varchar', length: '12', default: "'active'" },
          { name: 'notes', type: 'text', default: "''" },
          { name: 'tags', type: 'text', default: "'[]'" },
          { name: 'consent_source', type: 'varchar', length: '12' },
          { name: 'consent_at', type: 'varchar', length: '30' },
          { name: 'anonymized_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'updated_at', type: 'varchar', length: '30' },
          { name: 'created_by', type: 'integer', isNullable: true },
        ],
        uniques: [{ name: 'uq_clients_code', columnNames: ['code'] }],
      }),
    );
    await q.createIndex('clients', new TableIndex({ name: 'idx_clients_ice', columnNames: ['ice'] }));
    await q.createIndex('clients', new TableIndex({ name: 'idx_clients_status', columnNames: ['status'] }));

    for (const [table, columns] of [
      [
        'client_phones',
        [
          { name: 'e164', type: 'varchar', length: '20' },
          { name: 'display', type: 'varchar', length: '30' },
        ],
      ],
      ['client_emails', [{ name: 'email', type: 'varchar', length: '120' }]],
    ] as const) {
      await q.createTable(
        new Table({
          name: table,
          columns: [id(), { name: 'client_id', type: 'integer' }, { name: 'position', type: 'integer' }, ...columns],
          foreignKeys: [
            new TableForeignKey({
              name: `fk_${table}_client`,
              columnNames: ['client_id'],
              referencedTableName: 'clients',
              referencedColumnNames: ['id'],
            }),
          ],
        }),
      );
      await q.createIndex(table, new TableIndex({ name: `idx_${table}_client`, columnNames: ['client_id'] }));
    }
    await q.createIndex('client_phones', new TableIndex({ name: 'idx_client_phones_e164', columnNames: ['e164'] }));
    await q.createIndex('client_emails', new TableIndex({ name: 'idx_client_emails_email', columnNames: ['email'] }));
    await createClientSearchTables(q);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Guichet migrations are forward-only.'));
  }
}
