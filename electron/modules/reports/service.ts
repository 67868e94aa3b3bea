import type { MonthlyReport, ReportFormat } from '../../../shared/api/reports';
import { companySettingsSchema } from '../../../shared/company';
import { businessDate } from '../../../shared/dates';
import type { ForeignCurrency, MadRate } from '../../../shared/report-conversion';
import type { ReportPeriod } from '../../../shared/report-period';
import type { Clock } from '../../clock';
import type { Actor, Database } from '../../db/database';
import { readSection } from '../settings/store';
import { COMPANY } from '../settings/handlers';
import { collectReport, type ReportData } from './build';
import { renderReport, type ReportFile } from './export';
import { documentLines, journalLines } from './lines';
import { withSnapshot, type Snapshot } from './snapshot';

export interface ReportRequest {
  period: ReportPeriod;
  rates: Partial<Record<ForeignCurrency, MadRate>>;
}

/** Rows the screen shows of the long lists (clients owing, service changes, domains); the exports have them all. */
export const SCREEN_LIST_LIMIT = 100;

async function companyName(db: Database): Promise<string> {
  return (await readSection(db.reader, COMPANY, companySettingsSchema))?.name ?? 'Guichet';
}

interface Context {
  db: Database;
  clock: Clock;
  request: ReportRequest;
  company: string;
  listLimit: number;
}

/** Builds the report in one snapshot and hands it, with the snapshot, to `work` (for the rows behind it). */
function inSnapshot<T>(ctx: Context, work: (data: ReportData, snapshot: Snapshot) => T): T {
  const now = ctx.clock.now();
  return withSnapshot(ctx.db.dataSource, (snapshot) =>
    work(
      collectReport(snapshot, {
        ...ctx.request,
        today: businessDate(now),
        company: ctx.company,
        generatedAt: now,
        listLimit: ctx.listLimit,
      }),
      snapshot,
    ),
  );
}

/** The report as the screen shows it. */
export async function screenReport(db: Database, clock: Clock, request: ReportRequest): Promise<MonthlyReport> {
  const company = await companyName(db);
  return inSnapshot({ db, clock, request, company, listLimit: SCREEN_LIST_LIMIT }, (data) => data.report);
}

/**
 * The report as a file, with every row and the journals of payments and documents, read in the same snapshot as its
 * figures. The export names clients: it is logged like every access to personal data (Law 09-08).
 */
export async function exportReport(
  db: Database,
  clock: Clock,
  request: ReportRequest,
  format: ReportFormat,
  actor: Actor,
  via: 'app' | 'cli',
): Promise<ReportFile> {
  const company = await companyName(db);
  const { report, lines } = inSnapshot(
    { db, clock, request, company, listLimit: Number.MAX_SAFE_INTEGER },
    (data, snapshot) => ({
      report: data.report,
      lines: {
        payments: journalLines(snapshot, request.period, data.foreignValues),
        documents: documentLines(snapshot, data.documents),
      },
    }),
  );
  const file = await renderReport(report, lines, format);
  await db.write(actor, 'reports.export', (tx) =>
    tx.audit({
      action: 'reports.export',
      entity: 'report',
      entityId: report.month ?? `${request.period.from}/${request.period.to}`,
      summary: { from: request.period.from, to: request.period.to, format, file: file.fileName, via },
    }),
  );
  return file;
}
