import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table, TableIndex } from 'typeorm';
import { makeAuditLogAppendOnly } from '../dialect/sqlite';

/** Staff accounts, settings sections and the audit log. Written with TypeORM's schema API so it stays dialect-neutral. */
export class Initial0001 implements MigrationInterface {
  // TypeORM reads the order from the last 13 digits of the name.
  name = 'Initial0000000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'username', type: 'varchar', length: '32' },
          { name: 'display_name', type: 'varchar', length: '80' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'password_hash', type: 'varchar', length: '200' },
          // 1, not true: the form TypeORM's SQLite driver reads back, so the entity-schema check finds no drift.
          { name: 'active', type: 'boolean', default: 1 },
          { name: 'failed_attempts', type: 'integer', default: 0 },
          { name: 'locked_until', type: 'varchar', length: '30', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
        uniques: [{ name: 'uq_users_username', columnNames: ['username'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'settings',
        columns: [
          { name: 'key', type: 'varchar', length: '60', isPrimary: true },
          { name: 'value', type: 'text' },
          { name: 'updated_at', type: 'varchar', length: '30' },
          { name: 'updated_by', type: 'integer', isNullable: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'at', type: 'varchar', length: '30' },
          { name: 'user_id', type: 'integer', isNullable: true },
          { name: 'username', type: 'varchar', length: '32', isNullable: true },
          { name: 'action', type: 'varchar', length: '60' },
          { name: 'entity', type: 'varchar', length: '40' },
          { name: 'entity_id', type: 'varchar', length: '40', isNullable: true },
          { name: 'summary', type: 'text' },
        ],
      }),
    );
    await q.createIndex('audit_log', new TableIndex({ name: 'idx_audit_at', columnNames: ['at'] }));
    await q.createIndex(
      'audit_log',
      new TableIndex({ name: 'idx_audit_entity', columnNames: ['entity', 'entity_id'] }),
    );
    await makeAuditLogAppendOnly(q);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Guichet migrations are forward-only.'));
  }
}
