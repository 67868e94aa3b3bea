import type { CashSessionDto } from '../../shared/api/cash';
import { DENOMINATIONS } from '../../shared/cash';
import { formatDateTime, formatTime } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import { paymentMethodLabel } from '../../shared/payment-methods';
import { createPdf, drawLine, pdfBuffer, wrapLines } from './document';
import { COLORS, footers, sectionTitle } from './layout';
import { rollPdf, type RollRow } from './roll';
import { drawTable } from './table';

const KINDS: Record<string, string> = {
  payment: 'Encaissement',
  void: 'Annulation',
  refund: 'Remboursement',
  out: 'Sortie',
  in: 'Apport',
};
const STATUS = { open: 'Ouverte', closed: 'Close', validated: 'Validée' } as const;

export type ZReportFormat = 'a4' | 'thermal';

/** One figure of the report: a label and its amount (a strong one is a total). */
export interface ZReportFigure {
  label: string;
  value: string;
  strong?: boolean;
}

/**
 * What a Z report says, the same on A4 and on the 80 mm roll: each paper only lays it out. A new figure of the day (a
 * cash rounding line, say) is one more entry in `balance`, and both papers print it.
 */
export interface ZReportContent {
  /** The PDF's title (its metadata). */
  documentTitle: string;
  companyName: string;
  title: string;
  session: string;
  facts: string[];
  movements: { time: string; kind: string; what: string; by: string; amount: string }[];
  balance: ZReportFigure[];
  count: { denomination: string; number: string; total: string }[] | null;
  closeNote: string;
  otherMethods: ZReportFigure[];
  footer: string;
  createdAt: Date;
}

export function zReportContent(session: CashSessionDto, companyName: string): ZReportContent {
  const nameOf = (username: string | null) => (username === null ? '—' : (session.staffNames[username] ?? username));
  const balance: ZReportFigure[] = [
    { label: 'Fonds de caisse', value: formatMoney(session.float) },
    { label: 'Entrées (encaissements, droits de timbre, apports)', value: formatMoney(session.cashIn) },
    { label: 'Sorties (annulations, remboursements, dépôts)', value: formatMoney(-session.cashOut) },
    { label: 'Attendu en caisse', value: formatMoney(session.expected), strong: true },
  ];
  if (session.counted !== null) {
    balance.push({ label: 'Compté', value: formatMoney(session.counted), strong: true });
    balance.push({ label: 'Écart', value: formatMoney(session.difference ?? 0), strong: true });
  }
  return {
    documentTitle: `Rapport Z — caisse ${session.id}`,
    companyName,
    title: `Rapport Z — ${session.desk}`,
    session: `Session n° ${session.id} — ${STATUS[session.status]}`,
    facts: [
      `Ouverte le ${formatDateTime(session.openedAt)} par ${nameOf(session.openedBy)}, fonds de caisse ${formatMoney(session.float)}`,
      session.closedAt ? `Close le ${formatDateTime(session.closedAt)} par ${nameOf(session.closedBy)}` : 'Non close',
      session.validatedAt ? `Validée le ${formatDateTime(session.validatedAt)} par ${nameOf(session.validatedBy)}` : '',
    ].filter(Boolean),
    movements: session.movements.map((m) => ({
      time: formatTime(m.at),
      kind: KINDS[m.kind] ?? m.kind,
      what: [m.paymentNumber, m.reason].filter(Boolean).join(' — '),
      by: m.username === null ? '' : nameOf(m.username),
      amount: formatMoney(m.amount),
    })),
    balance,
    count:
      session.counted === null
        ? null
        : DENOMINATIONS.filter((d) => (session.count[String(d)] ?? 0) > 0).map((d) => {
            const n = session.count[String(d)] ?? 0;
            return { denomination: formatMoney(d), number: String(n), total: formatMoney(d * n) };
          }),
    closeNote: session.closeNote,
    otherMethods: session.otherMethods.map((m) => ({
      label: `${paymentMethodLabel(m.method)} — ${m.count} paiement(s)`,
      value: formatMoney(m.total),
    })),
    footer: `${companyName} — rapport Z de la caisse ${session.desk}, session ${session.id}`,
    createdAt: new Date(session.closedAt ?? session.openedAt),
  };
}

/** The Z report of one cash session (A4): its movements, the count by note and coin, and the difference. */
function zReportA4(z: ZReportContent): Promise<Buffer> {
  const doc = createPdf({ title: z.documentTitle, createdAt: z.createdAt });
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = doc.page.height - doc.page.margins.bottom - 20;
  drawLine(doc, z.companyName, left, 50, { size: 10, bold: true, color: COLORS.accent });
  drawLine(doc, z.title, left, 68, { size: 17, bold: true });
  drawLine(doc, z.session, left, 68, { size: 10, width, align: 'right', color: COLORS.muted });
  z.facts.forEach((f, i) => drawLine(doc, f, left, 96 + i * 13, { size: 9, color: COLORS.muted }));
  doc.y = 96 + z.facts.length * 13 + 8;

  sectionTitle(doc, 'Mouvements d’espèces');
  drawTable(
    doc,
    [
      { header: 'Heure', width: 60 },
      { header: 'Nature', width: 110 },
      { header: 'Reçu / motif', width: width - 60 - 110 - 90 - 100 },
      { header: 'Par', width: 90 },
      { header: 'Montant', width: 100, align: 'right' },
    ],
    z.movements.map((m) => ({ cells: [m.time, m.kind, m.what, m.by, m.amount] })),
    { bottom, continueAt: doc.page.margins.top },
  );
  doc.y += 10;

  const figures = (rows: ZReportFigure[]) => {
    for (const { label, value } of rows) {
      const y = doc.y;
      drawLine(doc, label, left + 8, y, { size: 9.5 });
      drawLine(doc, value, left, y, { size: 9.5, bold: true, width: width - 8, align: 'right' });
      doc.y = y + 15;
    }
  };
  sectionTitle(doc, 'Solde');
  figures(z.balance);

  if (z.count) {
    sectionTitle(doc, 'Comptage');
    drawTable(
      doc,
      [
        { header: 'Billet ou pièce', width: width / 3 },
        { header: 'Nombre', width: width / 3, align: 'right' },
        { header: 'Total', width: width / 3, align: 'right' },
      ],
      z.count.map((c) => ({ cells: [c.denomination, c.number, c.total] })),
      { bottom, continueAt: doc.page.margins.top },
    );
    doc.y += 10;
    for (const line of z.closeNote ? wrapLines(doc, `Observation : ${z.closeNote}`, width, { size: 9 }) : []) {
      drawLine(doc, line, left, doc.y, { size: 9 });
      doc.y += 12;
    }
    doc.y += z.closeNote ? 4 : 16;
  }

  if (z.otherMethods.length > 0) {
    sectionTitle(doc, 'Autres modes de paiement du jour (pour information)');
    for (const m of z.otherMethods) {
      const y = doc.y;
      drawLine(doc, m.label, left + 8, y, { size: 9.5 });
      drawLine(doc, m.value, left, y, { size: 9.5, width: width - 8, align: 'right' });
      doc.y = y + 15;
    }
  }
  footers(doc, z.footer);
  return pdfBuffer(doc);
}

/** The same report as rows of the counter's 80 mm roll: each movement on its lines, reasons wrapped. */
function zReportRows(z: ZReportContent): RollRow[] {
  const rule: RollRow = { text: '', rule: true };
  const rows: RollRow[] = [
    { text: z.companyName, bold: true, size: 11, center: true },
    { text: 'RAPPORT Z', bold: true, size: 12, center: true },
    { text: z.title.replace(/^Rapport Z — /, ''), bold: true, center: true },
    { text: z.session, muted: true, center: true },
    ...z.facts.map((f) => ({ text: f, muted: true })),
    rule,
    { text: 'Mouvements d’espèces', bold: true },
  ];
  if (z.movements.length === 0) rows.push({ text: 'Aucun mouvement.', muted: true });
  for (const m of z.movements) {
    rows.push({ text: `${m.time} ${m.kind}`, right: m.amount });
    if (m.what) rows.push({ text: m.what, muted: true });
    if (m.by) rows.push({ text: `par ${m.by}`, muted: true });
  }
  rows.push(rule, { text: 'Solde', bold: true });
  for (const f of z.balance) rows.push({ text: f.label, right: f.value, bold: f.strong });
  if (z.count) {
    rows.push(rule, { text: 'Comptage', bold: true });
    for (const c of z.count) rows.push({ text: `${c.denomination} × ${c.number}`, right: c.total });
    if (z.closeNote) rows.push({ text: `Observation : ${z.closeNote}`, muted: true });
  }
  if (z.otherMethods.length > 0) {
    rows.push(rule, { text: 'Autres modes de paiement du jour (pour information)', bold: true });
    for (const m of z.otherMethods) rows.push({ text: m.label, right: m.value });
  }
  rows.push(rule, { text: z.footer, muted: true, center: true });
  return rows;
}

/** The Z report of one cash session, on A4 or on the counter's 80 mm roll. */
export function zReportPdf(
  session: CashSessionDto,
  companyName: string,
  format: ZReportFormat = 'a4',
): Promise<Buffer> {
  const z = zReportContent(session, companyName);
  if (format === 'a4') return zReportA4(z);
  return rollPdf(zReportRows(z), { title: z.documentTitle, createdAt: z.createdAt });
}
