import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

export type Script = 'latin' | 'arabic';

/** A piece of a line drawn with one font, in visual order; RTL runs keep their logical order (the shaper reverses them). */
export interface TextRun {
  text: string;
  script: Script;
  rtl: boolean;
}

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

export function hasArabic(text: string): boolean {
  return ARABIC.test(text);
}

/**
 * Splits a line into runs of one direction and one script, in visual order (rule L2 of the Unicode bidi algorithm,
 * applied to whole runs). PDFKit's shaper (fontkit) joins Arabic letters and lays an Arabic run right to left itself, so
 * each run keeps its characters in logical order: only the runs are reordered. French documents: base direction LTR.
 */
export function visualRuns(text: string): TextRun[] {
  if (!hasArabic(text)) return text ? [{ text, script: 'latin', rtl: false }] : [];
  const { levels } = bidi.getEmbeddingLevels(text, 'ltr');
  const runs: (TextRun & { level: number })[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const level = levels[i] ?? 0;
    const rtl = level % 2 === 1;
    const script: Script = rtl || ARABIC.test(ch) ? 'arabic' : 'latin';
    const last = runs.at(-1);
    if (last?.level === level && last.script === script) last.text += ch;
    else runs.push({ text: ch, script, rtl, level });
  }
  const maxLevel = Math.max(...runs.map((r) => r.level));
  for (let level = maxLevel; level >= 1; level--) {
    for (let i = 0; i < runs.length;) {
      if ((runs[i]?.level ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && (runs[j]?.level ?? 0) >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.map(({ text: t, script, rtl }) => ({ text: t, script, rtl }));
}
