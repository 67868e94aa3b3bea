import type { PaymentDto } from '../../shared/api/payments';
import { amountInWords } from '../../shared/amount-in-words';
import { formatDateTime } from '../../shared/dates';
import { formatRateValue } from '../../shared/allocation';
import { formatMoney, formatRate } from '../../shared/money';
import { paymentMethodLabel, paymentReference } from '../../shared/payment-methods';
import { createPdf, pdfBuffer } from './document';
import type { SellerBlock } from './commercial-document';
import { layoutRows, rollPdf, type RollRow } from './roll';

export type ReceiptFormat = 'a5' | 'thermal';

export interface PrintableReceipt {
  payment: PaymentDto;
  seller: SellerBlock;
  stampDutyRate: number;
  format: ReceiptFormat;
  /** Every print after the first is a duplicate, and says so. */
  copy: 'original' | 'duplicate';
}

/** The receipt as rows, the same for both papers: each paper only lays them out at its width. */
function receiptRows(r: PrintableReceipt): RollRow[] {
  const p = r.payment;
  const s = r.seller;
  const money = (c: number) => formatMoney(c, p.currency);
  const rows: RollRow[] = [
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

/** A payment receipt on A5, or on an 80 mm thermal roll (its height follows its content). */
export function receiptPdf(r: PrintableReceipt): Promise<Buffer> {
  const rows = receiptRows(r);
  const createdAt = new Date(r.payment.receivedAt);
  const title = `Reçu ${r.payment.number}`;
  if (r.format === 'a5') {
    const doc = createPdf({ title, createdAt, size: 'A5', margin: 36 });
    layoutRows(doc, rows, 36, doc.page.width - 72, true, 1.25);
    return pdfBuffer(doc);
  }
  return rollPdf(rows, { title, createdAt });
}
