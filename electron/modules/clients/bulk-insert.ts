import type BetterSqlite3 from 'better-sqlite3';
import { formatClientCode, type ClientFields } from '../../../shared/client';
import { normalizePhone } from '../../../shared/phone';
import { bulkIndexStatements } from '../../db/dialect/client-search';
import { searchDocument } from './search-document';

/**
 * Writes many clients with raw prepared statements (TypeORM's bulk insert is several times slower), inside the
 * caller's open transaction on the same connection. Codes are consecutive from `firstNumber`. Returns the new ids.
 */
export function bulkInsertClients(
  db: BetterSqlite3.Database,
  clients: ClientFields[],
  firstNumber: number,
  at: string,
  userId: number | null,
): number[] {
  const insertClient = db.prepare(
    `INSERT INTO clients (code, kind, first_name, last_name, company_name, legal_form, contact_person, address, city,
       country, language, currency, ice, if_number, rc_number, patente, cin, passport, status, notes, tags,
       consent_source, consent_at, anonymized_at, created_at, updated_at, created_by)
     VALUES (@code, @kind, @firstName, @lastName, @companyName, @legalForm, @contactPerson, @address, @city,
       @country, @language, @currency, @ice, @ifNumber, @rcNumber, @patente, @cin, @passport, 'active', @notes, @tags,
       @consentSource, @at, NULL, @at, @at, @userId)`,
  );
  const insertPhone = db.prepare('INSERT INTO client_phones (client_id, position, e164, display) VALUES (?, ?, ?, ?)');
  const insertEmail = db.prepare('INSERT INTO client_emails (client_id, position, email) VALUES (?, ?, ?)');
  const index = bulkIndexStatements(db);
  return clients.map((client, i) => {
    const code = formatClientCode(firstNumber + i);
    const { phones: _p, emails: _e, tags, ...fields } = client;
    const id = Number(insertClient.run({ ...fields, code, tags: JSON.stringify(tags), at, userId }).lastInsertRowid);
    const e164 = client.phones.map((p) => normalizePhone(p) ?? p);
    client.phones.forEach((display, position) => insertPhone.run(id, position, e164[position], display));
    client.emails.forEach((email, position) => insertEmail.run(id, position, email));
    index(id, searchDocument({ ...client, code }, e164, client.emails));
    return id;
  });
}
