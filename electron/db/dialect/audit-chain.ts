import type BetterSqlite3 from 'better-sqlite3';
import type { QueryRunner } from 'typeorm';
import { entryHash, GENESIS_HASH, sha256Hex, type NewAuditEntry } from '../../modules/audit/chain';

// The SQLite side of the audit hash chain (modules/audit/chain.ts).

const CHAIN_COLUMNS = ['summary_hash', 'prev_hash', 'hash'] as const;

/**
 * The append-only rule of the audit log, now covering the chain's columns: only a redacted summary may replace a
 * summary (Law 09-08); the hashes never change once written.
 */
async function createAuditNoUpdateTrigger(q: QueryRunner): Promise<void> {
  const frozen = ['id', 'at', 'user_id', 'username', 'action', 'entity', 'entity_id', ...CHAIN_COLUMNS]
    .map((c) => `NEW.${c} IS NOT OLD.${c}`)
    .join(' OR ');
  await q.query(
    `CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log"
     WHEN ${frozen} OR json_extract(NEW.summary, '$._redacted') IS NOT 1
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  );
}

/** An entry written before the chain: every column but the hashes. */
type LegacyRow = NewAuditEntry & { id: number };

/**
 * Adds the chain's columns and chains the entries already written, in id order. An entry redacted before this
 * migration is fingerprinted as it now reads (its original text is gone). Raw statements on the migration's own
 * connection and transaction: a ten-year log holds millions of entries.
 */
export async function chainAuditLog(q: QueryRunner): Promise<void> {
  await q.query('DROP TRIGGER "audit_log_no_update"');
  for (const column of CHAIN_COLUMNS) {
    await q.query(`ALTER TABLE "audit_log" ADD COLUMN "${column}" varchar(64) NOT NULL DEFAULT ('')`);
  }
  // The better-sqlite3 connection under the query runner (what data-source.ts's nativeHandle reads; importing it here
  // would make data-source → migrations → here → data-source a cycle).
  const handle = (q.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  const page = handle.prepare<[number], LegacyRow>(
    `SELECT id, at, user_id AS userId, username, action, entity, entity_id AS entityId, summary
     FROM audit_log WHERE id > ? ORDER BY id LIMIT 10000`,
  );
  const update = handle.prepare('UPDATE audit_log SET summary_hash = ?, prev_hash = ?, hash = ? WHERE id = ?');
  let prevHash = GENESIS_HASH;
  // By pages: better-sqlite3 cannot update while a SELECT is still being iterated on the same connection.
  for (let rows = page.all(0); rows.length > 0; rows = page.all(rows[rows.length - 1]?.id ?? Infinity)) {
    for (const row of rows) {
      const summaryHash = sha256Hex(row.summary);
      const hash = entryHash(prevHash, { ...row, summaryHash });
      update.run(summaryHash, prevHash, hash, row.id);
      prevHash = hash;
    }
  }
  await createAuditNoUpdateTrigger(q);
}
