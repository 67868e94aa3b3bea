import { TERMINATION_CHANNELS } from '../../../shared/api/services';
import { DEFAULT_LIFECYCLE, type ProductKind } from '../../../shared/catalog';
import { addMonths } from '../../../shared/periods';
import { serviceState, type ServiceStatus } from '../../../shared/service-state';
import type { Prng } from '../../prng';
import type { Calendar } from '../calendar';
import type { Catalogue } from '../catalogue';
import type { LargeOfficeSize } from '../stage';
import { DEPOSIT_SHARE, planExtras } from './extras-plan';
import { instalmentCount, schedule, seedOf } from './instalments';
import {
  ABANDONED,
  CANCELLED,
  OPEN,
  PAID,
  type Account,
  type Fate,
  type PlannedClient,
  type PlannedEvent,
  type PlannedProforma,
  type PlannedService,
} from './types';

/** Share of accounts renewed at each due date, by months per period (monthly services are kept longer). */
const RENEWED: Record<number, number> = { 1: 0.95, 3: 0.9, 6: 0.88, 12: 0.83 };
const FIRST_PAID = 0.95;
/** Years bought at once by accounts renewed yearly. */
const YEARS = [
  [1, 66],
  [2, 20],
  [3, 9],
  [5, 5],
] as const;
/** A domain renewed in its grace period: the proforma sent before expiry is cancelled and a late one issued. */
const LATE_DOMAIN = 0.06;
const TERMINATION_REQUESTED = 0.25;
const ABUSE = 0.003;
/** How documents split: about 1.82 documents per proforma (most get an invoice), and 87 % of proformas get money. */
const DOCUMENTS_PER_PROFORMA = 1.82;
const PAYABLE_SHARE = 0.87;

export interface BillingPlanInput {
  calendar: Calendar;
  size: LargeOfficeSize;
  rng: Prng;
  services: PlannedService[];
  accounts: Account[];
  kindOf: (productId: number) => ProductKind;
}

/** Plans every proforma of the accounts, period after period, as their clients renewed, stopped, or paid late. */
export class BillingPlanner {
  readonly proformas: PlannedProforma[] = [];
  readonly events: PlannedEvent[] = [];
  /** Mean instalments per paid proforma, so that payments reach the office's size. */
  readonly meanInstalments: number;
  private readonly seedBase: number;

  constructor(private readonly input: BillingPlanInput) {
    const { size } = input;
    const payable = (size.documents / DOCUMENTS_PER_PROFORMA) * PAYABLE_SHARE;
    this.meanInstalments = Math.max(1, ((1 - DEPOSIT_SHARE) * size.payments) / payable);
    this.seedBase = input.rng.int(0, 2 ** 31);
  }

  /** A planned proforma with its own seed; instalments are counted up to the data set's end. */
  add(p: Omit<PlannedProforma, 'seed' | 'made' | 'invoiceMs' | 'creditNoteDay'>): PlannedProforma {
    const planned: PlannedProforma = {
      ...p,
      seed: seedOf(this.seedBase, this.proformas.length),
      made: 0,
      invoiceMs: 0,
      creditNoteDay: -1,
    };
    if (p.fate === PAID || p.fate === ABANDONED) {
      const { calendar } = this.input;
      const s = schedule(calendar, planned.seed, p, p.instalments);
      const endMs = calendar.end.getTime();
      const wanted = p.fate === PAID ? p.instalments : p.paidCount;
      planned.made = s.payments.slice(0, wanted).filter((ms) => ms < endMs).length;
      if (p.fate === PAID && planned.made === p.instalments) planned.invoiceMs = s.payments.at(-1) ?? 0;
    }
    this.proformas.push(planned);
    return planned;
  }

  instalments(cycleMonths: number): number {
    // A monthly service is paid in one go; the others in one to a few instalments.
    return cycleMonths === 1 ? 1 : instalmentCount(this.input.rng, this.meanInstalments);
  }

  /** Why an unpaid proforma stayed unpaid: abandoned after a first instalment, cancelled by the office, or still out. */
  unpaid(issueDay: number, cancelAfter: [number, number]): { fate: Fate; cancelDay: number; n: number; paid: number } {
    const { rng, calendar } = this.input;
    if (rng.chance(0.05)) {
      const n = Math.max(2, instalmentCount(rng, this.meanInstalments));
      return { fate: ABANDONED, cancelDay: -1, n, paid: rng.int(1, n - 1) };
    }
    const cancelDay = issueDay + rng.int(cancelAfter[0], cancelAfter[1]);
    if (cancelDay <= calendar.endDay && rng.chance(0.8)) return { fate: CANCELLED, cancelDay, n: 0, paid: 0 };
    return { fate: OPEN, cancelDay: -1, n: 0, paid: 0 };
  }

  planAccount(index: number): void {
    const { calendar, rng, services } = this.input;
    const account = this.input.accounts[index];
    if (!account) return;
    const members = services.slice(account.firstService - 1, account.firstService - 1 + account.serviceCount);
    const kinds = members.map((s) => this.input.kindOf(s.productId));
    if (account.cycleMonths === 0) {
      this.planOneOff(index, account, members[0]);
      return;
    }
    const daysBefore = Math.max(...kinds.map((k) => DEFAULT_LIFECYCLE[k].daysBeforeInvoice));
    const domainOnly = kinds.every((k) => k === 'domain');
    const base = {
      clientId: account.clientId,
      currency: account.currency,
      account: index,
      itemProductId: null,
      itemQuantity: 0,
    };
    let paid = 0;
    let lastChangeMs = members[0]?.createdMs ?? 0;
    let requestedDay = -1;
    let initialCancelMs = 0;
    let graceSince = -1;
    for (let k = 0; ; k++) {
      const due = k === 0 ? account.anchorDay : calendar.addMonths(account.anchorDay, paid);
      let issueDay = k === 0 ? account.anchorDay : due - daysBefore;
      let windowTo = k === 0 ? account.anchorDay + 14 : due - 1;
      if (issueDay > calendar.endDay) break;
      const years = account.cycleMonths === 12 ? rng.weighted(YEARS) : 1;
      const months = account.cycleMonths * years;
      const notBeforeMs = k === 0 ? (members[0]?.createdMs ?? 0) : 0;
      const period = { ...base, notBeforeMs, paidBefore: paid, months, late: false, cancelDay: -1, paidCount: 0 };
      if (rng.chance(k === 0 ? FIRST_PAID : (RENEWED[account.cycleMonths] ?? 0.6))) {
        if (k > 0 && domainOnly && due + 2 <= calendar.endDay && rng.chance(LATE_DOMAIN)) {
          // The renewal went unanswered: cancelled the day after expiry, the domain in grace, renewed late with the fee.
          this.add({ ...period, issueDay, windowTo, fate: CANCELLED, cancelDay: due + 1, instalments: 0 });
          for (const s of members) this.status(calendar.hour(due, 1), s.id, 'active', 'grace');
          graceSince = due;
          issueDay = due + rng.int(2, 20);
          windowTo = due + 28;
          if (issueDay > calendar.endDay) break;
          period.late = true;
        }
        const n = this.instalments(account.cycleMonths);
        const p = this.add({ ...period, issueDay, windowTo, fate: PAID, instalments: n, paidCount: n });
        if (p.invoiceMs === 0) break;
        paid += months;
        lastChangeMs = p.invoiceMs;
        continue;
      }
      if (k > 0 && rng.chance(TERMINATION_REQUESTED)) {
        // No renewal: the client asked to stop during the last period, before its renewal was due to be issued.
        const from = calendar.dayOfMs(lastChangeMs) + 1;
        requestedDay = Math.min(calendar.endDay, from + rng.int(0, Math.max(0, issueDay - 1 - from)));
        // As services.requestTermination records it: the terms ask for a month's notice before the anniversary.
        const requestedOn = calendar.date(requestedDay);
        const deadline = addMonths(calendar.date(due), -1);
        const channel = rng.pick(TERMINATION_CHANNELS);
        const details = { channel, requestedOn, deadline, late: requestedOn > deadline, note: '' };
        const ms = calendar.at(requestedDay, rng.next());
        for (const s of members) this.event(ms, s.id, 'termination_request', 'active', 'active', details);
        break;
      }
      const u = this.unpaid(issueDay, k === 0 ? [20, 40] : [30, 75]);
      const p = this.add({
        ...period,
        issueDay,
        windowTo,
        fate: u.fate,
        cancelDay: u.cancelDay,
        instalments: u.n,
        paidCount: u.paid,
      });
      if (k === 0 && u.fate === CANCELLED) initialCancelMs = cancelInstant(calendar, p);
      break;
    }
    for (const [i, s] of members.entries()) {
      const kind = kinds[i] ?? 'hosting';
      this.finalState(s, kind, { paid, requested: requestedDay >= 0, lastChangeMs, initialCancelMs, graceSince });
    }
  }

  private planOneOff(index: number, account: Account, service: PlannedService | undefined): void {
    if (!service) return;
    const { rng } = this.input;
    const kind = this.input.kindOf(service.productId);
    const quantity = kind === 'outsourcing_mission' ? rng.int(2, 24) * 500 : 1000;
    const base = {
      clientId: account.clientId,
      currency: account.currency,
      account: index,
      paidBefore: 0,
      months: 0,
      late: false,
      itemProductId: service.productId,
      itemQuantity: quantity,
      issueDay: account.anchorDay,
      notBeforeMs: service.createdMs,
      windowTo: account.anchorDay + 45,
    };
    if (rng.chance(0.93)) {
      const n = this.instalments(12);
      this.add({ ...base, fate: PAID, cancelDay: -1, instalments: n, paidCount: n });
    } else {
      const u = this.unpaid(account.anchorDay, [30, 60]);
      this.add({ ...base, fate: u.fate, cancelDay: u.cancelDay, instalments: u.n, paidCount: u.paid });
    }
  }

  /** The state the service has on the data set's last day, with the dated status changes that led to it. */
  private finalState(s: PlannedService, kind: ProductKind, history: History): void {
    const { calendar, rng } = this.input;
    const { paid, requested, lastChangeMs, initialCancelMs } = history;
    s.paidMonths = paid;
    s.terminationRequested = requested;
    s.updatedMs = Math.max(s.updatedMs, lastChangeMs);
    if (paid === 0) {
      if (initialCancelMs > 0) {
        s.status = 'cancelled';
        this.status(initialCancelMs, s.id, 'pending', 'cancelled');
      }
      return;
    }
    const rules = DEFAULT_LIFECYCLE[kind];
    const facts = {
      kind,
      status: 'active' as const,
      suspensionReason: null,
      anchorDate: calendar.date(s.anchorDay),
      paidMonths: paid,
      terminationRequested: requested,
    };
    const expected = serviceState(facts, calendar.endDate, rules).expectedStatus;
    const expiry = calendar.addMonths(s.anchorDay, paid);
    const nightly = (day: number) => calendar.hour(day, 1);
    s.status = expected;
    // The nightly run's changes (the grace of a late renewal still unpaid is already there).
    if ((expected === 'grace' || expected === 'lost') && history.graceSince !== expiry) {
      this.status(nightly(expiry), s.id, 'active', 'grace');
    }
    if (expected === 'lost') this.status(nightly(expiry + rules.graceDays + 1), s.id, 'grace', 'lost');
    if (expected === 'suspended') this.status(nightly(expiry + rules.daysToSuspend), s.id, 'active', 'suspended');
    if (expected === 'terminated' && requested) this.status(nightly(expiry), s.id, 'active', 'terminated');
    if (expected === 'terminated' && !requested) {
      if (rules.daysToSuspend < rules.daysToTerminate) {
        this.status(nightly(expiry + rules.daysToSuspend), s.id, 'active', 'suspended');
        this.status(nightly(expiry + rules.daysToTerminate), s.id, 'suspended', 'terminated');
      } else this.status(nightly(expiry + rules.daysToTerminate), s.id, 'active', 'terminated');
    }
    s.suspensionReason = expected === 'suspended' ? 'non_payment' : null;
    const lastDay = calendar.dayOfMs(s.updatedMs);
    if (expected === 'active' && !requested && lastDay < calendar.endDay && rng.chance(ABUSE)) {
      const day = rng.int(lastDay + 1, calendar.endDay);
      s.status = 'suspended';
      s.suspensionReason = 'abuse';
      const details = { note: 'Signalement de spam', reason: 'abuse' };
      this.event(calendar.at(day, rng.next()), s.id, 'status', 'active', 'suspended', details);
    }
  }

  private status(ms: number, serviceId: number, from: ServiceStatus, to: ServiceStatus): void {
    this.event(ms, serviceId, 'status', from, to, {});
  }

  private event(
    ms: number,
    serviceId: number,
    kind: PlannedEvent['kind'],
    from: ServiceStatus,
    to: ServiceStatus,
    details: Record<string, unknown>,
  ): void {
    const service = this.input.services[serviceId - 1];
    if (service) service.updatedMs = Math.max(service.updatedMs, ms);
    this.events.push({ ms, serviceId, kind, from, to, details });
  }
}

interface History {
  paid: number;
  requested: boolean;
  lastChangeMs: number;
  initialCancelMs: number;
  /** The expiry a late renewal left the domain in grace at (-1: none). */
  graceSince: number;
}

/** The instant an unpaid proforma was cancelled (the nightly clean-up of the office). */
export function cancelInstant(calendar: Calendar, p: PlannedProforma): number {
  return calendar.hour(p.cancelDay, 6);
}

/** The whole billing plan: every account's proformas, then free items, credit notes and deposits to the office's size. */
export function planBilling(input: BillingPlanInput & { clients: readonly PlannedClient[]; catalogue: Catalogue }) {
  const planner = new BillingPlanner(input);
  for (let a = 0; a < input.accounts.length; a++) planner.planAccount(a);
  const extras = planExtras(planner, input);
  const proformas = planner.proformas.sort((a, b) => a.issueDay - b.issueDay);
  const events = planner.events.sort((a, b) => a.ms - b.ms);
  return { proformas, events, deposits: extras.deposits, meanInstalments: planner.meanInstalments };
}
