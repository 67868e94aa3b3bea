import { statSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api';
import { runCli } from '../../electron/cli/run';
import { OfficeLink } from '../../electron/desk/office-link';
import { pairDesk } from '../../electron/desk/pair';
import { PAIRING_FILE, readDeskPairing, type DeskPairing } from '../../electron/desk/pairing-file';
import { nativeHandle } from '../../electron/db/data-source';
import { DESK_FIELD_METHODS } from '../../electron/office/desk-input';
import { fullCompany } from '../support/documents';
import { deskDir, startOffice, type OfficeHarness } from '../support/office';

let office: OfficeHarness;
let spare: OfficeHarness | null = null;
const links: OfficeLink[] = [];
afterEach(async () => {
  for (const link of links.splice(0)) link.close();
  await office.close();
  await spare?.close();
  spare = null;
});

const serverUrl = () => `https://127.0.0.1:${office.server.port}`;
const count = (table: string, harness = office): number =>
  nativeHandle(harness.app.core.db.dataSource).prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

function linkOf(pairing: DeskPairing, options: ConstructorParameters<typeof OfficeLink>[1] = {}): OfficeLink {
  const link = new OfficeLink(pairing, { retryForMs: 0, log: () => undefined, ...options });
  links.push(link);
  return link;
}

async function ok<T>(result: Promise<ApiResult<unknown>>): Promise<T> {
  const done = await result;
  if (!done.ok) throw new Error(JSON.stringify(done.error));
  return done.value as T;
}

/** The first desk, paired with the code the server prints at its first start, and the office's first admin on it. */
async function firstDesk(name = 'Guichet A') {
  const { code } = await office.app.core.desks.issueCode({ userId: null, username: null });
  const dataDir = deskDir();
  const pairing = await pairDesk({ dataDir, server: serverUrl(), code, name, fingerprint: office.tls.fingerprint });
  const link = linkOf(pairing);
  await ok(
    link.dispatch('tab-1', 'auth.setupAdmin', {
      username: 'admin',
      displayName: 'Amina Admin',
      password: 'admin-secret-1',
    }),
  );
  return { link, pairing, dataDir };
}

describe('the office server and its desks', () => {
  it('speaks TLS 1.3 only and says which contract it speaks', async () => {
    office = await startOffice();
    const tls12 = new Promise((resolve, reject) => {
      https
        .get(`${serverUrl()}/office/hello`, { rejectUnauthorized: false, maxVersion: 'TLSv1.2' }, resolve)
        .on('error', reject);
    });
    await expect(tls12).rejects.toThrow();
    const hello = await new Promise<string>((resolve, reject) => {
      https
        .get(`${serverUrl()}/office/hello`, { rejectUnauthorized: false }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        })
        .on('error', reject);
    });
    expect(JSON.parse(hello)).toEqual({ app: 'guichet-office', contractVersion: 1 });
  });

  it('pairs a desk once: its credential is kept 0600 on the desk and only hashed on the server', async () => {
    office = await startOffice();
    const { pairing, dataDir } = await firstDesk();
    expect(statSync(path.join(dataDir, PAIRING_FILE)).mode & 0o777).toBe(0o600);
    expect(readDeskPairing(dataDir)).toEqual(pairing);
    expect(pairing.fingerprint).toBe(office.tls.fingerprint);
    const stored = nativeHandle(office.app.core.db.dataSource).prepare('SELECT * FROM desks').all() as {
      credential_hash: string;
    }[];
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(pairing.credential);
    // A code works once.
    const again = pairDesk({ dataDir: deskDir(), server: serverUrl(), code: '0000-0000', name: 'Guichet Z' });
    await expect(again).rejects.toThrow("Aucun code d'appairage en cours");
  });

  it('shares one office: a client made on desk A is found on desk B, and the audit log names each desk', async () => {
    office = await startOffice();
    const a = await firstDesk();
    await ok(a.link.dispatch('tab-1', 'auth.login', { username: 'admin', password: 'admin-secret-1' }));
    const code = await ok<{ code: string; fingerprint: string }>(a.link.dispatch('tab-1', 'desks.pairingCode', {}));
    expect(code.fingerprint).toBe(office.tls.fingerprint);
    const b = linkOf(await pairDesk({ dataDir: deskDir(), server: serverUrl(), code: code.code, name: 'Guichet B' }));
    await ok(
      a.link.dispatch('tab-1', 'clients.create', {
        kind: 'individual',
        firstName: 'Sara',
        lastName: 'Idrissi',
        phones: ['0661000001'],
      }),
    );
    // Staff log in on each desk (their sessions live on the server, one per desk and tab).
    expect(await b.dispatch('tab-1', 'clients.search', { q: 'Idrissi' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    await ok(b.dispatch('tab-1', 'auth.login', { username: 'admin', password: 'admin-secret-1' }));
    const found = await ok<{ displayName: string }[]>(b.dispatch('tab-1', 'clients.search', { q: 'Idrissi' }));
    expect(found.map((row) => row.displayName)).toEqual(['Sara Idrissi']);
    const desks = nativeHandle(office.app.core.db.dataSource)
      .prepare("SELECT action, desk FROM audit_log WHERE action IN ('clients.create', 'desks.pair') ORDER BY id")
      .all();
    expect(desks).toEqual([
      { action: 'desks.pair', desk: 'Guichet A' },
      { action: 'desks.pair', desk: 'Guichet B' },
      { action: 'clients.create', desk: 'Guichet A' },
    ]);
    const chain = await ok<{ broken: unknown }>(a.link.dispatch('tab-1', 'audit.verifyChain', {}));
    expect(chain.broken).toBeNull();
  });

  it("counts cash in the calling desk's own drawer, whatever drawer the desk names", async () => {
    office = await startOffice();
    const { link } = await firstDesk();
    expect([...DESK_FIELD_METHODS].sort()).toEqual(['cash.current', 'cash.open', 'payments.record', 'payments.refund']);
    await ok(link.dispatch('tab-1', 'auth.login', { username: 'admin', password: 'admin-secret-1' }));
    const session = await ok<{ desk: string }>(
      link.dispatch('tab-1', 'cash.open', { desk: 'Guichet B', float: 10_000 }),
    );
    expect(session.desk).toBe('Guichet A');
    expect(await ok(link.dispatch('tab-1', 'cash.current', { desk: 'Guichet B' }))).toMatchObject({
      desk: 'Guichet A',
    });
  });

  it('refuses a wrong pairing code five times, then burns the code; nothing is written', async () => {
    office = await startOffice();
    const { code } = await office.app.core.desks.issueCode({ userId: null, username: null });
    const wrong = code === '1111-1111' ? '2222-2222' : '1111-1111';
    const before = { desks: count('desks'), audit: count('audit_log') };
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expect(pairDesk({ dataDir: deskDir(), server: serverUrl(), code: wrong, name: 'Intrus' })).rejects.toThrow(
        "Code d'appairage incorrect.",
      );
    }
    await expect(pairDesk({ dataDir: deskDir(), server: serverUrl(), code: wrong, name: 'Intrus' })).rejects.toThrow(
      'incorrect 5 fois',
    );
    await expect(pairDesk({ dataDir: deskDir(), server: serverUrl(), code, name: 'Intrus' })).rejects.toThrow(
      "Aucun code d'appairage en cours",
    );
    expect({ desks: count('desks'), audit: count('audit_log') }).toEqual(before);
  });

  it('refuses an unpaired desk and a revoked one at its next call, with nothing written', async () => {
    office = await startOffice();
    const a = await firstDesk();
    await ok(a.link.dispatch('tab-1', 'auth.login', { username: 'admin', password: 'admin-secret-1' }));
    const before = count('audit_log');
    const stranger = linkOf({ ...a.pairing, credential: 'x'.repeat(43) });
    const refused = await stranger.dispatch('tab-1', 'auth.setupAdmin', {
      username: 'pirate',
      displayName: 'Pirate',
      password: 'pirate-secret-1',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DESK_REFUSED' } });
    expect(count('audit_log')).toBe(before);

    const code = await ok<{ code: string }>(a.link.dispatch('tab-1', 'desks.pairingCode', {}));
    const b = linkOf(await pairDesk({ dataDir: deskDir(), server: serverUrl(), code: code.code, name: 'Guichet B' }));
    await ok(b.dispatch('tab-1', 'auth.login', { username: 'admin', password: 'admin-secret-1' }));
    const listed = await ok<{ id: number; name: string }[]>(a.link.dispatch('tab-1', 'desks.list', {}));
    const deskB = listed.find((desk) => desk.name === 'Guichet B');
    await ok(a.link.dispatch('tab-1', 'desks.rename', { id: deskB?.id ?? 0, name: 'Guichet 2' }));
    await ok(a.link.dispatch('tab-1', 'desks.revoke', { id: deskB?.id ?? 0 }));
    const clients = count('clients');
    const afterRevoke = await b.dispatch('tab-1', 'clients.create', {
      kind: 'individual',
      firstName: 'Nadia',
      lastName: 'Bennani',
      phones: ['0661000002'],
    });
    expect(afterRevoke).toMatchObject({ ok: false, error: { code: 'DESK_REFUSED' } });
    expect(count('clients')).toBe(clients);
    const audit = nativeHandle(office.app.core.db.dataSource)
      .prepare("SELECT action, summary FROM audit_log WHERE action LIKE 'desks.%' ORDER BY id")
      .all();
    expect(audit.map((row) => (row as { action: string }).action)).toEqual([
      'desks.pairingCode',
      'desks.pair',
      'desks.pairingCode',
      'desks.pair',
      'desks.rename',
      'desks.revoke',
    ]);
  });

  it('is refused by its desk when it presents another certificate: nothing is sent', async () => {
    office = await startOffice();
    const { pairing } = await firstDesk();
    spare = await startOffice();
    const before = count('audit_log', spare);
    // A man in the middle: another server, with its own certificate, at the address the desk uses.
    const fooled = linkOf({ ...pairing, server: `https://127.0.0.1:${spare.server.port}` });
    const result = await fooled.dispatch('tab-1', 'auth.login', { username: 'admin', password: 'admin-secret-1' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'DESK_REFUSED', message: expect.stringContaining('autre certificat') },
    });
    expect(count('audit_log', spare)).toBe(before);
    // And pairing refuses a server whose fingerprint is not the one the admin read out.
    const { code } = await spare.app.core.desks.issueCode({ userId: null, username: null });
    const spareUrl = `https://127.0.0.1:${spare.server.port}`;
    await expect(
      pairDesk({ dataDir: deskDir(), server: spareUrl, code, name: 'Guichet C', fingerprint: office.tls.fingerprint }),
    ).rejects.toThrow('pas celle attendue');
    expect(count('desks', spare)).toBe(0);
  });

  it('refuses a desk of another contract version, saying which one to update', async () => {
    office = await startOffice();
    const { pairing } = await firstDesk();
    const older = await linkOf(pairing, { contractVersion: 0 }).dispatch('tab-1', 'auth.status', {});
    expect(older).toMatchObject({
      ok: false,
      error: { code: 'INCOMPATIBLE_VERSION', message: expect.stringContaining('Mettez à jour ce poste') },
    });
    const newer = await linkOf(pairing, { contractVersion: 2 }).dispatch('tab-1', 'auth.status', {});
    expect(newer).toMatchObject({
      ok: false,
      error: { code: 'INCOMPATIBLE_VERSION', message: expect.stringContaining('Mettez à jour le serveur du bureau') },
    });
  });

  it('sends a payment again while the server is down, and the server records it exactly once', async () => {
    office = await startOffice();
    const { pairing } = await firstDesk();
    const link = linkOf(pairing, { retryForMs: 60_000 });
    await ok(link.dispatch('tab-1', 'auth.login', { username: 'admin', password: 'admin-secret-1' }));
    const client = await ok<{ id: number }>(
      link.dispatch('tab-1', 'clients.create', {
        kind: 'individual',
        firstName: 'Sara',
        lastName: 'Idrissi',
        phones: ['0661000001'],
      }),
    );
    await ok(link.dispatch('tab-1', 'settings.saveCompany', fullCompany));
    await ok(link.dispatch('tab-1', 'cash.open', { desk: '', float: 0 }));
    const payment = {
      idempotencyKey: 'desk-retry-0001',
      clientId: client.id,
      amount: 50_000,
      details: { method: 'cash' },
    };
    const port = office.server.port;
    await office.server.close();
    const pending = link.dispatch('tab-1', 'payments.record', payment);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await office.restart(port);
    const first = await ok<{ id: number; receiptNumber: string }>(pending);
    // The desk did not hear the answer and sends it again: the same payment comes back.
    const again = await ok<{ id: number }>(link.dispatch('tab-1', 'payments.record', payment));
    expect(again.id).toBe(first.id);
    expect(count('payments')).toBe(1);
  });

  it('lists, renames and revokes desks from the command line beside the running server', async () => {
    office = await startOffice();
    const { link } = await firstDesk();
    const out: string[] = [];
    const cli = (...argv: string[]) =>
      runCli(['desks', ...argv, '--data-dir', office.app.dataDir], {
        out: (l) => out.push(l),
        err: (l) => out.push(l),
      });
    expect(await cli('rename', '1', 'Guichet', 'Nord')).toBe(0);
    expect(await cli('list')).toBe(0);
    expect(out.at(-1)).toMatch(/^1 {2}Guichet Nord {2}appairé le .* {2}actif$/);
    expect(await cli('revoke', '1')).toBe(0);
    expect(await link.dispatch('tab-1', 'auth.status', {})).toMatchObject({
      ok: false,
      error: { code: 'DESK_REFUSED' },
    });
    expect(await cli('revoke')).toBe(2);
    const audit = nativeHandle(office.app.core.db.dataSource)
      .prepare("SELECT action, username FROM audit_log WHERE action IN ('desks.rename', 'desks.revoke') ORDER BY id")
      .all();
    expect(audit).toEqual([
      { action: 'desks.rename', username: null },
      { action: 'desks.revoke', username: null },
    ]);
  });
});
