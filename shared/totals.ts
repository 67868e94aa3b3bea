import type { BasisPoints, Centimes } from './money';

/**
 * The one rounding rule of every document, screen and report (SPEC §4):
 *   line HT = round(quantity × unit price HT)
 *   VAT of a rate = round(sum of the HT lines at that rate × rate)
 *   TTC = HT + VAT
 * rounded half up to the centime (half away from zero, so a credit note mirrors its invoice exactly). Quantities have up
 * to three decimals and travel as whole thousandths (1 500 = 1.5); rates are basis points. Integer arithmetic
 * throughout (BigInt where a product could pass 2^53), never floats.
 */

/** Thousandths of a unit: 1000 = 1, 1500 = 1.5, 1 = 0.001. */
export type Milli = number;

/** n / d rounded half away from zero, for whole n and positive d. */
function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (2n * (r < 0n ? -r : r) >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

function toSafe(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Amount out of range: ${value}`);
  return n;
}

export function lineHt(quantity: Milli, unitPrice: Centimes): Centimes {
  if (!Number.isSafeInteger(quantity) || !Number.isSafeInteger(unitPrice))
    throw new RangeError('Whole thousandths and centimes expected');
  return toSafe(divRound(BigInt(quantity) * BigInt(unitPrice), 1000n));
}

export function vatOf(base: Centimes, rate: BasisPoints): Centimes {
  if (!Number.isSafeInteger(base) || !Number.isSafeInteger(rate))
    throw new RangeError('Whole centimes and basis points expected');
  return toSafe(divRound(BigInt(base) * BigInt(rate), 10_000n));
}

export interface TotalsLine {
  quantity: Milli;
  unitPrice: Centimes;
  vatRate: BasisPoints;
}

export interface DocumentTotals {
  lines: Centimes[];
  /** By rate, highest first: the base (sum of HT lines at that rate) and its VAT. */
  vat: { rate: BasisPoints; base: Centimes; vat: Centimes }[];
  ht: Centimes;
  totalVat: Centimes;
  ttc: Centimes;
}

export function documentTotals(lines: readonly TotalsLine[]): DocumentTotals {
  const amounts = lines.map((l) => lineHt(l.quantity, l.unitPrice));
  const bases = new Map<BasisPoints, Centimes>();
  lines.forEach((l, i) => bases.set(l.vatRate, (bases.get(l.vatRate) ?? 0) + (amounts[i] ?? 0)));
  const vat = [...bases.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, base]) => ({ rate, base, vat: vatOf(base, rate) }));
  const ht = amounts.reduce((s, a) => s + a, 0);
  const totalVat = vat.reduce((s, v) => s + v.vat, 0);
  return { lines: amounts, vat, ht, totalVat, ttc: ht + totalVat };
}

/** "1,5" or "2" or "0.125" typed by a person → thousandths; null when not a quantity with at most three decimals. */
export function parseQuantity(text: string): Milli | null {
  const match = /^(\d+)(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
  return Number.isSafeInteger(value) ? value : null;
}

/** 1500 → "1,5"; 2000 → "2"; 125 → "0,125". */
export function formatQuantity(quantity: Milli): string {
  const whole = Math.trunc(quantity / 1000);
  const fraction = String(Math.abs(quantity % 1000))
    .padStart(3, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole},${fraction}` : String(whole);
}
