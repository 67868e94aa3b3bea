import type BetterSqlite3 from 'better-sqlite3';
import type fs from 'node:fs';
import type { BackupContentsDto } from '../../../shared/api/backup';

/**
 * The heavy SQLite work of backups: copying a database and checking one. On the large office (1.8 GB) a copy takes
 * ~15 s and an integrity_check ~12 s, so they run in a worker thread (worker.ts) on their own connection, and the
 * counter keeps answering meanwhile.
 *
 * `runSqliteTask` is shipped to the worker as source text (Function.prototype.toString): it must stay self-contained,
 * using nothing but its arguments (no imports, no helpers of this file). Types are erased, so they are fine.
 */

export type SqliteTask =
  /** A consistent copy of `source` (committed data only, even while the app writes) into the new file `target`. */
  | { kind: 'snapshot'; source: string; target: string }
  /** Checks `file` (quick_check or integrity_check) and, if asked, what it holds. Never writes to it. */
  | { kind: 'inspect'; file: string; check: 'quick' | 'full'; contents: boolean };

export type BackupContents = BackupContentsDto;

export interface InspectResult {
  /** ['ok'] when the file is sound; otherwise SQLite's first messages. */
  integrity: string[];
  /** Names of the migrations the file went through, oldest first. */
  migrations: string[];
  contents: BackupContents | null;
}

export interface SnapshotResult {
  bytes: number;
}

export type SqliteTaskResult = SnapshotResult | InspectResult;

export type ModuleLoader = (id: 'better-sqlite3' | 'node:fs') => unknown;

/** `nativeBinding`: the addon built for Electron when the desktop app runs unpackaged (db/sqlite-binding.ts). */
export function runSqliteTask(load: ModuleLoader, task: SqliteTask, nativeBinding?: string): SqliteTaskResult {
  const Sqlite = load('better-sqlite3') as typeof BetterSqlite3;
  const files = load('node:fs') as typeof fs;
  const open = (file: string) =>
    new Sqlite(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });

  if (task.kind === 'snapshot') {
    const source = open(task.source);
    try {
      // One read transaction: the copy is the database as of one commit. The output is a single rollback-journal file.
      source.prepare('VACUUM INTO ?').run(task.target);
    } finally {
      source.close();
    }
    // VACUUM INTO does not sync its output: a backup must survive a power cut right after it is listed.
    const fd = files.openSync(task.target, 'r+');
    try {
      files.fsyncSync(fd);
    } finally {
      files.closeSync(fd);
    }
    return { bytes: files.statSync(task.target).size };
  }

  const db = open(task.file);
  try {
    const integrity = db
      .prepare(task.check === 'full' ? 'PRAGMA integrity_check(20)' : 'PRAGMA quick_check(20)')
      .pluck()
      .all() as string[];
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const migrations = tables.has('migrations')
      ? (db.prepare('SELECT name FROM migrations ORDER BY id').pluck().all() as string[])
      : [];
    if (!task.contents || integrity[0] !== 'ok') return { integrity, migrations, contents: null };

    const count = (table: string, where = '') =>
      tables.has(table) ? (db.prepare(`SELECT COUNT(*) FROM ${table} ${where}`).pluck().get() as number) : 0;
    const lastDocument = (type: string) =>
      tables.has('documents')
        ? ((db
            .prepare(
              'SELECT number FROM documents WHERE type = ? AND number IS NOT NULL ORDER BY series_year DESC, seq DESC LIMIT 1',
            )
            .pluck()
            .get(type) as string | undefined) ?? null)
        : null;
    const contents: BackupContents = {
      clients: count('clients'),
      proformas: count('documents', "WHERE type = 'proforma' AND number IS NOT NULL"),
      invoices: count('documents', "WHERE type = 'invoice'"),
      creditNotes: count('documents', "WHERE type = 'credit_note'"),
      payments: count('payments'),
      lastNumbers: {
        proforma: lastDocument('proforma'),
        invoice: lastDocument('invoice'),
        creditNote: lastDocument('credit_note'),
        receipt: tables.has('payments')
          ? ((db.prepare('SELECT number FROM payments ORDER BY series_year DESC, seq DESC LIMIT 1').pluck().get() as
              string | undefined) ?? null)
          : null,
      },
      lastChangeAt: tables.has('audit_log')
        ? ((db.prepare('SELECT at FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ??
          null)
        : null,
      auditEntries: count('audit_log'),
    };
    return { integrity, migrations, contents };
  } finally {
    db.close();
  }
}
