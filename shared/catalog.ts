/** What the company sells (SPEC §3 rules 1, 6, 7). */
export const PRODUCT_KINDS = [
  'hosting',
  'domain',
  'ssl',
  'email',
  'vps',
  'dedicated',
  'outsourcing_mission',
  'outsourcing_monthly',
  'website',
  'backup_restore',
] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** Kinds sold once (per mission, per site, per restoration), never renewed. */
export const ONE_OFF_KINDS: readonly ProductKind[] = ['outsourcing_mission', 'website', 'backup_restore'];

export const BILLING_CYCLES = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
export type BillingCycle = (typeof BILLING_CYCLES)[number];

export const CYCLE_MONTHS: Record<BillingCycle, number> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

/** Domains are sold by the year, 1 to 10 at a time. */
export const DOMAIN_MAX_YEARS = 10;

export function isRecurring(kind: ProductKind): boolean {
  return !ONE_OFF_KINDS.includes(kind);
}

/**
 * Days around the due date, per product kind: how long before it the renewal proforma goes out, and how long after it
 * an unpaid service is suspended, then terminated. Domains are not suspended: they go into the registry's grace period
 * (renewable with the late fee), then are lost.
 */
export interface LifecycleRules {
  daysBeforeInvoice: number;
  daysToSuspend: number;
  daysToTerminate: number;
  /** Domains only: days after expiry during which a late renewal is still possible (with the surcharge). */
  graceDays: number;
}

export const DEFAULT_LIFECYCLE: Record<ProductKind, LifecycleRules> = {
  domain: { daysBeforeInvoice: 30, daysToSuspend: 0, daysToTerminate: 0, graceDays: 30 },
  hosting: { daysBeforeInvoice: 15, daysToSuspend: 7, daysToTerminate: 30, graceDays: 0 },
  email: { daysBeforeInvoice: 15, daysToSuspend: 7, daysToTerminate: 30, graceDays: 0 },
  ssl: { daysBeforeInvoice: 30, daysToSuspend: 0, daysToTerminate: 15, graceDays: 0 },
  vps: { daysBeforeInvoice: 10, daysToSuspend: 5, daysToTerminate: 30, graceDays: 0 },
  dedicated: { daysBeforeInvoice: 10, daysToSuspend: 5, daysToTerminate: 30, graceDays: 0 },
  outsourcing_monthly: { daysBeforeInvoice: 10, daysToSuspend: 10, daysToTerminate: 30, graceDays: 0 },
  outsourcing_mission: { daysBeforeInvoice: 0, daysToSuspend: 0, daysToTerminate: 0, graceDays: 0 },
  website: { daysBeforeInvoice: 0, daysToSuspend: 0, daysToTerminate: 0, graceDays: 0 },
  backup_restore: { daysBeforeInvoice: 0, daysToSuspend: 0, daysToTerminate: 0, graceDays: 0 },
};
