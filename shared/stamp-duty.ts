import { z } from 'zod';
import type { BasisPoints, Centimes } from './money';
import { vatOf } from './totals';

/** Stamp duty on payments in cash (SPEC §4): 0.25 % by default, a setting (rate and on/off). */
export const stampDutySettingsSchema = z.object({
  enabled: z.boolean().default(true),
  /** Basis points: 25 = 0.25 %. */
  rate: z.number().int().min(0).max(1000).default(25),
});
export type StampDutySettings = z.output<typeof stampDutySettingsSchema>;
export const DEFAULT_STAMP_DUTY: StampDutySettings = { enabled: true, rate: 25 };

/**
 * The duty on an amount collected in cash, rounded like every other amount (half up to the centime). It is paid on top
 * of what goes to the proformas, recorded on the payment and never allocated to an invoice.
 */
export function stampDuty(amount: Centimes, method: string, settings: StampDutySettings): Centimes {
  if (method !== 'cash' || !settings.enabled) return 0;
  return vatOf(amount, settings.rate satisfies BasisPoints);
}
