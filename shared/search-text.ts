/**
 * The one normalisation of text for search, applied to what is indexed and to what is typed: lower case, no Latin
 * accents, no Arabic short vowels or tatweel, Arabic letter variants folded (أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي),
 * Arabic-Indic digits to ASCII, runs of spaces and punctuation to one space.
 */
const ARABIC_FOLD: Record<string, string> = {
  '\u0623': '\u0627',
  '\u0625': '\u0627',
  '\u0622': '\u0627',
  '\u0671': '\u0627',
  '\u0649': '\u064a',
  '\u0629': '\u0647',
  '\u0624': '\u0648',
  '\u0626': '\u064a',
};

export function searchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0622-\u0671]/g, (ch) => ARABIC_FOLD[ch] ?? ch)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.+]+/gu, ' ')
    .trim();
}

/** The words of a text, normalised, for the 1–2 letter prefix search. */
export function searchWords(text: string): string[] {
  return searchText(text)
    .split(/[\s@.+]+/)
    .filter((w) => w.length > 0);
}

/** Digits only, for phone-like queries: "06 61-23" → "066123". */
export function digitsOf(text: string): string {
  return searchText(text).replace(/\D/g, '');
}

/** The forms under which a phone is found: national with and without the leading 0, and international. */
export function phoneSearchForms(e164: string): string[] {
  const digits = e164.replace(/\D/g, '');
  if (e164.startsWith('+212')) {
    const national = digits.slice(3);
    return [`0${national}`, `212${national}`];
  }
  return [digits];
}
