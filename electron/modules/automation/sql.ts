import type { EntityManager } from 'typeorm';
import { statement } from '../../db/rows';

/** Rows of a cached prepared statement, typed by the caller: its SQL names each column as the type's fields. */
export function allRows<T>(em: EntityManager, sql: string, ...params: unknown[]): T[] {
  return statement(em, sql).all(...params) as unknown as T[];
}
