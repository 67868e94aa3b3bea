import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';

/**
 * A cash total rounded to what coins can pay (0,10 DH): the rounding is kept on the payment, so the drawer, the Z report
 * and the monthly report count what changed hands while the client's account keeps the exact amount.
 */
export class CashRounding0013 implements MigrationInterface {
  name = 'CashRounding0000000000013';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('payments', new TableColumn({ name: 'cash_rounding', type: 'integer', default: 0 }));
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Guichet migrations are forward-only.'));
  }
}
