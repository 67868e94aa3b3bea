import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { amountInWords } from '../../shared/amount-in-words';
import { formatMoney, formatRate } from '../../shared/money';
import { formatCalendarDate } from '../../shared/periods';
import { formatQuantity } from '../../shared/totals';
import type { PrintableDocument } from '../../electron/pdf/commercial-document';
import { fontsDir } from '../../electron/pdf/fonts';

const escape = (t: string) =>
  t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/**
 * The peer of the proforma PDF (SPEC §10): the same document as an HTML page with the same embedded fonts, for Chromium
 * to print with page.pdf(). It carries the same content as electron/pdf/commercial-document.ts, laid out by CSS.
 */
export function proformaHtml(d: PrintableDocument): string {
  const font = (file: string) => pathToFileURL(path.join(fontsDir(), file)).href;
  const money = (c: number) => formatMoney(c, d.currency);
  const s = d.seller;
  const b = d.buyer;
  const rows = d.lines
    .map(
      (l) =>
        `<tr><td>${escape(l.description)}${
          l.periodFrom && l.periodTo
            ? `<div class="muted">Période du ${formatCalendarDate(l.periodFrom)} au ${formatCalendarDate(l.periodTo)}</div>`
            : ''
        }</td><td class="n">${formatQuantity(l.quantity)}</td><td class="n">${money(l.unitPrice)}</td><td class="n">${formatRate(l.vatRate)}</td><td class="n">${money(l.amountHt)}</td></tr>`,
    )
    .join('');
  const vat = d.totals.vat
    .map((v) => `<tr><td>TVA ${formatRate(v.rate)} sur ${money(v.base)}</td><td class="n">${money(v.vat)}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>
@font-face { font-family: Doc; src: url("${font('DejaVuSans.ttf')}"); }
@font-face { font-family: Doc; font-weight: bold; src: url("${font('DejaVuSans-Bold.ttf')}"); }
@font-face { font-family: DocArabic; src: url("${font('NotoNaskhArabic-Regular.ttf')}"); }
@page { size: A4; margin: 15mm 15mm 25mm; }
body { font: 9pt Doc, DocArabic; color: #1a1a1a; }
header { display: flex; justify-content: space-between; }
h1 { color: #0f5c63; font-size: 19pt; margin: 0; text-align: right; }
.muted { color: #5f6b7a; font-size: 7.5pt; }
.boxes { display: flex; gap: 14pt; margin: 14pt 0; } .boxes > div { flex: 1; padding: 8pt; border-radius: 4pt; }
.facts { background: #eef3f5; } .client { border: 0.8pt solid #d5dbe3; }
table { width: 100%; border-collapse: collapse; } thead { display: table-header-group; }
th { background: #0f5c63; color: #fff; text-align: left; padding: 5pt; font-size: 8pt; }
td { padding: 5pt; border-bottom: 0.4pt solid #d5dbe3; vertical-align: top; } .n { text-align: right; white-space: nowrap; }
.totals { width: 250pt; margin-left: auto; } .ttc td { background: #0f5c63; color: #fff; font-weight: bold; }
footer { position: fixed; bottom: -15mm; font-size: 7pt; color: #5f6b7a; border-top: 0.5pt solid #d5dbe3; width: 100%; }
</style></head><body>
<header><div><b style="font-size:12.5pt">${escape(s.name)} ${escape(s.legalForm)}</b>
<div class="muted">${escape(s.address)}<br>${escape(s.city)}, Maroc<br>Tél. ${escape(s.phone)} — ${escape(s.email)}</div></div>
<div><h1>FACTURE PROFORMA</h1><b>${escape(d.number ?? '')}</b></div></header>
<div class="boxes"><div class="facts">Date d'émission <b>${formatCalendarDate(d.issueDate ?? '2026-01-01')}</b><br>
À régler avant le <b>${formatCalendarDate(d.dueDate ?? '2026-01-01')}</b><br>Devise <b>${d.currency}</b><br>Code client <b>${escape(b.code)}</b></div>
<div class="client"><span class="muted">CLIENT</span><br><b>${escape(b.name)}</b><br>${escape(b.address)}<br>${escape(b.city)}${
    b.ice ? `<br>ICE : ${escape(b.ice)}` : ''
  }</div></div>
<table><thead><tr><th>Désignation</th><th class="n">Qté</th><th class="n">P.U. HT</th><th class="n">TVA</th><th class="n">Montant HT</th></tr></thead><tbody>${rows}</tbody></table>
<table class="totals"><tr><td>Total HT</td><td class="n">${money(d.totals.ht)}</td></tr>${vat}<tr class="ttc"><td>Total TTC</td><td class="n">${money(d.totals.ttc)}</td></tr></table>
<p><b>Arrêtée la présente facture proforma à la somme de : ${amountInWords(d.totals.ttc, d.currency)}.</b></p>
<p><b style="color:#0f5c63">Modalités de paiement</b><br>Virement bancaire (${escape(s.bank)}) — RIB : ${escape(s.rib)}<br>
La Poste — CCP n° ${escape(s.ccpAccount)}<br>Wafacash — bénéficiaire : ${escape(s.wafacashBeneficiary)}</p>
<footer>${escape(s.name)} ${escape(s.legalForm)} — ICE ${escape(s.ice)} — IF ${escape(s.ifNumber)} — RC ${escape(s.rcNumber)} — TP ${escape(s.patente)} — CNSS ${escape(s.cnss)}</footer>
</body></html>`;
}
