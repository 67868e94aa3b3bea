import type { BasisPoints, Centimes } from './money';
import { mulDivRound, toMad, type MadRate } from './report-conversion';

/** One rate of a document's VAT breakdown (as stored with it by shared/totals.ts): the HT base and its VAT. */
export interface VatPart {
  rate: BasisPoints;
  base: Centimes;
  vat: Centimes;
}

/**
 * What part of a document's HT and VAT, rate by rate, a payment of `amount` TTC contains, when `before` was already
 * paid on it (VAT on receipts, "régime des encaissements"). Each figure is the rounded share of the total paid after
 * the payment minus the rounded share paid before it, so the payments of a document add up exactly to its own HT and
 * VAT by rate, however it was paid in parts; the last rate's base takes what is left, so base + VAT is always the
 * amount paid.
 */
export function receiptShare(parts: readonly VatPart[], ttc: Centimes, before: Centimes, amount: Centimes): VatPart[] {
  if (parts.length === 0 || ttc <= 0) return [{ rate: 0, base: amount, vat: 0 }];
  const after = before + amount;
  const share = (total: Centimes) => mulDivRound(after, total, ttc) - mulDivRound(before, total, ttc);
  const vats = parts.map((p) => share(p.vat));
  const bases = parts.map((p, i) => (i < parts.length - 1 ? share(p.base) : 0));
  const last = parts.length - 1;
  bases[last] = amount - vats.reduce((s, v) => s + v, 0) - bases.reduce((s, b) => s + b, 0);
  return parts.map((p, i) => ({ rate: p.rate, base: bases[i] ?? 0, vat: vats[i] ?? 0 }));
}

/**
 * A share in a foreign currency in dirhams: each VAT and base converted at the rate, the last base taking what is
 * left of `ttcMad` (the dirhams the money was worth), so base + VAT stays equal to it.
 */
export function shareInMad(share: readonly VatPart[], ttcMad: Centimes, rate: MadRate): VatPart[] {
  const vats = share.map((p) => toMad(p.vat, rate));
  const bases = share.map((p, i) => (i < share.length - 1 ? toMad(p.base, rate) : 0));
  const last = share.length - 1;
  bases[last] = ttcMad - vats.reduce((s, v) => s + v, 0) - bases.reduce((s, b) => s + b, 0);
  return share.map((p, i) => ({ rate: p.rate, base: bases[i] ?? 0, vat: vats[i] ?? 0 }));
}

/** Adds parts into a map by rate (the report's running totals). */
export function addParts(
  into: Map<BasisPoints, { base: Centimes; vat: Centimes }>,
  parts: readonly VatPart[],
  sign = 1,
) {
  for (const p of parts) {
    const t = into.get(p.rate) ?? { base: 0, vat: 0 };
    t.base += sign * p.base;
    t.vat += sign * p.vat;
    into.set(p.rate, t);
  }
}
