import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableIndex } from 'typeorm';

/**
 * Indexes the payment path needs at the large-office size (SPEC §10): a client's open proformas (without it the
 * planner read every open proforma of the office), and the credit applied to a proforma.
 */
export class PaymentIndexes0007 implements MigrationInterface {
  name = 'PaymentIndexes0000000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'documents',
      new TableIndex({ name: 'idx_documents_client_type_status', columnNames: ['client_id', 'type', 'status'] }),
    );
    await q.createIndex(
      'client_credits',
      new TableIndex({ name: 'idx_client_credits_document', columnNames: ['document_id'] }),
    );
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Guichet migrations are forward-only.'));
  }
}
