import { EntitySchema } from 'typeorm';
import type { ClientKind, ClientStatus } from '../../../shared/client';
import type { Currency } from '../../../shared/money';

export interface ClientRow {
  id: number;
  code: string;
  kind: ClientKind;
  firstName: string;
  lastName: string;
  companyName: string;
  legalForm: string;
  contactPerson: string;
  address: string;
  city: string;
  country: string;
  language: string;
  currency: Currency;
  ice: string;
  ifNumber: string;
  rcNumber: string;
  patente: string;
  cin: string;
  passport: string;
  status: ClientStatus;
  notes: string;
  /** JSON array of strings. */
  tags: string;
  consentSource: string;
  consentAt: string;
  anonymizedAt: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: number | null;
}

const text = (name: string, length: number) => ({ name, type: 'varchar' as const, length, default: '' });

export const ClientEntity = new EntitySchema<ClientRow>({
  name: 'Client',
  tableName: 'clients',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    code: { type: 'varchar', length: 12 },
    kind: { type: 'varchar', length: 12 },
    firstName: text('first_name', 60),
    lastName: text('last_name', 60),
    companyName: text('company_name', 120),
    legalForm: text('legal_form', 30),
    contactPerson: text('contact_person', 120),
    address: text('address', 200),
    city: text('city', 80),
    country: { type: 'varchar', length: 2, default: 'MA' },
    language: { type: 'varchar', length: 2, default: 'fr' },
    currency: { type: 'varchar', length: 3, default: 'MAD' },
    ice: text('ice', 15),
    ifNumber: text('if_number', 10),
    rcNumber: text('rc_number', 10),
    patente: text('patente', 10),
    cin: text('cin', 10),
    passport: text('passport', 20),
    status: { type: 'varchar', length: 12, default: 'active' },
    notes: { type: 'text', default: '' },
    tags: { type: 'text', default: '[]' },
    consentSource: { name: 'consent_source', type: 'varchar', length: 12 },
    consentAt: { name: 'consent_at', type: 'varchar', length: 30 },
    anonymizedAt: { name: 'anonymized_at', type: 'varchar', length: 30, nullable: true },
    createdAt: { name: 'created_at', type: 'varchar', length: 30 },
    updatedAt: { name: 'updated_at', type: 'varchar', length: 30 },
    createdBy: { name: 'created_by', type: 'integer', nullable: true },
  },
  uniques: [{ name: 'uq_clients_code', columns: ['code'] }],
  indices: [
    { name: 'idx_clients_ice', columns: ['ice'] },
    { name: 'idx_clients_status', columns: ['status'] },
  ],
});

export interface ClientPhoneRow {
  id: number;
  clientId: number;
  position: number;
  e164: string;
  display: string;
}

export const ClientPhoneEntity = new EntitySchema<ClientPhoneRow>({
  name: 'ClientPhone',
  tableName: 'client_phones',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    clientId: { name: 'client_id', type: 'integer' },
    position: { type: 'integer' },
    e164: { type: 'varchar', length: 20 },
    display: { type: 'varchar', length: 30 },
  },
  foreignKeys: [
    { name: 'fk_client_phones_client', columnNames: ['clientId'], target: 'Client', referencedColumnNames: ['id'] },
  ],
  indices: [
    { name: 'idx_client_phones_client', columns: ['clientId'] },
    { name: 'idx_client_phones_e164', columns: ['e164'] },
  ],
});

export interface ClientEmailRow {
  id: number;
  clientId: number;
  position: number;
  email: string;
}

export const ClientEmailEntity = new EntitySchema<ClientEmailRow>({
  name: 'ClientEmail',
  tableName: 'client_emails',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    clientId: { name: 'client_id', type: 'integer' },
    position: { type: 'integer' },
    email: { type: 'varchar', length: 120 },
  },
  foreignKeys: [
    { name: 'fk_client_emails_client', columnNames: ['clientId'], target: 'Client', referencedColumnNames: ['id'] },
  ],
  indices: [
    { name: 'idx_client_emails_client', columns: ['clientId'] },
    { name: 'idx_client_emails_email', columns: ['email'] },
  ],
});

/** Gap-free counters, one row per series and year (year 0 for series that never restart, like client codes). */
export interface CounterRow {
  series: string;
  year: number;
  last: number;
}

export const CounterEntity = new EntitySchema<CounterRow>({
  name: 'Counter',
  tableName: 'counters',
  columns: {
    series: { type: 'varchar', length: 20, primary: true },
    year: { type: 'integer', primary: true },
    last: { type: 'integer' },
  },
});
