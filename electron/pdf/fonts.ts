import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { create, type FontkitFont, type Glyph, type GlyphRun } from 'fontkit';
import type { Script } from './bidi-runs';

export const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  arabic: 'NotoNaskhArabic-Regular.ttf',
  arabicBold: 'NotoNaskhArabic-Bold.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

/**
 * Where the embedded fonts are: GUICHET_FONTS_DIR if set; the packaged app's resources/fonts; else build/fonts of the
 * source tree (from electron/pdf when run from source, from dist/main when built).
 */
export function fontsDir(): string {
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env.GUICHET_FONTS_DIR,
    resources ? path.join(resources, 'fonts') : undefined,
    // Absent when run as an ES module (tsx scripts, the bench): the working-directory candidate serves then.
    typeof __dirname === 'string' ? path.resolve(__dirname, '..', '..', 'build', 'fonts') : undefined,
    path.resolve(process.cwd(), 'build', 'fonts'),
  ];
  const found = candidates.find((dir) => dir && existsSync(path.join(dir, FONT_FILES.regular)));
  if (!found) throw new Error(`Polices introuvables (cherchées dans : ${candidates.filter(Boolean).join(', ')})`);
  return found;
}

export function fontFor(script: Script, bold: boolean): FontName {
  if (script === 'arabic') return bold ? 'arabicBold' : 'arabic';
  return bold ? 'bold' : 'regular';
}

let parsed: Record<FontName, FontkitFont> | null = null;

/**
 * The embedded fonts, read and parsed once per process. Parsing a TrueType file and rebuilding its glyph caches for
 * every document was most of the time of a one-page proforma; each document still makes its own subset.
 */
export function parsedFonts(): Record<FontName, FontkitFont> {
  if (!parsed) {
    const dir = fontsDir();
    const entries = Object.entries(FONT_FILES).map(([name, file]) => [
      name,
      withLayoutMemo(create(readFileSync(path.join(dir, file)))),
    ]);
    parsed = Object.fromEntries(entries) as Record<FontName, FontkitFont>;
  }
  return parsed;
}

const MEMO_LIMIT = 50_000;

/**
 * The font with its shaping remembered across documents. Shaping a word (OpenType lookups) costs far more than drawing
 * it, and the same words come back in every document (labels, the company, months, amounts). PDFKit scales the
 * positions of the run it gets in place, so each call returns fresh position objects over the shared glyphs.
 */
function withLayoutMemo(font: FontkitFont): FontkitFont {
  const memo = new Map<string, GlyphRun>();
  const layout = (text: string, features?: unknown): GlyphRun => {
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    let run = memo.get(key);
    if (!run) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      run = font.layout(text, features);
      memo.set(key, run);
    }
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((sum, p) => sum + p.xAdvance, 0);
      },
    };
  };
  const proxy: FontkitFont = new Proxy(font, {
    get(target, property, receiver) {
      if (property === 'layout') return layout;
      if (property === 'getGlyph') return getGlyph;
      // The subset is made on the proxy, so that it reads its glyphs through getGlyph below.
      if (property === 'createSubset') return () => target.createSubset.call(proxy);
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  // Each document's subset decodes every glyph it embeds again; a glyph's outline never changes, so decode it once.
  const decoded = new WeakSet<object>();
  const getGlyph = (id: number, characters?: number[]): Glyph => {
    const glyph = font.getGlyph(id, characters);
    if (!decoded.has(glyph)) {
      const decode = glyph._decode.bind(glyph);
      let outline: unknown;
      let done = false;
      glyph._decode = () => {
        if (!done) {
          outline = decode();
          done = true;
        }
        return outline;
      };
      decoded.add(glyph);
    }
    return glyph;
  };
  return proxy;
}
