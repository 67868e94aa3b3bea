import type { EntityManager } from 'typeorm';
import { CounterEntity } from './entities';
import { insertRow, statement } from './rows';

/**
 * The next number of a series, taken inside the caller's transaction: the counter row is bumped, never derived from a
 * MAX() of the documents, so numbers have no gaps (a rolled-back transaction rolls its bump back) and no duplicates
 * (writes are serialised, and the caller's UNIQUE constraint backs it).
 */
export function nextNumber(em: EntityManager, series: string, year = 0): Promise<number> {
  const bumped = statement(
    em,
    'UPDATE "counters" SET "last" = "last" + 1 WHERE "series" = ? AND "year" = ? RETURNING "last"',
  ).get(series, year) as { last: number } | undefined;
  if (bumped) return Promise.resolve(bumped.last);
  insertRow(em, CounterEntity, { series, year, last: 1 });
  return Promise.resolve(1);
}

/** Reserves `count` consecutive numbers of a series at once (bulk imports); returns the first. */
export async function reserveNumbers(em: EntityManager, series: string, count: number, year = 0): Promise<number> {
  const first = await nextNumber(em, series, year);
  if (count > 1) {
    await em.update(CounterEntity, { series, year }, { last: first + count - 1 });
  }
  return first;
}
