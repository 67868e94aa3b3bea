import path from 'node:path';
import { DataSource } from 'typeorm';
import { DATABASE_FILE, nativeHandle } from '../../electron/db/data-source';
import { migrations } from '../../electron/db/migrations';

/** How many migrations the version before the audit hash chain had. */
export const LEGACY_MIGRATIONS = migrations.findIndex((M) => new M().name === 'AuditChain0000000000009');

/**
 * A database as an office running the previous version has it: migrated up to 0007 by the real migrations, with an
 * audit log of `entries` entries, some of them redacted by an anonymisation made then.
 */
export async function legacyOffice(dir: string, entries = 50): Promise<string> {
  const ds = new DataSource({
    type: 'better-sqlite3',
    database: path.join(dir, DATABASE_FILE),
    migrations: migrations.slice(0, LEGACY_MIGRATIONS),
    migrationsTransactionMode: 'all',
  });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  const db = nativeHandle(ds);
  const insert = db.prepare(
    'INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, summary) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 1; i <= entries; i++) {
      const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
      const summary = JSON.stringify({ n: [i - 1, i] });
      insert.run(at, i % 3, `user${i % 3}`, 'clients.update', 'client', String(i % 97), summary);
    }
    db.exec(`UPDATE audit_log SET summary = '{"_redacted":true,"fields":["n"]}' WHERE entity_id = '5'`);
  })();
  await ds.destroy();
  return dir;
}
