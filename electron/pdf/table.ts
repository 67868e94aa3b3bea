import { drawLine, wrapLines, type Pdf } from './document';
import { COLORS } from './layout';

export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

export interface TableRow {
  /** One text per column; left-aligned columns wrap (never over the next column), right-aligned ones are one line. */
  cells: string[];
  /** Smaller, muted lines under the first cell (a service's period, a detail). */
  details?: string[];
}

export interface TableOptions {
  /** Lowest y the table may reach on a page (above the footer). */
  bottom: number;
  /** Top y of the table on the pages it continues onto. */
  continueAt: number;
  /** Called after a page is added, before the header is drawn again (page decorations). */
  onNewPage?: () => void;
}

const SIZE = 9;
const LINE = 12;
const DETAIL_SIZE = 7.5;
const DETAIL_LINE = 10;
const PAD = 5;
const HEADER_HEIGHT = 20;

function drawHeader(doc: Pdf, x: number, columns: TableColumn[], y: number): number {
  const width = columns.reduce((s, c) => s + c.width, 0);
  doc.rect(x, y, width, HEADER_HEIGHT).fill(COLORS.accent);
  let cx = x;
  for (const column of columns) {
    drawLine(doc, column.header, cx + PAD, y + 6, {
      size: 8,
      bold: true,
      color: '#ffffff',
      width: column.width - 2 * PAD,
      align: column.align ?? 'left',
    });
    cx += column.width;
  }
  return y + HEADER_HEIGHT;
}

/**
 * Draws a table from doc.y: a header band, then rows that never split across pages; when a row does not fit, a new page
 * starts and the header is drawn again. Returns with doc.y under the last row.
 */
export function drawTable(doc: Pdf, columns: TableColumn[], rows: TableRow[], options: TableOptions): void {
  const x = doc.page.margins.left;
  const width = columns.reduce((s, c) => s + c.width, 0);
  const first = columns[0];
  if (!first) return;
  let y = drawHeader(doc, x, columns, doc.y);
  rows.forEach((row, index) => {
    const cells = columns.map((column, i) =>
      column.align === 'right'
        ? [row.cells[i] ?? '']
        : wrapLines(doc, row.cells[i] ?? '', column.width - 2 * PAD, { size: SIZE }),
    );
    const text = cells[0] ?? [];
    const details = (row.details ?? []).flatMap((d) => wrapLines(doc, d, first.width - 2 * PAD, { size: DETAIL_SIZE }));
    const tallest = Math.max(text.length * LINE + details.length * DETAIL_LINE, ...cells.map((c) => c.length * LINE));
    const height = tallest + 2 * PAD;
    if (y + height > options.bottom) {
      doc.addPage();
      options.onNewPage?.();
      y = drawHeader(doc, x, columns, options.continueAt);
    }
    if (index % 2 === 1) doc.rect(x, y, width, height).fill('#f7f9fa');
    text.forEach((line, i) => drawLine(doc, line, x + PAD, y + PAD + i * LINE, { size: SIZE }));
    details.forEach((line, i) =>
      drawLine(doc, line, x + PAD, y + PAD + text.length * LINE + i * DETAIL_LINE, {
        size: DETAIL_SIZE,
        color: COLORS.muted,
      }),
    );
    let cx = x + first.width;
    columns.slice(1).forEach((column, i) => {
      (cells[i + 1] ?? []).forEach((line, l) =>
        drawLine(doc, line, cx + PAD, y + PAD + l * LINE, {
          size: SIZE,
          width: column.width - 2 * PAD,
          align: column.align ?? 'left',
        }),
      );
      cx += column.width;
    });
    y += height;
    doc
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(0.4)
      .strokeColor(COLORS.rule)
      .stroke();
  });
  doc.y = y;
}
