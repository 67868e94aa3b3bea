import type BetterSqlite3 from 'better-sqlite3';
import type { Prng } from '../prng';
import type { OfficePlan } from './plan/types';

/** The sizes of the large office (SPEC §10: 100,000 / 150,000 / 600,000 / 1,000,000). */
export interface LargeOfficeSize {
  clients: number;
  services: number;
  /** Proformas, invoices and credit notes together. */
  documents: number;
  payments: number;
}

/** The office of SPEC §10's proportions for a number of clients (smaller offices for tests keep the same mix). */
export function proportionalSize(clients: number): LargeOfficeSize {
  return { clients, services: Math.round(clients * 1.5), documents: clients * 6, payments: clients * 10 };
}

/** What a stage leaves for the later ones (the services stage plans the documents and payments it bills). */
export interface OfficeState {
  plan?: OfficePlan;
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
  state: OfficeState;
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
