import { z } from 'zod';
import type { ProductKind } from '../catalog';
import { CURRENCIES, type Currency } from '../money';
import { PAYMENT_METHODS, type PaymentMethod } from '../payment-methods';
import { isCalendarDate } from '../periods';
import type { AgeingAmounts } from '../report-ageing';
import type { ConversionRate } from '../report-conversion';
import { periodProblem, type ReportPeriod } from '../report-period';
import type { VatPart } from '../report-vat';
import type { ServiceStatus } from '../service-state';
import { method } from './contract';
import type { DocumentStatus } from './documents';

/**
 * The monthly report for the accountant (SPEC §8). Every amount is in centimes. "MAD" figures are dirham equivalents:
 * dirhams as received; money in euros or dollars converted exactly where the counter typed a rate on an allocation to
 * a proforma in dirhams, otherwise at the report's rate for that currency (see shared/report-conversion.ts); what no
 * rate converts is left out of the dirham totals and listed as `unconverted`. A voided payment counts nowhere (as if
 * never made); a refund is money out; credit notes reduce sales.
 */

/** Payments in and refunds out of one group (a method, a staff member, a day): counts and dirham equivalents. */
export interface PaymentFigures {
  inCount: number;
  outCount: number;
  received: number;
  refunded: number;
  /** received − refunded. */
  net: number;
  /** Collected on cash payments on top of what went to the client's account. */
  stampDuty: number;
}

export interface MethodRow extends PaymentFigures {
  method: PaymentMethod;
  currency: Currency;
  /** In the payment's own currency. */
  own: { received: number; refunded: number; net: number };
  /** Own-currency amount no rate could convert (in `received`/`refunded`/`net` only what was converted counts). */
  unconverted: number;
}

export interface CurrencyRow extends PaymentFigures {
  currency: Currency;
  own: { received: number; refunded: number; net: number };
  unconverted: number;
}

export interface StaffRow extends PaymentFigures {
  /** The staff member's username ('' when not recorded). */
  staff: string;
}

export interface DayRow extends PaymentFigures {
  date: string;
}

export interface PaymentsSection {
  totals: PaymentFigures & {
    voidedCount: number;
    /** Own-currency amounts no rate converted. */
    unconverted: { currency: Currency; amount: number }[];
  };
  byMethod: MethodRow[];
  byCurrency: CurrencyRow[];
  byStaff: StaffRow[];
  byDay: DayRow[];
}

export interface DocumentFigures {
  count: number;
  ht: number;
  vat: number;
  ttc: number;
  byRate: VatPart[];
}

/** Invoices and credit notes issued in the period, in one currency, with their dirham equivalent. */
export interface SalesRow {
  currency: Currency;
  invoices: DocumentFigures;
  creditNotes: DocumentFigures;
  /** Invoices − credit notes. */
  net: DocumentFigures;
  /** Null for a foreign currency without a rate. */
  mad: { invoices: DocumentFigures; creditNotes: DocumentFigures; net: DocumentFigures } | null;
}

export interface SalesSection {
  byCurrency: SalesRow[];
  /** Sum of the dirham equivalents (currencies without a rate left out). */
  mad: { invoices: DocumentFigures; creditNotes: DocumentFigures; net: DocumentFigures };
}

/** VAT on receipts (the VAT return under the cash basis), by rate, in dirhams. */
export interface ReceiptsVatRow {
  rate: number;
  receivedBase: number;
  receivedVat: number;
  /** Refunds paid against credit notes, and credit notes left on the client's balance. */
  reversedBase: number;
  reversedVat: number;
  netBase: number;
  netVat: number;
}

export interface ReceiptsVatSection {
  rows: ReceiptsVatRow[];
  totals: Omit<ReceiptsVatRow, 'rate'> & { receivedTtc: number; reversedTtc: number; netTtc: number };
  /** Money in a currency without a rate: its VAT is not in the rows. */
  unconverted: { currency: Currency; amount: number }[];
}

export interface StampDutySection {
  /** Cash payments the duty was collected on. */
  count: number;
  base: number;
  duty: number;
  /** Cash rounded to 0,10 DH (a setting): what the drawer took above (or below) amount + duty, summed. */
  rounding: number;
}

export interface AgeingRow {
  clientId: number;
  clientCode: string;
  clientName: string;
  currency: Currency;
  proformas: number;
  buckets: AgeingAmounts;
  total: number;
}

export interface AgeingSection {
  /** The date the balances are seen on: the period's last day, or today for a period not yet over. */
  asOf: string;
  totals: { currency: Currency; proformas: number; clients: number; buckets: AgeingAmounts; total: number }[];
  /** Largest balances first; on screen only the first ones (see `clientCount`). */
  clients: AgeingRow[];
  clientCount: number;
}

export type ServiceChange = 'suspended' | 'terminated' | 'lost';

export interface ServiceChangeRow {
  date: string;
  at: string;
  change: ServiceChange;
  serviceId: number;
  label: string;
  productName: string;
  kind: ProductKind;
  clientId: number;
  clientCode: string;
  clientName: string;
  fromStatus: string | null;
  /** Suspensions: non_payment or abuse. */
  reason: string;
  username: string | null;
}

export interface ServicesSection {
  counts: Record<ServiceChange, number>;
  rows: ServiceChangeRow[];
  total: number;
}

export interface ExpiringDomainRow {
  serviceId: number;
  domain: string;
  clientId: number;
  clientCode: string;
  clientName: string;
  expiry: string;
  status: ServiceStatus;
  terminationRequested: boolean;
  /** The renewal proforma out with the client, if any. */
  renewal: { id: number; number: string | null } | null;
}

export interface DomainsSection {
  period: ReportPeriod;
  rows: ExpiringDomainRow[];
  total: number;
  withRenewal: number;
}

/** One outsourcing service's hours in the period (minutes): a monthly contract's against its included hours. */
export interface OutsourcingHoursRow {
  clientId: number;
  clientCode: string;
  clientName: string;
  serviceId: number;
  label: string;
  kind: 'outsourcing_mission' | 'outsourcing_monthly';
  used: number;
  /** Monthly contracts: the included minutes of each month with time spent; null for a mission. */
  included: number | null;
  /** Monthly contracts: the minutes beyond those included, month by month; null for a mission. */
  extra: number | null;
}

/** "Infogérance : heures": the time spent per client and service. */
export interface OutsourcingHoursSection {
  rows: OutsourcingHoursRow[];
  used: number;
  extra: number;
}

export interface CashSessionRow {
  id: number;
  desk: string;
  status: 'open' | 'closed' | 'validated';
  openedAt: string;
  openedBy: string | null;
  closedAt: string | null;
  float: number;
  cashIn: number;
  cashOut: number;
  expected: number;
  counted: number | null;
  difference: number | null;
  validatedBy: string | null;
}

export interface CashSection {
  sessions: CashSessionRow[];
  totals: { count: number; open: number; cashIn: number; cashOut: number; difference: number; shortages: number };
}

export interface MonthlyReport {
  period: ReportPeriod;
  /** "2026-10" when the period is a whole month. */
  month: string | null;
  generatedAt: string;
  company: string;
  conversion: ConversionRate[];
  payments: PaymentsSection;
  sales: SalesSection;
  receiptsVat: ReceiptsVatSection;
  stampDuty: StampDutySection;
  ageing: AgeingSection;
  services: ServicesSection;
  domains: DomainsSection;
  cash: CashSection;
  outsourcingHours: OutsourcingHoursSection;
  /** Display names of the staff the report names by username (payments, cash sessions, service changes). */
  staffNames: Record<string, string>;
}

/** One payment behind a figure (drill-down and the exports' journal). */
export interface ReportPaymentLine {
  id: number;
  number: string;
  paidOn: string;
  direction: 'in' | 'out';
  clientId: number;
  clientCode: string;
  clientName: string;
  method: PaymentMethod;
  currency: Currency;
  amount: number;
  stampDuty: number;
  /** Dirham equivalent; null when not (fully) convertible. */
  mad: number | null;
  staff: string;
  cashSessionId: number | null;
}

/** One invoice or credit note behind a figure. */
export interface ReportDocumentLine {
  id: number;
  type: 'invoice' | 'credit_note';
  number: string;
  issueDate: string;
  status: DocumentStatus;
  clientId: number;
  clientCode: string;
  clientName: string;
  clientIce: string;
  currency: Currency;
  ht: number;
  vat: number;
  ttc: number;
  byRate: VatPart[];
  /** Credit notes: the invoice they cancel, and whether the money is refunded or left on the balance. */
  source: string | null;
  creditMode: 'balance' | 'refund' | null;
}

export interface ReportFileDto {
  fileName: string;
  mime: string;
  /** The file, base64. */
  data: string;
}

const calendarDate = z.string().refine(isCalendarDate, 'Date attendue au format AAAA-MM-JJ.');
/** Dirhams per unit in millionths, as typed for the report. */
const madRate = z.number().int().min(1, 'Taux de change invalide.').max(1_000_000_000, 'Taux de change invalide.');

const periodFields = {
  from: calendarDate,
  to: calendarDate,
  /** Reference rates for the report (dirhams per € or $); absent: the counter's average for the period. */
  rates: z.object({ EUR: madRate.optional(), USD: madRate.optional() }).strict().default({}),
};

function checkPeriod(value: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const problem = isCalendarDate(value.from) && isCalendarDate(value.to) ? periodProblem(value) : null;
  if (problem) ctx.addIssue({ code: 'custom', path: ['to'], message: problem });
}

export const reportInputSchema = z.object(periodFields).strict().superRefine(checkPeriod);
export type ReportInput = z.input<typeof reportInputSchema>;

export const REPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const page = {
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
};

export const reportsApi = {
  /** The report of a period, as the screen shows it (the long lists cut to their first rows). */
  'reports.monthly': method<MonthlyReport>()({ input: reportInputSchema, access: 'manager', mutates: false }),
  /** The payments behind a figure of the report: by method, currency, staff member or day. */
  'reports.payments': method<{ rows: ReportPaymentLine[]; total: number }>()({
    input: z
      .object({
        ...periodFields,
        ...page,
        method: z.enum(PAYMENT_METHODS).optional(),
        currency: z.enum(CURRENCIES).optional(),
        staff: z.string().max(32).optional(),
        date: calendarDate.optional(),
        direction: z.enum(['in', 'out']).optional(),
        cashOnly: z.boolean().optional(),
      })
      .strict()
      .superRefine(checkPeriod),
    access: 'manager',
    mutates: false,
  }),
  /** The invoices or credit notes behind a figure of the sales. */
  'reports.documents': method<{ rows: ReportDocumentLine[]; total: number }>()({
    input: z
      .object({
        ...periodFields,
        ...page,
        type: z.enum(['invoice', 'credit_note']).optional(),
        currency: z.enum(CURRENCIES).optional(),
      })
      .strict()
      .superRefine(checkPeriod),
    access: 'manager',
    mutates: false,
  }),
  /** The report as a file for the accountant; the export is logged (it names clients). */
  'reports.export': method<ReportFileDto>()({
    input: z
      .object({ ...periodFields, format: z.enum(REPORT_FORMATS) })
      .strict()
      .superRefine(checkPeriod),
    access: 'manager',
    mutates: true,
  }),
};
