import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Phones are read as Moroccan unless they carry their own country code. */
export const DEFAULT_PHONE_COUNTRY = 'MA';

/** E.164 form (+212661234567) of a phone typed in any usual format, or null when it is not a valid number. */
export function normalizePhone(text: string): string | null {
  const parsed = parsePhoneNumberFromString(text, DEFAULT_PHONE_COUNTRY);
  return parsed?.isValid() ? parsed.number : null;
}

export function phoneError(text: string): string | null {
  return normalizePhone(text) ? null : 'Numéro de téléphone invalide (ex. 0661 23 45 67 ou +212 661 23 45 67).';
}

/**
 * A phone as a spreadsheet cell that no spreadsheet reads as a formula or a number (SPEC §8, CSV exports): Moroccan
 * numbers in their national form ("06 61 23 45 67"), the others with 00 and their country code ("0033 6 12 34 56 78").
 */
export function spreadsheetPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164, DEFAULT_PHONE_COUNTRY);
  if (!parsed) return e164.replace(/^\+/, '00');
  return parsed.country === DEFAULT_PHONE_COUNTRY
    ? parsed.formatNational()
    : parsed.formatInternational().replace(/^\+/, '00');
}
