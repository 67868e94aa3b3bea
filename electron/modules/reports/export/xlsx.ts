import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { ZONE } from '../../../../shared/dates';
import type { Currency } from '../../../../shared/money';
import { isDateText, isMoney, type Cell, type CellKind, type ReportTable } from './model';

const MONEY_FORMAT: Record<Currency, string> = {
  MAD: '#,##0.00 "DH";-#,##0.00 "DH"',
  EUR: '#,##0.00 "€";-#,##0.00 "€"',
  USD: '#,##0.00 "$";-#,##0.00 "$"',
};
const FORMATS: Partial<Record<CellKind, string>> = {
  count: '0',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  rate: '0.00 %',
  fx: '0.000000',
};
/** Excel's paper size code for A4 (exceljs declares it as an ambient const enum, which esbuild cannot inline). */
const A4_PAPER = 9 as unknown as ExcelJS.PaperSize;
const ACCENT = 'FF0F5C63';
const BAND = 'FFEEF3F5';
/** Rows above the header of every sheet: company, title, note, blank. */
const HEADER_ROW = 5;

/**
 * One style object per number format (and per weight): exceljs recognises a style object it has seen and skips
 * working its style out again, cell after cell of the journals.
 */
const styles = new Map<string, Partial<ExcelJS.Style>>();
function styleOf(numFmt: string | undefined, bold: boolean): Partial<ExcelJS.Style> {
  const key = `${bold ? 'b' : ''}|${numFmt ?? ''}`;
  let style = styles.get(key);
  if (!style) {
    style = {
      ...(numFmt ? { numFmt } : {}),
      ...(bold ? { font: { bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: BAND } } } : {}),
    };
    styles.set(key, style);
  }
  return style;
}

/** A calendar day or a Casablanca wall-clock time as the spreadsheet's date (a serial number, no time zone). */
function spreadsheetDate(kind: 'date' | 'datetime', text: string): Date {
  if (kind === 'date') return new Date(`${text}T00:00:00.000Z`);
  const local = DateTime.fromISO(text, { zone: 'utc' }).setZone(ZONE);
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute));
}

/** One cell typed for the spreadsheet: numbers as numbers (dirhams, not centimes), dates as dates. */
function typed(kind: CellKind, cell: Cell): { value: ExcelJS.CellValue; numFmt?: string } {
  if (cell === null) return { value: null };
  if (isMoney(cell)) return { value: cell.amount / 100, numFmt: MONEY_FORMAT[cell.currency] };
  if (typeof cell === 'string') {
    if ((kind === 'date' || kind === 'datetime') && isDateText(kind, cell)) {
      return { value: spreadsheetDate(kind, cell), numFmt: FORMATS[kind] };
    }
    return { value: cell };
  }
  switch (kind) {
    case 'money':
      return { value: cell / 100, numFmt: MONEY_FORMAT.MAD };
    case 'rate':
      return { value: cell / 10_000, numFmt: FORMATS.rate };
    case 'fx':
      return { value: cell / 1_000_000, numFmt: FORMATS.fx };
    default:
      return { value: cell, numFmt: FORMATS.count };
  }
}

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: ReportTable, heading: string): void {
  const sheet = workbook.addWorksheet(table.sheet, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: {
      paperSize: A4_PAPER,
      orientation: table.columns.length > 7 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${heading.replace(/&/g, '&&')}&RPage &P / &N` },
  });
  sheet.columns = table.columns.map((c) => ({ width: c.width }));
  sheet.getCell('A1').value = heading;
  sheet.getCell('A1').font = { bold: true, color: { argb: ACCENT } };
  sheet.getCell('A2').value = table.title;
  sheet.getCell('A2').font = { bold: true, size: 14 };
  if (table.note) {
    sheet.getCell('A3').value = table.note;
    sheet.getCell('A3').font = { italic: true, color: { argb: 'FF5F6B7A' } };
  }
  const header = sheet.getRow(HEADER_ROW);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ACCENT } };
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: c.kind === 'text' ? 'left' : 'right' };
  });
  header.height = 30;
  header.commit();
  const write = (cells: Cell[], bold: boolean) => {
    const row = sheet.addRow([]);
    cells.forEach((cell, i) => {
      const kind = table.columns[i]?.kind ?? 'text';
      const { value, numFmt } = typed(kind, cell);
      const target = row.getCell(i + 1);
      target.value = value;
      if (numFmt || bold) target.style = styleOf(numFmt, bold);
    });
    return row;
  };
  // Each row goes to the file as soon as it is written: tens of thousands of rows never sit in memory together.
  for (const cells of table.rows) write(cells, false).commit();
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + table.rows.length;
  for (const cells of table.totals) {
    const row = write(cells, true);
    // A column added up is a real SUM of the cells above, with our total as its cached result.
    table.columns.forEach((c, i) => {
      const total = cells[i];
      if (!c.sum || typeof total !== 'number' || table.rows.length === 0) return;
      const letter = columnLetter(i);
      const cell = row.getCell(i + 1);
      cell.value = { formula: `SUM(${letter}${first}:${letter}${last})`, result: typed(c.kind, total).value as number };
    });
    row.commit();
  }
  sheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW, column: table.columns.length },
  };
  sheet.commit();
}

/**
 * The report as an XLSX workbook: one sheet per section, typed cells, totals, frozen headers, printable on A4.
 * Written as a stream (rows committed one by one, inline strings, Node's own deflate): the month's journals make
 * tens of thousands of rows, which the in-memory writer took several seconds to pack.
 */
export async function reportXlsx(tables: readonly ReportTable[], heading: string, createdAt: Date): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Guichet';
  workbook.created = createdAt;
  workbook.modified = createdAt;
  for (const table of tables) addSheet(workbook, table, heading);
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}
