import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentInput } from '../../shared/api';
import { openTestApp, withStaff, type TestApp } from '../support/core';
import { fullCompany, pdfText } from '../support/documents';

let app: TestApp;
afterEach(() => app.close());

const DESK = 'Guichet 1';
let keys = 0;
const cash = (clientId: number, amount: number): PaymentInput => ({
  idempotencyKey: `rounding-key-${String(++keys).padStart(6, '0')}`,
  clientId,
  amount,
  details: { method: 'cash' },
  desk: DESK,
});

async function office() {
  app = await openTestApp();
  await withStaff(app);
  await app.ok('admin', 'settings.saveCompany', fullCompany);
  const person = await app.ok('cashier', 'clients.create', {
    kind: 'individual',
    firstName: 'Sara',
    lastName: 'Idrissi',
    phones: ['0661000001'],
  });
  // 1 243,10 HT at 20 % → 1 491,72 TTC; with 0,25 % stamp duty (3,73) the cash total is 1 495,45.
  const draft = await app.ok('cashier', 'documents.saveDraft', {
    clientId: person.id,
    lines: [{ kind: 'item', description: 'Hébergement', quantity: 1000, unitPrice: 124_310, vatRate: 2000 }],
  });
  const proforma = await app.ok('cashier', 'documents.issue', { id: draft.id });
  expect(proforma.totals.ttc).toBe(149_172);
  return { person, proforma };
}

describe('cash rounded to 0,10 DH', () => {
  it('is off by default: the cash total is kept to the centime', async () => {
    const { person } = await office();
    expect(await app.ok('cashier', 'settings.getStampDuty', {})).toEqual({ enabled: true, rate: 25, cashRounding: 0 });
    await app.ok('cashier', 'cash.open', { desk: DESK, float: 0 });
    const paid = await app.ok('cashier', 'payments.record', cash(person.id, 149_172));
    expect(paid).toMatchObject({ stampDuty: 373, cashRounding: 0, collected: 149_545 });
  });

  it('records the rounding on the payment and in the drawer, which closes at 0,00 when the count is right', async () => {
    const { person, proforma } = await office();
    await app.ok('admin', 'settings.saveStampDuty', { enabled: true, rate: 25, cashRounding: 10 });
    const session = await app.ok('cashier', 'cash.open', { desk: DESK, float: 20_000 });
    const paid = await app.ok('cashier', 'payments.record', cash(person.id, 149_172));
    // 1 495,45 → 1 495,50: the client's account gets 1 491,72 exactly, the proforma is settled.
    expect(paid).toMatchObject({ amount: 149_172, stampDuty: 373, cashRounding: 5, collected: 149_550, credit: 0 });
    expect(await app.ok('cashier', 'documents.get', { id: proforma.id })).toMatchObject({ status: 'paid' });
    // The receipt says so, on its own line above the total collected.
    const receipt = await app.ok('cashier', 'payments.receipt', { id: paid.id, format: 'thermal' });
    const text = pdfText(Buffer.from(receipt.pdf, 'base64')).replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toMatch(/Arrondi espèces \(0,10 DH\)\s+0,05 DH/);
    expect(text).toMatch(/Total encaissé\s+1 495,50 DH/);
    // 2,35 + duty 0,01 = 2,36 → 2,40; a second payment as credit.
    const small = await app.ok('cashier', 'payments.record', cash(person.id, 235));
    expect(small).toMatchObject({ stampDuty: 1, cashRounding: 4, collected: 240, credit: 235 });
    expect(await app.ok('cashier', 'cash.current', { desk: DESK })).toMatchObject({
      cashIn: 149_790,
      expected: 169_790,
    });

    // A void takes back what went into the drawer, rounding included.
    await app.ok('manager', 'payments.void', { id: small.id, reason: 'Erreur de client' });
    expect(await app.ok('cashier', 'cash.current', { desk: DESK })).toMatchObject({ expected: 169_550 });

    // 1 695,50 = 8 × 200 + 1 × 50 + 2 × 20 + 5 × 1 + 1 × 0,50.
    const closed = await app.ok('cashier', 'cash.close', {
      sessionId: session.id,
      count: { '20000': 8, '5000': 1, '2000': 2, '100': 5, '50': 1 },
      note: '',
    });
    expect(closed).toMatchObject({ expected: 169_550, counted: 169_550, difference: 0 });
  });

  it('does not round other methods', async () => {
    const { person } = await office();
    await app.ok('admin', 'settings.saveStampDuty', { enabled: true, rate: 25, cashRounding: 10 });
    const paid = await app.ok('cashier', 'payments.record', {
      idempotencyKey: 'rounding-card-000001',
      clientId: person.id,
      amount: 149_172,
      details: { method: 'card', authorizationCode: 'A12345' },
    });
    expect(paid).toMatchObject({ stampDuty: 0, cashRounding: 0, collected: 149_172 });
  });
});
