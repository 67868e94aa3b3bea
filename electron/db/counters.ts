import type { EntityManager } from 'typeorm';
import { CounterEntity } from './entities';

/**
 * The next number of a series, taken inside the caller's transaction: the counter row is bumped, never derived from a
 * MAX() of the documents, so numbers have no gaps (a rolled-back transaction rolls its bump back) and no duplicates
 * (writes are serialised, and the caller's UNIQUE constraint backs it).
 */
export async function nextNumber(em: EntityManager, series: string, year = 0): Promise<number> {
  const bumped = await em
    .createQueryBuilder()
    .update(CounterEntity)
    .set({ last: () => 'last + 1' })
    .where('series = :series AND year = :year', { series, year })
    .execute();
  if (!bumped.affected) {
    await em.insert(CounterEntity, { series, year, last: 1 });
    return 1;
  }
  const row = await em.findOneByOrFail(CounterEntity, { series, year });
  return row.last;
}

/** Reserves `count` consecutive numbers of a series at once (bulk imports); returns the first. */
export async function reserveNumbers(em: EntityManager, series: string, count: number, year = 0): Promise<number> {
  const first = await nextNumber(em, series, year);
  if (count > 1) {
    await em.update(CounterEntity, { series, year }, { last: first + count - 1 });
  }
  return first;
}
