import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, withStaff, type TestApp } from '../support/core';
import { fullCompany, overprinted, pdfText, pdfWords, qpdfCheck } from '../support/documents';
import { dataSnapshot } from '../support/snapshot';

let app: TestApp;
let clientId: number;
let keys = 0;

/** An issued proforma of one free line at 20 % VAT. */
async function proforma(ht: number) {
  const draft = await app.ok('cashier', 'documents.saveDraft', {
    clientId,
    lines: [{ kind: 'item', description: 'Prestation', quantity: 1000, unitPrice: ht, vatRate: 2000 }],
  });
  return app.ok('cashier', 'documents.issue', { id: draft.id });
}

const transfer = (amount: number) => ({
  idempotencyKey: `statement-${String(++keys).padStart(6, '0')}`,
  clientId,
  amount,
  details: { method: 'transfer' as const, bank: 'CIH', reference: `VIR-${keys}`, valueDate: '2026-11-20' },
});

const DAY = 24 * 3600 * 1000;
const flat = (t: string) => t.replace(/[\u00a0\u202f]/g, ' ');

beforeAll(async () => {
  app = await openTestApp(); // 2026-11-26 10:00 in Casablanca
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
  // Before the period: a proforma of 1 200,00 DH TTC, half paid.
  await proforma(100_000);
  await app.ok('cashier', 'payments.record', transfer(60_000));
  app.clock.advance(3 * DAY); // 29/11: the period starts
  await app.ok('cashier', 'auth.login', { username: 'caissier', password: 'cashier-secret-1' });
  await app.ok('manager', 'auth.login', { username: 'gerant', password: 'manager-secret-1' });
  // In the period: the rest paid (the proforma's invoice), a new proforma of 600,00 DH, a payment voided.
  await app.ok('cashier', 'payments.record', transfer(60_000));
  await proforma(50_000);
  const voided = await app.ok('cashier', 'payments.record', transfer(10_000));
  await app.ok('manager', 'payments.void', { id: voided.id, reason: 'Virement rejeté par la banque' });
}, 120_000);
afterAll(() => app.close());

describe('client statement (relevé de compte)', () => {
  it('lists the period’s documents and payments with the opening balance, running balance and what is owed', async () => {
    const file = await app.ok('cashier', 'documents.statement', { clientId, from: '2026-11-29', to: '2026-12-31' });
    const pdf = Buffer.from(file.pdf, 'base64');
    mkdirSync('test-results/pdfs', { recursive: true });
    writeFileSync(path.join('test-results/pdfs', file.fileName), pdf);
    expect(file.fileName).toMatch(/^releve-CL-\d+-2026-11-29-2026-12-31\.pdf$/);
    expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors/);
    expect(overprinted(pdfWords(pdf).words)).toEqual([]);
    const text = flat(pdfText(pdf));
    // The words in the order they are drawn: a wrapped label reads whole.
    const drawn = pdfWords(pdf)
      .words.map((w) => w.text)
      .join(' ');
    for (const label of ['Solde initial', 'Règlement annulé (Virement bancaire) : Virement rejeté par la banque']) {
      expect(drawn).toContain(label);
    }
    expect(drawn).toMatch(/Facture \(règle PF-2026-\d+\)/);
    expect(text).toMatch(/Solde initial +600,00 DH/); // 1 200,00 asked, 600,00 paid before the period
    expect(text).toMatch(/Facture proforma +600,00 DH +1 200,00 DH/);
    for (const expected of [
      'RELEVÉ DE COMPTE',
      'Du 29/11/2026 au 31/12/2026',
      'Atlas Digital SARL',
      'Solde dû par le client : 600,00 DH', // + 600 asked − 600 paid
    ]) {
      expect(text).toContain(expected);
    }
    const audit = await app.ok('manager', 'audit.list', { action: 'documents.statement' });
    expect(audit.rows[0]).toMatchObject({ entity: 'client', entityId: String(clientId) });
  });

  it('refuses a period that ends before it starts, an unknown client and a bad currency, in French, changing nothing', async () => {
    const before = await dataSnapshot(app);
    expect(
      await app.call('cashier', 'documents.statement', { clientId, from: '2026-12-31', to: '2026-11-01' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { to: 'La date de fin précède la date de début.' } },
    });
    expect(
      await app.call('cashier', 'documents.statement', { clientId: 99_999, from: '2026-11-01', to: '2026-11-30' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await app.call('cashier', 'documents.statement', {
        clientId,
        from: '2026-11-01',
        to: '2026-11-30',
        currency: 'GBP' as never,
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await dataSnapshot(app)).toEqual(before);
  });
});
