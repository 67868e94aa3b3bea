import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/db/data-source';
import { migrations } from '../../electron/db/migrations';
import { withStaff } from '../support/core';
import { fullCompany } from '../support/documents';
import { openHostApp, type HostApp } from '../support/host';
import { LEGACY_MIGRATIONS, legacyOffice } from '../support/legacy-office';

let app: HostApp | null = null;
const cleanups: (() => void)[] = [];
const mounts: string[] = [];
afterEach(async () => {
  for (const dir of mounts.splice(0)) execFileSync('umount', ['-l', dir]);
  await app?.close();
  app = null;
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const DAY = 86_400_000;
const LAST_MIGRATION = new (migrations[migrations.length - 1] as new () => { name: string })().name;

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A real small disk (tmpfs) mounted on `dir`: the disk-full and read-only cases are the kernel's own errors, not
 * imitations. Needs root, as the CI's apt-get does.
 */
function smallDisk(dir: string, kilobytes: number): { readOnly: () => void } {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    throw new Error('This test mounts a small tmpfs (root needed).', { cause: error });
  }
  mounts.push(dir);
  return { readOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir]) };
}

const fileCount = (dir: string) => (existsSync(dir) ? readdirSync(dir).length : 0);

async function office(): Promise<HostApp> {
  const opened = await openHostApp();
  await withStaff(opened);
  await opened.ok('admin', 'settings.saveCompany', fullCompany);
  return opened;
}

async function addClient(opened: HostApp, firstName: string) {
  return opened.ok('cashier', 'clients.create', {
    kind: 'individual',
    firstName,
    lastName: 'Alami',
    phones: ['0661000001'],
  });
}

/** A proforma issued and paid in cash: a proforma, an invoice and a receipt in their series. */
async function sale(opened: HostApp, clientId: number, n: number) {
  const draft = await opened.ok('cashier', 'documents.saveDraft', {
    clientId,
    lines: [{ kind: 'item', description: `Prestation ${n}`, quantity: 1000, unitPrice: 10_000, vatRate: 2000 }],
  });
  await opened.ok('cashier', 'documents.issue', { id: draft.id });
  return opened.ok('cashier', 'payments.record', {
    idempotencyKey: `backup-test-${n}-0000`,
    clientId,
    amount: 12_000,
    details: { method: 'cash' },
    desk: 'Guichet 1',
  });
}

const backupsIn = (opened: HostApp) => path.join(opened.dataDir, 'backups');

describe('making backups', () => {
  it('makes a verified backup by hand, lists it with its size, date and schema, and audits it (admin only)', async () => {
    app = await office();
    await addClient(app, 'Sara');
    const created = await app.ok('admin', 'backup.create', {});
    expect(created.secondary).toBeNull();
    expect(created.backup).toMatchObject({
      location: 'primary',
      kind: 'manual',
      verified: true,
      createdAt: app.clock.now().toISOString(),
      schema: LAST_MIGRATION,
    });
    expect(created.backup.file).toMatch(/^guichet-20261126T090000000Z-manual\.sqlite$/);
    const file = path.join(backupsIn(app), created.backup.file);
    const copy = new Sqlite(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT COUNT(*) FROM clients').pluck().get()).toBe(1);
    // A standalone file: no -wal to carry along to a USB drive.
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(readdirSync(backupsIn(app)).sort()).toEqual([created.backup.file, `${created.backup.file}.json`]);

    const list = await app.ok('admin', 'backup.list', {});
    expect(list.backups).toEqual([created.backup]);
    expect(list.backups[0]?.bytes).toBeGreaterThan(50_000);
    expect(list.lastGoodAt).toBe(created.backup.createdAt);
    expect(list.folders).toMatchObject({ primary: backupsIn(app), secondary: null, secondaryProblem: null });
    const audit = await app.ok('manager', 'audit.list', { action: 'backup.create' });
    expect(audit.rows[0]).toMatchObject({ username: 'admin', entityId: created.backup.file });

    for (const channel of ['cashier', 'manager']) {
      expect(await app.call(channel, 'backup.create', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await app.call(channel, 'backup.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('copies each backup to the second folder, checked when it is saved', async () => {
    app = await office();
    const usb = tempDir('guichet-usb-');
    for (const [folder, message] of [
      ['relatif/dossier', 'chemin complet'],
      [path.join(usb, 'absent'), 'introuvable'],
      [path.join(app.dataDir, 'backups'), 'hors du dossier des données'],
    ] as const) {
      expect(await app.call('admin', 'backup.saveSettings', { secondFolder: folder })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { secondFolder: expect.stringContaining(message) } },
      });
    }
    expect(await app.ok('admin', 'backup.saveSettings', { secondFolder: usb })).toEqual({ secondFolder: usb });
    expect(await app.ok('admin', 'backup.getSettings', {})).toEqual({ secondFolder: usb });

    const created = await app.ok('admin', 'backup.create', {});
    expect(created.secondary).toMatchObject({
      ok: true,
      backup: { location: 'secondary', file: created.backup.file, verified: true },
    });
    const list = await app.ok('admin', 'backup.list', {});
    expect(list.backups.map((b) => b.location).sort()).toEqual(['primary', 'secondary']);
    expect(list.folders).toMatchObject({ secondary: usb, secondaryProblem: null });

    // The drive is unplugged: the backup is still made in the data folder, and the list says what is wrong.
    rmSync(usb, { recursive: true, force: true });
    app.clock.advance(60_000);
    const second = await app.ok('admin', 'backup.create', {});
    expect(second.backup.verified).toBe(true);
    expect(second.secondary).toMatchObject({ ok: false, message: expect.stringContaining('introuvable') });
    expect((await app.ok('admin', 'backup.list', {})).folders.secondaryProblem).toContain('introuvable');
  });

  it('keeps 7 daily, 4 weekly and 12 monthly backups as the days go by', async () => {
    app = await office();
    // Through the service: seventy days of sessions would lock on idle.
    for (let day = 0; day < 45; day++) {
      await app.core.backups.create('daily');
      app.clock.advance(DAY);
    }
    const kept = (await app.core.backups.list()).backups;
    const days = kept.map((b) => b.createdAt.slice(0, 10));
    // 7 latest days; the newest of each of the 4 latest ISO weeks; the newest of each of the 3 months reached.
    expect(days.slice(0, 7)).toEqual(
      Array.from({ length: 7 }, (_, i) =>
        new Date((app?.clock.now().getTime() ?? 0) - (i + 1) * DAY).toISOString().slice(0, 10),
      ),
    );
    expect(kept.length).toBeGreaterThanOrEqual(9);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 3);
    expect(kept.every((b) => b.verified)).toBe(true);
    expect(fileCount(backupsIn(app))).toBe(kept.length * 2);
  });
});

describe('disk full and read-only folders', () => {
  it('says in French that the disk is full, leaves nothing partial, and the app keeps running', async () => {
    app = await office();
    for (let i = 0; i < 30; i++) await addClient(app, `Client ${i}`);
    smallDisk(backupsIn(app), 64);
    const result = await app.call('admin', 'backup.create', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('Espace disque insuffisant') },
    });
    expect(readdirSync(backupsIn(app))).toEqual([]);
    // The counter goes on.
    await addClient(app, 'Après');
    expect((await app.ok('admin', 'backup.list', {})).backups).toEqual([]);
  });

  it('says so when the folder is read-only, and writes nothing', async () => {
    app = await office();
    smallDisk(backupsIn(app), 4096).readOnly();
    expect(await app.call('admin', 'backup.create', {})).toMatchObject({
      ok: false,
      error: { code: 'READ_ONLY', message: expect.stringContaining("n'est pas accessible en écriture") },
    });
    expect(readdirSync(backupsIn(app))).toEqual([]);
    await addClient(app, 'Après');
  });

  it('keeps the main backup when the second folder is full, and leaves nothing partial there', async () => {
    app = await office();
    for (let i = 0; i < 30; i++) await addClient(app, `Client ${i}`);
    const usb = tempDir('guichet-usb-');
    smallDisk(usb, 64);
    await app.ok('admin', 'backup.saveSettings', { secondFolder: usb });
    const created = await app.ok('admin', 'backup.create', {});
    expect(created.backup.verified).toBe(true);
    expect(created.secondary).toMatchObject({
      ok: false,
      message: expect.stringContaining('Espace disque insuffisant'),
    });
    expect(readdirSync(usb)).toEqual([]);
  });
});

describe('what a backup holds, and the backups refused', () => {
  it('shows the counts and the last numbers of each series before a restore', async () => {
    app = await office();
    await app.ok('cashier', 'cash.open', { desk: 'Guichet 1', float: 0 });
    const client = await addClient(app, 'Sara');
    for (let n = 1; n <= 3; n++) await sale(app, client.id, n);
    const { backup } = await app.ok('admin', 'backup.create', {});
    const preview = await app.ok('admin', 'backup.preview', { location: 'primary', file: backup.file });
    expect(preview).toMatchObject({
      restorable: true,
      refusal: null,
      needsMigration: false,
      contents: {
        clients: 1,
        proformas: 3,
        invoices: 3,
        creditNotes: 0,
        payments: 3,
        lastNumbers: {
          proforma: expect.stringMatching(/-000003$/),
          invoice: expect.stringMatching(/-000003$/),
          creditNote: null,
          receipt: expect.stringMatching(/-000003$/),
        },
        lastChangeAt: expect.any(String),
      },
    });
  });

  it('refuses a damaged backup and one made by a newer Guichet, and changes nothing', async () => {
    app = await office();
    const { backup } = await app.ok('admin', 'backup.create', {});
    const file = path.join(backupsIn(app), backup.file);
    // The same backup, as a newer Guichet would have left it: one migration this version does not know.
    const newer = 'guichet-20261126T090000000Z-manual-7.sqlite';
    const source = new Sqlite(file, { readonly: true });
    source.prepare('VACUUM INTO ?').run(path.join(backupsIn(app), newer));
    source.close();
    const patched = new Sqlite(path.join(backupsIn(app), newer));
    patched
      .prepare('INSERT INTO migrations (timestamp, name) VALUES (?, ?)')
      .run(9_999_999_999_999, 'Future9999999999999');
    patched.close();
    expect(await app.ok('admin', 'backup.preview', { location: 'primary', file: newer })).toMatchObject({
      restorable: false,
      refusal: expect.stringContaining('version plus récente de Guichet'),
    });

    // Bytes flipped in the middle of the file (a USB drive going bad).
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(statSync(file).size / 2 / 4096) * 4096);
    closeSync(fd);
    const damaged = await app.ok('admin', 'backup.preview', { location: 'primary', file: backup.file });
    expect(damaged.restorable).toBe(false);
    expect(damaged.refusal).toMatch(/endommagé|ne peut pas être lu/);

    const clientsBefore = await app.ok('cashier', 'clients.list', { page: 1, pageSize: 5 });
    for (const name of [backup.file, newer]) {
      expect(
        await app.call('admin', 'backup.restore', { location: 'primary', file: name, confirmation: 'RESTAURER' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('ne peut pas être restaurée') },
      });
    }
    expect(await app.ok('cashier', 'clients.list', { page: 1, pageSize: 5 })).toEqual(clientsBefore);
    expect((await app.ok('admin', 'backup.list', {})).backups.some((b) => b.kind === 'pre-restore')).toBe(false);
  });

  it('refuses names that would leave the backups folder, and an unconfirmed restore', async () => {
    app = await office();
    const { backup } = await app.ok('admin', 'backup.create', {});
    for (const file of ['../guichet.sqlite', '..\\x.sqlite', '/etc/passwd', 'a/b.sqlite', 'x.sqlite.json', '.sqlite']) {
      expect(await app.call('admin', 'backup.preview', { location: 'primary', file })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    }
    expect(
      await app.call('admin', 'backup.restore', {
        location: 'primary',
        file: backup.file,
        confirmation: 'restaurer' as 'RESTAURER',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { confirmation: expect.stringContaining('RESTAURER') } },
    });
    expect(await app.call('admin', 'backup.preview', { location: 'primary', file: 'absent.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('restoring', () => {
  it('puts the backup back, keeps the database of before as a pre-restore copy, and can undo with it', async () => {
    app = await office();
    await addClient(app, 'Avant');
    const { backup } = await app.ok('admin', 'backup.create', {});
    app.clock.advance(60_000);
    await addClient(app, 'Après');

    const result = await app.ok('admin', 'backup.restore', {
      location: 'primary',
      file: backup.file,
      confirmation: 'RESTAURER',
    });
    expect(result.restored).toEqual(backup);
    expect(result.preRestore).toMatchObject({ kind: 'pre-restore', verified: true });
    // Everybody signs in again on the restored data.
    expect(await app.call('admin', 'backup.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    for (const suffix of ['-wal', '-shm']) {
      // SQLite may recreate them on open; what matters is that none came from the old file (checked by integrity).
      expect(existsSync(path.join(app.dataDir, DATABASE_FILE + suffix + '.restoring'))).toBe(false);
    }
    await app.ok('admin', 'auth.login', { username: 'admin', password: 'admin-secret-1' });
    await app.ok('manager', 'auth.login', { username: 'gerant', password: 'manager-secret-1' });
    const names = async () =>
      (await app?.ok('manager', 'clients.list', { page: 1, pageSize: 10 }))?.rows.map((c) => c.displayName);
    expect(await names()).toEqual(['Avant Alami']);
    const restoredAudit = await app.ok('manager', 'audit.list', { action: 'backup.restore' });
    expect(restoredAudit.rows.map((r) => r.action)).toEqual(['backup.restored']);
    expect(restoredAudit.rows[0]?.summary).toMatchObject({ file: backup.file, preRestore: result.preRestore.file });
    expect((await app.ok('manager', 'audit.verifyChain', {})).broken).toBeNull();

    // Undo: the pre-restore copy holds "Après" and the request to restore.
    const undo = await app.ok('admin', 'backup.restore', {
      location: 'primary',
      file: result.preRestore.file,
      confirmation: 'RESTAURER',
    });
    expect(undo.restored.kind).toBe('pre-restore');
    await app.ok('manager', 'auth.login', { username: 'gerant', password: 'manager-secret-1' });
    expect((await names())?.sort()).toEqual(['Après Alami', 'Avant Alami']);
    const actions = (await app.ok('manager', 'audit.list', { action: 'backup.' })).rows.map((r) => r.action);
    expect(actions).toEqual(['backup.restored', 'backup.restore', 'backup.create']);
    expect((await app.ok('manager', 'audit.verifyChain', {})).broken).toBeNull();
  });

  it('does not restore when the database of before cannot be kept, and nothing changes', async () => {
    app = await office();
    await addClient(app, 'Avant');
    const { backup } = await app.ok('admin', 'backup.create', {});
    await addClient(app, 'Après');
    const kept = tempDir('guichet-kept-');
    execFileSync('cp', ['-a', `${backupsIn(app)}/.`, kept]);
    rmSync(backupsIn(app), { recursive: true, force: true });
    smallDisk(backupsIn(app), 4096);
    execFileSync('cp', ['-a', `${kept}/.`, backupsIn(app)]);
    execFileSync('mount', ['-o', 'remount,ro', backupsIn(app)]);

    const result = await app.call('admin', 'backup.restore', {
      location: 'primary',
      file: backup.file,
      confirmation: 'RESTAURER',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining("n'a donc pas eu lieu") },
    });
    // Same sessions, same data.
    const rows = (await app.ok('cashier', 'clients.list', { page: 1, pageSize: 10 })).rows.map((c) => c.displayName);
    expect(rows.sort()).toEqual(['Après Alami', 'Avant Alami']);
  });
});

describe('before a migration', () => {
  it('takes a verified backup of a database made by the previous version, then migrates it', async () => {
    const dir = await legacyOffice(tempDir('guichet-upgrade-'));
    app = await openHostApp(dir);
    const backups = readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/-pre-migration\.sqlite$/);
    const copy = new Sqlite(path.join(dir, 'backups', backups[0] ?? ''), { readonly: true });
    expect(copy.prepare('SELECT COUNT(*) FROM migrations').pluck().get()).toBe(LEGACY_MIGRATIONS);
    copy.close();
    const executed = nativeMigrationCount(app);
    expect(executed).toBe(migrations.length);
  });

  it('refuses to migrate when that backup cannot be made, and leaves the database as it was', async () => {
    const dir = await legacyOffice(tempDir('guichet-upgrade-'));
    writeFileSync(path.join(dir, 'backups'), 'un fichier à la place du dossier');
    const { openCore } = await import('../../electron/core');
    await expect(openCore({ dataDir: dir, log: () => undefined })).rejects.toThrow(
      "n'a pas pu sauvegarder la base avant",
    );
    const db = new Sqlite(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM migrations').pluck().get()).toBe(LEGACY_MIGRATIONS);
    db.close();
  });
});

function nativeMigrationCount(opened: HostApp): number {
  const rows = new Sqlite(path.join(opened.dataDir, DATABASE_FILE), { readonly: true });
  try {
    return rows.prepare('SELECT COUNT(*) FROM migrations').pluck().get() as number;
  } finally {
    rows.close();
  }
}
