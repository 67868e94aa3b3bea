import { EntitySchema } from 'typeorm';
import type { EinvoiceAdapterName, EinvoiceState } from '../../../shared/api/einvoice';

/**
 * One row per invoice or credit note to submit as an e-invoice (none while no adapter is chosen: "not required").
 * The state moves pending → submitted → cleared or rejected; every move is also in the audit log. Never deleted.
 */
export interface EinvoiceSubmissionRow {
  id: number;
  documentId: number;
  state: Exclude<EinvoiceState, 'not_required'>;
  adapter: EinvoiceAdapterName;
  attempts: number;
  nextAttemptAt: string;
  lastError: string;
  /** The platform's reference, or the file the folder adapter wrote. */
  reference: string;
  clearedAt: string | null;
  reason: string;
  createdAt: string;
  updatedAt: string;
}

export const EinvoiceSubmissionEntity = new EntitySchema<EinvoiceSubmissionRow>({
  name: 'EinvoiceSubmission',
  tableName: 'einvoice_submissions',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    documentId: { name: 'document_id', type: 'integer' },
    state: { type: 'varchar', length: 12 },
    adapter: { type: 'varchar', length: 20 },
    attempts: { type: 'integer', default: 0 },
    nextAttemptAt: { name: 'next_attempt_at', type: 'varchar', length: 30 },
    lastError: { name: 'last_error', type: 'text', default: '' },
    reference: { type: 'varchar', length: 200, default: '' },
    clearedAt: { name: 'cleared_at', type: 'varchar', length: 30, nullable: true },
    reason: { type: 'text', default: '' },
    createdAt: { name: 'created_at', type: 'varchar', length: 30 },
    updatedAt: { name: 'updated_at', type: 'varchar', length: 30 },
  },
  foreignKeys: [
    {
      name: 'fk_einvoice_submissions_document',
      columnNames: ['documentId'],
      target: 'Document',
      referencedColumnNames: ['id'],
    },
  ],
  uniques: [{ name: 'uq_einvoice_submissions_document', columns: ['documentId'] }],
  indices: [{ name: 'idx_einvoice_submissions_due', columns: ['state', 'nextAttemptAt'] }],
});
