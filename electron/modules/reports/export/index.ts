import type {
  MonthlyReport,
  ReportDocumentLine,
  ReportFormat,
  ReportPaymentLine,
} from '../../../../shared/api/reports';
import { periodFileStem, periodLabel } from '../../../../shared/report-period';
import { reportCsv } from './csv';
import { reportPdf } from './pdf';
import { reportTables } from './tables';
import { reportXlsx } from './xlsx';

export interface ReportFile {
  fileName: string;
  mime: string;
  data: Buffer;
}

const MIME: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

/** The report as a file in one of the three formats, all drawn from the same tables. */
export async function renderReport(
  report: MonthlyReport,
  lines: { payments: readonly ReportPaymentLine[]; documents: readonly ReportDocumentLine[] },
  format: ReportFormat,
): Promise<ReportFile> {
  const tables = reportTables(report, lines);
  const heading = `${report.company} — rapport ${periodLabel(report.period)}`;
  const fileName = `${periodFileStem(report.period)}.${format}`;
  const data =
    format === 'xlsx'
      ? await reportXlsx(tables, heading, new Date(report.generatedAt))
      : format === 'csv'
        ? Buffer.from(reportCsv(tables, heading), 'utf8')
        : await reportPdf(report, tables);
  return { fileName, mime: MIME[format], data };
}
