import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentInput } from '../../shared/api';
import { openTestApp, withStaff, type TestApp } from '../support/core';
import { fullCompany, pdfText, pdfWords, productsOf, qpdfCheck } from '../support/documents';
import { dataSnapshot } from '../support/snapshot';

let app: TestApp;
afterEach(() => app.close());

const DESK = 'Guichet 1';
let keys = 0;
const key = () => `test-key-${String(++keys).padStart(6, '0')}`;

async function office() {
  app = await openTestApp(); // 2026-11-26 10:00 in Casablanca
  await withStaff(app);
  await app.ok('admin', 'settings.saveCompany', fullCompany);
  const product = await productsOf(app);
  const company = await app.ok('cashier', 'clients.create', {
    kind: 'company',
    companyName: 'Atlas Digital',
    legalForm: 'SARL',
    ice: '002345678000091',
    phones: ['0522123456'],
  });
  const person = await app.ok('cashier', 'clients.create', {
    kind: 'individual',
    firstName: 'Sara',
    lastName: 'Idrissi',
    phones: ['0661000001'],
  });
  return { product, company, person };
}

/** An issued proforma of free lines: HT amounts at 20 %. */
async function proforma(clientId: number, ht: number, currency: 'MAD' | 'EUR' = 'MAD') {
  const draft = await app.ok('cashier', 'documents.saveDraft', {
    clientId,
    currency,
    lines: [{ kind: 'item', description: 'Prestation', quantity: 1000, unitPrice: ht, vatRate: 2000 }],
  });
  return app.ok('cashier', 'documents.issue', { id: draft.id });
}

async function openDesk(float = 50_000) {
  return app.ok('cashier', 'cash.open', { desk: DESK, float });
}

const cash = (clientId: number, amount: number, extra: Partial<PaymentInput> = {}): PaymentInput => ({
  idempotencyKey: key(),
  clientId,
  amount,
  details: { method: 'cash' },
  desk: DESK,
  ...extra,
});

describe('recording payments', () => {
  it('pays a proforma in cash with the stamp duty on top: invoice issued, service started, drawer counted', async () => {
    const { product, person } = await office();
    const hosting = await app.ok('cashier', 'services.create', {
      clientId: person.id,
      productId: product('HEB-PRO').id,
      label: 'idrissi.ma',
      billingCycle: 'annual',
      startDate: '2026-11-26',
    });
    const draft = await app.ok('cashier', 'documents.saveDraft', {
      clientId: person.id,
      lines: [{ kind: 'service', serviceId: hosting.id }],
    });
    const pf = await app.ok('cashier', 'documents.issue', { id: draft.id });
    expect(pf.totals.ttc).toBe(118_800);

    // No open drawer: cash is refused.
    expect(await app.call('cashier', 'payments.record', cash(person.id, 118_800))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('ouvrez la caisse') },
    });
    const session = await openDesk();
    const paid = await app.ok('cashier', 'payments.record', cash(person.id, 118_800));
    expect(paid).toMatchObject({
      number: 'RE-2026-000001',
      amount: 118_800,
      stampDuty: 297, // 0,25 % of 1 188,00 DH
      collected: 119_097,
      credit: 0,
      staff: 'caissier',
      cashSessionId: session.id,
      allocations: [{ documentId: pf.id, amount: 118_800, balanceAfter: 0, documentNumber: 'PF-2026-000001' }],
      invoices: [{ number: 'FA-2026-000001' }],
    });
    expect(await app.ok('cashier', 'documents.get', { id: pf.id })).toMatchObject({ status: 'paid', paid: 118_800 });
    expect(await app.ok('cashier', 'services.get', { id: hosting.id })).toMatchObject({
      status: 'active',
      dueDate: '2027-11-26',
    });
    const invoice = paid.invoices[0];
    if (!invoice) throw new Error('no invoice');
    expect(await app.ok('cashier', 'documents.get', { id: invoice.id })).toMatchObject({
      issueDate: '2026-11-26',
      payments: [{ method: 'cash', reference: 'RE-2026-000001', amount: 118_800 }],
    });
    expect(await app.ok('cashier', 'cash.current', { desk: DESK })).toMatchObject({
      float: 50_000,
      cashIn: 119_097,
      expected: 169_097,
    });

    // The first print is the original; every later one says DUPLICATA, and each is audited.
    for (const [format, copy] of [
      ['thermal', 'original'],
      ['a5', 'duplicate'],
    ] as const) {
      const file = await app.ok('cashier', 'payments.receipt', { id: paid.id, format });
      expect(file.copy).toBe(copy);
      const pdf = Buffer.from(file.pdf, 'base64');
      mkdirSync('test-results/pdfs', { recursive: true });
      writeFileSync(path.join('test-results/pdfs', file.fileName), pdf);
      expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors/);
      const text = pdfText(pdf)
        .replace(/[\u00a0\u202f]/g, ' ')
        .replace(/\s+/g, ' ');
      for (const expected of [
        'REÇU DE PAIEMENT',
        'N° RE-2026-000001',
        'Sara Idrissi (CL-000002)',
        'Espèces',
        'Proforma PF-2026-000001 1 188,00 DH',
        'soldée',
        'Droit de timbre (0,25 %) 2,97 DH',
        'Total encaissé 1 190,97 DH',
        'mille cent quatre-vingt-dix dirhams et quatre-vingt-dix-sept centimes',
        'Facture émise : FA-2026-000001',
        'Reçu par Karim Caissier',
      ]) {
        expect(text, `${format}: ${expected}`).toContain(expected);
      }
      expect(text.includes('DUPLICATA'), format).toBe(copy === 'duplicate');
    }
  });

  it('pays two proformas oldest first with one Wafacash transfer, and keeps the rest as credit for later', async () => {
    const { company } = await office();
    const first = await proforma(company.id, 10_000); // 120,00 TTC
    const second = await proforma(company.id, 20_000); // 240,00 TTC
    const missing = await app.call('cashier', 'payments.record', {
      idempotencyKey: key(),
      clientId: company.id,
      amount: 50_000,
      details: { method: 'wafacash', transferNumber: '', senderName: 'Karim Alaoui', originCity: 'Fès' },
    });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'details.transferNumber': expect.any(String) } },
    });

    const paid = await app.ok('cashier', 'payments.record', {
      idempotencyKey: key(),
      clientId: company.id,
      amount: 50_000,
      details: { method: 'wafacash', transferNumber: 'WC-4471-9902', senderName: 'Karim Alaoui', originCity: 'Fès' },
    });
    expect(paid.stampDuty).toBe(0);
    expect(paid.allocations.map((a) => [a.documentId, a.amount, a.balanceAfter])).toEqual([
      [first.id, 12_000, 0],
      [second.id, 24_000, 0],
    ]);
    expect(paid.credit).toBe(14_000);
    expect(paid.invoices.map((i) => i.number)).toEqual(['FA-2026-000001', 'FA-2026-000002']);
    const invoice = await app.ok('cashier', 'documents.get', { id: paid.invoices[0]?.id ?? 0 });
    expect(invoice.payments[0]?.reference).toBe('RE-2026-000001 — WC-4471-9902, Karim Alaoui, Fès');
    expect(await app.ok('cashier', 'documents.clientBalance', { clientId: company.id })).toEqual([
      { currency: 'MAD', amount: 14_000 },
    ]);

    // The credit pays most of a later proforma, then a small payment completes it.
    const later = await proforma(company.id, 15_000); // 180,00 TTC
    const tooMuch = await app.call('cashier', 'payments.applyCredit', {
      clientId: company.id,
      documentId: later.id,
      amount: 14_001,
    });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const partly = await app.ok('cashier', 'payments.applyCredit', {
      clientId: company.id,
      documentId: later.id,
      amount: 14_000,
    });
    expect(partly).toMatchObject({ status: 'partially_paid', paid: 14_000 });
    // Its original was sealed with nothing paid: what was paid since does not change the original's fingerprint.
    expect(await app.ok('cashier', 'documents.verify', { id: later.id })).toMatchObject({ matches: true });
    await openDesk();
    const rest = await app.ok('cashier', 'payments.record', cash(company.id, 4_000));
    expect(rest.invoices).toHaveLength(1);
    expect(await app.ok('cashier', 'documents.verify', { id: later.id })).toMatchObject({ matches: true });
    const third = await app.ok('cashier', 'documents.get', { id: rest.invoices[0]?.id ?? 0 });
    expect(third.payments.map((p) => [p.method, p.amount])).toEqual([
      ['credit', 14_000],
      ['cash', 4_000],
    ]);
    expect(await app.ok('cashier', 'documents.clientBalance', { clientId: company.id })).toEqual([]);
  });

  it('pays a EUR proforma in dirhams at the rate typed at the counter, stored on the allocation', async () => {
    const { person } = await office();
    // Within ±10 % of the reference rate, no manager is needed (test/integration/payment-rules.test.ts has the rest).
    await app.ok('manager', 'settings.savePaymentRules', { referenceRates: { EUR: { rate: 10_850_000 } } });
    const eur = await proforma(person.id, 10_000, 'EUR'); // 120,00 €
    const transfer = {
      method: 'transfer' as const,
      bank: 'Attijariwafa bank',
      reference: 'VIR-2026-11-0042',
      valueDate: '2026-11-25',
    };
    const noRate = await app.call('cashier', 'payments.record', {
      idempotencyKey: key(),
      clientId: person.id,
      amount: 130_000,
      details: transfer,
      allocations: [{ documentId: eur.id, amount: 12_000 }],
    });
    expect(noRate).toMatchObject({
      ok: false,
      error: { fields: { 'allocations.0.rate': expect.stringContaining('taux') } },
    });
    const paid = await app.ok('cashier', 'payments.record', {
      idempotencyKey: key(),
      clientId: person.id,
      amount: 130_260,
      details: transfer,
      allocations: [{ documentId: eur.id, amount: 12_000, rate: 10_855_000 }],
    });
    expect(paid.allocations[0]).toMatchObject({
      amount: 12_000,
      currency: 'EUR',
      rate: 10_855_000,
      paymentAmount: 130_260,
    });
    expect(paid.credit).toBe(0);
    expect(paid.invoices).toHaveLength(1);
  });

  it('records one payment for 50 concurrent submissions of one form, and numbers 50 distinct ones 1 to 50', async () => {
    const { person } = await office();
    await openDesk();
    const same = cash(person.id, 10_000);
    const results = await Promise.all(Array.from({ length: 50 }, () => app.call('cashier', 'payments.record', same)));
    const ids = new Set(results.map((r) => (r.ok ? r.value.id : -1)));
    expect([...ids]).toHaveLength(1);
    expect((await app.ok('cashier', 'payments.list', { clientId: person.id })).total).toBe(1);
    // The same key for another payment is refused.
    expect(await app.call('cashier', 'payments.record', { ...same, amount: 10_001 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const distinct = await Promise.all(
      Array.from({ length: 50 }, () => app.call('cashier', 'payments.record', cash(person.id, 1_000))),
    );
    const numbers = distinct.map((r) => (r.ok ? r.value.number : 'failed')).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `RE-2026-${String(i + 2).padStart(6, '0')}`));
  });

  it('needs a manager for 20,000 DH or more in cash (CGI art. 193), and records who approved', async () => {
    const { company, person } = await office();
    await openDesk();
    const before = await dataSnapshot(app);
    const big = cash(company.id, 2_000_000); // the amount, stamp duty excluded
    expect(await app.call('cashier', 'payments.record', big)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const byCashier = {
      ...big,
      approval: { username: 'caissier', password: 'cashier-secret-1', reason: 'Client connu' },
    };
    expect(await app.call('cashier', 'payments.record', byCashier)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await dataSnapshot(app)).toEqual(before);
    const approved = await app.ok('cashier', 'payments.record', {
      ...big,
      idempotencyKey: key(),
      approval: { username: 'gerant', password: 'manager-secret-1', reason: 'Règlement exceptionnel, chèque refusé' },
    });
    expect(approved).toMatchObject({
      approvedBy: 'gerant',
      approvedByName: 'Salma Gérante',
      approvalReason: 'Règlement exceptionnel, chèque refusé',
    });
    // The duty is a setting: off, cash carries none.
    expect(await app.call('cashier', 'settings.saveStampDuty', { enabled: false, rate: 25 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await app.ok('admin', 'settings.saveStampDuty', { enabled: false, rate: 25 });
    expect((await app.ok('cashier', 'payments.record', cash(person.id, 10_000))).stampDuty).toBe(0);
    await app.ok('admin', 'settings.saveStampDuty', { enabled: true, rate: 25 });
    // Individuals too, as the DGI's note reads it.
    expect(await app.call('cashier', 'payments.record', cash(person.id, 2_500_000))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('voids and the cash session', () => {
  it('voids a payment (manager only): allocations reversed, invoice cancelled by a credit note, service taken back', async () => {
    const { product, person } = await office();
    const session = await openDesk(20_000);
    const domain = await app.ok('cashier', 'services.create', {
      clientId: person.id,
      productId: product('DOM.MA').id,
      label: 'idrissi.ma',
      startDate: '2024-11-10',
      paidUntil: '2026-11-10',
    });
    const draft = await app.ok('cashier', 'documents.saveDraft', {
      clientId: person.id,
      lines: [{ kind: 'service', serviceId: domain.id }],
    });
    const pf = await app.ok('cashier', 'documents.issue', { id: draft.id }); // 480,00 TTC with the late fee
    const paid = await app.ok('cashier', 'payments.record', cash(person.id, 50_000));
    expect(paid.credit).toBe(2_000);
    expect((await app.ok('cashier', 'services.get', { id: domain.id })).status).toBe('active');

    expect(await app.call('cashier', 'payments.void', { id: paid.id, reason: 'Erreur' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const voided = await app.ok('manager', 'payments.void', { id: paid.id, reason: 'Billet refusé' });
    expect(voided).toMatchObject({
      status: 'voided',
      voidReason: 'Billet refusé',
      voidedBy: 'gerant',
      voidedByName: 'Salma Gérante',
    });
    expect(voided.allocations[0]?.reversed).toBe(true);
    const listed = async (filters: { status?: 'recorded' | 'voided'; direction?: 'in' | 'out' }) =>
      (await app.ok('manager', 'payments.list', filters)).rows.map((p) => p.id);
    expect(await listed({ status: 'voided' })).toEqual([paid.id]);
    expect(await listed({ status: 'recorded' })).not.toContain(paid.id);
    expect(await app.ok('cashier', 'documents.get', { id: pf.id })).toMatchObject({ status: 'issued', paid: 0 });
    const invoice = await app.ok('cashier', 'documents.get', { id: paid.invoices[0]?.id ?? 0 });
    expect(invoice.status).toBe('credited');
    expect(invoice.derived[0]).toMatchObject({ type: 'credit_note', number: 'AV-2026-000001' });
    // Back where it was: expired on 10 November, in its grace period (its status as the daily run left it).
    expect(await app.ok('cashier', 'services.get', { id: domain.id })).toMatchObject({
      status: 'active',
      dueDate: '2026-11-10',
      state: { phase: 'grace' },
    });
    expect(await app.ok('cashier', 'documents.clientBalance', { clientId: person.id })).toEqual([]);
    const drawer = await app.ok('cashier', 'cash.get', { id: session.id });
    expect(drawer.expected).toBe(20_000);
    expect(await app.call('manager', 'payments.void', { id: paid.id, reason: 'Encore' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    // The proforma can be paid again.
    expect((await app.ok('cashier', 'payments.record', cash(person.id, 48_000))).invoices).toHaveLength(1);
  });

  it('refunds a credit note issued as a refund, and a client’s credit (a manager); a refund voided restores the credit', async () => {
    const { person } = await office();
    await openDesk(100_000);
    await proforma(person.id, 10_000); // 120,00 TTC
    const paid = await app.ok('cashier', 'payments.record', cash(person.id, 15_000)); // 30,00 DH of credit
    const note = await app.ok('manager', 'documents.creditNote', {
      invoiceId: paid.invoices[0]?.id ?? 0,
      reason: 'Service non rendu',
      mode: 'refund',
    });
    const refund = (extra: Partial<PaymentInput> & { creditNoteId?: number; note?: string }) => ({
      idempotencyKey: key(),
      clientId: person.id,
      amount: 12_000,
      details: { method: 'cash' as const },
      desk: DESK,
      note: 'Remboursé au guichet',
      ...extra,
    });
    expect(await app.call('cashier', 'payments.refund', refund({ creditNoteId: note.id }))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await app.call('manager', 'payments.refund', refund({ creditNoteId: note.id, amount: 12_001 })),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { amount: expect.stringContaining('120,00') } },
    });
    const back = await app.ok('manager', 'payments.refund', refund({ creditNoteId: note.id }));
    expect(back).toMatchObject({
      direction: 'out',
      amount: 12_000,
      number: 'RE-2026-000002',
      creditNote: { id: note.id },
    });
    expect((await app.call('manager', 'payments.refund', refund({ creditNoteId: note.id, amount: 1 }))).ok).toBe(false);

    const fromCredit = await app.ok('manager', 'payments.refund', refund({ amount: 3_000 }));
    expect(fromCredit.direction).toBe('out');
    const refunds = await app.ok('manager', 'payments.list', { direction: 'out' });
    expect(refunds.rows.map((p) => p.direction)).toEqual(['out', 'out']);
    expect(refunds.rows[0]?.id).toBe(fromCredit.id);
    expect(await app.ok('cashier', 'documents.clientBalance', { clientId: person.id })).toEqual([]);
    const drawer = await app.ok('cashier', 'cash.current', { desk: DESK });
    expect(drawer?.expected).toBe(100_000 + 15_000 + 38 - 12_000 - 3_000);
    await app.ok('manager', 'payments.void', { id: fromCredit.id, reason: 'Client reparti sans l’argent' });
    expect(await app.ok('cashier', 'documents.clientBalance', { clientId: person.id })).toEqual([
      { currency: 'MAD', amount: 3_000 },
    ]);
    expect((await app.ok('cashier', 'cash.current', { desk: DESK }))?.expected).toBe(100_000 + 15_000 + 38 - 12_000);
  });

  it('takes cash out with a reason, closes with a count and its difference, and a manager validates', async () => {
    const { person } = await office();
    const session = await openDesk(50_000);
    expect(await app.call('cashier', 'cash.open', { desk: DESK, float: 0 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await app.ok('cashier', 'payments.record', cash(person.id, 100_000)); // + 250 duty
    await app.ok('cashier', 'cash.movement', {
      sessionId: session.id,
      kind: 'out',
      amount: 60_000,
      reason: 'Dépôt en banque',
    });
    const tooMuch = await app.call('cashier', 'cash.movement', {
      sessionId: session.id,
      kind: 'out',
      amount: 1_000_000,
      reason: 'x',
    });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Expected: 500 + 1 002,50 − 600 = 902,50 DH; counted 900,00 DH.
    const closed = await app.ok('cashier', 'cash.close', {
      sessionId: session.id,
      count: { '20000': 4, '5000': 2 },
      note: 'Manque 2,50 DH',
    });
    expect(closed).toMatchObject({ status: 'closed', expected: 90_250, counted: 90_000, difference: -250 });
    expect(await app.call('cashier', 'payments.record', cash(person.id, 1_000))).toMatchObject({ ok: false });
    expect(await app.call('cashier', 'cash.validate', { sessionId: session.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await app.ok('manager', 'cash.validate', { sessionId: session.id })).toMatchObject({
      status: 'validated',
      validatedBy: 'gerant',
      staffNames: { caissier: 'Karim Caissier', gerant: 'Salma Gérante' },
    });
    const z = await app.ok('cashier', 'cash.zReport', { sessionId: session.id });
    const zPdf = Buffer.from(z.pdf, 'base64');
    mkdirSync('test-results/pdfs', { recursive: true });
    writeFileSync(path.join('test-results/pdfs', z.fileName), zPdf);
    expect(qpdfCheck(zPdf)).toMatch(/No syntax or stream encoding errors/);
    const zText = pdfText(zPdf).replace(/[\u00a0\u202f]/g, ' ');
    for (const expected of [
      'Rapport Z — Guichet 1',
      'Dépôt en banque',
      'RE-2026-000001',
      'Attendu en caisse',
      '902,50 DH',
      'Écart',
      '-2,50 DH',
      'Validée le',
      'par Salma Gérante',
    ]) {
      expect(zText).toContain(expected);
    }
    // The same report on the counter's 80 mm roll.
    const roll = await app.ok('cashier', 'cash.zReport', { sessionId: session.id, format: 'thermal' });
    const rollPdf = Buffer.from(roll.pdf, 'base64');
    writeFileSync(path.join('test-results/pdfs', roll.fileName), rollPdf);
    expect(roll.fileName).toMatch(/-80mm\.pdf$/);
    expect(pdfWords(rollPdf).pageWidths).toEqual([226.77]);
    const rollText = pdfText(rollPdf).replace(/[\u00a0\u202f]/g, ' ');
    for (const expected of ['RAPPORT Z', 'Dépôt en banque', 'RE-2026-000001', 'Attendu en caisse', '-2,50 DH']) {
      expect(rollText).toContain(expected);
    }
    // A new day, a new session at the same desk.
    expect((await app.ok('cashier', 'cash.open', { desk: DESK, float: 90_000 })).id).not.toBe(session.id);
  });
});
