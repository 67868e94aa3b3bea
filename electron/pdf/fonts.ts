import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { create, type FontkitFont, type Glyph } from 'fontkit';
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
      withDecodedGlyphs(create(readFileSync(path.join(dir, file)))),
    ]);
    parsed = Object.fromEntries(entries) as Record<FontName, FontkitFont>;
  }
  return parsed;
}

/**
 * The font with its glyphs' outlines decoded once per process: each document's subset read every glyph it embeds again.
 */
function withDecodedGlyphs(font: FontkitFont): FontkitFont {
  // PDFKit reads the font's methods on every word it measures: bind each one once, not at every read.
  const bound = new Map<PropertyKey, unknown>();
  const proxy: FontkitFont = new Proxy(font, {
    get(target, property, receiver) {
      if (property === 'getGlyph') return getGlyph;
      // The subset is made on the proxy, so that it reads its glyphs through getGlyph below.
      if (property === 'createSubset') return () => target.createSubset.call(proxy);
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      let method = bound.get(property);
      if (!method) bound.set(property, (method = (value as (...a: unknown[]) => unknown).bind(target)));
      return method;
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
