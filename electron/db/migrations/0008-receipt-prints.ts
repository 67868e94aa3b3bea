import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';

/** A receipt is printed once as the original; every later print says DUPLICATA, so the count is kept on the payment. */
export class ReceiptPrints0008 implements MigrationInterface {
  name = 'ReceiptPrints0000000000008';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('payments', new TableColumn({ name: 'print_count', type: 'integer', default: 0 }));
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Guichet migrations are forward-only.'));
  }
}
