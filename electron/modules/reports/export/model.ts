import type { Currency } from '../../../../shared/money';

/**
 * The report as tables: one per section, each a sheet of the XLSX, a block of the CSV and a table of the PDF. The
 * three exports draw from these same tables, built from the same report object as the screen.
 *
 * Cell kinds: text; money (centimes; a plain number is dirhams, a Money cell carries its own currency); count (whole
 * number); date ("YYYY-MM-DD", a Casablanca calendar day); datetime (an instant, shown in Casablanca time); rate (VAT
 * in basis points); fx (dirhams per unit in millionths); value (a summary line: text, count or Money).
 */
export type CellKind = 'text' | 'money' | 'count' | 'date' | 'datetime' | 'rate' | 'fx' | 'value';

export interface Money {
  amount: number;
  currency: Currency;
}

export type Cell = string | number | Money | null;

export interface Column {
  header: string;
  kind: CellKind;
  /** Width in characters (XLSX), and the column's share of the PDF page. */
  width: number;
  /** Whether the total row adds this column up (a SUM in the XLSX). */
  sum?: boolean;
}

export interface ReportTable {
  key: string;
  /** At most 31 characters, none of : \ / ? * [ ] (Excel's rules for a sheet name). */
  sheet: string;
  title: string;
  /** A sentence under the title: how the figures are made. */
  note?: string;
  columns: Column[];
  rows: Cell[][];
  /** Total lines under the rows (one per currency where amounts cannot be added across currencies). */
  totals: Cell[][];
  /** Long journals stay out of the PDF (they are in the XLSX and CSV). */
  inPdf: boolean;
  /** The columns the PDF page has room for (all when absent). */
  pdfColumns?: number[];
}

export function isMoney(cell: Cell): cell is Money {
  return typeof cell === 'object' && cell !== null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/** Whether a text cell of a date or datetime column is one (a total line puts its label there). */
export function isDateText(kind: CellKind, text: string): boolean {
  return (kind === 'date' && ISO_DATE.test(text)) || (kind === 'datetime' && ISO_INSTANT.test(text));
}
