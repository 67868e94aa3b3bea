import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table, TableForeignKey, TableIndex } from 'typeorm';

/** E-invoicing: the submission of each invoice and credit note through the chosen adapter, and its state. */
export class Einvoice0015 implements MigrationInterface {
  name = 'Einvoice0000000000015';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'einvoice_submissions',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'document_id', type: 'integer' },
          { name: 'state', type: 'varchar', length: '12' },
          { name: 'adapter', type: 'varchar', length: '20' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'next_attempt_at', type: 'varchar', length: '30' },
          { name: 'last_error', type: 'text', default: "''" },
          { name: 'reference', type: 'varchar', length: '200', default: "''" },
          { name: 'cleared_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'reason', type: 'text', default: "''" },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
        uniques: [{ name: 'uq_einvoice_submissions_document', columnNames: ['document_id'] }],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_einvoice_submissions_document',
            columnNames: ['document_id'],
            referencedTableName: 'documents',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await q.createIndex(
      'einvoice_submissions',
      new TableIndex({ name: 'idx_einvoice_submissions_due', columnNames: ['state', 'next_attempt_at'] }),
    );
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Guichet migrations are forward-only.'));
  }
}
