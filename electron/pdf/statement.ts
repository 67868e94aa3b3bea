import { formatMoney } from '../../shared/money';
import { formatCalendarDate } from '../../shared/periods';
import type { PrintableStatement } from '../modules/documents/statement';
import { createPdf, drawLine, pdfBuffer, wrapLines } from './document';
import { COLORS, footers } from './layout';
import { drawTable } from './table';

/** "Solde dû par le client" or "Solde en faveur du client", with its amount. */
function balanceText(amount: number, currency: PrintableStatement['currency']): string {
  if (amount === 0) return `Solde nul : ${formatMoney(0, currency)}`;
  return amount > 0
    ? `Solde dû par le client : ${formatMoney(amount, currency)}`
    : `Solde en faveur du client : ${formatMoney(-amount, currency)}`;
}

/** The client's statement (relevé de compte) of a period as an A4 PDF. */
export function statementPdf(s: PrintableStatement): Promise<Buffer> {
  const doc = createPdf({ title: `Relevé de compte ${s.buyer.code}`, createdAt: s.createdAt });
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = doc.page.height - doc.page.margins.bottom - 20;
  const money = (c: number) => formatMoney(c, s.currency);
  const date = formatCalendarDate;
  const seller = [s.seller.name, s.seller.legalForm].filter(Boolean).join(' ');

  let y = 50;
  for (const line of wrapLines(doc, seller, width / 2, { size: 11, bold: true })) {
    drawLine(doc, line, left, y, { size: 11, bold: true, color: COLORS.accent });
    y += 14;
  }
  for (const line of [s.seller.address, [s.seller.city, s.seller.phone, s.seller.email].filter(Boolean).join(' — ')]
    .filter(Boolean)
    .flatMap((l) => wrapLines(doc, l, width / 2, { size: 8.5 }))) {
    drawLine(doc, line, left, y, { size: 8.5, color: COLORS.muted });
    y += 11.5;
  }
  const right = { width, align: 'right' as const };
  drawLine(doc, 'RELEVÉ DE COMPTE', left, 50, { ...right, size: 17, bold: true, color: COLORS.accent });
  drawLine(doc, `Du ${date(s.from)} au ${date(s.to)}`, left, 74, { ...right, size: 10, bold: true });
  drawLine(doc, `Montants en ${s.currency}`, left, 89, { ...right, size: 8.5, color: COLORS.muted });

  y = Math.max(y, 104) + 14;
  const b = s.buyer;
  const clientLines = [
    `Code client ${b.code}`,
    b.address,
    [b.city, b.country === 'MA' ? 'Maroc' : b.country].filter(Boolean).join(', '),
    b.kind === 'company' && b.ice ? `ICE : ${b.ice}` : '',
  ]
    .filter(Boolean)
    .flatMap((l) => wrapLines(doc, l, width - 20, { size: 9 }));
  const nameLines = wrapLines(doc, b.name, width - 20, { size: 11, bold: true });
  const boxHeight = 18 + nameLines.length * 14 + clientLines.length * 12;
  doc.roundedRect(left, y, width, boxHeight, 4).fill(COLORS.band);
  let by = y + 9;
  for (const line of nameLines) {
    drawLine(doc, line, left + 10, by, { size: 11, bold: true });
    by += 14;
  }
  for (const line of clientLines) {
    drawLine(doc, line, left + 10, by, { size: 9 });
    by += 12;
  }
  doc.y = y + boxHeight + 16;

  const amount = (c: number) => (c === 0 ? '' : money(c));
  drawTable(
    doc,
    [
      { header: 'Date', width: 64 },
      { header: 'Pièce', width: 98 },
      { header: 'Libellé', width: width - 64 - 98 - 3 * 70 },
      { header: 'Débit', width: 70, align: 'right' },
      { header: 'Crédit', width: 70, align: 'right' },
      { header: 'Solde', width: 70, align: 'right' },
    ],
    [
      { cells: [date(s.from), '', 'Solde initial', '', '', money(s.opening)] },
      ...s.entries.map((e) => ({
        cells: [
          date(e.date),
          e.reference,
          e.label,
          amount(e.debit),
          amount(e.credit),
          e.balance === null ? '—' : money(e.balance),
        ],
      })),
      { cells: ['', '', 'Totaux de la période', money(s.debit), money(s.credit), ''] },
    ],
    { bottom, continueAt: doc.page.margins.top },
  );
  if (s.entries.length === 0) {
    doc.y += 8;
    drawLine(doc, 'Aucun document ni règlement sur la période.', left, doc.y, { size: 9, color: COLORS.muted });
    doc.y += 12;
  }
  doc.y += 14;
  if (doc.y + 40 > bottom) doc.addPage();
  const y2 = doc.y;
  doc.rect(left + width - 300, y2 - 5, 300, 22).fill(COLORS.accent);
  drawLine(doc, `Au ${date(s.to)}`, left + width - 292, y2, { size: 9.5, bold: true, color: '#ffffff' });
  drawLine(doc, balanceText(s.closing, s.currency), left + width - 300, y2, {
    size: 9.5,
    bold: true,
    color: '#ffffff',
    width: 292,
    align: 'right',
  });
  doc.y = y2 + 30;
  for (const line of wrapLines(
    doc,
    'Les factures proforma sont portées au débit, les règlements et les avoirs au crédit ; une facture ne fait que constater le règlement d’une proforma. Un règlement annulé ou une proforma annulée ne comptent pas.',
    width,
    { size: 8 },
  )) {
    drawLine(doc, line, left, doc.y, { size: 8, color: COLORS.muted });
    doc.y += 10.5;
  }
  footers(doc, `${seller} — relevé de compte ${b.code}, du ${date(s.from)} au ${date(s.to)}`);
  return pdfBuffer(doc);
}
