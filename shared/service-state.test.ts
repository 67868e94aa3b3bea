import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE, PRODUCT_KINDS, isRecurring } from './catalog';
import { addDays, paidUntil } from './periods';
import { SERVICE_STATUSES, renewalQuote, serviceState, type ServiceFacts } from './service-state';

const domain = (over: Partial<ServiceFacts> = {}): ServiceFacts => ({
  kind: 'domain',
  status: 'active',
  suspensionReason: null,
  anchorDate: '2025-12-10',
  paidMonths: 12, // expires 2026-12-10
  terminationRequested: false,
  ...over,
});
const hosting = (over: Partial<ServiceFacts> = {}): ServiceFacts => ({ ...domain(), kind: 'hosting', ...over });
const rules = DEFAULT_LIFECYCLE;
const state = (f: ServiceFacts, today: string) => serviceState(f, today, rules[f.kind]);
const yearly = { cycleMonths: 12, amount: 12_000 };

describe('domains', () => {
  it('walk from active to renewal due 30 days before expiry, grace for 30 days, then lost', () => {
    expect(state(domain(), '2026-11-09').phase).toBe('active');
    expect(state(domain(), '2026-11-10').phase).toBe('renewal_due');
    expect(state(domain(), '2026-12-09')).toMatchObject({ phase: 'renewal_due', daysToExpiry: 1, lateRenewal: false });
    expect(state(domain(), '2026-12-10')).toMatchObject({ phase: 'grace', lateRenewal: true, expectedStatus: 'grace' });
    expect(state(domain(), '2027-01-09')).toMatchObject({ phase: 'grace', renewable: true });
    expect(state(domain(), '2027-01-10')).toMatchObject({ phase: 'lost', renewable: false, expectedStatus: 'lost' });
  });

  it('a renewal extends from the old expiry, not from the day it is paid', () => {
    const f = domain();
    const quote = renewalQuote(f, state(f, '2026-12-25'), yearly, 5_000, 2);
    expect(quote).toEqual({ from: '2026-12-10', to: '2028-12-10', amount: 24_000, surcharge: 5_000 });
  });

  it('a renewal in grace always carries the surcharge; before expiry never', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 30 }), fc.integer({ min: 1, max: 10 }), (offset, years) => {
        const f = domain();
        const today = addDays(paidUntil(f.anchorDate, f.paidMonths), offset);
        const quote = renewalQuote(f, state(f, today), yearly, 5_000, years);
        expect(quote?.surcharge).toBe(offset >= 0 ? 5_000 : 0);
        expect(quote?.from).toBe('2026-12-10');
      }),
    );
  });

  it('a lost domain cannot be renewed through the normal path', () => {
    fc.assert(
      fc.property(fc.integer({ min: 31, max: 3000 }), fc.integer({ min: 1, max: 10 }), (late, years) => {
        const f = domain();
        const s = state(f, addDays(paidUntil(f.anchorDate, f.paidMonths), late));
        expect(s).toMatchObject({ phase: 'lost', renewable: false });
        expect(renewalQuote(f, s, yearly, 5_000, years)).toBeNull();
      }),
    );
  });
});

describe('other services', () => {
  it('are suspended, then terminated, on the configured days after the due date', () => {
    // hosting: proforma 15 days before, suspended after 7 days, terminated after 30.
    expect(state(hosting(), '2026-11-25').phase).toBe('renewal_due');
    expect(state(hosting(), '2026-12-10')).toMatchObject({ phase: 'overdue', renewable: true });
    expect(state(hosting(), '2026-12-17')).toMatchObject({ phase: 'suspend_due', expectedStatus: 'suspended' });
    const suspended = hosting({ status: 'suspended', suspensionReason: 'non_payment' });
    expect(state(suspended, '2026-12-20')).toMatchObject({ phase: 'suspend_due', renewable: true });
    expect(state(suspended, '2027-01-09')).toMatchObject({
      phase: 'terminate_due',
      expectedStatus: 'terminated',
      renewable: false,
    });
  });

  it('an abuse suspension stays whatever the date says, until lifted by hand', () => {
    const abuse = hosting({ status: 'suspended', suspensionReason: 'abuse', paidMonths: 24 });
    for (const today of ['2026-06-01', '2027-11-30', '2027-12-12']) {
      expect(state(abuse, today).expectedStatus).toBe('suspended');
    }
  });

  it('a termination request stops renewals; the service ends with its paid time', () => {
    const ending = hosting({ terminationRequested: true });
    expect(state(ending, '2026-12-01')).toMatchObject({ phase: 'ending', renewable: false, expectedStatus: 'active' });
    expect(state(ending, '2026-12-10')).toMatchObject({ phase: 'terminated', expectedStatus: 'terminated' });
    expect(renewalQuote(ending, state(ending, '2026-12-01'), yearly, 0, 1)).toBeNull();
  });

  it('one-off products are never renewed', () => {
    const mission = hosting({ kind: 'outsourcing_mission' });
    expect(state(mission, '2030-01-01')).toMatchObject({ phase: 'completed', renewable: false, expiry: null });
  });
});

it('never renews anything by itself: the expected status is never a longer paid time, and closed services stay closed', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...PRODUCT_KINDS),
      fc.constantFrom(...SERVICE_STATUSES),
      fc.boolean(),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: -800, max: 800 }),
      (kind, status, terminationRequested, paidMonths, offset) => {
        const f = hosting({
          kind,
          status,
          terminationRequested,
          paidMonths,
          suspensionReason: status === 'suspended' ? 'non_payment' : null,
        });
        const s = state(f, addDays(paidUntil(f.anchorDate, paidMonths), offset));
        if (status === 'terminated' || status === 'cancelled') expect(s.expectedStatus).toBe(status);
        if (!isRecurring(kind)) expect(s.renewable).toBe(status === 'pending');
        if (s.renewable && isRecurring(kind) && status !== 'pending')
          expect(s.expiry).toBe(paidUntil(f.anchorDate, paidMonths));
      },
    ),
    { numRuns: 2000 },
  );
});
