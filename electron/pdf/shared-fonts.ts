import { deflateSync } from 'node:zlib';
import type { FontName } from './fonts';

/**
 * What every document shares with the others, as PDFKit opens a font for each document. Both caches hold only what the
 * font alone decides, so a document prints the same bytes whatever was printed before it (test/integration/
 * pdf-output.test.ts checks it against the files printed without them).
 */

/** PDFKit's per-document font object (EmbeddedFont), as far as Guichet reaches into it. */
interface OpenedFont {
  layoutCache?: Record<string, unknown>;
  subset: { glyphs: number[]; includeGlyph(id: number): number; encode(): Uint8Array };
  document: { compress: boolean; ref: (data?: Record<string, unknown>) => PdfReference };
  embed(): unknown;
}

interface PdfReference {
  data: Record<string, unknown>;
  compress: boolean;
  write(chunk: Uint8Array): void;
  end(chunk?: Uint8Array): void;
  finalize(): void;
}

/** Words laid out per font before the shared cache starts afresh (client names and amounts keep coming). */
const SHARED_RUNS_LIMIT = 50_000;
/** Embedded font files kept (a few tens of kilobytes each). */
const FONT_FILES_LIMIT = 64;

const sharedRuns = new Map<FontName, { runs: Record<string, unknown>; adoptions: number }>();
const fontFiles = new Map<string, { deflated: Uint8Array; glyphs: number[] }>();
const prepared = new WeakSet<object>();

/**
 * PDFKit lays text out word by word and keeps each word's glyphs and positions (scaled to its units) in a cache per
 * document and per font: every document started it empty, so every word of every document was shaped, copied and
 * scaled again, which made most of a proforma's allocations and so of its garbage collections (the p95 tail). The runs
 * depend only on the font and the word, and PDFKit only reads them (a justified line copies the position it changes).
 */
function shareLayoutCache(font: OpenedFont, name: FontName): void {
  let shared = sharedRuns.get(name);
  if (shared && font.layoutCache === shared.runs) return;
  if (!font.layoutCache) return; // PDFKit's layout cache turned off for this document: nothing to share.
  // Counting the words walks the cache: only every 64th document.
  if (!shared || (++shared.adoptions % 64 === 0 && Object.keys(shared.runs).length >= SHARED_RUNS_LIMIT)) {
    shared = { runs: Object.create(null) as Record<string, unknown>, adoptions: 0 };
    sharedRuns.set(name, shared);
  }
  font.layoutCache = shared.runs;
}

/**
 * The embedded font file (the TrueType subset, deflated) of a document depends only on the font and on its glyphs in
 * the order the document first used them. Encoding the subset (tables, hinting programs, outlines) and deflating it was
 * half of a one-page proforma's time; renewal proformas, receipts and reprints use the same glyphs in the same order,
 * so the file is made once. PDFKit's own steps are kept: the same zlib call on the same bytes, the same dictionary.
 */
function shareEmbeddedFile(font: OpenedFont, name: FontName): void {
  const embed = font.embed.bind(font);
  if (!font.document.compress) return; // a file stored uncompressed: PDFKit's own way
  font.embed = () => {
    const key = `${name}:${font.subset.glyphs.join(',')}`;
    let file = fontFiles.get(key);
    if (!file) {
      const encoded = font.subset.encode(); // may add the components of composite glyphs to the subset
      file = { deflated: deflateSync(encoded), glyphs: [...font.subset.glyphs] };
      if (fontFiles.size >= FONT_FILES_LIMIT) fontFiles.delete(fontFiles.keys().next().value ?? '');
      fontFiles.set(key, file);
    } else {
      fontFiles.delete(key); // most recently used last
      fontFiles.set(key, file);
      for (const glyph of file.glyphs) font.subset.includeGlyph(glyph);
    }
    const { deflated } = file;
    const document = font.document;
    const ref = document.ref;
    // The font file is the first object embed() makes: it gets the deflated bytes as they are.
    document.ref = (data) => {
      document.ref = ref;
      const fontFile = ref.call(document, data);
      fontFile.compress = false;
      fontFile.end = () => {
        fontFile.write(deflated);
        fontFile.data.Filter = 'FlateDecode';
        fontFile.finalize();
      };
      return fontFile;
    };
    font.subset.encode = () => deflated;
    try {
      return embed();
    } finally {
      document.ref = ref;
    }
  };
}

/** Called after `doc.font(name)`: the font PDFKit opened for this document uses what the process already made. */
export function shareFontWork(opened: unknown, name: FontName): void {
  const font = opened as OpenedFont;
  shareLayoutCache(font, name);
  if (prepared.has(font)) return;
  prepared.add(font);
  shareEmbeddedFile(font, name);
}
