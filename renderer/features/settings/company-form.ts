import type { CompanySettings, CompanySettingsInput } from '../../../shared/company';
import { formatMoney, parseMoney } from '../../../shared/money';

/** The settings form as typed: texts everywhere, the capital as "1 234,50", the VAT rate in percent. */
export interface CompanyFormValues {
  name: string;
  legalForm: string | null;
  address: string;
  city: string;
  phone: string;
  email: string;
  website: string;
  logo: string | null;
  ice: string;
  ifNumber: string;
  rcNumber: string;
  rcCourt: string;
  patente: string;
  cnss: string;
  capital: string;
  rib: string;
  bank: string;
  ccpAccount: string;
  wafacashBeneficiary: string;
  vatRate: number | string;
  prefixes: { proforma: string; invoice: string; creditNote: string; receipt: string };
}

export type CompanyFormField =
  Exclude<keyof CompanyFormValues, 'prefixes'> | `prefixes.${keyof CompanyFormValues['prefixes']}`;

/** The input paths of the API whose form field has another name. */
export const API_TO_FORM_FIELD: Record<string, CompanyFormField> = { defaultVatRate: 'vatRate' };

export const TABS = ['identity', 'legal', 'bank', 'documents', 'stampDuty', 'email', 'security', 'printers'] as const;
export type SettingsTab = (typeof TABS)[number];

const FIELD_TAB: Record<CompanyFormField, SettingsTab> = {
  name: 'identity',
  legalForm: 'identity',
  address: 'identity',
  city: 'identity',
  phone: 'identity',
  email: 'identity',
  website: 'identity',
  logo: 'identity',
  ice: 'legal',
  ifNumber: 'legal',
  rcNumber: 'legal',
  rcCourt: 'legal',
  patente: 'legal',
  cnss: 'legal',
  capital: 'legal',
  rib: 'bank',
  bank: 'bank',
  ccpAccount: 'bank',
  wafacashBeneficiary: 'bank',
  vatRate: 'documents',
  'prefixes.proforma': 'documents',
  'prefixes.invoice': 'documents',
  'prefixes.creditNote': 'documents',
  'prefixes.receipt': 'documents',
};

/** Which tab holds an error path ("prefixes" alone lands on Documents too). */
export function tabOfField(path: string): SettingsTab {
  if (path.startsWith('prefixes')) return 'documents';
  return (FIELD_TAB as Partial<Record<string, SettingsTab>>)[path] ?? 'identity';
}

/** Number of errors per tab, for the red counters on the tab labels. */
export function errorsByTab(errors: Record<string, unknown>): Partial<Record<SettingsTab, number>> {
  const counts: Partial<Record<SettingsTab, number>> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (!message) continue;
    const tab = tabOfField(path);
    counts[tab] = (counts[tab] ?? 0) + 1;
  }
  return counts;
}

/** "1 234,50" from centimes: the money format without the currency, which the field shows beside it. */
export function formatAmountInput(centimes: number): string {
  return formatMoney(centimes).replace(/\u00a0DH$/, '');
}

export function emptyCompanyForm(): CompanyFormValues {
  return {
    name: '',
    legalForm: 'SARL',
    address: '',
    city: '',
    phone: '',
    email: '',
    website: '',
    logo: null,
    ice: '',
    ifNumber: '',
    rcNumber: '',
    rcCourt: '',
    patente: '',
    cnss: '',
    capital: '',
    rib: '',
    bank: '',
    ccpAccount: '',
    wafacashBeneficiary: '',
    vatRate: 20,
    prefixes: { proforma: 'PF', invoice: 'FA', creditNote: 'AV', receipt: 'RE' },
  };
}

export function companyFormValues(settings: CompanySettings | null): CompanyFormValues {
  if (!settings) return emptyCompanyForm();
  const { capital, defaultVatRate, prefixes, ...texts } = settings;
  return {
    ...texts,
    capital: capital === 0 ? '' : formatAmountInput(capital),
    vatRate: defaultVatRate / 100,
    prefixes: { ...prefixes },
  };
}

export type ToInputResult =
  | { ok: true; input: CompanySettingsInput }
  | { ok: false; errors: Partial<Record<'capital' | 'vatRate', 'invalidAmount' | 'invalidRate'>> };

/** The API input from the form; the two typed-number fields are read here, the rest is validated by the main process. */
export function companyInput(values: CompanyFormValues): ToInputResult {
  const { capital: capitalText, vatRate: vatText, legalForm, ...texts } = values;
  const capital = capitalText.trim() === '' ? 0 : parseMoney(capitalText);
  const rate = typeof vatText === 'number' ? vatText : Number(vatText.replace(',', '.'));
  const errors: Extract<ToInputResult, { ok: false }>['errors'] = {};
  if (capital === null || capital < 0) errors.capital = 'invalidAmount';
  const rateMissing = typeof vatText === 'string' && vatText.trim() === '';
  if (rateMissing || !Number.isFinite(rate) || rate < 0 || rate > 100) errors.vatRate = 'invalidRate';
  if (capital === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      ...texts,
      // An unknown form is left for the main process to refuse with its own message.
      legalForm: (legalForm ?? '') as CompanySettingsInput['legalForm'],
      capital,
      defaultVatRate: Math.round(rate * 100),
      prefixes: { ...values.prefixes },
    },
  };
}

/** "FA-2026-000123": how a number of the series will look. */
export function numberExample(prefix: string, year: number): string {
  return `${prefix.trim() || '—'}-${year}-000123`;
}
