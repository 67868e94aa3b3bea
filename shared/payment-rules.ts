import { z } from 'zod';
import type { BasisPoints, Centimes, Currency } from './money';

/**
 * The rules a payment must honour before it is recorded without a manager (SPEC §4): the cash limit of CGI art. 193
 * and the band around the reference exchange rate of each currency. Pure, so the screen warns before the main process
 * refuses, with the same numbers.
 */

/** CGI art. 193: 20,000 DH or more in cash for one transaction is prohibited without a justified exception. */
export const CASH_LIMIT: Centimes = 2_000_000;

/** The exceptions of the DGI's note, offered as the manager's reason (a reason may also be typed). */
export const CASH_EXCEPTIONS = [
  'Chèque ou effet impayé',
  'Client interdit de chéquier',
  'Client sans compte bancaire',
] as const;

/** Millionths of MAD per unit of a currency: 10,85 MAD per EUR → 10 850 000. */
const referenceRate = z.number().int().min(1, 'Taux de référence invalide.').max(1_000_000_000, 'Taux invalide.');

export const referenceRateSchema = z
  .object({
    rate: referenceRate,
    /** How far a counter rate may lie from the reference without a manager, in basis points: 1000 = ±10 % (the most). */
    band: z.number().int().min(0).max(1000).default(1000),
  })
  .strict();

export const paymentRulesSchema = z
  .object({
    /** Who the cash limit applies to: everyone (the DGI's reading) or only company clients. */
    cashLimitScope: z.enum(['everyone', 'companies']).default('everyone'),
    /** Reference rates of the foreign currencies against the dirham; null: every allocation in it needs a manager. */
    referenceRates: z
      .object({ EUR: referenceRateSchema.nullable().default(null), USD: referenceRateSchema.nullable().default(null) })
      .strict()
      .default({ EUR: null, USD: null }),
  })
  .strict();
export type PaymentRules = z.output<typeof paymentRulesSchema>;
export const DEFAULT_PAYMENT_RULES: PaymentRules = {
  cashLimitScope: 'everyone',
  referenceRates: { EUR: null, USD: null },
};

/** The reference rate of a currency in millionths of MAD, null when none is set (MAD is 1 by definition). */
function madPerUnit(rules: PaymentRules, currency: Currency): { rate: number; band: BasisPoints } | null {
  if (currency === 'MAD') return { rate: 1_000_000, band: 0 };
  return rules.referenceRates[currency];
}

export type RateCheck =
  | { ok: true }
  | { ok: false; reason: 'no_reference'; currency: Currency }
  | { ok: false; reason: 'out_of_band'; expected: number; band: BasisPoints };

/**
 * Whether a counter rate (millionths of the payment's currency per unit of the proforma's) lies within the band around
 * the rate the references imply: ref(proforma) / ref(payment). The band is the widest of the two currencies' own.
 * Exact integer arithmetic: |rate × ref(payment) − ref(proforma) × 10⁶| × 10⁴ ≤ band × ref(proforma) × 10⁶.
 */
export function checkCounterRate(
  rate: number,
  paymentCurrency: Currency,
  proformaCurrency: Currency,
  rules: PaymentRules,
): RateCheck {
  const paid = madPerUnit(rules, paymentCurrency);
  const owed = madPerUnit(rules, proformaCurrency);
  if (!paid) return { ok: false, reason: 'no_reference', currency: paymentCurrency };
  if (!owed) return { ok: false, reason: 'no_reference', currency: proformaCurrency };
  const band = Math.max(paid.band, owed.band);
  const target = BigInt(owed.rate) * 1_000_000n;
  const gap = BigInt(rate) * BigInt(paid.rate) - target;
  const within = (gap < 0n ? -gap : gap) * 10_000n <= BigInt(band) * target;
  if (within) return { ok: true };
  return { ok: false, reason: 'out_of_band', expected: Number(target / BigInt(paid.rate)), band };
}

export interface CashShare {
  /** The proforma's cash already received (recorded cash payments not voided), in centimes of MAD. */
  before: Centimes;
  /** What this payment brings to it. */
  now: Centimes;
}

/**
 * CGI art. 193 at the counter: the payment's own amount (stamp duty excluded), and the cash cumulated on each proforma
 * it pays, compared with the limit; only cash, and for company clients only when the setting narrows it so.
 */
export function cashNeedsApproval(
  payment: { method: string; amount: Centimes; clientKind: 'individual' | 'company' },
  shares: readonly CashShare[],
  rules: PaymentRules,
): boolean {
  if (payment.method !== 'cash') return false;
  if (rules.cashLimitScope === 'companies' && payment.clientKind !== 'company') return false;
  if (payment.amount >= CASH_LIMIT) return true;
  return shares.some((s) => s.now > 0 && s.before + s.now >= CASH_LIMIT);
}
