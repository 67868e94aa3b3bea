import type BetterSqlite3 from 'better-sqlite3';
import { Prng } from '../../seeds/prng';

/** What a cashier types into the client search, grouped so that a slow kind of query shows in the report. */
export const CATEGORIES = [
  '1 letter',
  '2 letters',
  'full name',
  'name, no accents',
  'Arabic',
  'company',
  'phone',
  'ICE',
  'code',
  'e-mail',
  'CIN',
  'miss',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface SearchQuery {
  category: Category;
  q: string;
  /** The client the query was made from, when it identifies one (a whole phone, ICE, code, e-mail or CIN). */
  expectedId: number | null;
}

interface SampleRow {
  id: number;
  code: string;
  kind: string;
  first_name: string;
  last_name: string;
  company_name: string;
  ice: string;
  cin: string;
  phone: string | null;
  email: string | null;
}

const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const arabic = /[\u0600-\u06ff]/;
const accented = /[\u00c0-\u017f]/;

/** A Moroccan number as people type it: whole (bare, spaced, international), or a fragment (its start or its end). */
function phoneQuery(e164: string, rng: Prng): { q: string; whole: boolean } {
  const n = `0${e164.slice(4)}`;
  return rng.weighted([
    [{ q: n, whole: true }, 3],
    [{ q: `+212 ${n.slice(1, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n.slice(8)}`, whole: true }, 2],
    [{ q: `${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n.slice(8)}`, whole: true }, 2],
    [{ q: `00212${n.slice(1)}`, whole: true }, 1],
    [{ q: `${n.slice(0, 4)} ${n.slice(4, 6)}`, whole: false }, 1],
    [{ q: n.slice(-6), whole: false }, 1],
  ]);
}

/**
 * A pool of queries per category drawn from the generated office itself (so that they match real rows), plus misses.
 * Deterministic for a seed.
 */
export function searchQueries(
  db: BetterSqlite3.Database,
  perCategory: number,
  seed = 77,
): Map<Category, SearchQuery[]> {
  const rng = new Prng(seed);
  const max = (db.prepare('SELECT MAX(id) AS n FROM clients').get() as { n: number }).n;
  const sample = db.prepare<[number], SampleRow>(
    `SELECT c.id, c.code, c.kind, c.first_name, c.last_name, c.company_name, c.ice, c.cin,
       (SELECT e164 FROM client_phones p WHERE p.client_id = c.id AND p.e164 LIKE '+212%' ORDER BY position LIMIT 1) AS phone,
       (SELECT email FROM client_emails e WHERE e.client_id = c.id ORDER BY position LIMIT 1) AS email
     FROM clients c WHERE c.id = ?`,
  );
  const pools = new Map<Category, SearchQuery[]>(CATEGORIES.map((c) => [c, []]));
  const add = (category: Category, q: string, expectedId: number | null = null) => {
    const pool = pools.get(category);
    if (pool && pool.length < perCategory && q) pool.push({ category, q, expectedId });
  };
  const full = () => [...pools.values()].every((p) => p.length >= perCategory);
  /** An identifier typed whole (it names the client) or as a fragment (it may match several). */
  const addIdentifier = (category: Category, whole: string, fragment: string, id: number, wholeShare: number) => {
    if (rng.chance(wholeShare)) add(category, whole, id);
    else add(category, fragment);
  };

  for (let tries = 0; !full() && tries < perCategory * 2000; tries++) {
    const c = sample.get(rng.int(1, max));
    if (!c) continue;
    const person = `${c.first_name} ${c.last_name}`;
    if (c.kind === 'individual' && arabic.test(person)) {
      const last = c.last_name.replace(/^ال/, '');
      const fragment = last.slice(0, Math.max(3, last.length - 1));
      add('Arabic', rng.pick([person, person, c.last_name, fragment, c.first_name]));
    } else if (c.kind === 'individual') {
      const typedFast = `${c.first_name.toLowerCase()} ${c.last_name.slice(0, 3).toLowerCase()}`;
      if (accented.test(person)) add('name, no accents', stripAccents(person).toLowerCase());
      else if (rng.chance(0.3)) add('name, no accents', typedFast);
      add('full name', rng.chance(0.8) ? person : `${c.last_name} ${c.first_name}`);
      add('1 letter', c.last_name.slice(0, 1).toLowerCase());
      add('2 letters', c.last_name.slice(0, 2).toLowerCase());
    } else {
      const [first = '', second = ''] = c.company_name.split(' ');
      add('company', rng.chance(0.7) ? c.company_name : `${first} ${second.slice(0, 3)}`.trim());
      if (accented.test(c.company_name)) add('name, no accents', stripAccents(c.company_name).toLowerCase());
      if (arabic.test(c.company_name)) add('Arabic', c.company_name);
      if (c.ice) addIdentifier('ICE', c.ice, c.ice.slice(2, 11), c.id, 0.7);
    }
    if (c.phone) {
      const { q, whole } = phoneQuery(c.phone, rng);
      add('phone', q, whole ? c.id : null);
    }
    if (c.email) addIdentifier('e-mail', c.email, c.email.slice(0, c.email.indexOf('@')), c.id, 0.6);
    if (c.cin) add('CIN', c.cin, c.id);
    add('code', rng.pick([c.code, c.code, c.code, c.code.replace('-', ''), `cl ${String(c.id)}`]), c.id);
    if (rng.chance(0.3)) add('1 letter', rng.pick(['م', 'ع', 'ب', 'e', 'z']));
    if (rng.chance(0.3)) add('2 letters', rng.pick(['مح', 'ال', 'بن', 'el', 'be', 'ha']));
  }
  for (const q of ['qzxv', 'Kowalczyk', 'Nakamura Hiroshi', 'wxyzt', 'zzz', 'Ouagadougou', 'جوهانسبرغ', 'xq@zz']) {
    add('miss', q);
  }
  for (let i = 0; (pools.get('miss')?.length ?? 0) < perCategory; i++) {
    const miss = rng.chance(0.5)
      ? `0599 ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`
      : `${'qwxz'.charAt(i % 4)}${rng.digits(3)}zz`;
    add('miss', miss);
  }
  return pools;
}

/** The timed sequence: the categories in turn, a random query of each, so every category gets the same share. */
export function querySequence(pools: Map<Category, SearchQuery[]>, count: number, seed = 78): SearchQuery[] {
  const rng = new Prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const category = CATEGORIES[i % CATEGORIES.length] ?? 'miss';
    return rng.pick(pools.get(category) ?? []);
  });
}
