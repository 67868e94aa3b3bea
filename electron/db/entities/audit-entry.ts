import { EntitySchema } from 'typeorm';

/** Append-only: rows are inserted in the transaction of the change they describe, never updated or deleted. */
export interface AuditRow {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  /** The office desk the change came from (migration 0016); null on a standalone PC and before. */
  desk: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** JSON: field → [before, after], or the facts of the event. */
  summary: string;
  /** The hash chain (modules/audit/chain.ts): SHA-256 of the summary as written, of the previous entry, of this one. */
  summaryHash: string;
  prevHash: string;
  hash: string;
}

export const AuditEntity = new EntitySchema<AuditRow>({
  name: 'AuditEntry',
  tableName: 'audit_log',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    at: { type: 'varchar', length: 30 },
    userId: { name: 'user_id', type: 'integer', nullable: true },
    username: { type: 'varchar', length: 32, nullable: true },
    desk: { type: 'varchar', length: 40, nullable: true },
    action: { type: 'varchar', length: 60 },
    entity: { type: 'varchar', length: 40 },
    entityId: { name: 'entity_id', type: 'varchar', length: 40, nullable: true },
    summary: { type: 'text' },
    summaryHash: { name: 'summary_hash', type: 'varchar', length: 64, default: '' },
    prevHash: { name: 'prev_hash', type: 'varchar', length: 64, default: '' },
    hash: { type: 'varchar', length: 64, default: '' },
  },
  indices: [
    { name: 'idx_audit_at', columns: ['at'] },
    { name: 'idx_audit_entity', columns: ['entity', 'entityId'] },
  ],
});
