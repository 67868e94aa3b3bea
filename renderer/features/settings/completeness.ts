import type { CompanySettings } from '../../../shared/company';

/** What a tax invoice must print (CGI art. 145) and payment instructions need: the fields the dashboard asks for. */
export const REQUIRED_FOR_DOCUMENTS = [
  'name',
  'address',
  'city',
  'ice',
  'ifNumber',
  'rcNumber',
  'patente',
  'cnss',
  'rib',
] as const;
export type RequiredField = (typeof REQUIRED_FOR_DOCUMENTS)[number];

export function missingCompanyFields(settings: CompanySettings | null): RequiredField[] {
  if (!settings) return [...REQUIRED_FOR_DOCUMENTS];
  return REQUIRED_FOR_DOCUMENTS.filter((field) => settings[field].trim() === '');
}
