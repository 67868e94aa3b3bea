import type { Paper } from '../../../shared/api/printing';
import { formatDateTime } from '../../../shared/dates';
import { createPdf, drawLine, pdfBuffer } from '../../pdf/document';

const SIZES: Record<Paper, [number, number] | 'A5' | 'A4'> = { roll80: [226.77, 260], a5: 'A5', a4: 'A4' };

/** A page that shows the printer prints the paper's width, accents and Arabic, and where the margins fall. */
export function testPagePdf(paper: Paper, printer: string | null, at: Date): Promise<Buffer> {
  const doc = createPdf({ title: 'Page de test Guichet', createdAt: at, size: SIZES[paper], margin: 8 });
  const width = doc.page.width - 16;
  doc
    .rect(2, 2, doc.page.width - 4, doc.page.height - 4)
    .lineWidth(1)
    .stroke('#1a1a1a');
  const lines = [
    { text: 'Guichet — page de test', size: paper === 'roll80' ? 11 : 16, bold: true },
    { text: `Imprimante : ${printer ?? 'choisie dans la boîte de dialogue'}`, size: 8.5 },
    { text: `Papier : ${{ roll80: 'rouleau 80 mm', a5: 'A5', a4: 'A4' }[paper]}`, size: 8.5 },
    { text: `Imprimé le ${formatDateTime(at.toISOString())}`, size: 8.5 },
    { text: 'Accents : é è à ç ù — 1 234,50 DH', size: 8.5 },
    { text: 'Arabe : مرحبا بكم', size: 8.5 },
    { text: 'Le cadre doit être entier : sinon, réglez le papier de l’imprimante.', size: 8 },
  ];
  let y = 14;
  for (const line of lines) {
    drawLine(doc, line.text, 8, y, { size: line.size, bold: line.bold ?? false, width, align: 'center' });
    y += line.size + 8;
  }
  return pdfBuffer(doc);
}
