import { neutralizeCell } from '../../../csv';
import { formatCalendarDate } from '../../../../shared/periods';
import { formatDateTime } from '../../../../shared/dates';
import { isDateText, isMoney, type Cell, type CellKind, type ReportTable } from './model';

const BOM = '\ufeff';

/** Centimes as a French decimal a spreadsheet reads as a number: "-1234,50" (no thousands separator). */
function decimal(centimes: number, places = 2): string {
  const sign = centimes < 0 ? '-' : '';
  const abs = Math.abs(centimes);
  const unit = 10 ** places;
  return `${sign}${Math.floor(abs / unit)},${String(abs % unit).padStart(places, '0')}`;
}

/**
 * One cell as CSV text. Numbers we produce are written as French decimals; every text — names typed by people above
 * all — goes through the formula neutralisation (a leading = + - @ tab or CR gets an apostrophe).
 */
function text(kind: CellKind, cell: Cell): string {
  if (cell === null) return '';
  if (isMoney(cell)) return decimal(cell.amount);
  if (typeof cell === 'string') {
    if (isDateText(kind, cell)) return kind === 'date' ? formatCalendarDate(cell) : formatDateTime(cell);
    return neutralizeCell(cell);
  }
  switch (kind) {
    case 'money':
      return decimal(cell);
    case 'rate':
      return decimal(cell);
    case 'fx':
      return decimal(cell, 6);
    default:
      return String(cell);
  }
}

function line(cells: string[]): string {
  return cells.map((c) => (/[";\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';');
}

/**
 * The report as one CSV for a French spreadsheet: UTF-8 with BOM, semicolons, CRLF, decimal commas; the sections one
 * under the other, each with its title, its header line, its rows and its totals, then a blank line. VAT rates are in
 * percent ("20,00").
 */
export function reportCsv(tables: readonly ReportTable[], heading: string): string {
  const lines: string[] = [line([neutralizeCell(heading)]), ''];
  for (const table of tables) {
    lines.push(line([neutralizeCell(table.title)]));
    if (table.note) lines.push(line([neutralizeCell(table.note)]));
    lines.push(line(table.columns.map((c) => neutralizeCell(c.kind === 'rate' ? `${c.header} (%)` : c.header))));
    for (const cells of [...table.rows, ...table.totals]) {
      lines.push(line(cells.map((cell, i) => text(table.columns[i]?.kind ?? 'text', cell))));
    }
    lines.push('');
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
