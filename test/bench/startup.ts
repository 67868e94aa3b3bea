import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ensureLargeOffice } from '../../seeds/large-office';
import { percentile, type Measure } from './report';

const RUNS = 7;

function child(dataDir: string, raw: boolean): { ms: number; rssMB: number } {
  const out = execFileSync(
    'npx',
    ['tsx', path.join(import.meta.dirname, 'startup-child.ts'), dataDir, raw ? '--raw' : ''],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as { ms: number; rssMB: number };
}

/**
 * Start-up on the large office (100,000 clients): open the database (migrations checked) and serve the first screens'
 * data, in a fresh process each time.
 */
export async function startupMeasures(): Promise<Measure[]> {
  const dataDir = await ensureLargeOffice({ clients: 100_000 });
  const app = Array.from({ length: RUNS }, () => child(dataDir, false));
  const raw = Array.from({ length: RUNS }, () => child(dataDir, true));
  const p95 = percentile(
    app.map((r) => r.ms),
    95,
  );
  return [
    {
      name: 'startup.open',
      value: p95,
      unit: 'ms',
      budget: 500,
      peer: percentile(
        raw.map((r) => r.ms),
        95,
      ),
      detail: `p95 of ${RUNS} fresh processes (open, migrations check, login screen, first client page) vs raw better-sqlite3 reads`,
    },
    {
      name: 'startup.memory',
      value: Math.max(...app.map((r) => r.rssMB)),
      unit: 'MB',
      budget: 300,
      peer: Math.max(...raw.map((r) => r.rssMB)),
      detail: 'resident memory of the main-process code after the first screen, vs the raw reads',
    },
  ];
}
