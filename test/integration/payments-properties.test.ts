import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDto, PaymentDto } from '../../shared/api';
import { openTestApp, withStaff, type TestApp } from '../support/core';
import { fullCompany } from '../support/documents';

let app: TestApp;
const DESK = 'Guichet propriétés';
let keys = 0;

beforeAll(async () => {
  app = await openTestApp();
  await withStaff(app);
  await app.ok('admin', 'settings.saveCompany', fullCompany);
  await app.ok('cashier', 'cash.open', { desk: DESK, float: 1_000_000 });
});
afterAll(() => app.close());

const scenario = fc.record({
  /** HT amounts of the client's proformas (20 % VAT). */
  proformas: fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 1, maxLength: 4 }),
  payments: fc.array(fc.record({ amount: fc.integer({ min: 1, max: 800_000 }), cash: fc.boolean() }), {
    minLength: 1,
    maxLength: 4,
  }),
});

describe('money, for random counters', () => {
  it('collected = allocations + credit + stamp duty, always; voiding every payment restores every balance exactly', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ proformas, payments }) => {
        const client = await app.ok('cashier', 'clients.create', {
          kind: 'individual',
          firstName: 'Client',
          lastName: `Propriété ${++keys}`,
          phones: [`0661${String(keys).padStart(6, '0')}`],
        });
        const issued: DocumentDto[] = [];
        for (const ht of proformas) {
          const draft = await app.ok('cashier', 'documents.saveDraft', {
            clientId: client.id,
            lines: [{ kind: 'item', description: 'Prestation', quantity: 1000, unitPrice: ht, vatRate: 2000 }],
          });
          issued.push(await app.ok('cashier', 'documents.issue', { id: draft.id }));
        }
        const drawerBefore = (await app.ok('cashier', 'cash.current', { desk: DESK }))?.expected ?? 0;
        const recorded: PaymentDto[] = [];
        for (const p of payments) {
          const paid = await app.ok('cashier', 'payments.record', {
            idempotencyKey: `prop-${keys}-${recorded.length}`,
            clientId: client.id,
            amount: p.amount,
            details: p.cash ? { method: 'cash' } : { method: 'card', authorizationCode: 'A1B2C3' },
            desk: DESK,
          });
          const allocated = paid.allocations.reduce((s, a) => s + a.paymentAmount, 0);
          expect(paid.collected).toBe(allocated + paid.credit + paid.stampDuty);
          expect(paid.collected).toBe(p.amount + paid.stampDuty);
          recorded.push(paid);
        }
        // What the proformas received is what the payments allocated to them.
        const docs = await Promise.all(issued.map((d) => app.ok('cashier', 'documents.get', { id: d.id })));
        const allocatedTotal = recorded.flatMap((r) => r.allocations).reduce((s, a) => s + a.amount, 0);
        expect(docs.reduce((s, d) => s + d.paid, 0)).toBe(allocatedTotal);
        const credit = recorded.reduce((s, r) => s + r.credit, 0);
        const balance = await app.ok('cashier', 'documents.clientBalance', { clientId: client.id });
        expect(balance.find((b) => b.currency === 'MAD')?.amount ?? 0).toBe(credit);

        for (const paid of [...recorded].reverse()) {
          await app.ok('manager', 'payments.void', { id: paid.id, reason: 'Propriété' });
        }
        for (const d of issued) {
          expect(await app.ok('cashier', 'documents.get', { id: d.id })).toMatchObject({ paid: 0, status: 'issued' });
        }
        expect(await app.ok('cashier', 'documents.clientBalance', { clientId: client.id })).toEqual([]);
        expect((await app.ok('cashier', 'cash.current', { desk: DESK }))?.expected).toBe(drawerBefore);
      }),
      { numRuns: 100 },
    );
  });
});
