import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, addMonths } from '../../shared/periods';
import { automationServices } from '../../electron/modules/automation/services';
import { bundleChild } from '../support/child-bundle';
import { openTestApp } from '../support/core';
import { createService, officeState, openBillingOffice, rows, runNow, setDay } from '../support/billing-office';

let childBundle = '';
const DAY = '2026-11-26';
const DOMAINS = 24;
let dataDir = '';

beforeAll(async () => {
  childBundle = await bundleChild('test/support/billing-child.ts', 'billing-child');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-billing-crash-'));
  const { app, clients, product } = await openBillingOffice(dataDir);
  setDay(app, DAY, 9);
  // One domain per client, expiring within the month: one proforma (one batch of the child) each.
  for (let i = 0; i < DOMAINS; i++) {
    const paidUntil = addDays(DAY, 5 + i);
    await createService(app, {
      clientId: clients[i]?.id ?? 0,
      productId: product('DOM.MA').id,
      label: `client-${i}.ma`,
      startDate: addMonths(paidUntil, -12),
      paidUntil,
    });
  }
  await app.core.close();
}, 300_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the child, which kills itself once it has committed `batches` batches. Resolves with how it ended. */
function runChild(batches: number | null): Promise<'killed' | 'done'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childBundle, dataDir, `${DAY}T10:00:00Z`, String(batches ?? '')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('done');
      else reject(new Error(`child failed: ${errors}`));
    });
  });
}

it('resumes a run killed midway: every proforma issued once, numbers without gaps, each e-mail once', async () => {
  expect(await runChild(4)).toBe('killed');
  expect(await runChild(7)).toBe('killed');

  const app = await openTestApp(dataDir);
  try {
    setDay(app, DAY, 11);
    await app.ok('manager', 'auth.login', { username: 'gerant', password: 'manager-secret-1' });
    const partial = rows<{ n: number }>(app, `SELECT COUNT(*) AS n FROM documents WHERE number IS NOT NULL`)[0]?.n ?? 0;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(DOMAINS);

    const run = await runNow(app);
    expect(run.status).toBe('done');
    const runs = rows<{ id: number; status: string; resumed_run_id: number | null }>(
      app,
      'SELECT id, status, resumed_run_id FROM billing_runs ORDER BY id',
    );
    expect(runs).toEqual([
      { id: 1, status: 'interrupted', resumed_run_id: null },
      { id: 2, status: 'interrupted', resumed_run_id: 1 },
      { id: 3, status: 'done', resumed_run_id: 2 },
    ]);
    // The resumed run issued only what was left.
    expect(run.counts.renewal_issued).toBe(DOMAINS - partial);

    const lines = rows<{ service_id: number; n: number }>(
      app,
      `SELECT l.service_id, COUNT(*) AS n FROM document_lines l JOIN documents d ON d.id = l.document_id
       WHERE d.type = 'proforma' AND d.status = 'issued' AND l.kind = 'service' GROUP BY l.service_id`,
    );
    expect(lines).toHaveLength(DOMAINS);
    expect(lines.every((l) => l.n === 1)).toBe(true);
    const numbers = rows<{ seq: number }>(app, `SELECT seq FROM documents WHERE type = 'proforma' ORDER BY seq`);
    expect(numbers.map((n) => n.seq)).toEqual(Array.from({ length: DOMAINS }, (_, i) => i + 1));
    const mails = rows<{ document_id: number; n: number }>(
      app,
      `SELECT document_id, COUNT(*) AS n FROM mail_messages WHERE kind = 'renewal_proforma' GROUP BY document_id`,
    );
    expect(mails).toHaveLength(DOMAINS);
    expect(mails.every((m) => m.n === 1)).toBe(true);

    // What the killed runs issued but could not seal is sealed by the run that took over.
    await automationServices(app.core.db).runner.idle();
    expect(rows(app, `SELECT id FROM documents WHERE number IS NOT NULL AND pdf_sha256 IS NULL`)).toEqual([]);
    const integrity = rows<{ integrity_check: string }>(app, 'PRAGMA integrity_check');
    expect(integrity).toEqual([{ integrity_check: 'ok' }]);

    const state = officeState(app);
    const again = await runNow(app);
    expect(again.counts).toEqual({});
    expect(officeState(app)).toBe(state);
  } finally {
    await app.close();
  }
}, 300_000);
