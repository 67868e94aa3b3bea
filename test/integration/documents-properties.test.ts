import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENCIES, formatMoney, formatRate } from '../../shared/money';
import { documentTotals, lineHt } from '../../shared/totals';
import { openTestApp, withStaff, type TestApp } from '../support/core';
import { fullCompany, pdfText } from '../support/documents';

let app: TestApp;
let clientId: number;

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
});
afterAll(() => app.close());

const line = fc.record({
  kind: fc.constant('item' as const),
  description: fc.constantFrom('Hébergement', 'Nom de domaine', 'Intervention', 'Boîte e-mail'),
  // Up to 100 units with three decimals; up to 100 000 DH a unit.
  quantity: fc.integer({ min: 1, max: 100_000 }),
  unitPrice: fc.integer({ min: 0, max: 10_000_000 }),
  vatRate: fc.constantFrom(0, 700, 1000, 1400, 2000),
});
const document = fc.record({
  currency: fc.constantFrom(...CURRENCIES),
  lines: fc.array(line, { minLength: 1, maxLength: 12 }),
});

/** pdftotext gives the narrow and no-break spaces back as they are. */
const spaced = (t: string) => t.replace(/[\u00a0\u202f]/g, ' ');

describe('document totals, for random documents', () => {
  it('stores exactly what the screen computes: lines sum, TTC = HT + VAT, every amount a safe integer', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (doc) => {
        const saved = await app.ok('cashier', 'documents.saveDraft', { clientId, ...doc });
        const screen = documentTotals(doc.lines); // what the proforma editor shows
        expect(saved.totals).toEqual(screen);
        expect(saved.lines.map((l) => l.amountHt)).toEqual(doc.lines.map((l) => lineHt(l.quantity, l.unitPrice)));
        const t = saved.totals;
        expect(t.ht).toBe(saved.lines.reduce((s, l) => s + l.amountHt, 0));
        expect(t.totalVat).toBe(t.vat.reduce((s, v) => s + v.vat, 0));
        expect(t.ttc).toBe(t.ht + t.totalVat);
        for (const amount of [t.ht, t.totalVat, t.ttc, ...t.vat.flatMap((v) => [v.base, v.vat])]) {
          expect(Number.isSafeInteger(amount)).toBe(true);
        }
        const listed = await app.ok('cashier', 'documents.list', { clientId, pageSize: 1 });
        expect(listed.rows[0]?.ttc).toBe(t.ttc);
      }),
      { numRuns: 1500 },
    );
  });

  it('prints the stored totals: the PDF text has every line amount, each VAT rate and the totals', async () => {
    const priced = document.filter((d) => d.lines.some((l) => lineHt(l.quantity, l.unitPrice) > 0));
    await fc.assert(
      fc.asyncProperty(priced, async (doc) => {
        const draft = await app.ok('cashier', 'documents.saveDraft', { clientId, ...doc });
        const issued = await app.ok('cashier', 'documents.issue', { id: draft.id });
        const file = await app.ok('cashier', 'documents.pdf', { id: draft.id });
        const text = spaced(pdfText(Buffer.from(file.pdf, 'base64')));
        const money = (c: number) => spaced(formatMoney(c, doc.currency));
        const t = issued.totals;
        expect(text).toMatch(new RegExp(`Total HT\\s+${escape(money(t.ht))}`));
        expect(text).toMatch(new RegExp(`Total TTC\\s+${escape(money(t.ttc))}`));
        for (const v of t.vat) {
          expect(text).toMatch(
            new RegExp(
              `TVA ${escape(spaced(formatRate(v.rate)))} sur ${escape(money(v.base))}\\s+${escape(money(v.vat))}`,
            ),
          );
        }
        for (const l of issued.lines) expect(text).toContain(money(l.amountHt));
      }),
      { numRuns: 120 },
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
