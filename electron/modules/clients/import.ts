import type { ImportField, ImportPreview, ImportRowReport } from '../../../shared/api/clients';
import {
  CLIENT_LEGAL_FORMS,
  clientDisplayName,
  clientInputSchema,
  type ClientFields,
  type ClientInput,
} from '../../../shared/client';
import { searchText } from '../../../shared/search-text';
import { fieldErrors } from '../../../shared/validation';
import { parseCsv } from '../../csv';

export type Mapping = Partial<Record<ImportField, number>>;

const KIND: Record<string, 'individual' | 'company'> = {
  particulier: 'individual',
  individual: 'individual',
  personne: 'individual',
  'personne physique': 'individual',
  entreprise: 'company',
  societe: 'company',
  company: 'company',
  'personne morale': 'company',
};
const LANGUAGE: Record<string, string> = {
  francais: 'fr',
  french: 'fr',
  arabe: 'ar',
  arabic: 'ar',
  anglais: 'en',
  english: 'en',
};
const CURRENCY: Record<string, string> = {
  dh: 'MAD',
  dhs: 'MAD',
  dirham: 'MAD',
  dirhams: 'MAD',
  '€': 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  $: 'USD',
  dollar: 'USD',
  dollars: 'USD',
};
const COUNTRY: Record<string, string> = {
  maroc: 'MA',
  morocco: 'MA',
  france: 'FR',
  espagne: 'ES',
  spain: 'ES',
  belgique: 'BE',
  belgium: 'BE',
};

const split = (value: string, separator: RegExp) =>
  value
    .split(separator)
    .map((v) => v.trim())
    .filter(Boolean);

/** One CSV row as a client input, values read the forgiving way a person would (French or English words). */
export function rowToInput(row: string[], mapping: Mapping): ClientInput {
  const get = (field: ImportField) => {
    const index = mapping[field];
    return index === undefined ? '' : (row[index] ?? '').trim();
  };
  const kindText = searchText(get('kind'));
  const legalForm = CLIENT_LEGAL_FORMS.find((f) => searchText(f) === searchText(get('legalForm'))) ?? get('legalForm');
  const language = get('language').toLowerCase();
  const currency = get('currency');
  const country = get('country');
  return {
    kind:
      KIND[kindText] ?? (kindText === '' ? (get('companyName') ? 'company' : 'individual') : (kindText as 'company')),
    firstName: get('firstName'),
    lastName: get('lastName'),
    companyName: get('companyName'),
    legalForm: legalForm as ClientInput['legalForm'],
    contactPerson: get('contactPerson'),
    emails: split(get('email'), /[;,\s]+/),
    phones: split(get('phone'), /[/;,]/),
    address: get('address'),
    city: get('city'),
    country: country ? (COUNTRY[searchText(country)] ?? country) : 'MA',
    language: (LANGUAGE[searchText(language)] ?? (language || 'fr')) as ClientInput['language'],
    currency: (CURRENCY[currency.toLowerCase()] ?? (currency.toUpperCase() || 'MAD')) as ClientInput['currency'],
    ice: get('ice').replace(/\s/g, ''),
    ifNumber: get('ifNumber'),
    rcNumber: get('rcNumber'),
    patente: get('patente'),
    cin: get('cin'),
    passport: get('passport'),
    notes: get('notes'),
    consentSource: 'import',
  };
}

export interface CheckedImport extends ImportPreview {
  clients: ClientFields[];
}

/** Reads and checks every row; line numbers are the file's (the header is line 1). */
export function checkImport(csv: string, mapping: Mapping): CheckedImport {
  const [headers = [], ...rows] = parseCsv(csv);
  const reports: ImportRowReport[] = [];
  const clients: ClientFields[] = [];
  rows.forEach((row, i) => {
    const input = rowToInput(row, mapping);
    const parsed = clientInputSchema.safeParse(input);
    const displayName = clientDisplayName({
      kind: input.kind,
      firstName: input.firstName ?? '',
      lastName: input.lastName ?? '',
      companyName: input.companyName ?? '',
      legalForm: input.legalForm ?? '',
    });
    if (parsed.success) clients.push(parsed.data);
    reports.push({ line: i + 2, displayName, errors: parsed.success ? {} : fieldErrors(parsed.error) });
  });
  const invalid = reports.filter((r) => Object.keys(r.errors).length > 0).length;
  return { headers, rows: reports, valid: reports.length - invalid, invalid, clients };
}
