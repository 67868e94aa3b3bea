import type BetterSqlite3 from 'better-sqlite3';
import { bulkIndexStatements } from '../../electron/db/dialect/client-search';
import { searchDocument, type SearchableClient } from '../../electron/modules/clients/search-document';
import type { Stage } from './stage';

const CHUNK = 5000;

interface Row extends SearchableClient {
  id: number;
}

/** Rows of a child table for a range of clients, grouped by client, in position (or id) order. */
function grouped(
  statement: BetterSqlite3.Statement<[number, number], { clientId: number; value: string }>,
  from: number,
  to: number,
) {
  const map = new Map<number, string[]>();
  for (const { clientId, value } of statement.all(from, to)) {
    const list = map.get(clientId);
    if (list) list.push(value);
    else map.set(clientId, [value]);
  }
  return map;
}

/**
 * The client search index, built last so that it holds what the app's own index holds: names, identifiers, phones,
 * e-mails, and the labels of the client's services (domain names), as reindexClient would write them.
 */
export const searchIndexStage: Stage = {
  name: 'search index',
  run({ db, progress }) {
    const clients = db.prepare<[number, number], Row>(
      `SELECT id, code, first_name AS firstName, last_name AS lastName, company_name AS companyName,
         contact_person AS contactPerson, ice, cin, passport, if_number AS ifNumber, rc_number AS rcNumber
       FROM clients WHERE id BETWEEN ? AND ? ORDER BY id`,
    );
    const phones = db.prepare<[number, number], { clientId: number; value: string }>(
      'SELECT client_id AS clientId, e164 AS value FROM client_phones WHERE client_id BETWEEN ? AND ? ORDER BY client_id, position',
    );
    const emails = db.prepare<[number, number], { clientId: number; value: string }>(
      'SELECT client_id AS clientId, email AS value FROM client_emails WHERE client_id BETWEEN ? AND ? ORDER BY client_id, position',
    );
    const labels = db.prepare<[number, number], { clientId: number; value: string }>(
      'SELECT client_id AS clientId, label AS value FROM services WHERE client_id BETWEEN ? AND ? ORDER BY client_id, id',
    );
    const index = bulkIndexStatements(db);
    const max = db.prepare<[], { n: number | null }>('SELECT MAX(id) AS n FROM clients').get()?.n ?? 0;
    let rows = 0;
    for (let from = 1; from <= max; from += CHUNK) {
      const to = from + CHUNK - 1;
      const [p, e, l] = [grouped(phones, from, to), grouped(emails, from, to), grouped(labels, from, to)];
      for (const c of clients.all(from, to)) {
        index(c.id, searchDocument(c, p.get(c.id) ?? [], e.get(c.id) ?? [], l.get(c.id) ?? []));
        rows++;
      }
      if (to % 25_000 < CHUNK || to >= max) progress(Math.min(to, max), max);
    }
    return { client_search_rows: rows };
  },
};
