import type BetterSqlite3 from 'better-sqlite3';
import type { Prng } from '../prng';

/** The sizes of the large office; later issues add services, proformas, payments. */
export interface LargeOfficeSize {
  clients: number;
}

/** What each stage of the generator gets: the raw handle (inside the one transaction), its own PRNG, the clock. */
export interface StageContext {
  db: BetterSqlite3.Database;
  rng: Prng;
  size: LargeOfficeSize;
  /** The instant the data set ends at (its "today"), fixed so the data is the same on every machine. */
  end: Date;
  /** The bench administrator's password hash (computed before the transaction: scrypt is async). */
  adminPasswordHash: string;
  progress: (done: number, total: number) => void;
}

/**
 * One table group of the large office, written with raw prepared statements (TypeORM bulk inserts are 7–9× slower).
 * Returns the number of rows it wrote per table, for the summary.
 */
export interface Stage {
  name: string;
  run(ctx: StageContext): Record<string, number>;
}
