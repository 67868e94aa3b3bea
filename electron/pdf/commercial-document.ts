import type { DocumentType, InvoicePaymentDto, CreditMode } from '../../shared/api/documents';
import { amountInWords } from '../../shared/amount-in-words';
import { formatMoney, formatRate, type Currency } from '../../shared/money';
import { paymentMethodLabel } from '../../shared/payment-methods';
import { formatCalendarDate } from '../../shared/periods';
import { formatQuantity, type DocumentTotals } from '../../shared/totals';
import { createPdf, drawLine, lineWidth, pdfBuffer, wrapLines, type Pdf, type TextStyle } from './document';
import { drawImage } from './images';
import { COLORS } from './layout';
import { drawTable, type TableColumn } from './table';

/** The company's legal mentions as frozen on a document when it is issued (CGI art. 145). */
export interface SellerBlock {
  name: string;
  legalForm: string;
  address: string;
  city: string;
  phone: string;
  email: string;
  website: string;
  ice: string;
  ifNumber: string;
  rcNumber: string;
  rcCourt: string;
  patente: string;
  cnss: string;
  /** Centimes. */
  capital: number;
  rib: string;
  bank: string;
  ccpAccount: string;
  wafacashBeneficiary: string;
  /** Content hash of the logo in document_assets. */
  logoSha256: string | null;
}

/** The client block as frozen on a document when it is issued. */
export interface BuyerBlock {
  code: string;
  name: string;
  kind: 'individual' | 'company';
  contactPerson: string;
  address: string;
  city: string;
  country: string;
  ice: string;
  ifNumber: string;
  rcNumber: string;
  email: string;
  phone: string;
}

export interface PrintableLine {
  description: string;
  periodFrom: string | null;
  periodTo: string | null;
  quantity: number;
  unitPrice: number;
  vatRate: number;
  amountHt: number;
}

export type CopyMark = 'original' | 'duplicate' | 'draft';

export interface PrintableDocument {
  type: DocumentType;
  number: string | null;
  issueDate: string | null;
  dueDate: string | null;
  currency: Currency;
  seller: SellerBlock;
  buyer: BuyerBlock;
  logo: { mime: string; data: Buffer } | null;
  lines: PrintableLine[];
  totals: DocumentTotals;
  /** Proformas: already received. */
  paid: number;
  payments: InvoicePaymentDto[];
  /** The proforma an invoice settles, the invoice a credit note cancels. */
  sourceNumber: string | null;
  reason: string;
  creditMode: CreditMode | null;
  notes: string;
  copy: CopyMark;
  /** A copy printed after the proforma was cancelled says so (never the original: it is what was issued). */
  cancelled: { reason: string } | null;
  /** Written in the file: the issue instant, so that the same document always renders to the same bytes. */
  createdAt: Date;
}

const TITLES: Record<DocumentType, string> = {
  proforma: 'FACTURE PROFORMA',
  invoice: 'FACTURE',
  credit_note: 'AVOIR',
};
const WORDS_INTRO: Record<DocumentType, string> = {
  proforma: 'Arrêtée la présente facture proforma à la somme de :',
  invoice: 'Arrêtée la présente facture à la somme de :',
  credit_note: 'Arrêté le présent avoir à la somme de :',
};
const CURRENCY_NAMES: Record<Currency, string> = {
  MAD: 'Dirham marocain (MAD)',
  EUR: 'Euro (EUR)',
  USD: 'Dollar américain (USD)',
};
const COUNTRY_NAMES: Record<string, string> = { MA: 'Maroc', FR: 'France', BE: 'Belgique', ES: 'Espagne' };

const MARGIN = 42;
/** Room above the footer's lines of legal mentions, and the height of each (7 pt). */
const FOOTER_TOP = 20;
const FOOTER_LINE = 10;

const date = (d: string | null) => (d ? formatCalendarDate(d) : '—');

/** "011 780 0000123456789012 34": bank, city, account, key, as printed on Moroccan cheques. */
function formatRib(rib: string): string {
  return rib.length === 24 ? `${rib.slice(0, 3)} ${rib.slice(3, 6)} ${rib.slice(6, 22)} ${rib.slice(22)}` : rib;
}

function capitalText(centimes: number): string {
  return formatMoney(centimes).replace(/,00(?=\u00a0)/, '');
}

/** The two lines of legal mentions at the foot of every page. */
function legalLines(s: SellerBlock): [string, string] {
  const first = [
    s.legalForm ? `${s.name} ${s.legalForm}` : s.name,
    s.capital > 0 ? `au capital de ${capitalText(s.capital)}` : '',
    [s.address, s.city].filter(Boolean).join(', '),
    s.phone ? `Tél. ${s.phone}` : '',
    s.email,
  ]
    .filter(Boolean)
    .join(' — ');
  const second = [
    s.rcNumber ? `RC n° ${s.rcNumber}${s.rcCourt ? ` (${s.rcCourt})` : ''}` : '',
    s.ifNumber ? `IF ${s.ifNumber}` : '',
    `ICE ${s.ice}`,
    s.patente ? `TP ${s.patente}` : '',
    s.cnss ? `CNSS ${s.cnss}` : '',
  ]
    .filter(Boolean)
    .join(' — ');
  return [first, second];
}

/** A line as it is when it fits, else wrapped between words: a mention is never cut nor printed over another. */
function keepOrWrap(doc: Pdf, text: string, width: number, style: TextStyle): string[] {
  return lineWidth(doc, text, style) <= width ? [text] : wrapLines(doc, text, width, style);
}

class DocumentLayout {
  readonly left = MARGIN;
  readonly width: number;
  readonly bottom: number;
  /** The legal mentions as printed at the foot of every page: the seller's identity, then its registrations. */
  readonly footer: { first: string[]; second: string[]; height: number };

  constructor(
    readonly doc: Pdf,
    readonly d: PrintableDocument,
  ) {
    this.width = doc.page.width - 2 * MARGIN;
    const [first, second] = legalLines(d.seller);
    // The registrations share their first line with "page N / M": leave room for the widest page number.
    const pageRoom = lineWidth(doc, `${d.number ?? 'Brouillon'} — page 999 / 999`, { size: 7 }) + 12;
    const lines = {
      first: keepOrWrap(doc, first, this.width, { size: 7 }),
      second: keepOrWrap(doc, second, this.width - pageRoom, { size: 7 }),
    };
    this.footer = { ...lines, height: FOOTER_TOP + FOOTER_LINE * (lines.first.length + lines.second.length) };
    this.bottom = doc.page.height - MARGIN - this.footer.height;
  }

  get reference(): string {
    return `${TITLES[this.d.type]} ${this.d.number ?? '(brouillon)'}`;
  }

  /** Top of a continuation page: what document this page belongs to. */
  continuationHeader(): void {
    drawLine(this.doc, `${this.reference} — suite`, this.left, MARGIN, {
      size: 9,
      bold: true,
      color: COLORS.accent,
    });
    drawLine(this.doc, this.d.buyer.name, this.left, MARGIN, {
      size: 9,
      color: COLORS.muted,
      width: this.width,
      align: 'right',
    });
    this.doc.y = MARGIN + 22;
  }

  /** Room for `height` points, or a new page with its continuation header. */
  ensure(height: number): number {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
      this.continuationHeader();
    }
    return this.doc.y;
  }

  header(): void {
    const { doc, d, left } = this;
    const s = d.seller;
    const right = { width: this.width, align: 'right' as const };
    const mark = d.copy === 'original' ? '' : d.copy === 'duplicate' ? 'DUPLICATA' : 'BROUILLON — SANS VALEUR';
    // The seller's block wraps left of the title column, never under it.
    const titleColumn = Math.max(
      lineWidth(doc, TITLES[d.type], { size: 19, bold: true }),
      lineWidth(doc, d.number ?? 'Brouillon — sans numéro', { size: 11.5, bold: true }),
      mark ? lineWidth(doc, mark, { size: 10, bold: true }) : 0,
    );
    const room = this.width - titleColumn - 16;
    let y = MARGIN;
    let sellerWidth = 0;
    if (d.logo) {
      drawImage(doc, d.logo.data, left, y, { fit: [150, 52] });
      y += 58;
    }
    const nameStyle = { size: 12.5, bold: true };
    for (const line of keepOrWrap(doc, s.name + (s.legalForm ? ` ${s.legalForm}` : ''), room, nameStyle)) {
      drawLine(doc, line, left, y, nameStyle);
      sellerWidth = Math.max(sellerWidth, lineWidth(doc, line, nameStyle));
      y += 17;
    }
    for (const line of [
      s.address,
      [s.city, 'Maroc'].filter(Boolean).join(', '),
      [s.phone && `Tél. ${s.phone}`, s.email].filter(Boolean).join(' — '),
      s.website,
    ]
      .filter(Boolean)
      .flatMap((l) => keepOrWrap(doc, l, room, { size: 8.5 }))) {
      drawLine(doc, line, left, y, { size: 8.5, color: COLORS.muted });
      sellerWidth = Math.max(sellerWidth, lineWidth(doc, line, { size: 8.5 }));
      y += 11.5;
    }

    drawLine(doc, TITLES[d.type], left, MARGIN, { ...right, size: 19, bold: true, color: COLORS.accent });
    drawLine(doc, d.number ?? 'Brouillon — sans numéro', left, MARGIN + 26, { ...right, size: 11.5, bold: true });
    if (mark) drawLine(doc, mark, left, MARGIN + 44, { ...right, size: 10, bold: true, color: '#b42318' });
    let markBottom = MARGIN + 64;
    if (d.cancelled) {
      // Right-aligned beside the seller's block, wrapped when the reason is longer than the room there.
      const lines = keepOrWrap(doc, `ANNULÉE — ${d.cancelled.reason}`, this.width - sellerWidth - 16, {
        size: 9,
        bold: true,
      });
      lines.forEach((line, i) =>
        drawLine(doc, line, left, MARGIN + 58 + i * 11, { ...right, size: 9, bold: true, color: '#b42318' }),
      );
      markBottom += (lines.length - 1) * 11;
    }
    doc.y = Math.max(y, markBottom) + 14;
  }

  /** The document's facts on the left, the client block on the right. */
  parties(): void {
    const { doc, d, left } = this;
    const top = doc.y;
    const gap = 14;
    const boxWidth = (this.width - gap) / 2;
    const facts: [string, string][] = [[d.type === 'proforma' ? "Date d'émission" : 'Date', date(d.issueDate)]];
    if (d.type === 'proforma') facts.push(['À régler avant le', date(d.dueDate)]);
    if (d.type === 'invoice' && d.sourceNumber) facts.push(['Proforma réglée', d.sourceNumber]);
    if (d.type === 'credit_note' && d.sourceNumber) facts.push(["Facture d'origine", d.sourceNumber]);
    facts.push(['Devise', CURRENCY_NAMES[d.currency]]);
    facts.push(['Code client', d.buyer.code]);

    const b = d.buyer;
    const clientLines = [
      b.kind === 'company' && b.contactPerson ? `À l'attention de ${b.contactPerson}` : '',
      b.address,
      [b.city, COUNTRY_NAMES[b.country] ?? b.country].filter(Boolean).join(', '),
      b.kind === 'company' && b.ice ? `ICE : ${b.ice}` : '',
      b.kind === 'company' && b.ifNumber ? `IF : ${b.ifNumber}` : '',
      [b.phone, b.email].filter(Boolean).join(' — '),
    ].filter(Boolean);
    const nameLines = wrapLines(doc, b.name, boxWidth - 20, { size: 11, bold: true });
    const height = Math.max(
      22 + facts.length * 14,
      24 +
        nameLines.length * 14 +
        clientLines.flatMap((l) => wrapLines(doc, l, boxWidth - 20, { size: 9 })).length * 12,
    );

    doc.roundedRect(left, top, boxWidth, height, 4).fill(COLORS.band);
    let y = top + 10;
    for (const [label, value] of facts) {
      drawLine(doc, label, left + 10, y, { size: 8.5, color: COLORS.muted });
      drawLine(doc, value, left + 10, y, { size: 9, bold: true, width: boxWidth - 20, align: 'right' });
      y += 14;
    }

    const x = left + boxWidth + gap;
    doc.roundedRect(x, top, boxWidth, height, 4).lineWidth(0.8).strokeColor(COLORS.rule).stroke();
    drawLine(doc, 'CLIENT', x + 10, top + 8, { size: 7.5, bold: true, color: COLORS.muted });
    y = top + 21;
    for (const line of nameLines) {
      drawLine(doc, line, x + 10, y, { size: 11, bold: true });
      y += 14;
    }
    for (const line of clientLines.flatMap((l) => wrapLines(doc, l, boxWidth - 20, { size: 9 }))) {
      drawLine(doc, line, x + 10, y, { size: 9 });
      y += 12;
    }
    doc.y = top + height + 18;
  }

  lines(): void {
    const { doc, d } = this;
    const money = (c: number) => formatMoney(c, d.currency);
    const columns: TableColumn[] = [
      { header: 'Désignation', width: this.width - 265 },
      { header: 'Qté', width: 45, align: 'right' },
      { header: 'P.U. HT', width: 85, align: 'right' },
      { header: 'TVA', width: 45, align: 'right' },
      { header: 'Montant HT', width: 90, align: 'right' },
    ];
    const rows = d.lines.map((l) => ({
      cells: [l.description, formatQuantity(l.quantity), money(l.unitPrice), formatRate(l.vatRate), money(l.amountHt)],
      details: l.periodFrom && l.periodTo ? [`Période du ${date(l.periodFrom)} au ${date(l.periodTo)}`] : undefined,
    }));
    drawTable(doc, columns, rows, {
      bottom: this.bottom,
      continueAt: MARGIN + 22,
      onNewPage: () => this.continuationHeader(),
    });
    doc.y += 12;
  }

  totals(): void {
    const { doc, d } = this;
    const money = (c: number) => formatMoney(c, d.currency);
    const rows: [string, string, boolean][] = [['Total HT', money(d.totals.ht), false]];
    for (const v of d.totals.vat) rows.push([`TVA ${formatRate(v.rate)} sur ${money(v.base)}`, money(v.vat), false]);
    rows.push([d.type === 'credit_note' ? 'Total TTC de l’avoir' : 'Total TTC', money(d.totals.ttc), true]);
    if (d.type === 'proforma' && d.paid > 0) {
      rows.push(['Déjà réglé', money(d.paid), false]);
      rows.push(['Reste à payer', money(d.totals.ttc - d.paid), true]);
    }
    const boxWidth = 250;
    const x = this.left + this.width - boxWidth;
    let y = this.ensure(rows.length * 18 + 8);
    for (const [label, value, strong] of rows) {
      if (strong) doc.rect(x, y - 4, boxWidth, 18).fill(COLORS.accent);
      const color = strong ? '#ffffff' : COLORS.ink;
      drawLine(doc, label, x + 8, y, { size: 9, bold: strong, color });
      drawLine(doc, value, x, y, { size: 9.5, bold: strong, color, width: boxWidth - 8, align: 'right' });
      y += 18;
    }
    doc.y = y + 8;
  }

  amountInWords(): void {
    const { doc, d } = this;
    const words = `${WORDS_INTRO[d.type]} ${amountInWords(d.totals.ttc, d.currency)}.`;
    const lines = wrapLines(doc, words, this.width, { size: 9.5, bold: true });
    let y = this.ensure(lines.length * 13 + 10);
    for (const line of lines) {
      drawLine(doc, line, this.left, y, { size: 9.5, bold: true });
      y += 13;
    }
    doc.y = y + 10;
  }

  /** A titled block of wrapped lines, kept on one page. */
  block(title: string, lines: string[]): void {
    const { doc } = this;
    const wrapped = lines.flatMap((l) => wrapLines(doc, l, this.width - 16, { size: 8.5 }));
    let y = this.ensure(22 + wrapped.length * 11.5);
    drawLine(doc, title, this.left, y, { size: 9, bold: true, color: COLORS.accent });
    y += 14;
    doc
      .moveTo(this.left, y - 3)
      .lineTo(this.left + this.width, y - 3)
      .lineWidth(0.4)
      .strokeColor(COLORS.rule)
      .stroke();
    for (const line of wrapped) {
      drawLine(doc, line, this.left + 8, y + 2, { size: 8.5 });
      y += 11.5;
    }
    doc.y = y + 10;
  }

  payments(): void {
    const { d } = this;
    if (d.type !== 'invoice' || d.payments.length === 0) return;
    this.block(
      'Règlement',
      d.payments.map(
        (p) =>
          `${date(p.date)} — ${paymentMethodLabel(p.method)}${p.reference ? ` — réf. ${p.reference}` : ''} — ${formatMoney(p.amount, d.currency)}`,
      ),
    );
  }

  creditNote(): void {
    const { d } = this;
    if (d.type !== 'credit_note') return;
    this.block('Motif de l’avoir', [
      d.reason,
      d.creditMode === 'refund'
        ? 'Le montant de cet avoir est remboursé au client.'
        : 'Le montant de cet avoir est porté au crédit du compte client, à valoir sur une prochaine facture.',
    ]);
  }

  paymentInstructions(): void {
    const { d } = this;
    const s = d.seller;
    const ways = [
      s.rib ? `Virement bancaire${s.bank ? ` (${s.bank})` : ''} — RIB : ${formatRib(s.rib)}` : '',
      s.ccpAccount ? `La Poste — CCP n° ${s.ccpAccount}` : '',
      s.wafacashBeneficiary ? `Wafacash — bénéficiaire : ${s.wafacashBeneficiary}` : '',
      'Espèces ou carte bancaire au guichet.',
    ].filter(Boolean);
    if (d.type === 'proforma') {
      const intro = `Paiement d'avance${d.dueDate ? `, au plus tard le ${date(d.dueDate)}` : ''}. Indiquez le numéro ${d.number ?? 'de la proforma'} avec votre règlement. Le service est renouvelé à réception du paiement ; cette proforma n'est pas une facture.`;
      this.block('Modalités de paiement', [intro, ...ways]);
    } else if (d.type === 'invoice') {
      this.block('Coordonnées bancaires', ways.slice(0, -1).length ? ways.slice(0, -1) : ways);
    }
  }

  notes(): void {
    if (this.d.notes) this.block('Observations', [this.d.notes]);
  }

  /** Legal mentions, page numbers, and the copy mark across every page (call last). */
  decorate(): void {
    const { doc, d, left, width, footer } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const saved = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      if (d.cancelled) this.watermark('ANNULÉE');
      else if (d.copy !== 'original') this.watermark(d.copy === 'duplicate' ? 'DUPLICATA' : 'BROUILLON');
      const y = doc.page.height - MARGIN - footer.height + 14;
      doc
        .moveTo(left, y - 6)
        .lineTo(left + width, y - 6)
        .lineWidth(0.5)
        .strokeColor(COLORS.rule)
        .stroke();
      const style = { size: 7, color: COLORS.muted };
      footer.first.forEach((line, l) => drawLine(doc, line, left, y + l * FOOTER_LINE, style));
      const secondY = y + footer.first.length * FOOTER_LINE;
      footer.second.forEach((line, l) => drawLine(doc, line, left, secondY + l * FOOTER_LINE, style));
      const pageText = `${d.number ?? 'Brouillon'} — page ${i - range.start + 1} / ${range.count}`;
      drawLine(doc, pageText, left, secondY, { ...style, width, align: 'right' });
      doc.page.margins.bottom = saved;
    }
  }

  private watermark(text: string): void {
    const { doc } = this;
    doc.save();
    doc.rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
    doc.fillOpacity(0.09);
    const size = text.length > 10 ? 80 : 92;
    const w = lineWidth(doc, text, { size, bold: true });
    drawLine(doc, text, (doc.page.width - w) / 2, doc.page.height / 2 - size / 2, {
      size,
      bold: true,
      color: '#b42318',
    });
    doc.restore();
  }
}

/** A proforma, an invoice or a credit note as an A4 PDF in French. */
export function commercialDocumentPdf(d: PrintableDocument): Promise<Buffer> {
  const doc = createPdf({
    title: `${TITLES[d.type]} ${d.number ?? ''}`.trim(),
    createdAt: d.createdAt,
    margin: MARGIN,
  });
  const layout = new DocumentLayout(doc, d);
  layout.header();
  layout.parties();
  layout.lines();
  layout.totals();
  layout.amountInWords();
  layout.payments();
  layout.creditNote();
  layout.paymentInstructions();
  layout.notes();
  layout.decorate();
  return pdfBuffer(doc);
}
