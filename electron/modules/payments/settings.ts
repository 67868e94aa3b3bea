import type { EntityManager } from 'typeorm';
import { DEFAULT_STAMP_DUTY, stampDutySettingsSchema, type StampDutySettings } from '../../../shared/stamp-duty';
import { DEFAULT_PAYMENT_RULES, paymentRulesSchema, type PaymentRules } from '../../../shared/payment-rules';
import { readSection } from '../settings/store';

export const STAMP_DUTY = 'stampDuty';

export async function stampDutySettings(em: EntityManager): Promise<StampDutySettings> {
  return (await readSection(em, STAMP_DUTY, stampDutySettingsSchema)) ?? DEFAULT_STAMP_DUTY;
}

export const PAYMENT_RULES = 'paymentRules';

/** The cash limit's scope and the reference exchange rates (SPEC §4), set by a manager. */
export async function paymentRules(em: EntityManager): Promise<PaymentRules> {
  return (await readSection(em, PAYMENT_RULES, paymentRulesSchema)) ?? DEFAULT_PAYMENT_RULES;
}
