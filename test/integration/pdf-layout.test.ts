import { describe, expect, it } from 'vitest';
import { zReportPdf } from '../../electron/pdf/z-report';
import { overprinted, pdfText, pdfWords } from '../support/documents';
import { commercialDocumentPdf } from '../../electron/pdf/commercial-document';
import { sampleDocuments, sampleSession } from '../support/pdf-samples';

const voidReason = sampleSession.movements.find((m) => m.kind === 'void')?.reason ?? '';
const flat = (t: string) => t.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

/** Every word of `expected`, in its order, in the text of the PDF. */
function containsWords(text: string, expected: string): void {
  const words = flat(text).split(' ');
  let from = 0;
  for (const word of flat(expected).split(' ')) {
    const at = words.indexOf(word, from);
    expect(at, `« ${word} » of « ${expected} »`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}

describe('PDF layout: wrapped, never cut, never printed over', () => {
  it('wraps a long void reason in its column of the A4 Z report', async () => {
    const pdf = await zReportPdf(sampleSession, 'HeberDomaine SARL', 'a4');
    const { words } = pdfWords(pdf);
    expect(overprinted(words)).toEqual([]);
    containsWords(pdfText(pdf), voidReason);
    // The reason stays left of the "Par" column, whose header starts it.
    const par = words.find((w) => w.text === 'Par');
    const reasonWords = words.filter((w) => w.yMin > (par?.yMax ?? 0) && voidReason.includes(w.text));
    expect(reasonWords.length).toBeGreaterThan(10);
    for (const w of reasonWords.filter((r) => r.xMin < (par?.xMin ?? 0))) expect(w.xMax).toBeLessThan(par?.xMin ?? 0);
  });

  it('prints the Z report on the 80 mm roll, every word inside the paper', async () => {
    const pdf = await zReportPdf(sampleSession, 'HeberDomaine SARL', 'thermal');
    const { words, pageWidths } = pdfWords(pdf);
    expect(pageWidths).toEqual([226.77]);
    expect(overprinted(words)).toEqual([]);
    for (const w of words) expect(w.xMax, w.text).toBeLessThanOrEqual(226.77 - 11 + 0.5);
    const text = pdfText(pdf);
    containsWords(text, voidReason);
    for (const expected of [
      'RAPPORT Z',
      'Attendu en caisse',
      '2 304,50 DH',
      'Écart',
      '-0,50 DH',
      'Youssef El Mansouri',
    ]) {
      expect(flat(text)).toContain(expected);
    }
  });

  it('wraps the legal footer of an A4 document: every mention whole, the e-mail address too', async () => {
    const invoice = sampleDocuments().invoiceLongFooter;
    if (!invoice) throw new Error('No sample');
    const pdf = await commercialDocumentPdf(invoice);
    const text = pdfText(pdf);
    expect(text).not.toContain('…');
    const { words, pageWidths } = pdfWords(pdf);
    expect(overprinted(words)).toEqual([]);
    for (const w of words) expect(w.xMax, w.text).toBeLessThanOrEqual((pageWidths[0] ?? 0) - 42 + 0.5);
    const s = invoice.seller;
    for (const mention of [s.address, s.email, `RC n° ${s.rcNumber} (${s.rcCourt})`, `CNSS ${s.cnss}`]) {
      containsWords(text, mention);
    }
  });
});
