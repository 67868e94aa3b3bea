import { z } from 'zod';
import type { ProductKind } from '../catalog';
import type { Currency } from '../money';
import type { ServiceStatus } from '../service-state';
import type { BillingRunDto } from './automation';
import { method } from './contract';

/** A service on the morning dashboard, with what it leads to. */
export interface DashboardServiceRow {
  serviceId: number;
  clientId: number;
  clientCode: string;
  clientName: string;
  label: string;
  productName: string;
  kind: ProductKind;
  status: ServiceStatus;
  /** End of the paid time (a domain's expiry). */
  dueDate: string;
  /** Negative once past. */
  daysToExpiry: number;
  /** The open proforma that renews it, if any. */
  proforma: { id: number; number: string | null } | null;
  /** Suspend/terminate lines: what is to be done on the servers, and whether Guichet has recorded it yet. */
  action: 'suspend' | 'terminate' | 'lose' | null;
  done: boolean;
}

export interface DashboardProformaRow {
  documentId: number;
  number: string | null;
  clientId: number;
  clientCode: string;
  clientName: string;
  dueDate: string;
  currency: Currency;
  ttc: number;
  paid: number;
  /** Days past the due date (0 or negative when not yet due). */
  daysLate: number;
}

export interface MoneyTotal {
  currency: Currency;
  amount: number;
}

export interface DashboardSection<Row> {
  total: number;
  rows: Row[];
}

export interface DashboardDto {
  today: string;
  /**
   * Active domains whose expiry is within the next 30 days; notInvoiced: those whose renewal the billing run has not
   * handled yet (no proforma issued by it nor found at the counter: it issues them 30 days before expiry).
   */
  domainsExpiring: DashboardSection<DashboardServiceRow> & { notInvoiced: number };
  /** Open proformas due within the next 7 days, with what is left to collect. */
  proformasDue: DashboardSection<DashboardProformaRow> & { balance: MoneyTotal[] };
  /**
   * Open proformas past their due date, the most recent first; recent and balance: those of the last 30 days (still
   * within reach before suspension), older debts being counted in total only.
   */
  proformasOverdue: DashboardSection<DashboardProformaRow> & { recent: number; balance: MoneyTotal[] };
  /** Suspensions and terminations of today: recorded by the billing run, or due and not recorded yet. */
  servicesToAct: DashboardSection<DashboardServiceRow>;
  domainsInGrace: DashboardSection<DashboardServiceRow>;
  mail: { queued: number; failed: number; enabled: boolean };
  lastRun: BillingRunDto | null;
  ranToday: boolean;
}

export const dashboardApi = {
  'dashboard.today': method<DashboardDto>()({ input: z.object({}).strict(), access: 'cashier', mutates: false }),
};
