import { EntitySchema } from 'typeorm';

/** A paired desk of an office server (migration 0016). Revoked desks stay, for the audit entries that name them. */
export interface DeskRow {
  id: number;
  name: string;
  /** SHA-256 (hex) of the desk's credential. */
  credentialHash: string;
  pairedAt: string;
  revokedAt: string | null;
}

export const DeskEntity = new EntitySchema<DeskRow>({
  name: 'Desk',
  tableName: 'desks',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 40 },
    credentialHash: { name: 'credential_hash', type: 'varchar', length: 64 },
    pairedAt: { name: 'paired_at', type: 'varchar', length: 30 },
    revokedAt: { name: 'revoked_at', type: 'varchar', length: 30, nullable: true },
  },
  uniques: [{ name: 'uq_desks_credential', columns: ['credentialHash'] }],
});
