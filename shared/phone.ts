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
