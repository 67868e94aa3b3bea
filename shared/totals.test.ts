import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentTotals, formatQuantity, lineHt, parseQuantity, vatOf } from './totals';

describe('the one rounding rule', () => {
  it('rounds each line half up to the centime', () => {
    expect(lineHt(1000, 49_000)).toBe(49_000);
    expect(lineHt(1500, 333)).toBe(500); // 499.5 → 500
    expect(lineHt(1, 499)).toBe(0); // 0.499 → 0
    expect(lineHt(1, 500)).toBe(1); // 0.5 → 1
    expect(lineHt(-1500, 333)).toBe(-500); // a credit mirrors its invoice
  });

  it('computes VAT per rate on the sum of the lines, not line by line', () => {
    // Three lines of 1 centime at 50 %: line by line 0,005 → 0,01 each, 0,03 in all; on the sum, 0,015 → 0,02.
    const t = documentTotals([
      { quantity: 1000, unitPrice: 1, vatRate: 5000 },
      { quantity: 1000, unitPrice: 1, vatRate: 5000 },
      { quantity: 1000, unitPrice: 1, vatRate: 5000 },
    ]);
    expect(t.vat).toEqual([{ rate: 5000, base: 3, vat: 2 }]);
    expect(t).toMatchObject({ ht: 3, totalVat: 2, ttc: 5 });
  });

  it('separates the rates, highest first', () => {
    const t = documentTotals([
      { quantity: 1000, unitPrice: 99_000, vatRate: 2000 },
      { quantity: 2500, unitPrice: 40_000, vatRate: 1000 },
      { quantity: 1000, unitPrice: 25_000, vatRate: 2000 },
      { quantity: 1000, unitPrice: 5_000, vatRate: 0 },
    ]);
    expect(t.vat).toEqual([
      { rate: 2000, base: 124_000, vat: 24_800 },
      { rate: 1000, base: 100_000, vat: 10_000 },
      { rate: 0, base: 5_000, vat: 0 },
    ]);
    expect(t).toMatchObject({ ht: 229_000, totalVat: 34_800, ttc: 263_800 });
  });

  it('holds for any lines: TTC = HT + VAT, HT = sum of lines, VAT = sum of rounded rate bases, all whole centimes', () => {
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 1_000_000 }),
      unitPrice: fc.integer({ min: 0, max: 10_000_000_00 }),
      vatRate: fc.constantFrom(0, 700, 1000, 1400, 2000),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), (lines) => {
        const t = documentTotals(lines);
        expect(t.ttc).toBe(t.ht + t.totalVat);
        expect(t.ht).toBe(t.lines.reduce((s, a) => s + a, 0));
        for (const v of t.vat) expect(v.vat).toBe(vatOf(v.base, v.rate));
        for (const a of [...t.lines, t.ht, t.totalVat, t.ttc]) expect(Number.isSafeInteger(a)).toBe(true);
        // Each line is within half a centime of the exact product.
        lines.forEach((l, i) =>
          expect(Math.abs((t.lines[i] ?? 0) - (l.quantity * l.unitPrice) / 1000)).toBeLessThanOrEqual(0.5),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('quantities', () => {
  it('up to three decimals, as typed in French or not', () => {
    expect(parseQuantity('1,5')).toBe(1500);
    expect(parseQuantity('2')).toBe(2000);
    expect(parseQuantity('0.125')).toBe(125);
    expect(parseQuantity('1,2345')).toBeNull();
    expect(parseQuantity('-1')).toBeNull();
    expect(formatQuantity(1500)).toBe('1,5');
    expect(formatQuantity(2000)).toBe('2');
    expect(formatQuantity(125)).toBe('0,125');
  });
});
