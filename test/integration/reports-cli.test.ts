import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { parseCsv } from '../../electron/csv';
import { openTestApp, type TestApp } from '../support/core';
import { pdfText } from '../support/documents';
import { generateActivity, localInstant } from './reports-activity';

/** The command line, run as a scheduled job would run it: a separate process on the office's data folder. */

let app: TestApp;
let out: string;

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'GUICHET_DATA_DIR')),
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  app = await openTestApp();
  await generateActivity(app, { until: '2026-02-10' });
  app.clock.set(localInstant('2026-02-11', '09:00'));
  out = mkdtempSync(path.join(os.tmpdir(), 'guichet-cli-'));
}, 300_000);
afterAll(() => app.close());

describe('npm run cli -- report', () => {
  it('writes the month as CSV, with the figures the screen shows', async () => {
    const file = path.join(out, 'janvier.csv');
    const run = cli('report', '--data-dir', app.dataDir, '--month', '2026-01', '--out', file);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Rapport janvier 2026 \(CSV\) écrit dans .*janvier\.csv \(\d+ octets\)\.\n$/);
    const rows = parseCsv(readFileSync(file, 'utf8'));
    const screen = await app.ok('manager', 'reports.monthly', { from: '2026-01-01', to: '2026-01-31' });
    const net = rows.find((r) => r[0] === 'Net encaissé (éq. MAD)')?.[1];
    expect(net).toBe((screen.payments.totals.net / 100).toFixed(2).replace('.', ','));
  });

  it('takes a range, a reference rate and a folder, and names the file after the period', () => {
    const run = cli(
      'report',
      `--data-dir=${app.dataDir}`,
      '--from',
      '2026-01-15',
      '--to',
      '2026-02-10',
      '--rate',
      'EUR=10,9',
      '--format',
      'pdf',
      '--out',
      out,
    );
    expect(run.status).toBe(0);
    const file = path.join(out, 'rapport-2026-01-15-au-2026-02-10.pdf');
    expect(existsSync(file)).toBe(true);
    const text = pdfText(readFileSync(file)).replace(/\s+/g, ' ');
    expect(text).toContain('Rapport du 15/01/2026 au 10/02/2026');
    expect(text).toContain('taux de référence saisi');
  });

  it('writes an XLSX by default, and the export is in the audit log as made from the command line', async () => {
    const run = cli('report', '--data-dir', app.dataDir, '--month', '2026-02', '--out', path.join(out, 'fevrier.xlsx'));
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(out, 'fevrier.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
    const audit = await app.ok('manager', 'audit.list', { action: 'reports.export' });
    expect(audit.rows[0]).toMatchObject({ username: null, entityId: '2026-02' });
    expect(audit.rows[0]?.summary).toMatchObject({ format: 'xlsx', via: 'cli' });
  });

  it('refuses wrong usage with a French message and exit code 2, and a missing office with 1', async () => {
    const spawned = cli('report', '--month', '2026-13', '--data-dir', app.dataDir);
    expect(spawned.status).toBe(2);
    expect(spawned.stderr).toContain('Mois invalide : « 2026-13 » (attendu AAAA-MM, par exemple 2026-10).');
    for (const [args, message] of [
      [['report', '--month', '2026-01', '--from', '2026-01-01'], 'Donnez --month ou --from/--to, pas les deux.'],
      [['report', '--from', '2026-02-01', '--to', '2026-01-01'], 'La date de fin précède la date de début.'],
      [['report', '--from', '2026-02-01'], 'Donnez --from et --to ensemble.'],
      [['report', '--format', 'docx'], 'Format invalide : « docx »'],
      [['report', '--rate', 'GBP=12'], 'Taux invalide : « GBP=12 »'],
      [['report', '--moth', '2026-01'], 'Option inconnue : --moth.'],
      [['report', '--month'], "L'option --month attend une valeur."],
      [['rapport'], 'Commande inconnue : « rapport ».'],
    ] as const) {
      const printed = lines();
      expect(await runCli([...args, '--data-dir', app.dataDir], printed.io), args.join(' ')).toBe(2);
      expect(printed.err.join('\n')).toContain(message);
    }
    const missing = cli('report', '--data-dir', path.join(out, 'nothing-here'), '--month', '2026-01');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Aucune base Guichet dans');
    expect(existsSync(path.join(out, 'nothing-here'))).toBe(false);
  });

  it('lists its commands and their options', async () => {
    const list = cli('help');
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('report');
    const printed = lines();
    expect(await runCli(['help', 'report'], printed.io)).toBe(0);
    expect(printed.out.join('\n')).toContain('--month AAAA-MM');
    expect(printed.out.join('\n')).toContain('--data-dir DOSSIER');
  });
});

/** Collects what a command run in this process prints. */
function lines() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (line: string) => void out.push(line), err: (line: string) => void err.push(line) } };
}
