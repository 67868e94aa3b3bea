import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/modules/audit/chain';
import { bundleChild } from '../support/child-bundle';
import { openTestApp, withStaff } from '../support/core';
import { fullCompany } from '../support/documents';

// Each cycle starts a counter in a fresh process and SIGKILLs it as soon as it has acknowledged its k-th write, k drawn
// from the cycle's seed (1 to 12): the kill lands right after a commit or in the middle of the next write, wherever the
// child is by then. The points are chosen by what was acknowledged, not by the clock, so a busy machine runs the same
// cycles and checks the same promises as a quiet one.
const CYCLES = Number(process.env.CRASH_CYCLES ?? 120);
const MAX_WRITES_BEFORE_KILL = 12;
let childBundle = '';
let dataDir = '';
let clientId = 0;

beforeAll(async () => {
  childBundle = await bundleChild('test/support/crash-child.ts', 'crash-child');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-crash-'));
  const app = await openTestApp(dataDir);
  await withStaff(app);
  await app.ok('admin', 'settings.saveCompany', fullCompany);
  clientId = (
    await app.ok('cashier', 'clients.create', {
      kind: 'individual',
      firstName: 'Sara',
      lastName: 'Idrissi',
      phones: ['0661000001'],
    })
  ).id;
  await app.ok('cashier', 'cash.open', { desk: 'Guichet 1', float: 0 });
  await app.core.close();
}, 300_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Acknowledged {
  drafts: number[];
  issued: { id: number; number: string }[];
  payments: string[];
}

/** Runs the child until it has acknowledged `writes` writes, then SIGKILLs it; adds what it acknowledged to `acked`. */
function runAndKill(cycle: number, writes: number, acked: Acknowledged): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childBundle, dataDir, String(cycle)], {
      env: { ...process.env, CRASH_CLIENT_ID: String(clientId) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let errors = '';
    let seen = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, a = '', b = ''] = line.split(' ');
        if (kind === 'draft') acked.drafts.push(Number(a));
        else if (kind === 'issued') acked.issued.push({ id: Number(a), number: b });
        else if (kind === 'paid') acked.payments.push(a);
        else continue;
        seen++;
      }
      if (seen >= writes) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(seen);
      else reject(new Error(`child ended without being killed: ${errors}`));
    });
  });
}

const all = <T>(db: Database.Database, sql: string) => db.prepare(sql).all() as T[];

it(`loses no acknowledged document or payment and leaves none partial when the counter is killed, ${CYCLES} times`, async () => {
  const acked: Acknowledged = { drafts: [], issued: [], payments: [] };
  let planned = 0;
  let seen = 0;
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const writes = 1 + ((cycle * 7919 + 13) % MAX_WRITES_BEFORE_KILL);
    planned += writes;
    seen += await runAndKill(cycle, writes, acked);
  }
  // Every cycle got at least as far as planned (it may have acknowledged more before the signal landed).
  expect(seen).toBeGreaterThanOrEqual(planned);
  const db = new Database(path.join(dataDir, 'guichet.sqlite'), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // 0 acknowledged writes lost: every draft, every issued proforma with its number, every payment.
    const documents = new Map(
      all<{ id: number; status: string; number: string | null }>(db, 'SELECT id, status, number FROM documents').map(
        (d) => [d.id, d],
      ),
    );
    expect(acked.drafts.filter((id) => !documents.has(id))).toEqual([]);
    expect(acked.issued.filter((d) => documents.get(d.id)?.number !== d.number)).toEqual([]);
    expect(acked.issued.filter((d) => documents.get(d.id)?.status === 'draft')).toEqual([]);
    const keys = new Set(db.prepare('SELECT idempotency_key AS k FROM payments').pluck().all() as string[]);
    expect(acked.payments.filter((k) => !keys.has(k))).toEqual([]);
    expect(acked.payments.length).toBeGreaterThan(0);

    // 0 partial records. Every payment is whole: its allocations and credit make its amount; its cash is in the drawer.
    const brokenPayments = all(
      db,
      `SELECT p.number FROM payments p
       WHERE p.amount <> p.credit + COALESCE((SELECT SUM(a.payment_amount) FROM payment_allocations a WHERE a.payment_id = p.id), 0)
          OR p.credit <> COALESCE((SELECT SUM(c.amount) FROM client_credits c WHERE c.kind = 'payment' AND c.at = p.received_at AND c.client_id = p.client_id), 0)
          OR p.amount + p.stamp_duty <> (SELECT SUM(m.amount) FROM cash_movements m WHERE m.payment_id = p.id)`,
    );
    expect(brokenPayments).toEqual([]);
    // Every document has its lines, and its totals are its lines'; what a proforma was paid is its allocations.
    const brokenDocuments = all(
      db,
      `SELECT d.id FROM documents d
       WHERE NOT EXISTS (SELECT 1 FROM document_lines l WHERE l.document_id = d.id)
          OR d.ht <> (SELECT SUM(l.amount_ht) FROM document_lines l WHERE l.document_id = d.id)
          OR (d.type = 'proforma' AND d.paid <> COALESCE((SELECT SUM(a.amount) FROM payment_allocations a WHERE a.document_id = d.id), 0))`,
    );
    expect(brokenDocuments).toEqual([]);
    // A paid proforma has its invoice; an issued document has its number and its seal.
    expect(
      all(
        db,
        `SELECT d.id FROM documents d WHERE d.type = 'proforma' AND d.status = 'paid'
         AND NOT EXISTS (SELECT 1 FROM documents i WHERE i.source_id = d.id AND i.type = 'invoice')`,
      ),
    ).toEqual([]);
    expect(
      all(
        db,
        `SELECT id FROM documents WHERE type = 'proforma' AND status <> 'draft' AND (number IS NULL OR pdf_sha256 IS NULL)`,
      ),
    ).toEqual([]);
    // Numbers run without gaps in every series.
    for (const [table, type] of [
      ['payments', null],
      ['documents', 'proforma'],
      ['documents', 'invoice'],
    ] as const) {
      const where = type ? `WHERE type = '${type}'` : '';
      const { n, max } = db.prepare(`SELECT COUNT(seq) AS n, MAX(seq) AS max FROM ${table} ${where}`).get() as {
        n: number;
        max: number;
      };
      expect(max, `${table} ${type ?? ''}`).toBe(n);
    }
    // Each write committed with its audit entry, and the hash chain survived every kill.
    const audited = (action: string) =>
      db.prepare('SELECT COUNT(*) FROM audit_log WHERE action = ?').pluck().get(action) as number;
    expect(audited('payments.record')).toBe(keys.size);
    const proformas = db.prepare("SELECT COUNT(*) FROM documents WHERE type = 'proforma'").pluck().get() as number;
    expect(audited('documents.saveDraft')).toBe(proformas);
    expect(audited('documents.issue')).toBe(
      proformas - (db.prepare("SELECT COUNT(*) FROM documents WHERE status = 'draft'").pluck().get() as number),
    );
    const chain = await verifyAuditChain(db);
    expect(chain.broken).toBeNull();

    const issuedCount = [...documents.values()].filter((d) => d.status !== 'draft').length;
    console.log(
      `crash safety: ${CYCLES} kills; writes acknowledged and checked: ${acked.drafts.length} drafts, ` +
        `${acked.issued.length} issued proformas, ${acked.payments.length} payments; in the database: ` +
        `${documents.size} documents (${issuedCount} issued), ${keys.size} payments; audit chain of ${chain.checked} entries whole`,
    );
  } finally {
    db.close();
  }
}, 1_800_000);
