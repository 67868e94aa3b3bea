import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toMad } from './report-conversion';
import { receiptShare, shareInMad } from './report-vat';
import { documentTotals } from './totals';

const line = fc.record({
  quantity: fc.integer({ min: 1, max: 5_000 }),
  unitPrice: fc.integer({ min: 1, max: 2_000_000 }),
  vatRate: fc.constantFrom(2000, 1400, 1000, 700, 0),
});

describe('VAT on receipts', () => {
  it('a proforma paid in one go contains exactly its HT and VAT by rate', () => {
    const totals = documentTotals([
      { quantity: 1000, unitPrice: 100_000, vatRate: 2000 },
      { quantity: 2000, unitPrice: 33_333, vatRate: 1000 },
    ]);
    expect(receiptShare(totals.vat, totals.ttc, 0, totals.ttc)).toEqual(totals.vat);
  });

  it('paid in parts, in any order of amounts, the parts add up exactly to the document, and base + VAT = each amount', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 }),
        (lines, weights) => {
          const totals = documentTotals(lines);
          fc.pre(totals.ttc > 0);
          const sum = weights.reduce((s, w) => s + w, 0);
          // Split the TTC into payments proportional to the weights, the last taking the rest.
          let before = 0;
          const paid = weights.map((w, i) => {
            const amount = i === weights.length - 1 ? totals.ttc - before : Math.floor((totals.ttc * w) / sum);
            before += amount;
            return amount;
          });
          let cumulative = 0;
          const added = new Map<number, { base: number; vat: number }>();
          for (const amount of paid) {
            const share = receiptShare(totals.vat, totals.ttc, cumulative, amount);
            expect(share.reduce((s, p) => s + p.base + p.vat, 0)).toBe(amount);
            for (const p of share) {
              const t = added.get(p.rate) ?? { base: 0, vat: 0 };
              added.set(p.rate, { base: t.base + p.base, vat: t.vat + p.vat });
            }
            cumulative += amount;
          }
          expect(totals.vat.map((v) => ({ rate: v.rate, ...added.get(v.rate) }))).toEqual(totals.vat);
        },
      ),
    );
  });

  it('in dirhams, each part is converted and the last base keeps base + VAT equal to the dirhams received', () => {
    const share = [
      { rate: 2000, base: 10_000, vat: 2_000 },
      { rate: 1000, base: 5_001, vat: 500 },
    ];
    const mad = shareInMad(share, toMad(17_501, 10_850_000), 10_850_000);
    expect(mad.map((p) => p.vat)).toEqual([21_700, 5_425]);
    expect(mad[0]?.base).toBe(108_500);
    expect(mad.reduce((s, p) => s + p.base + p.vat, 0)).toBe(toMad(17_501, 10_850_000));
  });
});
