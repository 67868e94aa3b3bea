import type { MonthlyReport } from '../../../../shared/api/reports';
import { formatRateValue } from '../../../../shared/allocation';
import { formatDateTime } from '../../../../shared/dates';
import { formatMoney, formatRate } from '../../../../shared/money';
import { paymentMethodLabel } from '../../../../shared/payment-methods';
import { formatCalendarDate } from '../../../../shared/periods';
import { periodLabel } from '../../../../shared/report-period';
import { createPdf, drawLine, lineWidth, pdfBuffer, type Pdf } from '../../../pdf/document';
import { COLORS, ensureSpace, footers, sectionTitle } from '../../../pdf/layout';
import { drawTable } from '../../../pdf/table';
import { isDateText, isMoney, type Cell, type CellKind, type ReportTable } from './model';

/** A PDF is for reading: a long list stops here, the whole of it being in the XLSX and the CSV. */
const MAX_PDF_ROWS = 250;
/** A4 in points. */
const A4_LONG = 841.89;
const A4_SHORT = 595.28;

function cellText(kind: CellKind, cell: Cell): string {
  if (cell === null) return '';
  if (isMoney(cell)) return formatMoney(cell.amount, cell.currency);
  if (typeof cell === 'string') {
    if (isDateText(kind, cell)) return kind === 'date' ? formatCalendarDate(cell) : formatDateTime(cell);
    return cell;
  }
  switch (kind) {
    case 'money':
      return formatMoney(cell);
    case 'rate':
      return formatRate(cell);
    case 'fx':
      return formatRateValue(cell);
    default:
      return cell.toLocaleString('fr-FR').replace(/\u202f/g, ' ');
  }
}

/** The text cut with an ellipsis to fit a table cell (drawTable wraps only the first column). */
function fit(doc: Pdf, text: string, width: number, style: { size: number; bold?: boolean }): string {
  const room = width - 10;
  if (lineWidth(doc, text, style) <= room) return text;
  let cut = text;
  while (cut.length > 1 && lineWidth(doc, `${cut}…`, style) > room) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Key figures in boxes across the page: what the manager looks at first. */
function keyFigures(doc: Pdf, report: MonthlyReport): void {
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  const figures: [string, string][] = [
    ['Net encaissé (éq. MAD)', formatMoney(report.payments.totals.net)],
    ['TVA sur encaissements à déclarer', formatMoney(report.receiptsVat.totals.netVat)],
    ['Factures − avoirs TTC (éq. MAD)', formatMoney(report.sales.mad.net.ttc)],
    ['Droits de timbre', formatMoney(report.stampDuty.duty)],
    ['Écarts de caisse', formatMoney(report.cash.totals.difference)],
  ];
  const gap = 8;
  const box = (width - gap * (figures.length - 1)) / figures.length;
  const y = doc.y;
  figures.forEach(([label, value], i) => {
    const x = left + i * (box + gap);
    doc.roundedRect(x, y, box, 46, 4).fill(COLORS.band);
    drawLine(doc, label, x + 8, y + 8, { size: 7.5, color: COLORS.muted });
    drawLine(doc, value, x + 8, y + 24, { size: 12, bold: true });
  });
  doc.y = y + 58;
}

/** Horizontal bars: each label with its share of the largest value. */
function barChart(doc: Pdf, title: string, bars: { label: string; value: number }[]): void {
  if (bars.length === 0) return;
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  const y0 = ensureSpace(doc, 24 + bars.length * 16);
  drawLine(doc, title, left, y0, { size: 9.5, bold: true, color: COLORS.accent });
  const max = Math.max(...bars.map((b) => Math.abs(b.value)), 1);
  const labelWidth = 170;
  const valueWidth = 110;
  const barWidth = width - labelWidth - valueWidth - 10;
  bars.forEach((b, i) => {
    const y = y0 + 18 + i * 16;
    drawLine(doc, b.label, left, y + 1, { size: 8.5 });
    doc
      .rect(left + labelWidth, y, Math.max(1, (Math.abs(b.value) / max) * barWidth), 10)
      .fill(b.value < 0 ? '#b3261e' : COLORS.accent);
    drawLine(doc, formatMoney(b.value), left + width - valueWidth, y + 1, {
      size: 8.5,
      width: valueWidth,
      align: 'right',
    });
  });
  doc.y = y0 + 24 + bars.length * 16;
}

/** Vertical bars, one per day of the period. */
function dayChart(doc: Pdf, report: MonthlyReport): void {
  const days = report.payments.byDay;
  if (days.length === 0 || days.length > 62) return;
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  const height = 90;
  const y0 = ensureSpace(doc, height + 40);
  drawLine(doc, 'Net encaissé par jour (éq. MAD)', left, y0, { size: 9.5, bold: true, color: COLORS.accent });
  const max = Math.max(...days.map((d) => Math.abs(d.net)), 1);
  const step = width / days.length;
  const base = y0 + 18 + height;
  days.forEach((d, i) => {
    const h = (Math.abs(d.net) / max) * height;
    doc.rect(left + i * step + 1, base - h, Math.max(1, step - 2), h).fill(d.net < 0 ? '#b3261e' : COLORS.accent);
    if (days.length <= 31 || i % 2 === 0) {
      drawLine(doc, d.date.slice(8, 10), left + i * step, base + 3, { size: 6.5, width: step, align: 'center' });
    }
  });
  drawLine(doc, `max ${formatMoney(max)}`, left, y0, { size: 7.5, width, align: 'right', color: COLORS.muted });
  doc.y = base + 18;
}

function table(doc: Pdf, t: ReportTable, bottom: number): void {
  // A title, its note, the header and a few rows stay together.
  ensureSpace(doc, 120);
  sectionTitle(doc, t.title);
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  if (t.note) {
    drawLine(doc, t.note.length > 190 ? `${t.note.slice(0, 187)}…` : t.note, left, doc.y - 4, {
      size: 7.5,
      color: COLORS.muted,
    });
    doc.y += 10;
  }
  const keep = t.pdfColumns ?? t.columns.map((_, i) => i);
  const columns = keep.flatMap((i) => t.columns[i] ?? []);
  const rows = [...t.rows.slice(0, MAX_PDF_ROWS), ...t.totals].map((cells) => keep.map((i) => cells[i] ?? null));
  if (rows.length === 0) {
    drawLine(doc, 'Rien sur la période.', left + 8, doc.y, { size: 9, color: COLORS.muted });
    doc.y += 18;
    return;
  }
  const units = columns.reduce((s, c) => s + c.width, 0);
  // A narrow table keeps its natural width instead of stretching across the landscape page.
  const tableWidth = Math.min(width, units * 7.5);
  const widths = columns.map((c) => (c.width / units) * tableWidth);
  drawTable(
    doc,
    columns.map((c, i) => ({
      header: fit(doc, c.header, widths[i] ?? 0, { size: 8, bold: true }),
      width: widths[i] ?? 0,
      align: c.kind === 'text' || c.kind === 'date' || c.kind === 'datetime' ? 'left' : 'right',
    })),
    rows.map((cells) => ({
      cells: cells.map((cell, i) => {
        const text = cellText(columns[i]?.kind ?? 'text', cell);
        return i === 0 ? text : fit(doc, text, widths[i] ?? 0, { size: 9 });
      }),
    })),
    { bottom, continueAt: doc.page.margins.top },
  );
  if (t.rows.length > MAX_PDF_ROWS) {
    drawLine(
      doc,
      `… et ${t.rows.length - MAX_PDF_ROWS} ligne(s) de plus : voir l’export XLSX ou CSV.`,
      left,
      doc.y + 4,
      {
        size: 8,
        color: COLORS.muted,
      },
    );
    doc.y += 16;
  }
  doc.y += 10;
}

/** The report on A4 (landscape, for the wide tables): key figures, two charts, then each section's table. */
export function reportPdf(report: MonthlyReport, tables: readonly ReportTable[]): Promise<Buffer> {
  const title = `Rapport ${periodLabel(report.period)}`;
  const doc = createPdf({
    title: `${report.company} — ${title}`,
    createdAt: new Date(report.generatedAt),
    // A4 landscape, for every page the tables continue on.
    size: [A4_LONG, A4_SHORT],
    margin: 36,
  });
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = doc.page.height - doc.page.margins.bottom - 20;
  drawLine(doc, report.company, left, 36, { size: 10, bold: true, color: COLORS.accent });
  drawLine(doc, title, left, 52, { size: 18, bold: true });
  drawLine(doc, `Édité le ${formatDateTime(report.generatedAt)}`, left, 56, {
    size: 9,
    width,
    align: 'right',
    color: COLORS.muted,
  });
  doc.y = 84;
  keyFigures(doc, report);
  const byMethod = new Map<string, number>();
  for (const m of report.payments.byMethod) byMethod.set(m.method, (byMethod.get(m.method) ?? 0) + m.net);
  barChart(
    doc,
    'Net encaissé par mode de paiement (éq. MAD)',
    [...byMethod.entries()].map(([method, value]) => ({ label: paymentMethodLabel(method), value })),
  );
  dayChart(doc, report);
  for (const t of tables) if (t.inPdf) table(doc, t, bottom);
  footers(doc, `${report.company} — ${title}`);
  return pdfBuffer(doc);
}
