import { z } from 'zod';
import type { BasisPoints, Centimes } from './money';
import { vatOf } from './totals';

/** Stamp duty on payments in cash (SPEC §4): 0.25 % by default, a setting (rate and on/off). */
export const stampDutySettingsSchema = z.object({
  enabled: z.boolean().default(true),
  /** Basis points: 25 = 0.25 %. */
  rate: z.number().int().min(0).max(1000).default(25),
  /**
   * Centimes the cash total is rounded to, so coins can pay it: 10 (0,10 DH) or 0 (to the centime). Stored settings
   * from before the option read as 0, so nothing changes until an administrator turns it on.
   */
  cashRounding: z.union([z.literal(0), z.literal(10)]).default(0),
});
export type StampDutySettings = z.output<typeof stampDutySettingsSchema>;
export const DEFAULT_STAMP_DUTY: StampDutySettings = { enabled: true, rate: 25, cashRounding: 0 };

/**
 * The duty on an amount collected in cash, rounded like every other amount (half up to the centime). It is paid on top
 * of what goes to the proformas, recorded on the payment and never allocated to an invoice.
 */
export function stampDuty(amount: Centimes, method: string, settings: StampDutySettings): Centimes {
  if (method !== 'cash' || !settings.enabled) return 0;
  return vatOf(amount, settings.rate satisfies BasisPoints);
}

/**
 * What the cash total moves by when it is rounded to what coins can pay (to the nearest 0,10 DH, a half up): 1 491,72
 * is collected as 1 491,70 (−2), 1 491,75 as 1 491,80 (+5). Recorded on the payment and in the drawer, so the count
 * balances; the client's account gets the amount as typed.
 */
export function cashRounding(
  total: Centimes,
  method: string,
  settings: Pick<StampDutySettings, 'cashRounding'>,
): number {
  const step = settings.cashRounding;
  if (method !== 'cash' || step === 0 || total <= 0) return 0;
  const rest = total % step;
  if (rest === 0) return 0;
  return rest * 2 >= step ? step - rest : -rest;
}
