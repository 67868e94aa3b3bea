import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestApp, withStaff } from '../support/core';
import { fullCompany } from '../support/documents';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 200);
const CHILD = path.resolve('test-results/crash/child.cjs');
let dataDir = '';
let clientId = 0;

beforeAll(async () => {
  // Bundled once, so that each of the 200 children starts in a fraction of a second.
  mkdirSync(path.dirname(CHILD), { recursive: true });
  await build({
    entryPoints: ['test/support/crash-child.ts'],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
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
}, 60_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the child until `after` ms past its first acknowledgement, then SIGKILLs it; resolves with what it acknowledged. */
function runAndKill(cycle: number, after: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dataDir, String(cycle)], {
      env: { ...process.env, CRASH_CLIENT_ID: String(clientId) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let buffer = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acked.push(line.split(' ')[1] ?? '');
      timer ??= setTimeout(() => child.kill('SIGKILL'), after);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`child ended without being killed: ${errors}`));
    });
  });
}

it(`loses no acknowledged payment and leaves no partial one when the counter is killed, ${CYCLES} times`, async () => {
  const acknowledged: string[] = [];
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    // Random moments: right after a payment, in the middle of the next one, or several payments later.
    acknowledged.push(...(await runAndKill(cycle, Math.floor(Math.random() * 120))));
  }
  const db = new Database(path.join(dataDir, 'guichet.sqlite'), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const keys = new Set(db.prepare('SELECT idempotency_key AS k FROM payments').pluck().all() as string[]);
    expect(acknowledged.filter((k) => !keys.has(k))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(CYCLES);

    // Every payment is whole: its allocations and credit make its amount; its cash is in the drawer.
    const broken = db
      .prepare(
        `SELECT p.number FROM payments p
         WHERE p.amount <> p.credit + COALESCE((SELECT SUM(a.payment_amount) FROM payment_allocations a WHERE a.payment_id = p.id), 0)
            OR p.credit <> COALESCE((SELECT SUM(c.amount) FROM client_credits c WHERE c.kind = 'payment' AND c.at = p.received_at AND c.client_id = p.client_id), 0)
            OR p.amount + p.stamp_duty <> (SELECT SUM(m.amount) FROM cash_movements m WHERE m.payment_id = p.id)`,
      )
      .all();
    expect(broken).toEqual([]);
    // A paid proforma has its invoice; numbers run without gaps in every series.
    expect(
      db
        .prepare(
          `SELECT d.id FROM documents d WHERE d.type = 'proforma' AND d.status = 'paid'
           AND NOT EXISTS (SELECT 1 FROM documents i WHERE i.source_id = d.id AND i.type = 'invoice')`,
        )
        .all(),
    ).toEqual([]);
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
  } finally {
    db.close();
  }
}, 900_000);
