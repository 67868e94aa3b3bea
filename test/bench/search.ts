import type BetterSqlite3 from 'better-sqlite3';
import type { ClientHit } from '../../shared/api';
import { digitsOf } from '../../shared/search-text';
import { openCore, type Core } from '../../electron/core';
import { nativeHandle } from '../../electron/db/data-source';
import { UserEntity } from '../../electron/db/entities';
import { BENCH_USER, ensureLargeOffice, readLargeOfficeInfo } from '../../seeds/large-office';
import { percentile, type Breakdown, type Measure } from './report';
import { CATEGORIES, querySequence, searchQueries, type Category, type SearchQuery } from './search-queries';

const CLIENTS = 100_000;
const LIMIT = 12;
const PER_CATEGORY = 40;
const WARM_UP = 240;
const TIMED = 600;
const CHANNEL = 'bench-search';
const p95 = (samples: number[]) => percentile(samples, 95);

/**
 * The naive peer of SPEC §10: what a first implementation would write, a LIKE '%q%' over the client's names and
 * identifiers plus its phones and e-mails, returning the rows of the result list.
 */
const LIKE_SQL = `
  SELECT c.id, c.code, c.kind, c.first_name, c.last_name, c.company_name, c.legal_form, c.city, c.ice, c.status
  FROM clients c
  WHERE c.first_name || ' ' || c.last_name LIKE @q OR c.company_name LIKE @q OR c.contact_person LIKE @q
     OR c.ice LIKE @q OR c.code LIKE @q OR c.cin LIKE @q
     OR c.id IN (SELECT client_id FROM client_phones WHERE e164 LIKE @phone)
     OR c.id IN (SELECT client_id FROM client_emails WHERE email LIKE @q)
  LIMIT ${LIMIT}`;

function likeParams(q: string): { q: string; phone: string | null } {
  const national = digitsOf(q).replace(/^00/, '').replace(/^212/, '').replace(/^0/, '');
  return { q: `%${q.trim()}%`, phone: national.length >= 3 ? `%${national}%` : null };
}

async function logIn(core: Core): Promise<void> {
  const users = await core.db.reader.count(UserEntity);
  const result =
    users === 0
      ? await core.registry.dispatch(CHANNEL, 'auth.setupAdmin', BENCH_USER)
      : await core.registry.dispatch(CHANNEL, 'auth.login', {
          username: BENCH_USER.username,
          password: BENCH_USER.password,
        });
  if (!result.ok) throw new Error(`Cannot log the bench in: ${result.error.message}`);
}

interface Sample {
  query: SearchQuery;
  ms: number;
  likeMs: number;
  found: boolean;
}

async function timeSearch(core: Core, query: SearchQuery): Promise<{ ms: number; hits: ClientHit[] }> {
  const started = performance.now();
  const result = await core.registry.dispatch(CHANNEL, 'clients.search', { q: query.q, limit: LIMIT });
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`clients.search "${query.q}" failed: ${result.error.message}`);
  return { ms, hits: result.value as ClientHit[] };
}

function timeLike(statement: BetterSqlite3.Statement, query: SearchQuery): number {
  const started = performance.now();
  statement.all(likeParams(query.q));
  return performance.now() - started;
}

/** Whether the search did its job: the client the query came from is listed, names find someone, misses find nobody. */
function found(query: SearchQuery, hits: ClientHit[]): boolean {
  if (query.category === 'miss') return hits.length === 0;
  if (query.expectedId !== null) return hits.some((h) => h.id === query.expectedId);
  return hits.length > 0;
}

function breakdown(samples: Sample[]): Breakdown[] {
  return CATEGORIES.map((category: Category) => {
    const mine = samples.filter((s) => s.query.category === category);
    const median = percentile(
      mine.map((s) => s.ms),
      50,
    );
    const foundShare = mine.filter((s) => s.found).length / mine.length;
    return {
      label: category,
      value: p95(mine.map((s) => s.ms)),
      peer: p95(mine.map((s) => s.likeMs)),
      detail: `median ${median.toFixed(2)} ms; found ${Math.round(foundShare * 100)} % of ${mine.length}`,
    };
  });
}

/** Client search on the 100,000-client office, through the registry as the renderer calls it, beside a LIKE scan. */
export async function searchMeasures(): Promise<Measure[]> {
  const dataDir = await ensureLargeOffice({ clients: CLIENTS });
  const info = readLargeOfficeInfo(dataDir);
  if (info) {
    const { generationMs, bytes, rows } = info;
    console.log(
      `Large office: ${JSON.stringify(rows)}, generated in ${(generationMs / 1000).toFixed(1)} s, ${(bytes / 1e6).toFixed(0)} MB.`,
    );
  }
  const core = await openCore({ dataDir });
  try {
    await logIn(core);
    const db = nativeHandle(core.db.dataSource);
    const pools = searchQueries(db, PER_CATEGORY);
    const warmUp = querySequence(pools, WARM_UP, 1);
    const timed = querySequence(pools, TIMED);

    // Each side is warmed up and timed in its own phase, so that the peer's scans do not evict the search's pages.
    for (const query of warmUp) await timeSearch(core, query);
    const samples: Sample[] = [];
    for (const query of timed) {
      const { ms, hits } = await timeSearch(core, query);
      samples.push({ query, ms, likeMs: Number.NaN, found: found(query, hits) });
    }
    const like = db.prepare(LIKE_SQL);
    for (const query of warmUp.slice(0, WARM_UP / 4)) timeLike(like, query);
    for (const sample of samples) sample.likeMs = timeLike(like, sample.query);

    const wrong = samples.filter((s) => !s.found).map((s) => `${s.query.category} "${s.query.q}"`);
    return [
      {
        name: 'search.p95',
        value: p95(samples.map((s) => s.ms)),
        unit: 'ms',
        budget: 3,
        peer: p95(samples.map((s) => s.likeMs)),
        maxRatio: 0.1,
        detail: `p95 of ${TIMED} clients.search (${CATEGORIES.length} kinds of query) on ${CLIENTS.toLocaleString('en')} clients vs a LIKE scan`,
        breakdown: breakdown(samples),
        errors: [...new Set(wrong)].map((q) => `not found as expected: ${q}`),
      },
    ];
  } finally {
    await core.close();
  }
}
