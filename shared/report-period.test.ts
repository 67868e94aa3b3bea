import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageingBucket } from './report-ageing';
import { averageRate, conversionRates, mulDivRound, toMad } from './report-conversion';
import {
  followingMonth,
  monthPeriod,
  periodDays,
  periodFileStem,
  periodLabel,
  periodProblem,
  shiftMonth,
  wholeMonth,
} from './report-period';

describe('report periods', () => {
  it('a month runs from its first to its last calendar day, leap years included', () => {
    expect(monthPeriod('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthPeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(() => monthPeriod('2026-13')).toThrow(RangeError);
    expect(wholeMonth({ from: '2026-10-01', to: '2026-10-31' })).toBe('2026-10');
    expect(wholeMonth({ from: '2026-10-01', to: '2026-10-30' })).toBeNull();
  });

  it('names the period and its files the French way', () => {
    expect(periodLabel(monthPeriod('2026-08'))).toBe('août 2026');
    expect(periodLabel({ from: '2026-10-01', to: '2026-10-15' })).toBe('du 01/10/2026 au 15/10/2026');
    expect(periodLabel({ from: '2026-10-05', to: '2026-10-05' })).toBe('le 05/10/2026');
    expect(periodFileStem(monthPeriod('2026-10'))).toBe('rapport-2026-10');
    expect(periodFileStem({ from: '2026-10-01', to: '2026-10-15' })).toBe('rapport-2026-10-01-au-2026-10-15');
  });

  it('refuses a reversed range or one longer than a year, in French', () => {
    expect(periodProblem({ from: '2026-10-02', to: '2026-10-01' })).toBe('La date de fin précède la date de début.');
    expect(periodProblem({ from: '2026-01-01', to: '2027-01-02' })).toBe('Une période de 366 jours au plus.');
    expect(periodProblem({ from: '2028-01-01', to: '2028-12-31' })).toBeNull();
  });

  it('lists the days, and finds the month after and before', () => {
    expect(periodDays({ from: '2026-02-27', to: '2026-03-02' })).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(followingMonth({ from: '2026-12-10', to: '2026-12-31' })).toEqual(monthPeriod('2027-01'));
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });
});

describe('report conversion and ageing', () => {
  it('converts at millionths, half away from zero, and averages the counter rates by amount', () => {
    expect(toMad(100, 10_855_000)).toBe(1_086); // 1 085,5 → 1 086
    expect(toMad(-100, 10_855_000)).toBe(-1_086);
    expect(
      averageRate([
        { mad: 108_500, foreign: 10_000 },
        { mad: 330_000, foreign: 30_000 },
      ]),
    ).toBe(10_962_500);
    expect(averageRate([])).toBeNull();
    expect(conversionRates({ USD: 9_900_000 }, { EUR: [{ mad: 1_085, foreign: 100 }] })).toEqual([
      { currency: 'EUR', rate: 10_850_000, source: 'counter', samples: 1 },
      { currency: 'USD', rate: 9_900_000, source: 'reference', samples: 0 },
    ]);
    expect(conversionRates({}, {})[0]).toEqual({ currency: 'EUR', rate: null, source: 'none', samples: 0 });
  });

  it('rounds a × b / d half away from zero exactly, in plain numbers and beyond 2^53 alike', () => {
    const exact = (a: bigint, b: bigint, d: bigint) => {
      const n = a * b;
      const q = n / d;
      const r = n % d;
      return 2n * (r < 0n ? -r : r) >= d ? (n < 0n ? q - 1n : q + 1n) : q;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        (a, b, d) => {
          expect(mulDivRound(a, b, d)).toBe(Number(exact(BigInt(a), BigInt(b), BigInt(d))));
        },
      ),
    );
    expect(mulDivRound(Number.MAX_SAFE_INTEGER, 3, 7)).toBe(Number(exact(BigInt(Number.MAX_SAFE_INTEGER), 3n, 7n)));
  });

  it('ages a proforma by the days since it was due', () => {
    expect(ageingBucket('2026-10-31', '2026-10-30')).toBe('notDue');
    expect(ageingBucket('2026-10-31', '2026-10-31')).toBe('d0_30');
    expect(ageingBucket('2026-10-01', '2026-10-31')).toBe('d0_30');
    expect(ageingBucket('2026-09-30', '2026-10-31')).toBe('d31_60');
    expect(ageingBucket('2026-08-01', '2026-10-30')).toBe('d61_90');
    expect(ageingBucket('2026-08-01', '2026-10-31')).toBe('d90plus');
  });
});
