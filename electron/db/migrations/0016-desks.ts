import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Office server and desks (issue 18): the paired desks, each known by the hash of its credential (the credential itself
 * is shown once to the desk and never stored here), and the desk a change came from, on every audit entry.
 */
export class Desks0016 implements MigrationInterface {
  name = 'Desks0000000000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "desks" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "name" varchar(40) NOT NULL,
        "credential_hash" varchar(64) NOT NULL,
        "paired_at" varchar(30) NOT NULL,
        "revoked_at" varchar(30),
        CONSTRAINT "uq_desks_credential" UNIQUE ("credential_hash")
      )`,
    );
    // A plain ADD COLUMN: TypeORM's addColumn would rebuild the table (and drop the audit log's triggers).
    await q.query('ALTER TABLE "audit_log" ADD COLUMN "desk" varchar(40)');
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Guichet migrations are forward-only.'));
  }
}
