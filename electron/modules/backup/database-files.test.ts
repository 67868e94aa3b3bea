import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../db/data-source';
import { installDatabase, RunMarker, setAsideDamaged } from './database-files';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function table(file: string, rows: string[]): void {
  const db = new Sqlite(file);
  db.exec('CREATE TABLE t (name TEXT)');
  for (const name of rows) db.prepare('INSERT INTO t VALUES (?)').run(name);
  db.close();
}

const names = (file: string) => {
  const db = new Sqlite(file, { readonly: true });
  try {
    return db.prepare('SELECT name FROM t').pluck().all();
  } finally {
    db.close();
  }
};

describe('the database files', () => {
  it('puts a backup in place and drops the old -wal and -shm, which would otherwise be replayed into it', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-install-'));
    const live = path.join(dir, DATABASE_FILE);
    table(live, ['ancien']);
    // A -wal left by the old file (its last commits): SQLite would apply it to whatever file bears this name.
    writeFileSync(`${live}-wal`, Buffer.alloc(4096, 7));
    writeFileSync(`${live}-shm`, Buffer.alloc(32768, 1));
    const backup = path.join(dir, 'backup.sqlite');
    table(backup, ['restauré']);

    await installDatabase(backup, dir);
    expect(existsSync(`${live}-wal`)).toBe(false);
    expect(existsSync(`${live}-shm`)).toBe(false);
    expect(existsSync(`${live}.restoring`)).toBe(false);
    expect(names(live)).toEqual(['restauré']);
    // The backup itself stays where it was.
    expect(names(backup)).toEqual(['restauré']);
  });

  it('sets a damaged database aside with its -wal, listed as damaged, never deleted', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-aside-'));
    const live = path.join(dir, DATABASE_FILE);
    writeFileSync(live, 'abîmé');
    writeFileSync(`${live}-wal`, 'journal');
    const aside = await setAsideDamaged(dir, new Date('2026-11-26T09:00:00Z'));
    expect(aside).toMatchObject({
      kind: 'damaged',
      verified: false,
      file: 'guichet-20261126T090000000Z-damaged.sqlite',
    });
    expect(existsSync(live)).toBe(false);
    expect(readdirSync(path.join(dir, 'backups')).sort()).toEqual([
      'guichet-20261126T090000000Z-damaged.sqlite',
      'guichet-20261126T090000000Z-damaged.sqlite-wal',
      'guichet-20261126T090000000Z-damaged.sqlite.json',
    ]);
    expect(await setAsideDamaged(dir, new Date())).toBeNull();
  });

  it('tells an unclean shutdown by the marker the last run left behind', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-marker-'));
    const first = new RunMarker(dir);
    expect(first.leftBehind).toBe(false);
    first.write(new Date('2026-11-26T09:00:00Z'));
    const afterCrash = new RunMarker(dir);
    expect(afterCrash.leftBehind).toBe(true);
    expect(afterCrash.previous()).toMatchObject({ pid: process.pid, startedAt: '2026-11-26T09:00:00.000Z' });
    afterCrash.remove();
    expect(new RunMarker(dir).leftBehind).toBe(false);
  });
});
