import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { einvoiceQueue } from '../../electron/modules/einvoice/queue';
import { ublRuleProblems } from '../../electron/modules/einvoice/rules';
import { openTestApp, withStaff, type TestApp } from '../support/core';
import { fullCompany } from '../support/documents';

/**
 * The clearance seam with the folder adapter: issued invoices and credit notes are queued, written to the folder and
 * marked submitted; a folder that refuses writing keeps them pending, retried with back-off and shown, and nothing is
 * lost once it is writable again. The states show in the documents list filter and, with their history, per document.
 */

let app: TestApp;
let folder: string;
let keys = 0;

/** Read-only for everyone: root ignores the mode bits, so the immutable flag (ext4) is set too when running as root. */
function setReadOnly(dir: string, readOnly: boolean): void {
  const root = process.getuid?.() === 0;
  if (root && !readOnly) execFileSync('chattr', ['-i', dir]);
  chmodSync(dir, readOnly ? 0o555 : 0o755);
  if (root && readOnly) execFileSync('chattr', ['+i', dir]);
}

async function paidInvoice(clientId: number, ht: number): Promise<number> {
  const draft = await app.ok('cashier', 'documents.saveDraft', {
    clientId,
    currency: 'MAD',
    lines: [{ kind: 'item', description: 'Hébergement', quantity: 1000, unitPrice: ht, vatRate: 2000 }],
  });
  await app.ok('cashier', 'documents.issue', { id: draft.id });
  const paid = await app.ok('cashier', 'payments.record', {
    idempotencyKey: `einvoice-key-${String(++keys).padStart(6, '0')}`,
    clientId,
    amount: Math.round(ht * 1.2),
    details: { method: 'transfer', bank: 'Attijariwafa', reference: `VIR-${keys}`, valueDate: '2026-11-26' },
  });
  const invoice = paid.invoices[0];
  if (!invoice) throw new Error('no invoice');
  return invoice.id;
}

const flush = () => einvoiceQueue(app.core.db).flush();
const minutes = (n: number) => app.clock.set(new Date(app.clock.now().getTime() + n * 60_000));

let clientId: number;
let before: number;

beforeAll(async () => {
  app = await openTestApp();
  await withStaff(app);
  await app.ok('admin', 'settings.saveCompany', fullCompany);
  clientId = (
    await app.ok('cashier', 'clients.create', {
      kind: 'company',
      companyName: 'Atlas Digital',
      legalForm: 'SARL',
      ice: '002345678000091',
      phones: ['0522123456'],
    })
  ).id;
  folder = path.join(mkdtempSync(path.join(os.tmpdir(), 'guichet-einv-')), 'depot');
  before = await paidInvoice(clientId, 10_000);
});
afterAll(async () => {
  if (existsSync(folder)) setReadOnly(folder, false);
  await app.close();
  rmSync(path.dirname(folder), { recursive: true, force: true });
});

describe('e-invoice states and the folder adapter', () => {
  it('is "not required" by default: nothing is queued', async () => {
    await flush();
    expect(await app.ok('cashier', 'einvoice.status', { id: before })).toMatchObject({ state: 'not_required' });
    expect(await app.ok('manager', 'einvoice.queue', {})).toMatchObject({ adapter: 'none', counts: { pending: 0 } });
  });

  it('writes each UBL file to the folder and marks it submitted, with its history', async () => {
    expect(await app.call('manager', 'einvoice.saveSettings', { adapter: 'folder', folder: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { folder: expect.any(String) } },
    });
    await app.ok('manager', 'einvoice.saveSettings', { adapter: 'folder', folder });
    minutes(1);
    const invoice = await paidInvoice(clientId, 20_000);
    await flush();
    const status = await app.ok('cashier', 'einvoice.status', { id: invoice });
    expect(status).toMatchObject({ state: 'submitted', adapter: 'folder', attempts: 1, lastError: '' });
    expect(status.history.map((h) => h.state)).toEqual(['pending', 'submitted']);
    const [file] = readdirSync(folder);
    expect(file).toMatch(/^FA-2026-\d{6}\.xml$/);
    expect(ublRuleProblems(readFileSync(path.join(folder, file ?? ''), 'utf8'))).toEqual([]);
    // Issued before the adapter was chosen: stays "not required".
    expect(await app.ok('cashier', 'einvoice.status', { id: before })).toMatchObject({ state: 'not_required' });
  });

  it('keeps documents pending while the folder refuses them, retries with back-off, and loses nothing', async () => {
    setReadOnly(folder, true);
    const invoice = await paidInvoice(clientId, 30_000);
    const credit = await app.ok('manager', 'documents.creditNote', {
      invoiceId: invoice,
      reason: 'Erreur de facturation',
      mode: 'balance',
    });
    await flush();
    const queue = await app.ok('manager', 'einvoice.queue', {});
    expect(queue.counts.pending).toBe(2);
    expect(queue.failing.map((f) => f.documentId).sort()).toEqual([invoice, credit.id].sort());
    expect(queue.failing[0]?.lastError).toMatch(/EACCES|EPERM|permission|not permitted/i);
    const first = await app.ok('cashier', 'einvoice.status', { id: invoice });
    expect(first).toMatchObject({ state: 'pending', attempts: 1 });

    // Not due yet: the next round does not try again (back-off of one minute, then two).
    await flush();
    expect(await app.ok('cashier', 'einvoice.status', { id: invoice })).toMatchObject({ attempts: 1 });
    minutes(1);
    await flush();
    const second = await app.ok('cashier', 'einvoice.status', { id: invoice });
    expect(second).toMatchObject({ state: 'pending', attempts: 2 });
    expect(Date.parse(second.nextAttemptAt ?? '') - app.clock.now().getTime()).toBe(2 * 60_000);

    const pending = await app.ok('manager', 'documents.list', { einvoiceState: 'pending' });
    expect(pending.rows.map((r) => r.id).sort()).toEqual([invoice, credit.id].sort());

    setReadOnly(folder, false);
    minutes(2);
    const after = await app.ok('manager', 'einvoice.flush', {});
    expect(after.counts).toMatchObject({ pending: 0, submitted: 3 });
    expect(after.failing).toEqual([]);
    expect(readdirSync(folder).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/^AV-2026-\d{6}\.xml$/)]));
    expect(readdirSync(folder).filter((f) => f.endsWith('.part'))).toEqual([]);
    const history = (await app.ok('cashier', 'einvoice.status', { id: invoice })).history;
    expect(history.map((h) => h.state)).toEqual(['pending', 'pending', 'pending', 'submitted']);
    expect(history[1]?.detail).not.toBe('');
    const submitted = await app.ok('manager', 'documents.list', { einvoiceState: 'submitted' });
    expect(submitted.total).toBe(3);
    const notRequired = await app.ok('manager', 'documents.list', { einvoiceState: 'not_required' });
    expect(notRequired.rows.map((r) => r.id)).toEqual([before]);
  });
});
