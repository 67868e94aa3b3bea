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
    // The monthly report reads a month of payments from this index alone (0010): it carries the rounding too.
    await q.query('DROP INDEX "idx_payments_report"');
    await q.query(
      `CREATE INDEX "idx_payments_report" ON "payments" ("paid_on", "status", "direction", "method", "currency", "staff",
        "amount", "stamp_duty", "credit_note_id", "cash_rounding")`,
    );
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Guichet migrations are forward-only.'));
  }
}
