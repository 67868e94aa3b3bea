import { existsSync } from 'node:fs';
import path from 'node:path';
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
    path.resolve(__dirname, '..', '..', 'build', 'fonts'),
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
