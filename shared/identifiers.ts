/**
 * Moroccan identifiers. Each validator returns null when the value is valid, or a French message saying what is wrong.
 * Values are never altered here: the caller stores exactly what the user typed, once it is valid.
 */

const digitsOnly = /^\d+$/;

/** ICE (Identifiant Commun de l'Entreprise): exactly 15 digits. */
export function iceError(value: string): string | null {
  if (!digitsOnly.test(value)) return "L'ICE ne doit contenir que des chiffres.";
  if (value.length !== 15) return `L'ICE doit comporter 15 chiffres (ici ${value.length}).`;
  return null;
}

function digitsError(label: string, value: string, min: number, max: number): string | null {
  if (!digitsOnly.test(value)) return `${label} ne doit contenir que des chiffres.`;
  if (value.length < min || value.length > max) {
    return min === max
      ? `${label} doit comporter ${min} chiffres.`
      : `${label} doit comporter de ${min} à ${max} chiffres.`;
  }
  return null;
}

/** Identifiant fiscal (IF): up to 10 digits in practice (8 for most companies). */
export const ifError = (value: string) => digitsError("L'identifiant fiscal (IF)", value, 1, 10);
/** Registre de commerce number (the court is stored beside it). */
export const rcError = (value: string) => digitsError('Le numéro de RC', value, 1, 10);
/** Taxe professionnelle (patente). */
export const patenteError = (value: string) => digitsError('Le numéro de patente (TP)', value, 1, 10);
/** CNSS affiliation number of an employer: 7 digits. */
export const cnssError = (value: string) => digitsError('Le numéro CNSS', value, 7, 7);

/** Moroccan RIB: 24 digits = bank (3) + city (3) + account (16) + key (2). */
export interface RibParts {
  bank: string;
  city: string;
  account: string;
  key: string;
}

export function ribError(value: string): string | null {
  if (!digitsOnly.test(value)) return 'Le RIB ne doit contenir que des chiffres (sans espaces).';
  if (value.length !== 24) return `Le RIB doit comporter 24 chiffres (ici ${value.length}).`;
  return null;
}

export function ribParts(value: string): RibParts {
  return { bank: value.slice(0, 3), city: value.slice(3, 6), account: value.slice(6, 22), key: value.slice(22, 24) };
}

/** The RIB key is right when the whole 24-digit number is divisible by 97 (computed piecewise: it exceeds 2^53). */
export function ribKeyMatches(value: string): boolean {
  let remainder = 0;
  for (const ch of value) remainder = (remainder * 10 + Number(ch)) % 97;
  return remainder === 0;
}

/** The key that would make the RIB valid, to suggest it in a warning. */
export function expectedRibKey(value: string): string {
  let remainder = 0;
  for (const ch of value.slice(0, 22)) remainder = (remainder * 10 + Number(ch)) % 97;
  const key = (97 - ((remainder * 100) % 97)) % 97;
  return String(key).padStart(2, '0');
}

/** CIN (carte d'identité nationale): one or two letters then digits, e.g. "AB123456" or "J123456". */
export function cinError(value: string): string | null {
  if (!/^[A-Z]{1,2}\d{1,6}$/.test(value)) {
    return 'Le numéro de CIN doit comporter une ou deux lettres majuscules suivies de 1 à 6 chiffres (ex. AB123456).';
  }
  return null;
}
