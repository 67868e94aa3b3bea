import { closeSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { DATABASE_FILE } from '../../electron/db/data-source';
import { openTestApp, withStaff } from '../support/core';

let dataDir = '';
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** The command line on the office's folder, its output captured. */
async function cli(dataDir: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** An office's folder, the app closed: the command line works on it as a scheduled job would. */
async function office(): Promise<string> {
  const opened = await openTestApp();
  await withStaff(opened);
  await opened.ok('cashier', 'clients.create', {
    kind: 'individual',
    firstName: 'Sara',
    lastName: 'Alami',
    phones: ['0661000001'],
  });
  await opened.core.close();
  return opened.dataDir;
}

describe('npm run cli -- backup', () => {
  it('makes a verified backup, lists it and checks it; a damaged file is reported with exit code 1', async () => {
    dataDir = await office();
    const made = await cli(dataDir, 'backup');
    expect(made).toMatchObject({ code: 0, err: '' });
    expect(made.out).toMatch(/^Sauvegarde faite et vérifiée : .*guichet-\d{8}T\d{9}Z-manual\.sqlite \(\d+,\d Mo\)\.$/);
    const [file = ''] = readdirSync(path.join(dataDir, 'backups')).filter((f) => f.endsWith('.sqlite'));

    const listed = await cli(dataDir, 'backup', 'list');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(`manuelle`);
    expect(listed.out).toContain(`vérifiée  ${file}`);

    const checked = await cli(dataDir, 'backup', 'verify', file);
    expect(checked.code).toBe(0);
    expect(checked.out).toContain('intègre (integrity_check)');
    expect(checked.out).toContain('1 clients');

    const full = path.join(dataDir, 'backups', file);
    const fd = openSync(full, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x33), 0, 8192, Math.floor(statSync(full).size / 2 / 4096) * 4096);
    closeSync(fd);
    const damaged = await cli(dataDir, 'backup', 'verify', full);
    expect(damaged.code).toBe(1);
    expect(damaged.err).toContain('ne peut pas être restaurée');

    expect((await cli(dataDir, 'backup', 'verify')).code).toBe(2);
    expect((await cli(dataDir, 'backup', 'erase')).code).toBe(2);
  });
});

describe('npm run cli -- audit-check', () => {
  it('says the chain is whole with its head hash, and names the first broken link otherwise', async () => {
    dataDir = await office();
    const whole = await cli(dataDir, 'audit-check');
    expect(whole.code).toBe(0);
    expect(whole.out).toMatch(
      /^Journal d'audit intact : \d+ entrée\(s\) vérifiée\(s\)\.\nEmpreinte de la dernière entrée \(n° \d+\) : [0-9a-f]{64}$/,
    );

    const db = new Sqlite(path.join(dataDir, DATABASE_FILE));
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET action = 'auth.logout' WHERE id = 3");
    db.close();
    const broken = await cli(dataDir, 'audit-check');
    expect(broken.code).toBe(1);
    expect(broken.err).toContain("Journal d'audit altéré : Entrée n° 3 : son contenu a été modifié");
  });
});
