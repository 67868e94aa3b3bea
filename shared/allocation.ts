import type { Centimes, Currency } from './money';

export interface OpenProforma {
  id: number;
  currency: Currency;
  /** TTC still to pay. */
  balance: Centimes;
}

export interface PlannedAllocation {
  documentId: number;
  amount: Centimes;
  /** Millionths of the payment's currency per unit of the proforma's; null in the same currency. */
  rate: number | null;
  paymentAmount: Centimes;
}

/** What an allocation takes of the payment: the amount converted at the counter's rate, rounded half up. */
export function paymentAmountOf(amount: Centimes, rate: number | null): Centimes {
  if (rate === null) return amount;
  const product = BigInt(amount) * BigInt(rate);
  const q = product / 1_000_000n;
  return Number(2n * (product % 1_000_000n) >= 1_000_000n ? q + 1n : q);
}

/**
 * The default allocation (SPEC §5): the client's open proformas in the payment's currency, oldest first, each paid as
 * far as the money goes. The caller lists them oldest first; what is left becomes credit.
 */
export function planAllocations(
  open: readonly OpenProforma[],
  amount: Centimes,
  currency: Currency,
): PlannedAllocation[] {
  const plan: PlannedAllocation[] = [];
  let left = amount;
  for (const p of open) {
    if (left <= 0) break;
    if (p.currency !== currency || p.balance <= 0) continue;
    const take = Math.min(left, p.balance);
    plan.push({ documentId: p.id, amount: take, rate: null, paymentAmount: take });
    left -= take;
  }
  return plan;
}

/** "10,85" → 10 850 000 millionths; null when not a positive rate with at most six decimals. */
export function parseRate(text: string): number | null {
  const match = /^(\d{1,6})(?:[.,](\d{1,6}))?$/.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]) * 1_000_000 + Number((match[2] ?? '').padEnd(6, '0'));
  return value > 0 ? value : null;
}

/** 10 850 000 → "10,85". */
export function formatRateValue(rate: number): string {
  const whole = Math.trunc(rate / 1_000_000);
  const fraction = String(rate % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole},${fraction}` : String(whole);
}
