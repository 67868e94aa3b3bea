import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentInput } from '../../shared/api';
import type { Currency } from '../../shared/money';
import { CASH_EXCEPTIONS } from '../../shared/payment-rules';
import { openTestApp, withStaff, type TestApp } from '../support/core';
import { fullCompany } from '../support/documents';
import { dataSnapshot } from '../support/snapshot';

let app: TestApp;
afterEach(() => app.close());

const DESK = 'Guichet 1';
let keys = 0;
const key = () => `rules-key-${String(++keys).padStart(6, '0')}`;
const manager = (reason: string) => ({ username: 'gerant', password: 'manager-secret-1', reason });
const transfer = {
  method: 'transfer' as const,
  bank: 'Attijariwafa bank',
  reference: 'VIR-2026-11-0042',
  valueDate: '2026-11-25',
};

async function office() {
  app = await openTestApp();
  await withStaff(app);
  await app.ok('admin', 'settings.saveCompany', fullCompany);
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
  await app.ok('cashier', 'cash.open', { desk: DESK, float: 50_000 });
  return { company, person };
}

/** An issued proforma of one line at 0 % VAT, so that its TTC is the amount given. */
async function proforma(clientId: number, ttc: number, currency: Currency = 'MAD') {
  const draft = await app.ok('cashier', 'documents.saveDraft', {
    clientId,
    currency,
    lines: [{ kind: 'item', description: 'Prestation', quantity: 1000, unitPrice: ttc, vatRate: 0 }],
  });
  return app.ok('cashier', 'documents.issue', { id: draft.id });
}

const cash = (clientId: number, amount: number, extra: Partial<PaymentInput> = {}): PaymentInput => ({
  idempotencyKey: key(),
  clientId,
  amount,
  details: { method: 'cash' },
  desk: DESK,
  ...extra,
});

describe('exchange rates at the counter', () => {
  it('refuses an allocation that takes nothing of the payment, whichever way the currencies go', async () => {
    const { person } = await office();
    const eur = await proforma(person.id, 12_000, 'EUR'); // 120,00 €
    const mad = await proforma(person.id, 120_000); // 1 200,00 DH
    const before = await dataSnapshot(app);
    // 0,01 DH at a rate of 0,000001 against 120 €.
    const nothingForEuros = await app.call('cashier', 'payments.record', {
      idempotencyKey: key(),
      clientId: person.id,
      amount: 1,
      details: transfer,
      allocations: [{ documentId: eur.id, amount: 12_000, rate: 1 }],
      approval: manager('Taux du jour'),
    });
    expect(nothingForEuros).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'allocations.0.rate': expect.stringContaining('ne prend rien') } },
    });
    // 0,01 € against 1 200 DH.
    const nothingForDirhams = await app.call('cashier', 'payments.record', {
      idempotencyKey: key(),
      clientId: person.id,
      amount: 1,
      currency: 'EUR',
      details: transfer,
      allocations: [{ documentId: mad.id, amount: 120_000, rate: 1 }],
      approval: manager('Taux du jour'),
    });
    expect(nothingForDirhams).toMatchObject({
      ok: false,
      error: { fields: { 'allocations.0.rate': expect.any(String) } },
    });
    expect(await dataSnapshot(app)).toEqual(before);
    expect(await app.ok('cashier', 'documents.get', { id: eur.id })).toMatchObject({ status: 'issued', paid: 0 });
  });

  it('needs a manager without a reference rate, and outside the band around it; records who and why', async () => {
    const { person } = await office();
    const eur = await proforma(person.id, 12_000, 'EUR');
    const pay = (rate: number, amount: number, extra: Partial<PaymentInput> = {}): PaymentInput => ({
      idempotencyKey: key(),
      clientId: person.id,
      amount,
      details: transfer,
      allocations: [{ documentId: eur.id, amount: 12_000, rate }],
      ...extra,
    });
    const before = await dataSnapshot(app);
    expect(await app.call('cashier', 'payments.record', pay(10_850_000, 130_200))).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: expect.stringContaining('Aucun taux de référence pour EUR'),
        fields: { approval: expect.any(String) },
      },
    });
    expect(await dataSnapshot(app)).toEqual(before);

    // The reference rates are a manager's setting, not a cashier's.
    const rules = { cashLimitScope: 'everyone' as const, referenceRates: { EUR: { rate: 10_850_000, band: 1000 } } };
    expect(await app.call('cashier', 'settings.savePaymentRules', rules)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await app.ok('manager', 'settings.savePaymentRules', rules)).toEqual({
      cashLimitScope: 'everyone',
      referenceRates: { EUR: { rate: 10_850_000, band: 1000 }, USD: null },
    });

    // 12 € / EUR is 10.6 % above 10,85: refused; 11,90 is within ±10 %.
    expect(await app.call('cashier', 'payments.record', pay(12_000_000, 144_000))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('taux de référence (10,85)') },
    });
    const low = await app.call('cashier', 'payments.record', pay(9_700_000, 116_400));
    expect(low).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const approved = await app.ok(
      'cashier',
      'payments.record',
      pay(12_000_000, 144_000, { approval: manager('Taux de la banque du client') }),
    );
    expect(approved).toMatchObject({ approvedBy: 'gerant', approvalReason: 'Taux de la banque du client' });
    const audit = await app.ok('manager', 'audit.list', { action: 'payments.record' });
    expect(audit.rows[0]?.summary).toMatchObject({ approvedBy: 'gerant', approvalFor: ['exchange_rate'] });
  });

  it('records a rate within the band without a manager, USD against EUR through their references', async () => {
    const { person } = await office();
    await app.ok('manager', 'settings.savePaymentRules', {
      referenceRates: { EUR: { rate: 10_850_000 }, USD: { rate: 10_000_000, band: 500 } },
    });
    const eur = await proforma(person.id, 12_000, 'EUR');
    const usd = await proforma(person.id, 10_000, 'USD');
    const inDirhams = await app.ok('cashier', 'payments.record', {
      idempotencyKey: key(),
      clientId: person.id,
      amount: 130_200,
      details: transfer,
      allocations: [{ documentId: eur.id, amount: 12_000, rate: 10_850_000 }],
    });
    expect(inDirhams).toMatchObject({ approvedBy: null, credit: 0 });
    // 1 USD is 10,00 DH and 1 EUR 10,85 DH: 0,92166 € per $; 0,95 is within ±10 % (the wider band of the two).
    const inEuros = await app.ok('cashier', 'payments.record', {
      idempotencyKey: key(),
      clientId: person.id,
      amount: 9_500,
      currency: 'EUR',
      details: transfer,
      allocations: [{ documentId: usd.id, amount: 10_000, rate: 950_000 }],
    });
    expect(inEuros.allocations[0]).toMatchObject({ paymentAmount: 9_500, rate: 950_000 });
  });
});

describe('cash of 20,000 DH or more (CGI art. 193)', () => {
  it('compares the amount without the stamp duty, for individuals too, and records the exception chosen', async () => {
    const { company, person } = await office();
    const under = await app.ok('cashier', 'payments.record', cash(company.id, 1_999_999));
    expect(under).toMatchObject({ stampDuty: 5_000, approvedBy: null });

    const before = await dataSnapshot(app);
    expect(await app.call('cashier', 'payments.record', cash(person.id, 2_000_000))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('CGI art. 193') },
    });
    expect(await dataSnapshot(app)).toEqual(before);
    const [exception] = CASH_EXCEPTIONS;
    const signed = await app.ok(
      'cashier',
      'payments.record',
      cash(person.id, 2_000_000, { approval: manager(exception) }),
    );
    expect(signed).toMatchObject({ approvedBy: 'gerant', approvalReason: 'Chèque ou effet impayé' });
    const audit = await app.ok('manager', 'audit.list', { action: 'payments.record' });
    expect(audit.rows[0]?.summary).toMatchObject({ approvalFor: ['cash_limit'] });

    // A transfer never needs it.
    expect(
      (await app.call('cashier', 'payments.record', { ...cash(person.id, 5_000_000), details: transfer })).ok,
    ).toBe(true);
    // A manager may narrow the rule to companies.
    await app.ok('manager', 'settings.savePaymentRules', { cashLimitScope: 'companies' });
    expect((await app.call('cashier', 'payments.record', cash(person.id, 2_500_000))).ok).toBe(true);
    expect(await app.call('cashier', 'payments.record', cash(company.id, 2_500_000))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('cumulates the cash paid on one proforma: the second 15,000 DH of a 30,000 DH proforma needs the manager', async () => {
    const { person } = await office();
    const big = await proforma(person.id, 3_000_000);
    const half = (extra: Partial<PaymentInput> = {}) =>
      cash(person.id, 1_500_000, { allocations: [{ documentId: big.id, amount: 1_500_000 }], ...extra });
    expect(await app.ok('cashier', 'payments.record', half())).toMatchObject({ approvedBy: null });
    const before = await dataSnapshot(app);
    expect(await app.call('cashier', 'payments.record', half())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', fields: { approval: expect.any(String) } },
    });
    expect(await dataSnapshot(app)).toEqual(before);
    // The screen knows what was paid in cash, to warn before the refusal.
    const items = await app.ok('cashier', 'payments.openItems', { clientId: person.id });
    expect(items.proformas[0]).toMatchObject({ id: big.id, cashReceived: 1_500_000 });
    const second = await app.ok(
      'cashier',
      'payments.record',
      half({ approval: manager('Client sans compte bancaire') }),
    );
    expect(second.invoices).toHaveLength(1);
  });

  it('does not count the cash of a voided payment', async () => {
    const { person } = await office();
    const big = await proforma(person.id, 3_000_000);
    const half = () => cash(person.id, 1_500_000, { allocations: [{ documentId: big.id, amount: 1_500_000 }] });
    const first = await app.ok('cashier', 'payments.record', half());
    await app.ok('manager', 'payments.void', { id: first.id, reason: 'Erreur de saisie' });
    expect((await app.call('cashier', 'payments.record', half())).ok).toBe(true);
  });
});
