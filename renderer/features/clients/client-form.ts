import { compactIdentifier } from '../../../shared/validation';
import type { ClientDto, Input } from '../../../shared/api';
import type { ClientInput, ClientKind } from '../../../shared/client';
import type { CONSENT_SOURCES, LANGUAGES } from '../../../shared/client';
import { blankClientFields } from '../../../shared/client';
import type { Currency } from '../../../shared/money';

export type ClientLanguage = (typeof LANGUAGES)[number];
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/** The client form as the person fills it: contact rows may be empty, fields of the other kind may hold values. */
export interface ClientFormValues {
  kind: ClientKind;
  firstName: string;
  lastName: string;
  companyName: string;
  legalForm: string;
  contactPerson: string;
  phones: string[];
  emails: string[];
  address: string;
  city: string;
  country: string;
  language: ClientLanguage;
  currency: Currency;
  ice: string;
  ifNumber: string;
  rcNumber: string;
  patente: string;
  cin: string;
  passport: string;
  notes: string;
  tags: string[];
  consentSource: ConsentSource;
}

/** The contract allows five phones and five e-mails. */
export const MAX_CONTACTS = 5;

/** Fields that belong to one kind of client only: cleared for the other kind when the form is sent. */
const COMPANY_ONLY = ['companyName', 'legalForm', 'contactPerson', 'ice', 'ifNumber', 'rcNumber', 'patente'] as const;
const INDIVIDUAL_ONLY = ['firstName', 'lastName', 'cin', 'passport'] as const;

export function emptyClientForm(): ClientFormValues {
  // One empty row each, so the first phone and e-mail fields are there to type in.
  return { ...blankClientFields('individual'), phones: [''], emails: [''] };
}

/** A saved client in the form: phones as the client gave them, one empty row when a list is empty. */
export function clientFormValues(client: ClientDto): ClientFormValues {
  const phones = client.phones.map((p) => p.display);
  return {
    kind: client.kind,
    firstName: client.firstName,
    lastName: client.lastName,
    companyName: client.companyName,
    legalForm: client.legalForm,
    contactPerson: client.contactPerson,
    phones: phones.length > 0 ? phones : [''],
    emails: client.emails.length > 0 ? [...client.emails] : [''],
    address: client.address,
    city: client.city,
    country: client.country,
    language: client.language,
    currency: client.currency,
    ice: client.ice,
    ifNumber: client.ifNumber,
    rcNumber: client.rcNumber,
    patente: client.patente,
    cin: client.cin,
    passport: client.passport,
    notes: client.notes,
    tags: [...client.tags],
    consentSource: client.consentSource,
  };
}

/** Non-empty rows of a contact list, with the form row each one came from. */
function filledRows(rows: string[]): { values: string[]; rows: number[] } {
  const values: string[] = [];
  const indexes: number[] = [];
  rows.forEach((value, index) => {
    if (value.trim() === '') return;
    values.push(value);
    indexes.push(index);
  });
  return { values, rows: indexes };
}

export interface PreparedClient {
  input: ClientInput;
  /** For each phone sent, the form row it came from (the server names errors by position in what it received). */
  phoneRows: number[];
  emailRows: number[];
}

/**
 * What the form sends: empty contact rows dropped, the other kind's fields cleared. Validation stays with the shared
 * schema on the server, so the messages are the same wherever a client is written (form, import).
 */
export function prepareClient(values: ClientFormValues): PreparedClient {
  const phones = filledRows(values.phones);
  const emails = filledRows(values.emails);
  const cleared = values.kind === 'company' ? INDIVIDUAL_ONLY : COMPANY_ONLY;
  const input: ClientInput = {
    ...values,
    legalForm: values.legalForm as ClientInput['legalForm'],
    phones: phones.values,
    emails: emails.values,
    tags: [...values.tags],
  };
  for (const field of cleared) input[field] = '';
  return { input, phoneRows: phones.rows, emailRows: emails.rows };
}

/**
 * The server's field errors as form paths: "client.phones.1" (an update) or "phones.1" (a creation) is the second phone
 * sent, shown on the form row it came from.
 */
export function clientFormErrors(
  fields: Record<string, string>,
  prepared: Pick<PreparedClient, 'phoneRows' | 'emailRows'>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [rawPath, message] of Object.entries(fields)) {
    const path = rawPath.replace(/^client\./, '');
    const contact = /^(phones|emails)\.(\d+)$/.exec(path);
    if (contact) {
      const [, list = '', position = '0'] = contact;
      const rows = list === 'phones' ? prepared.phoneRows : prepared.emailRows;
      errors[`${list}.${rows[Number(position)] ?? Number(position)}`] ??= message;
    } else {
      errors[path] ??= message;
    }
  }
  return errors;
}

/**
 * What is worth asking the duplicate check while typing: phones with enough digits to be whole numbers, e-mails with
 * their domain, a complete ICE. Null when there is nothing to ask yet.
 */
export function duplicateQuery(values: ClientFormValues, excludeId?: number): Input<'clients.duplicates'> | null {
  const phones = values.phones
    .map((p) => p.trim())
    .filter((p) => p.length <= 30 && p.replace(/\D/g, '').length >= 9)
    .slice(0, MAX_CONTACTS);
  const emails = values.emails
    .map((e) => e.trim())
    .filter((e) => e.length <= 120 && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e))
    .slice(0, MAX_CONTACTS);
  const typedIce = compactIdentifier(values.ice);
  const ice = values.kind === 'company' && /^\d{15}$/.test(typedIce) ? typedIce : '';
  if (phones.length === 0 && emails.length === 0 && !ice) return null;
  return { phones, emails, ice, ...(excludeId === undefined ? {} : { excludeId }) };
}
