import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/db/data-source';
import { AppHost } from '../../electron/modules/backup/host';
import type { BackupDto, BackupHealthDto } from '../../shared/api';
import { withStaff } from '../support/core';
import { bundleChild } from '../support/child-bundle';
import { openHostApp, type HostApp } from '../support/host';

let childBundle = '';
const dirs: string[] = [];
const hosts: AppHost[] = [];
let app: HostApp | null = null;

beforeAll(async () => {
  childBundle = await bundleChild('test/support/host-child.ts', 'host-child');
});

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  await app?.close();
  app = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-startup-'));
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string): Promise<AppHost> {
  const host = await AppHost.start({ dataDir, log: () => undefined });
  hosts.push(host);
  await host.startupCheck;
  return host;
}

async function health(host: AppHost): Promise<BackupHealthDto> {
  const result = await host.dispatch('screen', 'backup.health', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as BackupHealthDto;
}

/** Runs the app in a child process until it has committed a few writes, then SIGKILLs it. */
function runAndKill(dataDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childBundle, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = 0;
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      acked += chunk
        .toString()
        .split('\n')
        .filter((line) => line.startsWith('ack ')).length;
      if (acked >= 20) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(errors))));
  });
}

/** Bytes overwritten in the middle of the file, as a failing disk would leave them. */
function damage(file: string): void {
  const fd = openSync(file, 'r+');
  const size = statSync(file).size;
  for (let offset = Math.floor(size / 3 / 4096) * 4096; offset < size - 8192; offset += 4 * 4096) {
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, offset);
  }
  closeSync(fd);
}

/** An office with staff, a verified backup, then more clients (so the file has pages worth damaging). */
async function officeWithBackup(): Promise<{ dataDir: string; backup: BackupDto }> {
  const dataDir = tempDir();
  const opened = await openHostApp(dataDir);
  await withStaff(opened);
  await opened.ok('cashier', 'clients.create', {
    kind: 'individual',
    firstName: 'Sara',
    lastName: 'Alami',
    phones: ['0661000001'],
  });
  const { backup } = await opened.ok('admin', 'backup.create', {});
  for (let i = 0; i < 150; i++) {
    await opened.ok('cashier', 'clients.create', {
      kind: 'individual',
      firstName: `Client ${i}`,
      lastName: 'Après la sauvegarde',
      phones: ['0661000001'],
      notes: 'x'.repeat(400),
    });
  }
  await opened.host.close();
  return { dataDir, backup };
}

describe('start-up integrity', () => {
  it('runs a quick_check after a clean shutdown, and an integrity_check after the app was killed', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    expect(await health(first)).toMatchObject({ state: 'ok', check: 'quick', uncleanShutdown: false });
    await first.close();
    hosts.length = 0;
    const again = await start(dataDir);
    expect(await health(again)).toMatchObject({ state: 'ok', check: 'quick', uncleanShutdown: false });
    await again.close();
    hosts.length = 0;

    const acked = await runAndKill(dataDir);
    expect(readdirSync(dataDir)).toContain('guichet.running');
    const afterCrash = await start(dataDir);
    expect(await health(afterCrash)).toMatchObject({ state: 'ok', check: 'full', uncleanShutdown: true });
    // Every write the killed app acknowledged is there.
    const rows = await afterCrash.core?.db.reader.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'test.write'",
    );
    expect((rows as { n: number }[])[0]?.n).toBeGreaterThanOrEqual(acked);
    console.log(`start-up: killed after ${acked} acknowledged writes; integrity_check ok after restart`);
  });

  it('opens on the recovery screen when the database is damaged, and restores the latest good backup', async () => {
    const { dataDir, backup } = await officeWithBackup();
    damage(path.join(dataDir, DATABASE_FILE));

    const host = await start(dataDir);
    const state = await health(host);
    expect(state).toMatchObject({
      state: 'damaged',
      problem: expect.stringMatching(/intégrité|ne peut pas être ouverte/),
    });
    // Nothing else answers: no screen can write into a damaged file.
    expect(await host.dispatch('screen', 'auth.status', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('Restaurez une sauvegarde') },
    });
    const options = await host.dispatch('screen', 'backup.recoveryOptions', {});
    expect(options).toMatchObject({ ok: true, value: [{ file: backup.file, verified: true }] });

    const request = { location: 'primary', file: backup.file, confirmation: 'RESTAURER' } as const;
    expect(
      await host.dispatch('screen', 'backup.recover', { ...request, username: 'admin', password: 'wrong-password' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    });
    expect(
      await host.dispatch('screen', 'backup.recover', {
        ...request,
        username: 'caissier',
        password: 'cashier-secret-1',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await host.dispatch('screen', 'backup.recover', { ...request, username: 'admin' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });

    const recovered = await host.dispatch('screen', 'backup.recover', {
      ...request,
      username: 'admin',
      password: 'admin-secret-1',
    });
    expect(recovered).toMatchObject({
      ok: true,
      value: { restored: { file: backup.file }, preRestore: { kind: 'damaged' } },
    });
    expect(await health(host)).toMatchObject({ state: 'ok', problem: null });
    await host.dispatch('screen', 'auth.login', { username: 'gerant', password: 'manager-secret-1' });
    const clients = await host.dispatch('screen', 'clients.list', { page: 1, pageSize: 10 });
    expect(clients).toMatchObject({ ok: true, value: { total: 1 } });
    const log = await host.dispatch('screen', 'audit.list', { action: 'backup.recover' });
    expect(log).toMatchObject({ ok: true, value: { rows: [{ username: 'admin' }] } });
    // The damaged file was set aside, with its own name, never deleted.
    expect(readdirSync(path.join(dataDir, 'backups')).some((f) => /-damaged\.sqlite$/.test(f))).toBe(true);
  });

  it('never loops on a damaged database: each start opens the recovery screen again', async () => {
    const { dataDir } = await officeWithBackup();
    damage(path.join(dataDir, DATABASE_FILE));
    for (let attempt = 0; attempt < 3; attempt++) {
      const host = await start(dataDir);
      expect((await health(host)).state).toBe('damaged');
      await host.close();
      hosts.length = 0;
    }
  });

  it('serves the recovery screen even when the file is not a database at all and no backup exists', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, DATABASE_FILE), 'ceci n’est pas une base de données'.repeat(200));
    const host = await start(dataDir);
    expect(await health(host)).toMatchObject({
      state: 'damaged',
      problem: expect.stringContaining('ne peut pas être ouverte'),
    });
    expect(await host.dispatch('screen', 'backup.recoveryOptions', {})).toEqual({ ok: true, value: [] });
  });
});
