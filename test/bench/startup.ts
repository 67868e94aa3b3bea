import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../electron/core';
import { demoCompany } from '../../seeds/demo-company';
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
 * Start-up: open the database (migrations checked) and read the first screen's data, in a fresh process each
 * time. Measured on the office database as it stands (the 100,000-client data set joins with the clients module).
 */
export async function startupMeasures(): Promise<Measure[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-'));
  const core = await openCore({ dataDir });
  await core.registry.dispatch('setup', 'auth.setupAdmin', {
    username: 'bench',
    displayName: 'Bench',
    password: 'bench-password',
  });
  await core.registry.dispatch('setup', 'settings.saveCompany', demoCompany);
  await core.close();

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
      detail: `p95 of ${RUNS} fresh processes (open, migrations check, login-screen data) vs raw better-sqlite3 reads`,
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
