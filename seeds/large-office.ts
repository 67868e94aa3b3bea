import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nativeHandle, openDatabase } from '../electron/db/data-source';
import { hashPassword } from '../electron/modules/auth/passwords';
import { billingStage } from './large-office/billing';
import { catalogueStage } from './large-office/catalogue';
import { clientsStage } from './large-office/clients';
import { companyStage } from './large-office/company';
import { searchIndexStage } from './large-office/search-index';
import { servicesStage } from './large-office/services';
import { proportionalSize, type LargeOfficeSize, type OfficeState, type Stage } from './large-office/stage';
import { BENCH_USER, usersStage } from './large-office/users';
import { Prng } from './prng';

export { BENCH_USER, type LargeOfficeSize };

/**
 * The "large office" of SPEC §10, generated once into a cache folder outside the repository and reused. Bump the
 * version whenever the generated data changes (a new stage, another mix), so stale caches are not measured.
 */
export const LARGE_OFFICE_VERSION = 3;
const STAGES: readonly Stage[] = [
  usersStage,
  companyStage,
  catalogueStage,
  clientsStage,
  servicesStage,
  billingStage,
  searchIndexStage,
];
const MARKER = 'large-office.json';
/** The data set's "today": its last payment is before this instant (18:00 in Casablanca), none after. */
export const LARGE_OFFICE_END = new Date('2026-05-29T17:00:00.000Z');

/** The sizes of SPEC §10 by default; with only `clients`, the other sizes keep the same proportions. */
export interface LargeOfficeOptions extends Partial<LargeOfficeSize> {
  seed?: number;
  /** Where the generated offices are kept; ~/.cache/guichet-bench by default (GUICHET_BENCH_CACHE overrides it). */
  cacheRoot?: string;
  log?: (line: string) => void;
}

/** What the marker file records: written last, so a folder without it is an interrupted generation. */
export interface LargeOfficeInfo {
  version: number;
  seed: number;
  size: LargeOfficeSize;
  rows: Record<string, number>;
  generationMs: number;
  bytes: number;
  generatedAt: string;
}

export function defaultCacheRoot(): string {
  return process.env.GUICHET_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'guichet-bench');
}

export function readLargeOfficeInfo(dataDir: string): LargeOfficeInfo | null {
  const marker = path.join(dataDir, MARKER);
  return existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as LargeOfficeInfo) : null;
}

/** The data directory (holding guichet.sqlite) of the large office, generated first when it is not in the cache. */
export async function ensureLargeOffice(options: LargeOfficeOptions = {}): Promise<string> {
  const proportional = proportionalSize(options.clients ?? 100_000);
  const size: LargeOfficeSize = {
    clients: proportional.clients,
    services: options.services ?? proportional.services,
    documents: options.documents ?? proportional.documents,
    payments: options.payments ?? proportional.payments,
  };
  const seed = options.seed ?? 2026;
  const log = options.log ?? ((line: string) => console.log(line));
  const root = options.cacheRoot ?? defaultCacheRoot();
  const mix =
    size.services === proportional.services &&
    size.documents === proportional.documents &&
    size.payments === proportional.payments
      ? ''
      : `-${size.services}-${size.documents}-${size.payments}`;
  const dir = path.join(
    root,
    `large-office-v${LARGE_OFFICE_VERSION}-${size.clients}${mix}${seed === 2026 ? '' : `-s${seed}`}`,
  );
  if (readLargeOfficeInfo(dir)) {
    // A cached office made before the latest migrations gets them once, here, rather than on every bench's copy.
    await (await openDatabase(dir)).destroy();
    return dir;
  }

  rmSync(dir, { recursive: true, force: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const sizes = (['clients', 'services', 'documents', 'payments'] as const).map(
    (k) => `${size[k].toLocaleString('en')} ${k}`,
  );
  log(`Generating the large office (${sizes.join(', ')}) into ${dir} …`);
  const started = performance.now();
  const rows = await generate(tmp, size, seed, log);
  const info: LargeOfficeInfo = {
    version: LARGE_OFFICE_VERSION,
    seed,
    size,
    rows,
    generationMs: Math.round(performance.now() - started),
    bytes: folderBytes(tmp),
    generatedAt: new Date().toISOString(),
  };
  writeFileSync(path.join(tmp, MARKER), JSON.stringify(info, null, 2));
  try {
    renameSync(tmp, dir);
  } catch (error) {
    // Another process finished the same office first: use its copy.
    rmSync(tmp, { recursive: true, force: true });
    if (!readLargeOfficeInfo(dir)) throw error;
  }
  log(`Large office ready in ${(info.generationMs / 1000).toFixed(1)} s, ${(info.bytes / 1e6).toFixed(0)} MB.`);
  return dir;
}

/** A stage's own PRNG stream, from the seed and the stage's name: adding a stage never changes the others' data. */
function stageSeed(seed: number, name: string): number {
  let h = seed >>> 0;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

async function generate(dataDir: string, size: LargeOfficeSize, seed: number, log: (line: string) => void) {
  const adminPasswordHash = await hashPassword(BENCH_USER.password);
  // The real migrations build the schema, exactly as the app does on first start.
  const dataSource = await openDatabase(dataDir);
  const db = nativeHandle(dataSource);
  const rows: Record<string, number> = {};
  const state: OfficeState = {};
  try {
    // A cache that is rebuilt if anything goes wrong: no need to sync every page while writing it.
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    db.transaction(() => {
      for (const stage of STAGES) {
        const started = performance.now();
        const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
        const written = stage.run({
          db,
          rng: new Prng(stageSeed(seed, stage.name)),
          size,
          end: LARGE_OFFICE_END,
          adminPasswordHash,
          state,
          progress: (done, total) =>
            log(`  ${stage.name}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${elapsed()})`),
        });
        Object.assign(rows, written);
        const { heapUsed, rss } = process.memoryUsage();
        const memory = `heap ${(heapUsed / 2 ** 20).toFixed(0)} MB, rss ${(rss / 2 ** 20).toFixed(0)} MB`;
        log(`  ${stage.name} done in ${elapsed()} (${memory}): ${JSON.stringify(written)}`);
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await dataSource.destroy();
  }
  return rows;
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
}
