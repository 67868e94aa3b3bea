import fs, { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runSqliteTask, type InspectResult, type SnapshotResult } from './sqlite-task';
import { runInWorker, SqliteTaskError } from './worker';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A small WAL database with committed rows, the way the app keeps its own. */
function database(): string {
  dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-worker-'));
  const file = path.join(dir, 'source.sqlite');
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  db.exec(
    "CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO migrations (name) VALUES ('Initial0000000000001');",
  );
  db.exec('CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT)');
  const insert = db.prepare('INSERT INTO clients (name) VALUES (?)');
  for (let i = 0; i < 500; i++) insert.run(`Client ${i}`);
  db.close();
  return file;
}

describe('the backup worker', () => {
  it('ships a self-contained task: its source text runs in an empty context', () => {
    const source = database();
    const isolated = vm.runInNewContext(`(${runSqliteTask.toString()})`, {
      __name: (f: unknown) => f,
    }) as typeof runSqliteTask;
    const load = (id: string) => (id === 'better-sqlite3' ? Sqlite : fs);
    const target = path.join(dir, 'copy.sqlite');
    expect((isolated(load, { kind: 'snapshot', source, target }) as SnapshotResult).bytes).toBeGreaterThan(0);
    const inspected = isolated(load, { kind: 'inspect', file: target, check: 'full', contents: true }) as InspectResult;
    expect(inspected).toMatchObject({
      integrity: ['ok'],
      migrations: ['Initial0000000000001'],
      contents: { clients: 500 },
    });
  });

  it('copies and checks a database in a worker thread', async () => {
    const source = database();
    const target = path.join(dir, 'copy.sqlite');
    await runInWorker({ kind: 'snapshot', source, target });
    const copy = new Sqlite(target, { readonly: true });
    expect(copy.prepare('SELECT COUNT(*) FROM clients').pluck().get()).toBe(500);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    const inspected = (await runInWorker({
      kind: 'inspect',
      file: target,
      check: 'quick',
      contents: false,
    })) as InspectResult;
    expect(inspected).toEqual({ integrity: ['ok'], migrations: ['Initial0000000000001'], contents: null });
  });

  it('answers a file that is not a database with a typed error, never a crash', async () => {
    database();
    const file = path.join(dir, 'notes.sqlite');
    writeFileSync(file, 'pas une base'.repeat(1000));
    const error = await runInWorker({ kind: 'inspect', file, check: 'quick', contents: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SqliteTaskError);
    expect((error as SqliteTaskError).code).toBe('SQLITE_NOTADB');
  });

  it('falls back to the main thread when the worker cannot load the SQLite addon (a packaged app)', async () => {
    const source = database();
    // A worker resolving modules from a folder without node_modules cannot load better-sqlite3, as a worker may not
    // inside app.asar: the backup is still made, here, and the reason logged.
    const anchor = path.join(mkdtempSync(path.join(os.tmpdir(), 'guichet-no-modules-')), 'main.cjs');
    const logged: string[] = [];
    const target = path.join(dir, 'copy.sqlite');
    const result = (await runInWorker(
      { kind: 'snapshot', source, target },
      (m) => logged.push(m),
      anchor,
    )) as SnapshotResult;
    expect(result.bytes).toBeGreaterThan(0);
    expect(logged.join('\n')).toMatch(/Backup worker unavailable \(SQLite addon: .*better-sqlite3/);
    // Later tasks of that anchor go straight to the main thread.
    const inspected = (await runInWorker(
      { kind: 'inspect', file: target, check: 'quick', contents: false },
      (m) => logged.push(m),
      anchor,
    )) as InspectResult;
    expect(inspected.integrity).toEqual(['ok']);
    expect(logged).toHaveLength(1);
    rmSync(path.dirname(anchor), { recursive: true, force: true });
  });
});
