import type { Centimes, Currency } from './money';

/**
 * French amounts in words for "Arrêtée la présente facture à la somme de : …" (Moroccan convention), traditional
 * spelling: hyphens below one hundred only, "et" in 21, 31 … 71, "quatre-vingts" and "deux cents" plural only at the
 * end of the number or before million/milliard, "mille" invariable, "un million de dirhams".
 */

const UNITS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
];
const TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

function below100(n: number, final: boolean): string {
  if (n <= 16) return UNITS[n] ?? '';
  if (n < 20) return `dix-${UNITS[n - 10] ?? ''}`;
  if (n < 70) {
    const tens = TENS[Math.floor(n / 10)] ?? '';
    const unit = n % 10;
    if (unit === 0) return tens;
    return unit === 1 ? `${tens} et un` : `${tens}-${UNITS[unit] ?? ''}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${below100(n - 60, final)}`;
  if (n === 80) return final ? 'quatre-vingts' : 'quatre-vingt';
  return `quatre-vingt-${below100(n - 80, final)}`;
}

/** 0–999; `final` when nothing but a noun (million, milliard, the currency) follows, for the plural of cents/vingts. */
function below1000(n: number, final: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (hundreds === 1) words.push('cent');
  else if (hundreds > 1) words.push(`${UNITS[hundreds] ?? ''} ${rest === 0 && final ? 'cents' : 'cent'}`);
  if (rest > 0 || hundreds === 0) words.push(below100(rest, final));
  return words.join(' ');
}

/** A whole number in French words (up to 999 999 999 999). */
export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`Out of range: ${n}`);
  if (n === 0) return 'zéro';
  const billions = Math.floor(n / 1e9);
  const millions = Math.floor((n % 1e9) / 1e6);
  const thousands = Math.floor((n % 1e6) / 1e3);
  const units = n % 1e3;
  const words: string[] = [];
  if (billions) words.push(`${below1000(billions, true)} ${billions > 1 ? 'milliards' : 'milliard'}`);
  if (millions) words.push(`${below1000(millions, true)} ${millions > 1 ? 'millions' : 'million'}`);
  if (thousands) words.push(thousands === 1 ? 'mille' : `${below1000(thousands, false)} mille`);
  if (units) words.push(below1000(units, true));
  return words.join(' ');
}

const NAMES: Record<Currency, { unit: [string, string]; cent: [string, string] }> = {
  MAD: { unit: ['dirham', 'dirhams'], cent: ['centime', 'centimes'] },
  EUR: { unit: ['euro', 'euros'], cent: ['centime', 'centimes'] },
  USD: { unit: ['dollar', 'dollars'], cent: ['cent', 'cents'] },
};

/** "mille deux cents dirhams et cinquante centimes", "un million de dirhams", "zéro dirham". */
export function amountInWords(centimes: Centimes, currency: Currency = 'MAD'): string {
  if (!Number.isSafeInteger(centimes) || centimes < 0) throw new RangeError(`Not a positive amount: ${centimes}`);
  const { unit, cent } = NAMES[currency];
  const whole = Math.floor(centimes / 100);
  const fraction = centimes % 100;
  // "un million de dirhams": de after a round million or milliard.
  const de = whole >= 1e6 && whole % 1e6 === 0 ? ' de' : '';
  const main = `${numberInWords(whole)}${de} ${whole > 1 ? unit[1] : unit[0]}`;
  if (fraction === 0) return main;
  return `${main} et ${numberInWords(fraction)} ${fraction > 1 ? cent[1] : cent[0]}`;
}
