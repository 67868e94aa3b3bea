import type { PaymentDto } from '../../shared/api/payments';
import { amountInWords } from '../../shared/amount-in-words';
import { formatDateTime } from '../../shared/dates';
import { formatRateValue } from '../../shared/allocation';
import { formatMoney, formatRate } from '../../shared/money';
import { paymentMethodLabel, paymentReference } from '../../shared/payment-methods';
import { createPdf, drawLine, lineWidth, pdfBuffer, wrapLines, type Pdf } from './document';
import type { SellerBlock } from './commercial-document';
import { COLORS } from './layout';

export type ReceiptFormat = 'a5' | 'thermal';

export interface PrintableReceipt {
  payment: PaymentDto;
  seller: SellerBlock;
  stampDutyRate: number;
  format: ReceiptFormat;
  /** Every print after the first is a duplicate, and says so. */
  copy: 'original' | 'duplicate';
}

/** 80 mm paper with 4 mm margins each side. */
const THERMAL_WIDTH = 226.77;

interface Row {
  text: string;
  right?: string;
  size?: number;
  bold?: boolean;
  muted?: boolean;
  rule?: boolean;
  center?: boolean;
}

/** The receipt as rows, the same for both papers: each paper only lays them out at its width. */
function receiptRows(r: PrintableReceipt): Row[] {
  const p = r.payment;
  const s = r.seller;
  const money = (c: number) => formatMoney(c, p.currency);
  const rows: Row[] = [
    { text: `${s.name} ${s.legalForm}`.trim(), bold: true, size: 11, center: true },
    { text: [s.address, s.city].filter(Boolean).join(', '), muted: true, center: true },
    { text: `ICE ${s.ice}${s.phone ? ` — Tél. ${s.phone}` : ''}`, muted: true, center: true },
    { text: '', rule: true },
    { text: p.direction === 'out' ? 'REÇU DE REMBOURSEMENT' : 'REÇU DE PAIEMENT', bold: true, size: 12, center: true },
    { text: `N° ${p.number}`, bold: true, center: true },
    ...(r.copy === 'duplicate' ? [{ text: 'DUPLICATA', bold: true, size: 11, center: true }] : []),
    { text: formatDateTime(p.receivedAt), muted: true, center: true },
    { text: '', rule: true },
    { text: 'Client', right: `${p.clientName} (${p.clientCode})` },
    { text: 'Mode', right: paymentMethodLabel(p.method) },
  ];
  const reference = paymentReference(p.details);
  if (reference) rows.push({ text: 'Référence', right: reference });
  rows.push({ text: '', rule: true });
  for (const a of p.allocations) {
    rows.push({ text: `Proforma ${a.documentNumber ?? ''}`, right: formatMoney(a.amount, a.currency) });
    if (a.rate !== null) {
      rows.push({ text: `  au taux de ${formatRateValue(a.rate)}, soit`, right: money(a.paymentAmount), muted: true });
    }
    rows.push({
      text: a.balanceAfter === 0 ? '  soldée' : '  reste à payer',
      right: a.balanceAfter === 0 ? '' : formatMoney(a.balanceAfter, a.currency),
      muted: true,
    });
  }
  if (p.credit > 0) rows.push({ text: 'Crédit au compte client', right: money(p.credit) });
  rows.push({ text: 'Montant réglé', right: money(p.amount), bold: true });
  if (p.stampDuty > 0) {
    rows.push({ text: `Droit de timbre (${formatRate(r.stampDutyRate)})`, right: money(p.stampDuty) });
  }
  if (p.cashRounding !== 0) rows.push({ text: 'Arrondi espèces (0,10 DH)', right: money(p.cashRounding) });
  if (p.stampDuty > 0 || p.cashRounding !== 0) {
    rows.push({ text: 'Total encaissé', right: money(p.collected), bold: true, size: 11 });
  }
  rows.push({ text: `Soit : ${amountInWords(p.collected, p.currency)}.`, muted: true });
  for (const inv of p.invoices) rows.push({ text: `Facture émise : ${inv.number ?? ''}`, muted: true });
  if (p.status === 'voided') rows.push({ text: `ANNULÉ — ${p.voidReason}`, bold: true });
  rows.push({ text: '', rule: true });
  rows.push({ text: `Reçu par ${p.staffName ?? p.staff ?? '—'}`, muted: true });
  rows.push({ text: 'Merci de votre confiance.', center: true, muted: true });
  return rows;
}

function layout(doc: Pdf, rows: Row[], left: number, width: number, draw: boolean, scale = 1): number {
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

/** A payment receipt on A5, or on an 80 mm thermal roll (its height follows its content). */
export function receiptPdf(r: PrintableReceipt): Promise<Buffer> {
  const rows = receiptRows(r);
  const createdAt = new Date(r.payment.receivedAt);
  const title = `Reçu ${r.payment.number}`;
  if (r.format === 'a5') {
    const doc = createPdf({ title, createdAt, size: 'A5', margin: 36 });
    layout(doc, rows, 36, doc.page.width - 72, true, 1.25);
    return pdfBuffer(doc);
  }
  // Measure on a scratch document, then print on a roll cut to the content.
  const scratch = createPdf({ title, createdAt, size: [THERMAL_WIDTH, 2000], margin: 11 });
  const height = layout(scratch, rows, 11, THERMAL_WIDTH - 22, false) + 20;
  scratch.end();
  const doc = createPdf({ title, createdAt, size: [THERMAL_WIDTH, height], margin: 11 });
  layout(doc, rows, 11, THERMAL_WIDTH - 22, true);
  return pdfBuffer(doc);
}
