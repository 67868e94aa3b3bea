import type { BillingCycle } from '../../../shared/catalog';
import type { Currency } from '../../../shared/money';
import type { ServiceStatus, SuspensionReason } from '../../../shared/service-state';
import type { Calendar } from '../calendar';
import type { Catalogue } from '../catalogue';

/** A client as the planner needs it: when it arrived, what it is billed in, a name to make domain names from. */
export interface PlannedClient {
  id: number;
  createdMs: number;
  company: boolean;
  currency: Currency;
  slug: string;
}

/** A service with its final state (the services table is written once, as it stands on the data set's last day). */
export interface PlannedService {
  id: number;
  clientId: number;
  productId: number;
  account: number;
  label: string;
  billingCycle: BillingCycle | '';
  currency: Currency;
  anchorDay: number;
  createdMs: number;
  paidMonths: number;
  status: ServiceStatus;
  suspensionReason: SuspensionReason | null;
  terminationRequested: boolean;
  updatedMs: number;
}

/**
 * Services bought together and renewed together (a domain with its hosting): one proforma per period, with a line for
 * each. A one-off product (a site, a mission) is an account of its own, billed once with an item line.
 */
export interface Account {
  clientId: number;
  /** Ids of its services, consecutive. */
  firstService: number;
  serviceCount: number;
  anchorDay: number;
  /** 0 for a one-off product. */
  cycleMonths: number;
  currency: Currency;
}

export const PAID = 0;
/** Some instalments received, then nothing more. */
export const ABANDONED = 1;
export const CANCELLED = 2;
/** Never paid and still out with the client. */
export const OPEN = 3;
export type Fate = typeof PAID | typeof ABANDONED | typeof CANCELLED | typeof OPEN;

export interface PlannedProforma {
  /** Its own PRNG seed: the planner and the writer draw the same issue time and instalments from it. */
  seed: number;
  issueDay: number;
  /** A first proforma is issued just after its order (0: any time of the issue day). */
  notBeforeMs: number;
  clientId: number;
  currency: Currency;
  /** The account renewed, or -1 for a free item proforma. */
  account: number;
  /** Months paid before this period (the period runs from anchor + paidBefore). */
  paidBefore: number;
  /** Months bought (12 × years for a domain); 0 for item lines. */
  months: number;
  /** A domain renewed in its grace period carries the late fee. */
  late: boolean;
  /** Item proformas: the product (or null for a free line) and the quantity in thousandths. */
  itemProductId: number | null;
  itemQuantity: number;
  fate: Fate;
  /** Last day instalments may fall on. */
  windowTo: number;
  instalments: number;
  /** Instalments the client meant to pay: all of them, or the first few of an abandoned proforma. */
  paidCount: number;
  /** Payments recorded before the data set's end (the last instalments of recent proformas may come later). */
  made: number;
  cancelDay: number;
  /** When fully paid by the end: the instant of the last payment (the invoice's), else 0. */
  invoiceMs: number;
  /** A credit note of its invoice, on that day (-1: none). */
  creditNoteDay: number;
}

/** A dated change of a service written to service_events (status changes, termination requests, creation). */
export interface PlannedEvent {
  ms: number;
  serviceId: number;
  kind: 'created' | 'status' | 'termination_request';
  from: ServiceStatus | null;
  to: ServiceStatus | null;
  details: Record<string, unknown>;
}

/** A payment left whole on the client's account (a deposit before an order). */
export interface PlannedDeposit {
  seed: number;
  day: number;
  clientId: number;
}

/** Everything the billing stage writes, decided up front so that each row is inserted once, in its final state. */
export interface OfficePlan {
  calendar: Calendar;
  catalogue: Catalogue;
  services: PlannedService[];
  accounts: Account[];
  /** Sorted by issue day. */
  proformas: PlannedProforma[];
  events: PlannedEvent[];
  deposits: PlannedDeposit[];
}
