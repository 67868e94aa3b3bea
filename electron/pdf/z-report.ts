import type { CashSessionDto } from '../../shared/api/cash';
import { DENOMINATIONS } from '../../shared/cash';
import { formatDateTime, formatTime } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import { paymentMethodLabel } from '../../shared/payment-methods';
import { createPdf, drawLine, pdfBuffer } from './document';
import { COLORS, footers, sectionTitle } from './layout';
import { drawTable } from './table';

const KINDS: Record<string, string> = {
  payment: 'Encaissement',
  void: 'Annulation',
  refund: 'Remboursement',
  out: 'Sortie',
  in: 'Apport',
};
const STATUS = { open: 'Ouverte', closed: 'Close', validated: 'Validée' } as const;

/** The Z report of one cash session (A4): its movements, the count by note and coin, and the difference. */
export function zReportPdf(session: CashSessionDto, companyName: string): Promise<Buffer> {
  const doc = createPdf({
    title: `Rapport Z — caisse ${session.id}`,
    createdAt: new Date(session.closedAt ?? session.openedAt),
  });
  const nameOf = (username: string | null) => (username === null ? '—' : (session.staffNames[username] ?? username));
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = doc.page.height - doc.page.margins.bottom - 20;
  drawLine(doc, companyName, left, 50, { size: 10, bold: true, color: COLORS.accent });
  drawLine(doc, `Rapport Z — ${session.desk}`, left, 68, { size: 17, bold: true });
  drawLine(doc, `Session n° ${session.id} — ${STATUS[session.status]}`, left, 68, {
    size: 10,
    width,
    align: 'right',
    color: COLORS.muted,
  });
  const facts = [
    `Ouverte le ${formatDateTime(session.openedAt)} par ${nameOf(session.openedBy)}, fonds de caisse ${formatMoney(session.float)}`,
    session.closedAt ? `Close le ${formatDateTime(session.closedAt)} par ${nameOf(session.closedBy)}` : 'Non close',
    session.validatedAt ? `Validée le ${formatDateTime(session.validatedAt)} par ${nameOf(session.validatedBy)}` : '',
  ].filter(Boolean);
  facts.forEach((f, i) => drawLine(doc, f, left, 96 + i * 13, { size: 9, color: COLORS.muted }));
  doc.y = 96 + facts.length * 13 + 8;

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
    session.movements.map((m) => ({
      cells: [
        formatTime(m.at),
        KINDS[m.kind] ?? m.kind,
        [m.paymentNumber, m.reason].filter(Boolean).join(' — '),
        m.username === null ? '' : nameOf(m.username),
        formatMoney(m.amount),
      ],
    })),
    { bottom, continueAt: doc.page.margins.top },
  );
  doc.y += 10;

  sectionTitle(doc, 'Solde');
  const rows: [string, string][] = [
    ['Fonds de caisse', formatMoney(session.float)],
    ['Entrées (encaissements, droits de timbre, apports)', formatMoney(session.cashIn)],
    ['Sorties (annulations, remboursements, dépôts)', formatMoney(-session.cashOut)],
    ['Attendu en caisse', formatMoney(session.expected)],
  ];
  if (session.counted !== null) {
    rows.push(['Compté', formatMoney(session.counted)]);
    rows.push(['Écart', formatMoney(session.difference ?? 0)]);
  }
  for (const [label, value] of rows) {
    const y = doc.y;
    drawLine(doc, label, left + 8, y, { size: 9.5 });
    drawLine(doc, value, left, y, { size: 9.5, bold: true, width: width - 8, align: 'right' });
    doc.y = y + 15;
  }

  if (session.counted !== null) {
    sectionTitle(doc, 'Comptage');
    drawTable(
      doc,
      [
        { header: 'Billet ou pièce', width: width / 3 },
        { header: 'Nombre', width: width / 3, align: 'right' },
        { header: 'Total', width: width / 3, align: 'right' },
      ],
      DENOMINATIONS.filter((d) => (session.count[String(d)] ?? 0) > 0).map((d) => {
        const n = session.count[String(d)] ?? 0;
        return { cells: [formatMoney(d), String(n), formatMoney(d * n)] };
      }),
      { bottom, continueAt: doc.page.margins.top },
    );
    doc.y += 10;
    if (session.closeNote) drawLine(doc, `Observation : ${session.closeNote}`, left, doc.y, { size: 9 });
    doc.y += 16;
  }

  if (session.otherMethods.length > 0) {
    sectionTitle(doc, 'Autres modes de paiement du jour (pour information)');
    for (const m of session.otherMethods) {
      const y = doc.y;
      drawLine(doc, `${paymentMethodLabel(m.method)} — ${m.count} paiement(s)`, left + 8, y, { size: 9.5 });
      drawLine(doc, formatMoney(m.total), left, y, { size: 9.5, width: width - 8, align: 'right' });
      doc.y = y + 15;
    }
  }
  footers(doc, `${companyName} — rapport Z de la caisse ${session.desk}, session ${session.id}`);
  return pdfBuffer(doc);
}
