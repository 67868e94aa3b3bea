import { formatClientCode, type ClientStatus } from '../../shared/client';
import { normalizePhone } from '../../shared/phone';
import { CLIENT_SERIES } from '../../electron/modules/clients/repository';
import { ClientGenerator } from '../client-generator';
import type { Stage } from './stage';

const TEN_YEARS_MS = 10 * 365.25 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

const STATUSES: readonly (readonly [ClientStatus, number])[] = [
  ['active', 90],
  ['suspended', 4],
  ['abandoned', 3],
  ['terminated', 3],
];

function e164Of(display: string): string {
  const e164 = normalizePhone(display);
  if (!e164) throw new Error(`The generator wrote an invalid phone: ${display}`);
  return e164;
}

/**
 * Clients with their phones and e-mails, created over the ten years before the end date in code order (as a counter
 * would number them), about a quarter of them companies. The client counter is set to the last code. Their search rows
 * are written by the last stage, once their services (domain names) exist.
 */
export const clientsStage: Stage = {
  name: 'clients',
  run({ db, rng, size, end, progress }) {
    const generator = new ClientGenerator(rng.fork(), { companyShare: 0.25, consentSource: 'import' });
    const life = rng.fork();
    const insertClient = db.prepare(
      `INSERT INTO clients (id, code, kind, first_name, last_name, company_name, legal_form, contact_person, address, city,
         country, language, currency, ice, if_number, rc_number, patente, cin, passport, status, notes, tags,
         consent_source, consent_at, anonymized_at, created_at, updated_at, created_by)
       VALUES (@id, @code, @kind, @firstName, @lastName, @companyName, @legalForm, @contactPerson, @address, @city,
         @country, @language, @currency, @ice, @ifNumber, @rcNumber, @patente, @cin, @passport, @status, @notes, @tags,
         @consentSource, @createdAt, NULL, @createdAt, @updatedAt, NULL)`,
    );
    const insertPhone = db.prepare(
      'INSERT INTO client_phones (client_id, position, e164, display) VALUES (?, ?, ?, ?)',
    );
    const insertEmail = db.prepare('INSERT INTO client_emails (client_id, position, email) VALUES (?, ?, ?)');
    const start = end.getTime() - TEN_YEARS_MS;
    const slot = TEN_YEARS_MS / size.clients;
    const rows = { clients: 0, client_phones: 0, client_emails: 0 };

    for (let id = 1; id <= size.clients; id++) {
      const c = generator.next();
      const code = formatClientCode(id);
      const createdMs = start + (id - 1) * slot + life.next() * slot;
      const createdAt = new Date(createdMs).toISOString();
      const updatedAt = life.chance(0.3)
        ? new Date(Math.min(end.getTime(), createdMs + life.int(1, 2000) * DAY_MS)).toISOString()
        : createdAt;
      const status = life.weighted(STATUSES);
      insertClient.run({ ...c, id, code, status, tags: JSON.stringify(c.tags), createdAt, updatedAt });
      const phones = c.phones.map((display) => ({ display, e164: e164Of(display) }));
      phones.forEach(({ display, e164 }, position) => insertPhone.run(id, position, e164, display));
      c.emails.forEach((email, position) => insertEmail.run(id, position, email));
      rows.clients++;
      rows.client_phones += c.phones.length;
      rows.client_emails += c.emails.length;
      if (id % 10_000 === 0 || id === size.clients) progress(id, size.clients);
    }
    db.prepare('INSERT INTO counters (series, year, last) VALUES (?, 0, ?)').run(CLIENT_SERIES, size.clients);
    return rows;
  },
};
