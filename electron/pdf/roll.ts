import { createPdf, drawLine, lineWidth, pdfBuffer, wrapLines, type Pdf } from './document';
import { COLORS } from './layout';

/** 80 mm paper with 4 mm margins each side. */
const THERMAL_WIDTH = 226.77;

/** One line of a document printed as rows (receipt, Z report): text on the left, an amount on the right. */
export interface RollRow {
  text: string;
  right?: string;
  size?: number;
  bold?: boolean;
  muted?: boolean;
  rule?: boolean;
  center?: boolean;
}

/** Lays the rows out from the top margin (or only measures them); returns the y under the last one. */
export function layoutRows(doc: Pdf, rows: RollRow[], left: number, width: number, draw: boolean, scale = 1): number {
  let y = doc.page.margins.top;
  for (const row of rows) {
    const size = (row.size ?? 8.5) * scale;
    const color = row.muted ? COLORS.muted : COLORS.ink;
    if (row.rule) {
      if (draw) {
        doc
          .moveTo(left, y + 3)
          .lineTo(left + width, y + 3)
          .dash(2, { space: 2 })
          .lineWidth(0.5)
          .strokeColor(COLORS.rule)
          .stroke()
          .undash();
      }
      y += 9 * scale;
      continue;
    }
    const rightWidth = row.right ? Math.min(width * 0.6, lineWidth(doc, row.right, { size, bold: row.bold }) + 4) : 0;
    const lines = wrapLines(doc, row.text, width - rightWidth - 4, { size, bold: row.bold });
    const rightLines = row.right ? wrapLines(doc, row.right, width * 0.6, { size, bold: row.bold }) : [];
    if (draw) {
      lines.forEach((line, i) =>
        drawLine(doc, line, left, y + i * (size + 3), {
          size,
          bold: row.bold,
          color,
          width,
          align: row.center ? 'center' : 'left',
        }),
      );
      rightLines.forEach((line, i) =>
        drawLine(doc, line, left, y + i * (size + 3), { size, bold: row.bold, color, width, align: 'right' }),
      );
    }
    y += Math.max(lines.length, rightLines.length) * (size + 3) + 2;
  }
  return y;
}

/** The rows on an 80 mm thermal roll cut to their height: measured on a scratch page, then printed. */
export function rollPdf(rows: RollRow[], meta: { title: string; createdAt: Date }): Promise<Buffer> {
  const scratch = createPdf({ ...meta, size: [THERMAL_WIDTH, 2000], margin: 11 });
  const height = layoutRows(scratch, rows, 11, THERMAL_WIDTH - 22, false) + 20;
  scratch.end();
  const doc = createPdf({ ...meta, size: [THERMAL_WIDTH, height], margin: 11 });
  layoutRows(doc, rows, 11, THERMAL_WIDTH - 22, true);
  return pdfBuffer(doc);
}
