import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { knownMigrationNames, migrations } from './migrations';
import { sqliteBinding } from './sqlite-binding';

export const DATABASE_FILE = 'guichet.sqlite';

export class DatabaseTooNewError extends Error {
  constructor(readonly unknownMigrations: string[]) {
    super(
      `Cette base de données a été mise à jour par une version plus récente de Guichet ` +
        `(${unknownMigrations.join(', ')}). Installez la dernière version de Guichet pour l'ouvrir ; ` +
        `la base n'a pas été modifiée.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

function prepare(db: BetterSqlite3.Database): void {
  db.pragma('journal_mode = WAL');
  // After WAL: better-sqlite3's build lowers WAL databases to NORMAL, which can lose the last commits on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function createDataSource(dataDir: string): DataSource {
  return new DataSource({
    type: 'better-sqlite3',
    database: path.join(dataDir, DATABASE_FILE),
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    prepareDatabase: prepare,
    // Electron's own build of the addon when the desktop app runs unpackaged (db/sqlite-binding.ts).
    ...(sqliteBinding() ? { nativeBinding: sqliteBinding() } : {}),
    logging: false,
  });
}

/** The native handle under TypeORM, for pragmas and the few raw prepared statements (bulk imports, benchmarks). */
export function nativeHandle(dataSource: DataSource): BetterSqlite3.Database {
  const driver = dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database };
  return driver.databaseConnection;
}

async function executedMigrationNames(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    if (!(await runner.hasTable('migrations'))) return [];
  } finally {
    await runner.release();
  }
  const rows: { name: string }[] = await dataSource.query('SELECT name FROM migrations');
  return rows.map((r) => r.name);
}

export interface OpenOptions {
  /** Runs before pending migrations change a database that holds data (the app takes a backup there). */
  beforeMigrating?: () => Promise<void>;
}

/** Opens the database and brings it to the app's schema: all pending migrations in one transaction, or none. */
export async function openDatabase(dataDir: string, options: OpenOptions = {}): Promise<DataSource> {
  const dataSource = createDataSource(dataDir);
  await dataSource.initialize();
  try {
    const executed = await executedMigrationNames(dataSource);
    const unknown = executed.filter((n) => !knownMigrationNames.has(n));
    if (unknown.length > 0) throw new DatabaseTooNewError(unknown);
    if (executed.length > 0 && executed.length < knownMigrationNames.size) await options.beforeMigrating?.();
    await dataSource.runMigrations({ transaction: 'all' });
    return dataSource;
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
