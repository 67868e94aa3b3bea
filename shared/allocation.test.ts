import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRateValue, parseRate, paymentAmountOf, planAllocations } from './allocation';

describe('allocation of a payment', () => {
  it('pays the open proformas in its currency oldest first; the rest is credit', () => {
    const open = [
      { id: 1, currency: 'MAD' as const, balance: 30_000 },
      { id: 2, currency: 'EUR' as const, balance: 5_000 },
      { id: 3, currency: 'MAD' as const, balance: 50_000 },
    ];
    expect(planAllocations(open, 60_000, 'MAD')).toEqual([
      { documentId: 1, amount: 30_000, rate: null, paymentAmount: 30_000 },
      { documentId: 3, amount: 30_000, rate: null, paymentAmount: 30_000 },
    ]);
    expect(planAllocations(open, 100_000, 'MAD').reduce((s, a) => s + a.amount, 0)).toBe(80_000);
  });

  it('never allocates more than the payment nor more than a balance (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 5_000_000 }),
        (balances, amount) => {
          const open = balances.map((balance, i) => ({ id: i + 1, currency: 'MAD' as const, balance }));
          const plan = planAllocations(open, amount, 'MAD');
          const total = plan.reduce((s, a) => s + a.paymentAmount, 0);
          expect(total).toBeLessThanOrEqual(amount);
          expect(total).toBe(
            Math.min(
              amount,
              balances.reduce((s, b) => s + b, 0),
            ),
          );
          for (const a of plan) expect(a.amount).toBeLessThanOrEqual(balances[a.documentId - 1] ?? 0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('converts at the counter rate, rounded half up to the centime', () => {
    expect(paymentAmountOf(10_000, parseRate('10,85'))).toBe(108_500); // 100 € at 10,85 → 1 085,00 DH
    expect(paymentAmountOf(1, 10_850_000)).toBe(11); // 0,01 € → 0,1085 DH → 0,11 DH
    expect(paymentAmountOf(333, null)).toBe(333);
    expect(parseRate('0')).toBeNull();
    expect(parseRate('10.8525')).toBe(10_852_500);
    expect(parseRate('abc')).toBeNull();
    expect(formatRateValue(10_852_500)).toBe('10,8525');
    expect(formatRateValue(11_000_000)).toBe('11');
  });
});
