import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentDto } from '../../shared/api';
import { DATABASE_FILE } from '../../electron/db/data-source';
import { PAIRING_FILE, type DeskPairing } from '../../electron/desk/pairing-file';
import { bundleChild } from '../support/child-bundle';
import { fullCompany } from '../support/documents';
import { assertNetnsAllowed, makeLan, type NetnsLan } from '../support/netns';
import { DeskProcess, OfficeServerProcess } from '../support/office-hosts';

/**
 * Several hosts for real (issue 18): the office server in one network namespace, desks in others, talking over
 * 10.231.0.0/24 addresses that exist only inside the namespaces. Where `ip netns` is refused these tests fail, saying
 * so (they are never skipped). Each limit is for a test that hangs, not a measure of speed (about 35 s in all here).
 */

const PORT = 7443;
const tmp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));

let lan: NetnsLan | null = null;
let serverBundle = '';
let deskBundle = '';
let serverDir = '';
let server: OfficeServerProcess | null = null;
let serverUrl = '';
let firstCode: string | null = null;
const desks: DeskProcess[] = [];

function startServer(dataDir = serverDir): Promise<{ fingerprint: string; code: string | null }> {
  if (!lan) throw new Error('no LAN');
  server = OfficeServerProcess.start(lan, 'srv', serverBundle, dataDir, PORT);
  return server.ready();
}

async function startDesk(host: string, code: string, name: string, dataDir = tmp('guichet-desk-')) {
  if (!lan) throw new Error('no LAN');
  const desk = DeskProcess.start(lan, host, deskBundle, dataDir, serverUrl, code, name);
  desks.push(desk);
  await desk.ready();
  return { desk, dataDir };
}

/** Reads the server's database from outside (read-only, beside the running server, as a backup tool would). */
function serverDb<T>(read: (db: Sqlite.Database) => T, dataDir = serverDir): T {
  const db = new Sqlite(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
const countRows = (table: string, dataDir = serverDir) =>
  serverDb((db) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number, dataDir);

/** Audit entries a desk could cause (the server's own background work, backups and the billing run, is left out). */
const deskTrail = () =>
  serverDb(
    (db) =>
      db
        .prepare("SELECT COUNT(*) FROM audit_log WHERE desk IS NOT NULL OR action LIKE 'desks.%'")
        .pluck()
        .get() as number,
  );

/** Receipt numbers end with their sequence: they must run 1..n with no gap and no repeat. */
function expectGapFree(numbers: string[]): void {
  const sequence = numbers.map((n) => Number(/(\d+)$/.exec(n)?.[1])).sort((x, y) => x - y);
  expect(sequence).toEqual(sequence.map((_, index) => index + 1));
}

let keyCount = 0;
const payment = (clientId: number, desk: string) => ({
  idempotencyKey: `netns-${desk}-${String(++keyCount).padStart(5, '0')}`,
  clientId,
  amount: 10_000 + keyCount,
  details: { method: 'cash' },
});

let deskA: DeskProcess;
let deskB: DeskProcess;
let deskADir = '';
let clientId = 0;

beforeAll(async () => {
  assertNetnsAllowed();
  lan = makeLan({ srv: 1, a: 11, b: 12, c: 13 });
  serverUrl = `https://${lan.address('srv')}:${PORT}`;
  [serverBundle, deskBundle] = await Promise.all([
    bundleChild('electron/server.ts', 'office-server'),
    bundleChild('test/support/desk-child.ts', 'office-desk'),
  ]);
  serverDir = tmp('guichet-office-');
  firstCode = (await startServer()).code;
}, 180_000);

afterAll(async () => {
  await Promise.all(desks.map((desk) => desk.stop('SIGKILL')));
  await server?.stop('SIGKILL');
  lan?.remove();
});

describe('an office server and desks on separate hosts (network namespaces)', () => {
  it('pairs two desks; a client created on desk A is found on desk B', async () => {
    expect(firstCode).toMatch(/^\d{4}-\d{4}$/);
    ({ desk: deskA, dataDir: deskADir } = await startDesk('a', firstCode ?? '', 'Guichet A'));
    await deskA.ok('admin', 'auth.setupAdmin', {
      username: 'admin',
      displayName: 'Amina Admin',
      password: 'admin-secret-1',
    });
    await deskA.ok('admin', 'settings.saveCompany', fullCompany);
    await deskA.ok('admin', 'staff.create', {
      username: 'caissier',
      displayName: 'Karim Caissier',
      role: 'cashier',
      password: 'cashier-secret-1',
    });
    const { code } = await deskA.ok<{ code: string }>('admin', 'desks.pairingCode', {});
    ({ desk: deskB } = await startDesk('b', code, 'Guichet B'));
    for (const desk of [deskA, deskB]) {
      await desk.ok('cashier', 'auth.login', { username: 'caissier', password: 'cashier-secret-1' });
    }
    const client = await deskA.ok<{ id: number }>('cashier', 'clients.create', {
      kind: 'individual',
      firstName: 'Sara',
      lastName: 'Idrissi',
      phones: ['0661000001'],
    });
    clientId = client.id;
    const found = await deskB.ok<{ id: number }[]>('cashier', 'clients.search', { q: 'Idrissi' });
    expect(found.map((hit) => hit.id)).toEqual([client.id]);
    expect(
      serverDb((db) => db.prepare("SELECT desk FROM audit_log WHERE action = 'clients.create'").pluck().all()),
    ).toEqual(['Guichet A']);
  }, 180_000);

  it('records payments from two desks at once: receipt numbers gap-free, each cash in its own desk drawer', async () => {
    for (const desk of [deskA, deskB]) await desk.ok('cashier', 'cash.open', { desk: 'ignored', float: 0 });
    const sent = [deskA, deskB].flatMap((desk, index) =>
      Array.from({ length: 12 }, () =>
        desk.ok<PaymentDto>('cashier', 'payments.record', payment(clientId, `d${index}`)),
      ),
    );
    const paid = await Promise.all(sent);
    expect(new Set(paid.map((p) => p.id)).size).toBe(24);
    const rows = serverDb((db) =>
      db
        .prepare(
          `SELECT p.number, s.desk FROM payments p JOIN cash_sessions s ON s.id = p.cash_session_id ORDER BY p.id`,
        )
        .all(),
    ) as { number: string; desk: string }[];
    expectGapFree(rows.map((row) => row.number));
    expect(rows.filter((row) => row.desk === 'Guichet A')).toHaveLength(12);
    expect(rows.filter((row) => row.desk === 'Guichet B')).toHaveLength(12);
  }, 180_000);

  it('loses no acknowledged payment when the server is SIGKILLed mid-way, and records each retried one once', async () => {
    const inputs = [deskA, deskB].flatMap((desk, index) =>
      Array.from({ length: 15 }, () => ({ desk, input: payment(clientId, `k${index}`) })),
    );
    const acknowledged = new Map<string, string>();
    const outcomes = inputs.map(({ desk, input }) =>
      desk.call('cashier', 'payments.record', input).then((result) => {
        if (result.ok) acknowledged.set(input.idempotencyKey, (result.value as PaymentDto).number);
        return result;
      }),
    );
    while (acknowledged.size < 4) await new Promise((resolve) => setTimeout(resolve, 5));
    await server?.stop('SIGKILL');
    await startServer();
    const results = await Promise.all(outcomes);
    // Staff sessions lived in the killed server: the cashiers log in again and send the unanswered payments again,
    // with the same keys (the desk itself already retried those it could while the server was down).
    const unanswered = inputs.filter((_, index) => !results[index]?.ok);
    // Killed after 4 of 30 answers: some payments were cut off (committed unheard, or never committed).
    expect(unanswered.length).toBeGreaterThan(0);
    for (const desk of [deskA, deskB]) {
      await desk.ok('cashier', 'auth.login', { username: 'caissier', password: 'cashier-secret-1' });
    }
    const retried = await Promise.all(
      unanswered.map(({ desk, input }) => desk.ok<PaymentDto>('cashier', 'payments.record', input)),
    );
    expect(retried).toHaveLength(unanswered.length);
    const stored = serverDb((db) =>
      db.prepare("SELECT idempotency_key AS key, number FROM payments WHERE idempotency_key LIKE 'netns-k%'").all(),
    ) as { key: string; number: string }[];
    expect(stored.map((row) => row.key).sort()).toEqual(inputs.map(({ input }) => input.idempotencyKey).sort());
    for (const [key, number] of acknowledged) expect(stored.find((row) => row.key === key)?.number).toBe(number);
    expectGapFree(serverDb((db) => db.prepare('SELECT number FROM payments').pluck().all() as string[]));
  }, 180_000);

  it('refuses a wrong pairing code (five tries burn it) and an unpaired desk, writing nothing', async () => {
    await deskA.ok('admin', 'auth.login', { username: 'admin', password: 'admin-secret-1' });
    const { code } = await deskA.ok<{ code: string }>('admin', 'desks.pairingCode', {});
    const wrong = code === '1111-1111' ? '2222-2222' : '1111-1111';
    const before = { desks: countRows('desks'), audit: deskTrail() };
    for (let attempt = 1; attempt <= 5; attempt++) {
      await expect(startDesk('c', wrong, 'Intrus')).rejects.toThrow("Code d'appairage incorrect");
    }
    await expect(startDesk('c', code, 'Intrus')).rejects.toThrow("Aucun code d'appairage en cours");
    // A desk with a made-up credential (the real server's certificate, copied): refused, nothing written.
    const forged = tmp('guichet-desk-');
    const pairing = JSON.parse(readFileSync(path.join(deskADir, PAIRING_FILE), 'utf8')) as DeskPairing;
    writeFileSync(path.join(forged, PAIRING_FILE), JSON.stringify({ ...pairing, credential: 'f'.repeat(43) }), {
      mode: 0o600,
    });
    const { desk: stranger } = await startDesk('c', '-', 'Intrus', forged);
    expect(await stranger.call('x', 'auth.login', { username: 'admin', password: 'admin-secret-1' })).toMatchObject({
      ok: false,
      error: { code: 'DESK_REFUSED' },
    });
    expect({ desks: countRows('desks'), audit: deskTrail() }).toEqual(before);
  }, 180_000);

  it('refuses a revoked desk at its next call, writing nothing', async () => {
    const listed = await deskA.ok<{ id: number; name: string }[]>('admin', 'desks.list', {});
    const b = listed.find((desk) => desk.name === 'Guichet B');
    await deskA.ok('admin', 'desks.revoke', { id: b?.id ?? 0 });
    const before = { clients: countRows('clients'), audit: deskTrail() };
    const refused = await deskB.call('cashier', 'clients.create', {
      kind: 'individual',
      firstName: 'Nadia',
      lastName: 'Bennani',
      phones: ['0661000002'],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DESK_REFUSED' } });
    expect({ clients: countRows('clients'), audit: deskTrail() }).toEqual(before);
  }, 180_000);

  it('is refused by the desk when a server with another certificate answers at its address', async () => {
    await server?.stop('SIGTERM');
    const rogueDir = tmp('guichet-rogue-');
    copyFileSync(path.join(serverDir, DATABASE_FILE), path.join(rogueDir, DATABASE_FILE));
    await startServer(rogueDir);
    // The rogue has the office's data (a stolen copy) but not its key: the desk still sends it nothing.
    const before = countRows('clients', rogueDir);
    const refused = await deskA.call('cashier', 'clients.create', {
      kind: 'individual',
      firstName: 'Nadia',
      lastName: 'Bennani',
      phones: ['0661000002'],
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'DESK_REFUSED', message: expect.stringContaining('autre certificat') },
    });
    expect(countRows('clients', rogueDir)).toBe(before);
  }, 180_000);
});
