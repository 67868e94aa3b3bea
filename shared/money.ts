/**
 * Money is an integer number of centimes, everywhere: storage, API, computation. Never a float.
 * Rates (VAT, stamp duty) are basis points: 2000 = 20 %.
 */

export type Centimes = number;
export type BasisPoints = number;

export const CURRENCIES = ['MAD', 'EUR', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export function isCentimes(value: unknown): value is Centimes {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertCentimes(value: number): Centimes {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole number of centimes: ${value}`);
  return value;
}

const CURRENCY_SUFFIX: Record<Currency, string> = { MAD: 'DH', EUR: '€', USD: '$' };
/** U+202F NARROW NO-BREAK SPACE: the French thousands separator (Intl uses it too). */
const THIN_SPACE = '\u202f';

/** "1 234,50 DH", "12,00 €", "-3,05 $". Our own formatter: Intl would print "MAD". */
export function formatMoney(centimes: Centimes, currency: Currency = 'MAD'): string {
  assertCentimes(centimes);
  const sign = centimes < 0 ? '-' : '';
  const abs = Math.abs(centimes);
  const units = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  const grouped = String(units).replace(/\B(?=(\d{3})+(?!\d))/g, THIN_SPACE);
  return `${sign}${grouped},${cents}\u00a0${CURRENCY_SUFFIX[currency]}`;
}

/**
 * Reads an amount typed by a person ("1 234,5", "1234.50", "12") into centimes; null when it is not an amount with at
 * most two decimals. Any space (normal, no-break, thin) is a thousands separator; comma or dot is the decimal mark.
 */
export function parseMoney(text: string): Centimes | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  const match = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const [, sign, units = '', decimals = ''] = match;
  const value = Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(value)) return null;
  return sign === '-' ? -value : value;
}

/** "20 %", "0,25 %" from basis points. */
export function formatRate(bp: BasisPoints): string {
  const whole = Math.trunc(bp / 100);
  const frac = Math.abs(bp % 100);
  return frac === 0 ? `${whole}\u00a0%` : `${whole},${String(frac).padStart(2, '0').replace(/0$/, '')}\u00a0%`;
}
