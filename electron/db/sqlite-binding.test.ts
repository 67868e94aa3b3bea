import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './data-source';
import {
  explainAddonFailure,
  openSqlite,
  selectSqliteBinding,
  SQLITE_BINDING_ENV,
  sqliteAddonProblem,
  useSqliteBinding,
} from './sqlite-binding';

const electronBuild = '/home/caisse/.cache/guichet/better-sqlite3-12.9.0-electron-45.5.0-linux-x64/better_sqlite3.node';
let dir = '';
afterEach(() => {
  useSqliteBinding(undefined);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite addon a process loads', () => {
  it('is the node_modules build under Node (tests, web mode, the CLI), whatever the environment says', () => {
    const env = { [SQLITE_BINDING_ENV]: electronBuild };
    expect(selectSqliteBinding({ versions: { node: '20.19.0' }, env, packaged: false })).toBeUndefined();
  });

  it("is Electron's own build, named by npm start, in the unpackaged desktop app", () => {
    const env = { [SQLITE_BINDING_ENV]: electronBuild };
    expect(selectSqliteBinding({ versions: { node: '22.20.0', electron: '45.5.0' }, env, packaged: false })).toBe(
      electronBuild,
    );
    expect(selectSqliteBinding({ versions: { electron: '45.5.0' }, env: {}, packaged: false })).toBeUndefined();
  });

  it("is the packaged app's own node_modules build (rebuilt for Electron in the staging folder)", () => {
    const env = { [SQLITE_BINDING_ENV]: electronBuild };
    expect(selectSqliteBinding({ versions: { electron: '45.5.0' }, env, packaged: true })).toBeUndefined();
  });

  it('is passed to TypeORM and to the direct openers', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-binding-'));
    const missing = path.join(dir, 'absent', 'better_sqlite3.node');
    useSqliteBinding(missing);
    await expect(openDatabase(dir)).rejects.toThrow(/absent/);
    expect(() => openSqlite(path.join(dir, 'x.sqlite'))).toThrow(/absent/);
    useSqliteBinding(undefined);
    openSqlite(path.join(dir, 'x.sqlite')).close();
  });
});

describe('a missing or mismatched addon', () => {
  it('is reported in French with what to do, before any database opens', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-binding-'));
    expect(sqliteAddonProblem(undefined, false)).toBeNull();
    const missing = sqliteAddonProblem(path.join(dir, 'better_sqlite3.node'), true);
    expect(missing).toMatch(/^Le module SQLite de Guichet est introuvable\. Vos données ne sont pas touchées\./);
    expect(missing).toContain('npm start');
    const notAnAddon = path.join(dir, 'fake.node');
    writeFileSync(notAnAddon, 'pas un module'.repeat(100));
    expect(sqliteAddonProblem(notAnAddon, true)).toMatch(/introuvable|pas été compilé/);
  });

  it("says the build is for another engine when Node's ABI does not match", () => {
    const detail =
      "The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. " +
      'This version of Node.js requires NODE_MODULE_VERSION 150.';
    const message = explainAddonFailure(detail, true);
    expect(message).toMatch(/^Le module SQLite de Guichet n'a pas été compilé pour cette version du moteur/);
    expect(message).toContain('réinstallez Guichet');
    expect(message).toContain('NODE_MODULE_VERSION 150');
    expect(explainAddonFailure(detail, false)).toContain('npm rebuild better-sqlite3');
  });
});
