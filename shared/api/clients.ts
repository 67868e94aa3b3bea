import { z } from 'zod';
import type { ClientFields, ClientKind, ClientStatus } from '../client';
import { CLIENT_STATUSES, clientInputSchema } from '../client';
import { requiredText } from '../validation';
import { method } from './contract';

const id = z.number().int().positive();

export interface ClientPhone {
  e164: string;
  /** As the client gave it. */
  display: string;
}

export interface ClientDto extends Omit<ClientFields, 'phones'> {
  id: number;
  code: string;
  displayName: string;
  phones: ClientPhone[];
  status: ClientStatus;
  consentAt: string;
  anonymizedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the search shows while typing. */
export interface ClientHit {
  id: number;
  code: string;
  kind: ClientKind;
  displayName: string;
  city: string;
  phone: string | null;
  email: string | null;
  ice: string;
  status: ClientStatus;
}

export interface DuplicateDto {
  id: number;
  code: string;
  displayName: string;
  /** Which identifier is shared: "phone", "email" or "ice", and its value. */
  field: 'phone' | 'email' | 'ice';
  value: string;
}

export interface ClientHistoryEntry {
  at: string;
  username: string | null;
  action: string;
  changes: Record<string, unknown>;
}

export interface ClientPage {
  rows: ClientHit[];
  total: number;
}

export interface ClientDataExport {
  fileBase: string;
  json: string;
  /** The readable PDF, base64. */
  pdf: string;
}

/** One CSV row checked for import: its line number in the file, the values it gives, and what is wrong with it. */
export interface ImportRowReport {
  line: number;
  displayName: string;
  errors: Record<string, string>;
}

export interface ImportPreview {
  headers: string[];
  rows: ImportRowReport[];
  valid: number;
  invalid: number;
}

/** Client fields a CSV column can feed. */
export const IMPORT_FIELDS = [
  'kind',
  'firstName',
  'lastName',
  'companyName',
  'legalForm',
  'contactPerson',
  'email',
  'phone',
  'address',
  'city',
  'country',
  'language',
  'currency',
  'ice',
  'ifNumber',
  'rcNumber',
  'patente',
  'cin',
  'passport',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const csvText = z.string().max(20 * 1024 * 1024, 'Fichier trop volumineux (20 Mo au plus).');
const mapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(200));

export const clientsApi = {
  'clients.search': method<ClientHit[]>()({
    input: z.object({ q: z.string().max(200), limit: z.number().int().min(1).max(50).default(12) }).strict(),
    access: 'cashier',
    mutates: false,
  }),
  'clients.list': method<ClientPage>()({
    input: z
      .object({
        page: z.number().int().min(1).max(100_000).default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
        status: z.enum(CLIENT_STATUSES).optional(),
      })
      .strict(),
    access: 'cashier',
    mutates: false,
  }),
  'clients.get': method<ClientDto>()({ input: z.object({ id }).strict(), access: 'cashier', mutates: false }),
  'clients.duplicates': method<DuplicateDto[]>()({
    input: z
      .object({
        phones: z.array(z.string().max(30)).max(5).default([]),
        emails: z.array(z.string().max(120)).max(5).default([]),
        ice: z.string().max(15).default(''),
        excludeId: id.optional(),
      })
      .strict(),
    access: 'cashier',
    mutates: false,
  }),
  'clients.create': method<ClientDto>()({ input: clientInputSchema, access: 'cashier', mutates: true }),
  'clients.update': method<ClientDto>()({
    input: z.object({ id, client: clientInputSchema }).strict(),
    access: 'cashier',
    mutates: true,
  }),
  'clients.setStatus': method<ClientDto>()({
    input: z.object({ id, status: z.enum(CLIENT_STATUSES), reason: requiredText(300) }).strict(),
    access: 'manager',
    mutates: true,
  }),
  'clients.history': method<ClientHistoryEntry[]>()({
    input: z.object({ id }).strict(),
    access: 'cashier',
    mutates: false,
  }),
};

/** Personal-data rights, CSV import/export and the demo office. */
export const clientDataApi = {
  /** Law 09-08 right of access: everything held on one client, as JSON and a readable PDF; the export is logged. */
  'clients.exportData': method<ClientDataExport>()({
    input: z.object({ id }).strict(),
    access: 'manager',
    mutates: true,
  }),
  /** Law 09-08: erase the personal data once no legal retention applies. */
  'clients.anonymize': method<ClientDto>()({
    input: z.object({ id, reason: requiredText(300) }).strict(),
    access: 'admin',
    mutates: true,
  }),
  'clients.importPreview': method<ImportPreview>()({
    input: z.object({ csv: csvText, mapping }).strict(),
    access: 'manager',
    mutates: false,
  }),
  /** All or nothing: one invalid row and nothing is imported (the report says which). */
  'clients.importCommit': method<{ created: number }>()({
    input: z.object({ csv: csvText, mapping }).strict(),
    access: 'manager',
    mutates: true,
  }),
  /** The client list as CSV for a spreadsheet: UTF-8 with BOM, semicolons, formulas neutralised. */
  'clients.exportCsv': method<{ fileName: string; csv: string }>()({
    input: z.object({ status: z.enum(CLIENT_STATUSES).optional() }).strict(),
    access: 'manager',
    mutates: true,
  }),
  /** Loads the demo office (a few hundred clients) into an empty database. */
  'clients.loadDemo': method<{ created: number }>()({ input: z.object({}).strict(), access: 'admin', mutates: true }),
};
