import type { QueryRunner } from 'typeorm';

/**
 * The SQLite-only SQL of the app lives in this folder. Here: triggers that make a table append-only, so that not even a
 * bug in a use case can rewrite history (the audit log; later the documents' numbers).
 */
export async function makeAppendOnly(q: QueryRunner, table: string): Promise<void> {
  for (const event of ['UPDATE', 'DELETE'] as const) {
    await q.query(
      `CREATE TRIGGER "${table}_no_${event.toLowerCase()}" BEFORE ${event} ON "${table}" ` +
        `BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    );
  }
}
