import PDFDocument from 'pdfkit';
import { hasArabic, visualRuns } from './bidi-runs';
import { fontFor, parsedFonts, type FontName } from './fonts';
import { shareFontWork } from './shared-fonts';

export type Pdf = PDFKit.PDFDocument;

export interface PdfMeta {
  title: string;
  /** Fixed in the file, so the same document rendered twice gives the same bytes. */
  createdAt: Date;
  size?: 'A4' | 'A5' | [number, number];
  margin?: number;
}

/** A PDFKit document with the embedded fonts registered and page buffering on (for "page N / M" footers). */
export function createPdf(meta: PdfMeta): Pdf {
  const options: Omit<PDFKit.PDFDocumentOptions, 'font'> & { font: null } = {
    // No default font: PDFKit would parse Helvetica's metrics for every document, and we never draw with it.
    font: null,
    size: meta.size ?? 'A4',
    margin: meta.margin ?? 50,
    bufferPages: true,
    info: {
      Title: meta.title,
      Creator: 'Guichet',
      Producer: 'Guichet',
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
  };
  const doc = new PDFDocument(options as unknown as PDFKit.PDFDocumentOptions);
  for (const [name, font] of Object.entries(parsedFonts())) {
    doc.registerFont(name, font as unknown as PDFKit.Mixins.PDFFontSource);
  }
  useFont(doc, 'regular', 12);
  return doc;
}

/** Selects a font and size, the font sharing with other documents what only the font decides (shared-fonts.ts). */
function useFont(doc: Pdf, name: FontName, size: number): Pdf {
  doc.font(name).fontSize(size);
  shareFontWork((doc as Pdf & { _font: unknown })._font, name);
  return doc;
}

export function pdfBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
}

/**
 * The pieces of a line in visual order, each with its font. A right-to-left run is cut at its spaces and its words laid
 * out in reverse, each word shaped on its own: fontkit reverses the glyphs of an Arabic word correctly, but misplaces
 * the spaces inside a longer right-to-left run.
 */
function runsWithFonts(text: string, style: TextStyle) {
  const bold = style.bold ?? false;
  return visualRuns(text).flatMap((run) => {
    if (!run.rtl) return [{ text: run.text, font: fontFor(run.script, bold), arabic: run.script === 'arabic' }];
    return run.text
      .split(/(\s+)/)
      .filter(Boolean)
      .reverse()
      .map((token) => {
        const space = /^\s+$/.test(token);
        return { text: token, font: fontFor(space ? 'latin' : 'arabic', bold), arabic: !space };
      });
  });
}

/** Width of one line of mixed French/Arabic text in the given style. */
export function lineWidth(doc: Pdf, text: string, style: TextStyle = {}): number {
  const size = style.size ?? 10;
  return runsWithFonts(text, style).reduce((sum, run) => sum + useFont(doc, run.font, size).widthOfString(run.text), 0);
}

/**
 * Draws one line of text that may mix French and Arabic (e.g. "Client : محمد العلوي — SARL Atlas"): runs in visual order,
 * each in its own font. `align` places it within `width` from x.
 */
export function drawLine(
  doc: Pdf,
  text: string,
  x: number,
  y: number,
  style: TextStyle & { width?: number; align?: 'left' | 'right' | 'center' } = {},
): void {
  const size = style.size ?? 10;
  const runs = runsWithFonts(text, style);
  let cursor = x;
  // Only a right or centred line needs its width measured first.
  if (style.align === 'right' || style.align === 'center') {
    const total = lineWidth(doc, text, style);
    const free = (style.width ?? total) - total;
    cursor += style.align === 'right' ? free : free / 2;
  }
  doc.fillColor(style.color ?? '#1a1a1a');
  for (const run of runs) {
    useFont(doc, run.font, size);
    // Arabic glyphs sit higher in Noto Naskh's metrics: nudge them onto the Latin baseline.
    const dy = run.arabic ? -size * 0.28 : 0;
    doc.text(run.text, cursor, y + dy, { lineBreak: false });
    cursor += doc.widthOfString(run.text);
  }
}

/**
 * Wraps mixed text into lines no wider than `width`, breaking between words. PDFKit lays text out word by word (it
 * splits at spaces), so the width of Latin text is the sum of its words' widths: each word is measured once. A line
 * with Arabic is measured whole, its runs being reordered. A word wider than the line (an e-mail address, a long
 * reference) is broken between its characters rather than printed over what stands beside it.
 */
/** A word cut into the longest pieces that fit (at least one character each). */
function breakWord(word: string, fits: (s: string) => boolean): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && !fits(piece + ch)) {
      pieces.push(piece);
      piece = ch;
    } else piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

export function wrapLines(doc: Pdf, text: string, width: number, style: TextStyle = {}): string[] {
  const lines: string[] = [];
  const size = style.size ?? 10;
  const latin = fontFor('latin', style.bold ?? false);
  const measure = (s: string) => useFont(doc, latin, size).widthOfString(s);
  for (const paragraph of text.split(/\r?\n/)) {
    const arabic = hasArabic(paragraph);
    const fits = (s: string) => (arabic ? lineWidth(doc, s, style) : measure(s)) <= width;
    const words = paragraph
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((word) => (fits(word) ? [word] : breakWord(word, fits)));
    if (arabic) {
      let line = '';
      for (const word of words) {
        const candidate = line ? `${line} ${word}` : word;
        if (line && lineWidth(doc, candidate, style) > width) {
          lines.push(line);
          line = word;
        } else line = candidate;
      }
      lines.push(line);
      continue;
    }
    const space = measure(' ');
    let line = '';
    let lineWidthSoFar = 0;
    for (const word of words) {
      const w = measure(word);
      if (line && lineWidthSoFar + space + w > width) {
        lines.push(line);
        line = word;
        lineWidthSoFar = w;
      } else {
        lineWidthSoFar += line ? space + w : w;
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines;
}
