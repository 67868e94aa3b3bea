import type { MonthlyReport, StampDutySection } from '../../../shared/api/reports';
import type { ForeignCurrency, MadRate } from '../../../shared/report-conversion';
import { wholeMonth, type ReportPeriod } from '../../../shared/report-period';
import { ageingSection } from './ageing';
import { cashSection } from './cash';
import { reportConverter, type Converter } from './conversion';
import {
  loadCreditUses,
  loadDirhamGroups,
  loadDirhamSettlements,
  loadDocuments,
  loadForeignAllocations,
  loadNoteRefunds,
  loadPayments,
  type PeriodDocument,
} from './load';
import { outsourcingHoursSection } from './outsourcing';
import { paymentsSection, paymentValues, valuedGroups, type PaymentValue, type ValuedGroup } from './payments';
import { receiptsVatSection } from './receipts-vat';
import { salesSection } from './sales';
import { domainsSection, servicesSection } from './services';
import type { Snapshot } from './snapshot';

export interface ReportOptions {
  period: ReportPeriod;
  rates: Partial<Record<ForeignCurrency, MadRate>>;
  /** Today in Casablanca: the ageing of a period not yet over is seen today. */
  today: string;
  company: string;
  generatedAt: Date;
  /** How many rows the long lists keep (clients owing, service changes, domains): all of them for the exports. */
  listLimit: number;
}

/** The report with what the exports' journals need: its documents, and the dirham value of each foreign payment. */
export interface ReportData {
  report: MonthlyReport;
  documents: PeriodDocument[];
  converter: Converter;
  foreignValues: Map<number, PaymentValue>;
}

function stampDutySection(groups: readonly ValuedGroup[]): StampDutySection {
  const cash = groups.filter((p) => p.status === 'recorded' && p.direction === 'in' && p.method === 'cash');
  return {
    count: cash.reduce((s, p) => s + p.count, 0),
    base: cash.reduce((s, p) => s + p.amount, 0),
    duty: cash.reduce((s, p) => s + p.stampDuty, 0),
    rounding: cash.reduce((s, p) => s + p.cashRounding, 0),
  };
}

/** The display names of every username the report shows. */
function staffNamesOf(snapshot: Snapshot, report: Omit<MonthlyReport, 'staffNames'>): Record<string, string> {
  const usernames = new Set<string>();
  for (const s of report.payments.byStaff) if (s.staff) usernames.add(s.staff);
  for (const s of report.cash.sessions) for (const u of [s.openedBy, s.validatedBy]) if (u) usernames.add(u);
  for (const e of report.services.rows) if (e.username) usernames.add(e.username);
  const list = [...usernames];
  if (list.length === 0) return {};
  const rows = snapshot.all<{ username: string; displayName: string }>(
    `SELECT username, display_name AS displayName FROM users WHERE username IN (${list.map(() => '?').join(', ')})`,
    list,
  );
  return Object.fromEntries(rows.map((r) => [r.username, r.displayName]));
}

/**
 * Every payment of the period with its dirham value, one by one: the drill-down into a figure and the exports'
 * journal. The same rates and the same rule as the report's figures (which add up groups of dirham payments).
 */
export function paymentData(snapshot: Snapshot, options: Pick<ReportOptions, 'period' | 'rates'>) {
  const payments = loadPayments(snapshot, options.period);
  const foreign = loadForeignAllocations(snapshot, options.period, loadDirhamSettlements(snapshot, options.period));
  const converter = reportConverter(options.rates, foreign);
  return { payments, converter, values: paymentValues(payments, foreign, converter) };
}

/**
 * The monthly report (SPEC §8), every section computed from the rows of the period in one snapshot of the database.
 * The screen, the three exports, the drill-down and the command line all go through here.
 */
export function collectReport(snapshot: Snapshot, options: ReportOptions): ReportData {
  const { period } = options;
  const dirham = loadDirhamSettlements(snapshot, period);
  const allocations = loadForeignAllocations(snapshot, period, dirham);
  const converter = reportConverter(options.rates, allocations);
  const foreign = loadPayments(snapshot, period, true);
  const foreignValues = paymentValues(foreign, allocations, converter);
  const groups = valuedGroups(loadDirhamGroups(snapshot, period), foreign, foreignValues);
  const documents = loadDocuments(snapshot, period);
  const asOf = options.today < period.to ? options.today : period.to;
  const sections = {
    period,
    month: wholeMonth(period),
    generatedAt: options.generatedAt.toISOString(),
    company: options.company,
    conversion: converter.table,
    payments: paymentsSection(period, groups),
    sales: salesSection(documents, converter),
    receiptsVat: receiptsVatSection(snapshot, {
      period,
      dirham,
      foreign: allocations,
      creditUses: loadCreditUses(snapshot, period),
      refunds: loadNoteRefunds(snapshot, period),
      documents,
      converter,
    }),
    stampDuty: stampDutySection(groups),
    ageing: ageingSection(snapshot, asOf < period.from ? period.from : asOf, options.listLimit),
    services: servicesSection(snapshot, period, options.listLimit),
    domains: domainsSection(snapshot, period, options.listLimit),
    cash: cashSection(snapshot, period),
    outsourcingHours: outsourcingHoursSection(snapshot, period),
  };
  const report: MonthlyReport = { ...sections, staffNames: staffNamesOf(snapshot, sections) };
  return { report, documents, converter, foreignValues };
}
