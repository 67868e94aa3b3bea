import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/db/data-source';
import { verifyAuditChain } from '../../electron/modules/audit/chain';
import { withStaff } from '../support/core';
import { fullCompany } from '../support/documents';
import { openHostApp, type HostApp } from '../support/host';

let app: HostApp;
afterAll(() => app.close());

/** Writes proformas and cash payments (invoices, receipts, drawer) until told to stop; returns the keys acknowledged. */
function counter(opened: HostApp, clientId: number) {
  const acked: { key: string; at: number }[] = [];
  const state: { stop: boolean; failure: unknown } = { stop: false, failure: null };
  const done = (async () => {
    for (let i = 0; !state.stop; i++) {
      const draft = await opened.ok('cashier', 'documents.saveDraft', {
        clientId,
        lines: [{ kind: 'item', description: `Prestation ${i}`, quantity: 1000, unitPrice: 10_000 + i, vatRate: 2000 }],
      });
      await opened.ok('cashier', 'documents.issue', { id: draft.id });
      const key = `during-backup-${String(i).padStart(6, '0')}`;
      await opened.ok('cashier', 'payments.record', {
        idempotencyKey: key,
        clientId,
        amount: 12_000 + i * 2 + 100,
        details: { method: 'cash' },
        desk: 'Guichet 1',
      });
      acked.push({ key, at: performance.now() });
      // Requests reach the app through I/O: between two of them the event loop turns (the backup's worker answers).
      await new Promise((resolve) => setImmediate(resolve));
    }
  })().catch((error: unknown) => {
    state.failure = error;
  });
  /** Until `count` payments are acknowledged; fails with the counter's own error if it stopped. */
  const reach = async (count: number) => {
    const deadline = performance.now() + 60_000;
    while (acked.length < count) {
      if (state.failure) throw new Error('the counter stopped', { cause: state.failure });
      if (performance.now() > deadline) throw new Error(`only ${acked.length} of ${count} payments`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const finish = async () => {
    state.stop = true;
    await done;
    if (state.failure) throw new Error('the counter stopped', { cause: state.failure });
  };
  return { acked, reach, finish };
}

/** Every table of a database file, as comparable rows. */
function tables(file: string): Map<string, string[]> {
  const db = new Sqlite(file, { readonly: true });
  try {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    // Sorted as text: some tables (the search index's) have no rowid to order by.
    const rowsOf = (name: string) =>
      db
        .prepare(`SELECT * FROM "${name}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort();
    return new Map(names.map((name) => [name, rowsOf(name)]));
  } finally {
    db.close();
  }
}

/** The invariants a consistent state keeps: whole payments, gap-free series, an invoice for each paid proforma. */
function checkInvariants(file: string): void {
  const db = new Sqlite(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const broken = db
      .prepare(
        `SELECT p.number FROM payments p
         WHERE p.amount <> p.credit + COALESCE((SELECT SUM(a.payment_amount) FROM payment_allocations a WHERE a.payment_id = p.id), 0)
            OR p.amount + p.stamp_duty <> (SELECT SUM(m.amount) FROM cash_movements m WHERE m.payment_id = p.id)`,
      )
      .all();
    expect(broken).toEqual([]);
    const unpaid = db
      .prepare(
        `SELECT d.id FROM documents d WHERE d.type = 'proforma' AND d.status = 'paid'
         AND NOT EXISTS (SELECT 1 FROM documents i WHERE i.source_id = d.id AND i.type = 'invoice')`,
      )
      .all();
    expect(unpaid).toEqual([]);
    for (const where of ["type = 'proforma' AND seq IS NOT NULL", "type = 'invoice'"]) {
      const { n, max } = db.prepare(`SELECT COUNT(*) AS n, MAX(seq) AS max FROM documents WHERE ${where}`).get() as {
        n: number;
        max: number;
      };
      expect(max).toBe(n);
    }
  } finally {
    db.close();
  }
}

it('takes a consistent backup while the counter writes, restores it, and finds it table by table', async () => {
  app = await openHostApp();
  await withStaff(app);
  await app.ok('admin', 'settings.saveCompany', fullCompany);
  await app.ok('cashier', 'cash.open', { desk: 'Guichet 1', float: 0 });
  const client = await app.ok('cashier', 'clients.create', {
    kind: 'individual',
    firstName: 'Sara',
    lastName: 'Idrissi',
    phones: ['0661000001'],
  });

  const desk = counter(app, client.id);
  await desk.reach(15);
  const startedAt = performance.now();
  const ackedBefore = desk.acked.length;
  const { backup } = await app.ok('admin', 'backup.create', {});
  const ackedDuring = desk.acked.filter((a) => a.at > startedAt).length;
  await desk.reach(ackedBefore + ackedDuring + 10);
  await desk.finish();
  const file = path.join(app.dataDir, 'backups', backup.file);

  // The copy is the database as of one commit: sound, every rule holding, its audit chain whole.
  checkInvariants(file);
  const copy = new Sqlite(file, { readonly: true });
  const chain = await verifyAuditChain(copy);
  const keys = new Set(copy.prepare('SELECT idempotency_key FROM payments').pluck().all() as string[]);
  copy.close();
  expect(chain.broken).toBeNull();
  // What was acknowledged before the backup began is in it; what came after the copy is not.
  expect(desk.acked.slice(0, ackedBefore).filter((a) => !keys.has(a.key))).toEqual([]);
  expect(keys.size).toBeLessThan(desk.acked.length);

  // Its audit log is the beginning of the live one, entry for entry (append-only: nothing before it changed).
  const live = tables(path.join(app.dataDir, DATABASE_FILE));
  const saved = tables(file);
  const savedAudit = new Set(saved.get('audit_log'));
  const liveAudit = live.get('audit_log') ?? [];
  expect(liveAudit.filter((row) => savedAudit.has(row))).toHaveLength(savedAudit.size);
  expect(liveAudit.length).toBeGreaterThan(savedAudit.size);

  await app.ok('admin', 'backup.restore', { location: 'primary', file: backup.file, confirmation: 'RESTAURER' });
  const restored = tables(path.join(app.dataDir, DATABASE_FILE));
  let rows = 0;
  for (const [name, content] of saved) {
    const after = restored.get(name) ?? [];
    if (name === 'audit_log') {
      // The restored database records its restore, after what it held.
      expect(after.filter((row) => !row.includes('"backup.restored"'))).toEqual(content);
      expect(after).toHaveLength(content.length + 1);
    } else {
      expect(after, name).toEqual(content);
    }
    rows += content.length;
  }
  console.log(
    `backup during writes: ${ackedBefore} payments before, ${ackedDuring} during the copy, ${keys.size} in the backup; ` +
      `restored and compared ${saved.size} tables, ${rows} rows; audit chain of ${chain.checked} entries whole`,
  );
});
