import type BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from '../../db/sqlite-binding';
import type { DataSource } from 'typeorm';

/** Plain SQL over one consistent state of the database: what every report query runs on. */
export interface Snapshot {
  all<T>(sql: string, params?: readonly unknown[]): T[];
}

/** SQLite's limit on bound parameters is far above this; chunks keep each statement small and reusable. */
const CHUNK = 500;

/**
 * Runs `query` for the ids in chunks ("IN (?, ?, …)" with one placeholder per id) and joins the rows. The other
 * `params` are bound first: their placeholders must come before the list in the SQL.
 */
export function allIn<T>(
  snapshot: Snapshot,
  ids: readonly number[],
  query: (placeholders: string) => string,
  params: readonly unknown[] = [],
): T[] {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    rows.push(...snapshot.all<T>(query(chunk.map(() => '?').join(', ')), [...params, ...chunk]));
  }
  return rows;
}

/**
 * Reads through a connection of its own, read-only, inside one read transaction: the report sees the database as it
 * was when it started, whole. The app's connection is shared by the writer, whose transactions await between their
 * statements — a report run there could see a payment without its allocations. In WAL mode a reader never waits for
 * the writer, nor holds it up.
 */
export function withSnapshot<T>(dataSource: DataSource, work: (snapshot: Snapshot) => T): T {
  const file = dataSource.options.database;
  if (typeof file !== 'string') throw new Error('The report needs the database file');
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const statements = new Map<string, BetterSqlite3.Statement>();
    const snapshot: Snapshot = {
      all<R>(sql: string, params: readonly unknown[] = []): R[] {
        let statement = statements.get(sql);
        if (!statement) {
          statement = db.prepare(sql);
          statements.set(sql, statement);
        }
        return statement.all(...params) as R[];
      },
    };
    db.exec('BEGIN');
    try {
      return work(snapshot);
    } finally {
      db.exec('COMMIT');
    }
  } finally {
    db.close();
  }
}
