import { existsSync } from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from '../clock';
import { launchConfig } from '../config';
import { DATABASE_FILE, openDatabase } from '../db/data-source';
import { Database } from '../db/database';
import { backupBeforeMigrating } from '../modules/backup/pre-migration';

/** Where a command prints: its result, and its errors. */
export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** What a command gets: where the data is, the database opened on demand, the clock and the two output streams. */
export interface CliContext {
  dataDir: string;
  clock: Clock;
  out: (line: string) => void;
  err: (line: string) => void;
  /** The office's database, migrated like the app opens it; refused when the folder holds none. */
  database(): Promise<Database>;
}

/** The context of one run; `close` ends the database if a command opened it. */
export function cliContext(
  argv: readonly string[],
  io: CliOutput,
  clock: Clock = systemClock,
): { context: CliContext; close: () => Promise<void> } {
  // --data-dir and GUICHET_DATA_DIR, as for the app (electron/config.ts).
  const { dataDir } = launchConfig(['', '', ...argv], process.env);
  let opened: Promise<Database> | null = null;
  const context: CliContext = {
    dataDir,
    clock,
    out: io.out,
    err: io.err,
    database() {
      opened ??= (async () => {
        if (!existsSync(path.join(dataDir, DATABASE_FILE))) {
          throw new Error(`Aucune base Guichet dans ${dataDir} (indiquez --data-dir).`);
        }
        // As the app: a verified backup before a new version migrates the database.
        const beforeMigrating = backupBeforeMigrating(dataDir, clock);
        return new Database(await openDatabase(dataDir, { beforeMigrating }), clock);
      })();
      return opened;
    },
  };
  return {
    context,
    close: async () => {
      if (opened) await (await opened.catch(() => null))?.close();
    },
  };
}
