import type BetterSqlite3 from 'better-sqlite3';
import type { EntityManager } from 'typeorm';
import type { ClientHit } from '../../../shared/api/clients';
import { clientDisplayName, formatClientCode, type ClientKind, type ClientStatus } from '../../../shared/client';
import { formatDocumentNumber } from '../../../shared/document-numbers';
import { normalizePhone } from '../../../shared/phone';
import { digitsOf, searchText, searchWords } from '../../../shared/search-text';
import type { SearchDocument } from '../../modules/clients/search-document';

/**
 * Client search on SQLite FTS5: the only dialect-specific piece of the search (see createClientSearchTables). Writes go
 * through the caller's transaction; reads use prepared statements on the native handle, cached, for speed.
 */

export async function indexClient(em: EntityManager, clientId: number, doc: SearchDocument): Promise<void> {
  await em.query('DELETE FROM client_prefix WHERE rowid = ?', [clientId]);
  await em.query('DELETE FROM client_trigram WHERE rowid = ?', [clientId]);
  await em.query('INSERT INTO client_prefix (rowid, names) VALUES (?, ?)', [clientId, doc.names]);
  await em.query('INSERT INTO client_trigram (rowid, names, ids) VALUES (?, ?, ?)', [clientId, doc.names, doc.ids]);
}

/** The statements a raw bulk writer (import, generators) uses to index clients. */
export function bulkIndexStatements(db: BetterSqlite3.Database) {
  const prefix = db.prepare('INSERT INTO client_prefix (rowid, names) VALUES (?, ?)');
  const trigram = db.prepare('INSERT INTO client_trigram (rowid, names, ids) VALUES (?, ?, ?)');
  return (clientId: number, doc: SearchDocument) => {
    prefix.run(clientId, doc.names);
    trigram.run(clientId, doc.names, doc.ids);
  };
}

export type QueryKind = 'code' | 'document' | 'digits' | 'identifier' | 'words';

/** What a typed query looks like, and the FTS5 expressions to run for it. */
export interface SearchPlan {
  kind: QueryKind;
  code?: number;
  /** A proforma, invoice or credit note number, as stored: "FA-2026-000045". */
  documentNumber?: string;
  prefixExpr?: string;
  trigramExpr?: string;
}

const quoted = (term: string) => `"${term.replace(/"/g, '""')}"`;

export function planSearch(query: string): SearchPlan | null {
  const norm = searchText(query);
  if (!norm) return null;
  const code = /^cl[\s-]*0*(\d{1,9})$/.exec(norm);
  if (code?.[1]) return { kind: 'code', code: Number(code[1]) };
  const document = /^([a-z]{1,4})[\s-]*(\d{4})[\s-]+(\d{1,9})$/i.exec(query.trim());
  if (document) {
    const [, prefix = '', year = '', seq = ''] = document;
    return { kind: 'document', documentNumber: formatDocumentNumber(prefix.toUpperCase(), Number(year), Number(seq)) };
  }
  if (/^[\d\s+().\-/]+$/.test(query.trim())) {
    // A phone in any format (0661…, +212 661…, 00212…) or an ICE: match the national digits as a fragment.
    const national = digitsOf(query).replace(/^00/, '').replace(/^212/, '').replace(/^0/, '');
    return national.length >= 3 ? { kind: 'digits', trigramExpr: `ids : ${quoted(national)}` } : null;
  }
  if (/[@.]/.test(norm) || (/\d/.test(norm) && !norm.includes(' '))) {
    return norm.length >= 3 ? { kind: 'identifier', trigramExpr: `ids : ${quoted(norm)}` } : null;
  }
  const words = searchWords(query);
  const long = words.filter((w) => w.length >= 3);
  return {
    kind: 'words',
    prefixExpr: words.map((w) => `${quoted(w)}*`).join(' '),
    // Fragments are looked for in names and identifiers alike ("zakariaelidrissi" is an e-mail's local part).
    trigramExpr: long.length === words.length ? long.map(quoted).join(' AND ') : undefined,
  };
}

interface HitRow {
  id: number;
  code: string;
  kind: ClientKind;
  firstName: string;
  lastName: string;
  companyName: string;
  legalForm: string;
  city: string;
  ice: string;
  status: ClientStatus;
  phone: string | null;
  email: string | null;
}

function prepare(db: BetterSqlite3.Database) {
  const hits = new Map<number, BetterSqlite3.Statement<number[], HitRow>>();
  return {
    prefix: db.prepare<[string, number], { id: number }>(
      'SELECT rowid AS id FROM client_prefix WHERE client_prefix MATCH ? LIMIT ?',
    ),
    trigram: db.prepare<[string, number], { id: number }>(
      'SELECT rowid AS id FROM client_trigram WHERE client_trigram MATCH ? LIMIT ?',
    ),
    email: db.prepare<[string], { id: number }>('SELECT client_id AS id FROM client_emails WHERE email = ?'),
    phone: db.prepare<[string], { id: number }>('SELECT client_id AS id FROM client_phones WHERE e164 = ?'),
    ice: db.prepare<[string], { id: number }>('SELECT id FROM clients WHERE ice = ?'),
    code: db.prepare<[string], { id: number }>('SELECT id FROM clients WHERE code = ?'),
    document: db.prepare<[string], { id: number }>('SELECT client_id AS id FROM documents WHERE number = ?'),
    /** One statement per list length, cached: the row of a hit with its first phone and e-mail. */
    hits(count: number) {
      let statement = hits.get(count);
      if (!statement) {
        statement = db.prepare<number[], HitRow>(
          `SELECT c.id, c.code, c.kind, c.first_name AS firstName, c.last_name AS lastName, c.company_name AS companyName,
             c.legal_form AS legalForm, c.city, c.ice, c.status,
             (SELECT display FROM client_phones p WHERE p.client_id = c.id AND p.position = 0) AS phone,
             (SELECT email FROM client_emails e WHERE e.client_id = c.id AND e.position = 0) AS email
           FROM clients c WHERE c.id IN (${Array.from({ length: count }, () => '?').join(', ')})`,
        );
        hits.set(count, statement);
      }
      return statement;
    },
  };
}

const statements = new WeakMap<BetterSqlite3.Database, ReturnType<typeof prepare>>();

function statementsOf(db: BetterSqlite3.Database) {
  let s = statements.get(db);
  if (!s) {
    s = prepare(db);
    statements.set(db, s);
  }
  return s;
}

/** A whole e-mail, phone or ICE is looked up in its ordinary index, far cheaper than the fragment index. */
function exactIds(s: ReturnType<typeof prepare>, query: string, plan: SearchPlan): number[] {
  const typed = query.trim();
  if (plan.kind === 'identifier' && typed.includes('@')) return s.email.all(typed.toLowerCase()).map((r) => r.id);
  if (plan.kind === 'digits') {
    if (/^\d{15}$/.test(typed)) return s.ice.all(typed).map((r) => r.id);
    const e164 = digitsOf(typed).length >= 9 ? normalizePhone(typed) : null;
    if (e164) return s.phone.all(e164).map((r) => r.id);
  }
  return [];
}

/**
 * Candidate client ids for a query, best first: a whole identifier; else word prefixes; else, when no word starts that
 * way, fragments of names and identifiers (e.g. an e-mail's local part). No ORDER BY rank: with a one-letter query
 * thousands of rows match, and ranking them all would cost more than the budget; the caller ranks the few it shows.
 */
export function searchClientIds(db: BetterSqlite3.Database, query: string, plan: SearchPlan, limit: number): number[] {
  const s = statementsOf(db);
  if (plan.kind === 'code') return s.code.all(formatClientCode(plan.code ?? 0)).map((r) => r.id);
  if (plan.kind === 'document') return s.document.all(plan.documentNumber ?? '').map((r) => r.id);
  const exact = exactIds(s, query, plan);
  if (exact.length > 0) return exact.slice(0, limit);
  const ids = new Set<number>();
  if (plan.prefixExpr) for (const { id } of s.prefix.all(plan.prefixExpr, limit)) ids.add(id);
  if (plan.trigramExpr && ids.size === 0) for (const { id } of s.trigram.all(plan.trigramExpr, limit)) ids.add(id);
  return [...ids];
}

/** The search hits for ids, in the order given. */
export function loadClientHits(db: BetterSqlite3.Database, ids: number[]): ClientHit[] {
  if (ids.length === 0) return [];
  const byId = new Map(
    statementsOf(db)
      .hits(ids.length)
      .all(...ids)
      .map((r) => [
        r.id,
        {
          id: r.id,
          code: r.code,
          kind: r.kind,
          displayName: clientDisplayName(r),
          city: r.city,
          phone: r.phone,
          email: r.email,
          ice: r.ice,
          status: r.status,
        },
      ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}
