import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';

/** The seeded monthly contract's name before its included hours became a field. */
const OLD_MONTHLY_NAME = 'Infogérance mensuelle (surveillance, sauvegardes, pare-feu, 2 h d’administration incluses)';
export const MONTHLY_CONTRACT_NAME = 'Infogérance mensuelle (surveillance, sauvegardes, pare-feu, administration)';

/**
 * Outsourcing at time spent (terms §2.3.1–2.3.2): the hours a monthly contract includes become a field of the product
 * (2 for the monthly contracts already in the catalogue, whose seeded name loses the words), monthly contracts get the
 * hourly price of the missions for their extra hours, and the time spent on a service is recorded, one entry a line.
 */
export class OutsourcingTime0014 implements MigrationInterface {
  name = 'OutsourcingTime0000000000014';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('products', new TableColumn({ name: 'included_hours', type: 'integer', default: 0 }));
    await q.query(`UPDATE "products" SET "included_hours" = 2 WHERE "kind" = 'outsourcing_monthly'`);
    await q.query(`UPDATE "products" SET "name" = ? WHERE "code" = 'INFOG-MENSUEL' AND "name" = ?`, [
      MONTHLY_CONTRACT_NAME,
      OLD_MONTHLY_NAME,
    ]);
    // Extra hours are billed at the hourly price: a monthly contract without one takes the missions' (same currency).
    await q.query(
      'INSERT INTO "product_prices" ("product_id", "price_type", "months", "currency", "amount", "effective_from", ' +
        '"created_at", "created_by") ' +
        'SELECT m."id", h."price_type", h."months", h."currency", h."amount", h."effective_from", h."created_at", NULL ' +
        'FROM "products" m JOIN "products" o ON o."kind" = \'outsourcing_mission\' ' +
        'JOIN "product_prices" h ON h."product_id" = o."id" AND h."price_type" = \'hour\' ' +
        'WHERE m."kind" = \'outsourcing_monthly\' AND o."id" = (SELECT MIN(x."id") FROM "products" x ' +
        'WHERE x."kind" = \'outsourcing_mission\') AND NOT EXISTS (SELECT 1 FROM "product_prices" e ' +
        'WHERE e."product_id" = m."id" AND e."price_type" = \'hour\')',
    );

    await q.createTable(
      new Table({
        name: 'time_entries',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'service_id', type: 'integer' },
          { name: 'client_id', type: 'integer' },
          { name: 'work_date', type: 'varchar', length: '10' },
          { name: 'minutes', type: 'integer' },
          { name: 'user_id', type: 'integer' },
          { name: 'username', type: 'varchar', length: '32' },
          { name: 'description', type: 'text', default: "''" },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_time_entries_service',
            columnNames: ['service_id'],
            referencedTableName: 'services',
            referencedColumnNames: ['id'],
          }),
          new TableForeignKey({
            name: 'fk_time_entries_client',
            columnNames: ['client_id'],
            referencedTableName: 'clients',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await q.createIndex(
      'time_entries',
      new TableIndex({ name: 'idx_time_entries_service', columnNames: ['service_id', 'work_date'] }),
    );
    await q.createIndex(
      'time_entries',
      new TableIndex({ name: 'idx_time_entries_person', columnNames: ['user_id', 'work_date'] }),
    );
    await q.createIndex(
      'time_entries',
      new TableIndex({ name: 'idx_time_entries_client', columnNames: ['client_id', 'work_date'] }),
    );
    // The monthly report reads a period's entries from this index alone, without the table's history.
    await q.createIndex(
      'time_entries',
      new TableIndex({ name: 'idx_time_entries_date', columnNames: ['work_date', 'service_id', 'minutes'] }),
    );
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Guichet migrations are forward-only.'));
  }
}
