import type { LifecycleRules, ProductKind } from './catalog';
import { isRecurring } from './catalog';
import type { Centimes } from './money';
import { daysBetween, nextPeriod, paidUntil } from './periods';

export const SERVICE_STATUSES = ['pending', 'active', 'suspended', 'grace', 'lost', 'terminated', 'cancelled'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
export const SUSPENSION_REASONS = ['non_payment', 'abuse'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/** What is stored about a service that decides its state. */
export interface ServiceFacts {
  kind: ProductKind;
  status: ServiceStatus;
  suspensionReason: SuspensionReason | null;
  /** Date of signature (or a domain's registration): periods count from it. */
  anchorDate: string;
  /** Months paid since the anchor (a domain year is 12). */
  paidMonths: number;
  /** A termination request stops renewals; the service runs to the end of what is paid. */
  terminationRequested: boolean;
}

export type Phase =
  | 'pending'
  | 'active'
  | 'completed'
  | 'renewal_due'
  | 'overdue'
  | 'suspend_due'
  | 'terminate_due'
  | 'grace'
  | 'lost'
  | 'ending'
  | 'suspended_abuse'
  | 'terminated'
  | 'cancelled';

export interface ServiceState {
  phase: Phase;
  /** End of the paid time (a domain's expiry), null for one-off products. */
  expiry: string | null;
  /** Days until the expiry (negative once past), null for one-off products. */
  daysToExpiry: number | null;
  /** Whether a renewal may be invoiced now through the normal path. */
  renewable: boolean;
  /** A domain renewed in its grace period carries its TLD's late-renewal fee. */
  lateRenewal: boolean;
  /** The status the daily run should give the service on this date (it never renews anything). */
  expectedStatus: ServiceStatus;
}

/**
 * The state of a service on a calendar day (Casablanca), by the rules of the terms: payment in advance, no tacit
 * renewal, domains in grace for 30 days after expiry then lost, other services suspended then terminated after the
 * configured days, abuse suspensions lifted only by hand.
 */
export function serviceState(f: ServiceFacts, today: string, rules: LifecycleRules): ServiceState {
  const closed = (phase: Phase, status: ServiceStatus): ServiceState => ({
    phase,
    expiry: isRecurring(f.kind) ? paidUntil(f.anchorDate, f.paidMonths) : null,
    daysToExpiry: null,
    renewable: false,
    lateRenewal: false,
    expectedStatus: status,
  });
  if (f.status === 'cancelled') return closed('cancelled', 'cancelled');
  if (f.status === 'terminated') return closed('terminated', 'terminated');
  if (f.status === 'pending') {
    return { ...closed('pending', 'pending'), renewable: true };
  }
  if (!isRecurring(f.kind)) return closed('completed', f.status);

  const expiry = paidUntil(f.anchorDate, f.paidMonths);
  const daysToExpiry = daysBetween(today, expiry);
  const late = -daysToExpiry; // days past expiry
  const base = { expiry, daysToExpiry, lateRenewal: false };
  const abuse = f.status === 'suspended' && f.suspensionReason === 'abuse';

  if (f.terminationRequested) {
    return late >= 0
      ? { ...base, phase: 'terminated', renewable: false, expectedStatus: 'terminated' }
      : { ...base, phase: abuse ? 'suspended_abuse' : 'ending', renewable: false, expectedStatus: f.status };
  }

  if (f.kind === 'domain') {
    if (late > rules.graceDays) return { ...base, phase: 'lost', renewable: false, expectedStatus: 'lost' };
    if (late >= 0)
      return {
        ...base,
        phase: 'grace',
        renewable: true,
        lateRenewal: true,
        expectedStatus: abuse ? 'suspended' : 'grace',
      };
  } else if (late >= 0) {
    if (late >= rules.daysToTerminate)
      return { ...base, phase: 'terminate_due', renewable: false, expectedStatus: 'terminated' };
    if (abuse) return { ...base, phase: 'suspended_abuse', renewable: true, expectedStatus: 'suspended' };
    if (late >= rules.daysToSuspend)
      return { ...base, phase: 'suspend_due', renewable: true, expectedStatus: 'suspended' };
    return { ...base, phase: 'overdue', renewable: true, expectedStatus: f.status };
  }
  if (abuse) return { ...base, phase: 'suspended_abuse', renewable: true, expectedStatus: 'suspended' };
  const phase: Phase = daysToExpiry <= rules.daysBeforeInvoice ? 'renewal_due' : 'active';
  return { ...base, phase, renewable: true, expectedStatus: 'active' };
}

export interface RenewalQuote {
  from: string;
  to: string;
  /** Price of the periods, excluding tax. */
  amount: Centimes;
  /** The TLD's late-renewal fee, excluding tax, when the domain is in grace. */
  surcharge: Centimes;
}

/**
 * What renewing costs now: `count` periods of `cycleMonths` from the current end of paid time (a domain renewal
 * extends from the old expiry, never from the payment date). Null when the service cannot be renewed normally (lost,
 * terminated, termination requested).
 */
export function renewalQuote(
  f: ServiceFacts,
  state: ServiceState,
  price: { cycleMonths: number; amount: Centimes },
  lateFee: Centimes,
  count: number,
): RenewalQuote | null {
  if (!state.renewable || !isRecurring(f.kind) || count < 1) return null;
  const period = nextPeriod(f.anchorDate, f.paidMonths, price.cycleMonths * count);
  return { ...period, amount: price.amount * count, surcharge: state.lateRenewal ? lateFee : 0 };
}
