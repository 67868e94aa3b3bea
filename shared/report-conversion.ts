import type { Centimes, Currency } from './money';

/** Dirhams per unit of a foreign currency, in millionths (10.85 MAD per € → 10 850 000), like the counter's rates. */
export type MadRate = number;

export type ForeignCurrency = Exclude<Currency, 'MAD'>;
export const FOREIGN_CURRENCIES: readonly ForeignCurrency[] = ['EUR', 'USD'];

/**
 * Where the rate a report converts a foreign currency with comes from:
 * - reference: typed for the report (e.g. Bank Al-Maghrib's rate the accountant uses);
 * - counter: the average of the rates typed at the counter on the period's allocations between dirhams and that
 *   currency, weighted by amount (total dirhams ÷ total foreign);
 * - none: neither; amounts in that currency are left out of the dirham totals and reported as not converted.
 */
export type RateSource = 'reference' | 'counter' | 'none';

export interface ConversionRate {
  currency: ForeignCurrency;
  rate: MadRate | null;
  source: RateSource;
  /** Counter allocations the average is made of (0 for a reference rate). */
  samples: number;
}

/** n / d rounded half away from zero (the one rounding rule of shared/totals.ts), for whole n and positive d. */
function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (2n * (r < 0n ? -r : r) >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

/**
 * a × b / d rounded half away from zero, for whole a, b and a positive whole d. In plain numbers while the product is
 * exact (below 2^53: every amount of a report), in BigInt beyond; a report computes this for each of thousands of
 * payments, and BigInt is many times slower.
 */
export function mulDivRound(a: number, b: number, d: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || !Number.isSafeInteger(d) || d <= 0) {
    throw new RangeError('Whole amounts expected');
  }
  const product = a * b;
  if (!Number.isSafeInteger(product)) return Number(divRound(BigInt(a) * BigInt(b), BigInt(d)));
  const abs = Math.abs(product);
  let q = Math.trunc(abs / d);
  let r = abs - q * d;
  // The float quotient may be one off near an integer: the exact remainder puts it right.
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (2 * r >= d) q += 1;
  // 0 - q, not -q: a negative product rounding to zero must give 0, not -0 (which would print "-0,00").
  return product < 0 ? 0 - q : q;
}

/** A foreign amount in dirhams at a rate in millionths, rounded half away from zero to the centime. */
export function toMad(amount: Centimes, rate: MadRate): Centimes {
  return mulDivRound(amount, rate, 1_000_000);
}

/** The amount-weighted average rate of conversions seen at the counter: total dirhams ÷ total foreign, in millionths. */
export function averageRate(pairs: readonly { mad: Centimes; foreign: Centimes }[]): MadRate | null {
  const mad = pairs.reduce((s, p) => s + BigInt(p.mad), 0n);
  const foreign = pairs.reduce((s, p) => s + BigInt(p.foreign), 0n);
  if (foreign <= 0n || mad <= 0n) return null;
  return Number(divRound(mad * 1_000_000n, foreign));
}

/** The rate a report uses for each foreign currency: the reference typed for it, else the counter's average. */
export function conversionRates(
  reference: Partial<Record<ForeignCurrency, MadRate>>,
  counter: Partial<Record<ForeignCurrency, readonly { mad: Centimes; foreign: Centimes }[]>>,
): ConversionRate[] {
  return FOREIGN_CURRENCIES.map((currency) => {
    const typed = reference[currency];
    if (typed !== undefined) return { currency, rate: typed, source: 'reference', samples: 0 };
    const pairs = counter[currency] ?? [];
    const average = averageRate(pairs);
    return average === null
      ? { currency, rate: null, source: 'none', samples: 0 }
      : { currency, rate: average, source: 'counter', samples: pairs.length };
  });
}
