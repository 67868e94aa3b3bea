import type BetterSqlite3 from 'better-sqlite3';
import type { EntityManager, EntitySchema } from 'typeorm';
import { nativeHandle } from './data-source';

/**
 * Rows read and written through cached prepared statements on the connection under TypeORM (the same connection, so
 * inside the caller's transaction). For the hot paths only — recording a payment must stay within a few milliseconds
 * (SPEC §10), and TypeORM builds its SQL again on every call and inlines numbers, so SQLite compiles most of its
 * statements each time. Column names and types come from the entity's metadata: the entities stay the one description
 * of the schema.
 */
type Statement = BetterSqlite3.Statement<unknown[], Record<string, unknown>>;
type Value = string | number | bigint | Buffer | null;
type ColumnMetadata = ReturnType<EntityManager['dataSource']['getMetadata']>['columns'][number];

const statements = new WeakMap<BetterSqlite3.Database, Map<string, Statement>>();

/** A prepared statement, compiled once per connection and SQL text. */
export function statement(em: EntityManager, sql: string): Statement {
  return preparedOn(nativeHandle(em.dataSource), sql);
}

/** The same, for code that holds the native handle itself (the audit chain, inside Database.write). */
export function preparedOn(db: BetterSqlite3.Database, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare<unknown[], Record<string, unknown>>(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

interface Table {
  name: string;
  columns: Map<string, ColumnMetadata>;
  selectList: string;
  booleans: string[];
}

const tables = new WeakMap<object, Table>();

function tableOf(em: EntityManager, entity: EntitySchema): Table {
  let table = tables.get(entity);
  if (!table) {
    const meta = em.dataSource.getMetadata(entity);
    const columns = new Map(meta.columns.map((c) => [c.propertyName, c]));
    table = {
      name: meta.tableName,
      columns,
      selectList: meta.columns.map((c) => `"${c.databaseName}" AS "${c.propertyName}"`).join(', '),
      booleans: meta.columns.filter((c) => c.type === 'boolean').map((c) => c.propertyName),
    };
    tables.set(entity, table);
  }
  return table;
}

function column(table: Table, property: string): string {
  const meta = table.columns.get(property);
  if (!meta) throw new Error(`${table.name} has no column ${property}`);
  return `"${meta.databaseName}"`;
}

function bound(value: unknown): Value {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as Value;
}

/** SQLite hands booleans back as 0/1: give the entity's boolean columns their type again. */
function withBooleans(table: Table, raw: Record<string, unknown>): Record<string, unknown> {
  for (const b of table.booleans) raw[b] = raw[b] === null ? null : Boolean(raw[b]);
  return raw;
}

type Values<T> = { [K in keyof T]?: T[K] };
/** Equality on each field; an array means "one of" (SQL IN). */
type Where<T> = { [K in keyof T]?: T[K] | readonly T[K][] };

function whereClause<T>(table: Table, where: Where<T>): { sql: string; values: Value[] } {
  const parts: string[] = [];
  const values: Value[] = [];
  for (const key of Object.keys(where)) {
    const value: unknown = where[key as keyof T];
    if (Array.isArray(value)) {
      parts.push(value.length ? `${column(table, key)} IN (${value.map(() => '?').join(', ')})` : '0');
      values.push(...value.map(bound));
    } else {
      parts.push(`${column(table, key)} = ?`);
      values.push(bound(value));
    }
  }
  return { sql: parts.join(' AND ') || '1', values };
}

/** The first row matching `where`, ordered by `orderBy` (a SQL fragment on the table's column names). */
export function findRow<T>(em: EntityManager, entity: EntitySchema<T>, where: Where<T>, orderBy?: string): T | null {
  const table = tableOf(em, entity as EntitySchema);
  const clause = whereClause(table, where);
  const order = orderBy ? ` ORDER BY ${orderBy}` : '';
  const sql = `SELECT ${table.selectList} FROM "${table.name}" WHERE ${clause.sql}${order} LIMIT 1`;
  const raw = statement(em, sql).get(...clause.values);
  return raw ? (withBooleans(table, raw) as T) : null;
}

/** Every row matching `where`, ordered by `orderBy`. */
export function findRows<T>(em: EntityManager, entity: EntitySchema<T>, where: Where<T>, orderBy?: string): T[] {
  const table = tableOf(em, entity as EntitySchema);
  const clause = whereClause(table, where);
  const order = orderBy ? ` ORDER BY ${orderBy}` : '';
  const sql = `SELECT ${table.selectList} FROM "${table.name}" WHERE ${clause.sql}${order}`;
  return statement(em, sql)
    .all(...clause.values)
    .map((raw) => withBooleans(table, raw) as T);
}

/** Inserts a row (columns left out take their SQL default) and returns its id. */
export function insertRow<T>(em: EntityManager, entity: EntitySchema<T>, values: Values<T>): number {
  const table = tableOf(em, entity as EntitySchema);
  const keys = Object.keys(values).filter((k) => values[k as keyof T] !== undefined);
  const sql =
    `INSERT INTO "${table.name}" (${keys.map((k) => column(table, k)).join(', ')}) ` +
    `VALUES (${keys.map(() => '?').join(', ')})`;
  const result = statement(em, sql).run(...keys.map((k) => bound(values[k as keyof T])));
  return Number(result.lastInsertRowid);
}

/** Sets fields of the rows matching `where`; returns how many changed. */
export function updateRows<T>(em: EntityManager, entity: EntitySchema<T>, where: Where<T>, values: Values<T>): number {
  const table = tableOf(em, entity as EntitySchema);
  const keys = Object.keys(values).filter((k) => values[k as keyof T] !== undefined);
  const clause = whereClause(table, where);
  const sql = `UPDATE "${table.name}" SET ${keys.map((k) => `${column(table, k)} = ?`).join(', ')} WHERE ${clause.sql}`;
  return statement(em, sql).run(...keys.map((k) => bound(values[k as keyof T])), ...clause.values).changes;
}
