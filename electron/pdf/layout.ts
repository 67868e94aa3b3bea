import { drawLine, wrapLines, type Pdf } from './document';

export const COLORS = { ink: '#1a1a1a', muted: '#5f6b7a', rule: '#d5dbe3', accent: '#0f5c63', band: '#eef3f5' };

/** Starts a new page when fewer than `height` points remain above the bottom margin; returns the y to write at. */
export function ensureSpace(doc: Pdf, height: number): number {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
  return doc.y;
}

export function sectionTitle(doc: Pdf, title: string): void {
  const y = ensureSpace(doc, 40) + 8;
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.rect(left, y, width, 20).fill(COLORS.band);
  drawLine(doc, title, left + 8, y + 5, { size: 10.5, bold: true, color: COLORS.accent });
  doc.y = y + 28;
}

/** Label on the left, value (wrapped, French or Arabic) on the right. */
export function fieldRow(doc: Pdf, label: string, value: string): void {
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  const labelWidth = 150;
  const lines = wrapLines(doc, value || '—', width - labelWidth - 8, { size: 9.5 });
  const y = ensureSpace(doc, lines.length * 13 + 4);
  drawLine(doc, label, left + 8, y, { size: 9, color: COLORS.muted });
  lines.forEach((line, i) => drawLine(doc, line, left + labelWidth, y + i * 13, { size: 9.5 }));
  doc.y = y + lines.length * 13 + 4;
}

/** "Page 3 / 7" and a line of text at the foot of every page (call last, with bufferPages on). */
export function footers(doc: Pdf, text: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, right, bottom } = doc.page.margins;
    const width = doc.page.width - left - right;
    const y = doc.page.height - bottom + 14;
    // Writing inside the bottom margin must not push PDFKit onto a new page.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .moveTo(left, y - 6)
      .lineTo(left + width, y - 6)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    drawLine(doc, text, left, y, { size: 7.5, color: COLORS.muted });
    drawLine(doc, `Page ${i - range.start + 1} / ${range.count}`, left, y, {
      size: 7.5,
      color: COLORS.muted,
      width,
      align: 'right',
    });
    doc.page.margins.bottom = saved;
  }
}
