import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn, TableForeignKey, TableIndex } from 'typeorm';

/** A refund (an outgoing payment) names the credit note it pays back, if any. */
export class Refunds0006 implements MigrationInterface {
  name = 'Refunds0000000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('payments', new TableColumn({ name: 'credit_note_id', type: 'integer', isNullable: true }));
    await q.createForeignKey(
      'payments',
      new TableForeignKey({
        name: 'fk_payments_credit_note',
        columnNames: ['credit_note_id'],
        referencedTableName: 'documents',
        referencedColumnNames: ['id'],
      }),
    );
    await q.createIndex(
      'payments',
      new TableIndex({ name: 'idx_payments_credit_note', columnNames: ['credit_note_id'] }),
    );
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Guichet migrations are forward-only.'));
  }
}
