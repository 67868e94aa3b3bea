import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeHandle } from '../../electron/db/data-source';
import { verifyArchive } from '../../electron/modules/einvoice/archive-verify';
import { exportUbl } from '../../electron/modules/einvoice/export';
import { ublRuleProblems } from '../../electron/modules/einvoice/rules';
import { openTestApp, type TestApp } from '../support/core';
import { ublSchemaErrors } from '../support/ubl-schema';
import { ACTIVITY_FROM, ACTIVITY_TO, generateActivity } from './reports-activity';

/**
 * The acceptance of e-invoicing: every invoice and credit note of the reports' reconciliation year exports to UBL that
 * passes the OASIS XSD and the rules; the command line exports a period and archives a year that verifies, and a byte
 * changed in a PDF, a UBL file or the manifest is found and named.
 */

let app: TestApp;
let out: string;

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'GUICHET_DATA_DIR')),
    timeout: 300_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  app = await openTestApp();
  await generateActivity(app);
  app.clock.set(new Date('2027-03-02T10:00:00Z'));
  out = mkdtempSync(path.join(os.tmpdir(), 'guichet-einvoice-'));
}, 900_000);
afterAll(() => app.close());

interface Issued {
  id: number;
  type: string;
  number: string;
  currency: string;
  source: string | null;
}

describe('UBL of the reconciliation year', () => {
  it('passes the XSD and the rules for every invoice and credit note; credit notes cite their invoice', async () => {
    const issued = nativeHandle(app.core.db.dataSource)
      .prepare(
        `SELECT d.id, d.type, d.number, d.currency, s.number AS source FROM documents d
           LEFT JOIN documents s ON s.id = d.source_id
          WHERE d.type IN ('invoice', 'credit_note') AND d.issue_date BETWEEN ? AND ?`,
      )
      .all(ACTIVITY_FROM, ACTIVITY_TO) as Issued[];
    const files = await exportUbl(
      app.core.db,
      { userId: null, username: null },
      { from: ACTIVITY_FROM, to: ACTIVITY_TO },
      'cli',
    );
    expect(files.map((f) => f.number).sort()).toEqual(issued.map((d) => d.number).sort());
    const byNumber = new Map(files.map((f) => [f.number, f.xml]));
    const credits = issued.filter((d) => d.type === 'credit_note');
    const foreign = issued.filter((d) => d.currency !== 'MAD');
    expect(credits.length).toBeGreaterThan(5);
    expect(foreign.filter((d) => d.currency === 'EUR').length).toBeGreaterThan(5);
    for (const f of files) expect(ublRuleProblems(f.xml), f.number).toEqual([]);
    for (const d of credits) {
      expect(byNumber.get(d.number)).toMatch(
        new RegExp(`<cac:InvoiceDocumentReference>\\s*<cbc:ID>${d.source ?? 'none'}</cbc:ID>`),
      );
    }
    for (const d of foreign) {
      const xml = byNumber.get(d.number) ?? '';
      expect(xml).toContain('<cbc:TaxCurrencyCode listID="ISO4217">MAD</cbc:TaxCurrencyCode>');
      expect(xml).toMatch(/<cbc:TaxAmount currencyID="MAD">-?\d+\.\d\d<\/cbc:TaxAmount>/);
    }
    expect(ublSchemaErrors(files.map((f) => ({ name: f.fileName, xml: f.xml })))).toEqual([]);
  });
});

describe('npm run cli -- einvoice / archive / archive-verify', () => {
  it('exports a month of UBL files into a folder', () => {
    const folder = path.join(out, 'ubl-octobre');
    const run = cli(
      'einvoice',
      '--data-dir',
      app.dataDir,
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
      '--out',
      folder,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const written = readdirSync(folder);
    expect(written.length).toBeGreaterThan(0);
    expect(run.stdout).toContain(`${written.length} fichier(s) UBL écrit(s)`);
    for (const name of written) expect(ublRuleProblems(readFileSync(path.join(folder, name), 'utf8'))).toEqual([]);
  });

  it('archives a year that verifies, and names the file of a changed byte', () => {
    const zipFile = path.join(out, 'archive-2026.zip');
    const made = cli('archive', '--data-dir', app.dataDir, '--year', '2026', '--out', zipFile);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    const ok = cli('archive-verify', zipFile);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^Archive intacte : \d+ fichier\(s\) et \d+ document\(s\) vérifiés\.\n$/);

    const zip = readFileSync(zipFile);
    const files = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as {
      documents: { pdf: { file: string }; ubl: { file: string } }[];
      auditChain: { headHash: string; length: number };
    };
    expect(manifest.auditChain.length).toBeGreaterThan(100);
    expect(manifest.auditChain.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(strFromU8(files['LISEZMOI.txt'] ?? new Uint8Array())).toContain('sha256sum -c SHA256SUMS');
    const pdf = manifest.documents[3]?.pdf.file ?? '';
    const ubl = manifest.documents[7]?.ubl.file ?? '';
    for (const victim of [pdf, ubl, 'manifest.json']) {
      const tampered = { ...files };
      const bytes = Uint8Array.from(tampered[victim] ?? []);
      const at = Math.floor(bytes.length / 2);
      bytes[at] = (bytes[at] ?? 0) ^ 0x01;
      tampered[victim] = bytes;
      const zipped = zipSync(tampered);
      expect(verifyArchive(zipped).problem?.file, victim).toBe(victim);
      if (victim === 'manifest.json') {
        // And from the command line, as the inspector runs it.
        const file = path.join(out, 'tampered.zip');
        writeFileSync(file, zipped);
        const run = cli('archive-verify', file);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain(`Archive altérée : ${victim} — `);
      }
    }
  }, 600_000);

  it('names the entry when a byte of the zip itself is flipped', () => {
    const files = unzipSync(readFileSync(path.join(out, 'archive-2026.zip')));
    const name = Object.keys(files).find((n) => n.endsWith('.pdf')) ?? '';
    // Stored without compression, the PDF's bytes sit as they are in the zip: flip one of them in place.
    const stored = zipSync(Object.fromEntries(Object.entries(files).map(([n, b]) => [n, [b, { level: 0 }]])));
    const marker = strToU8('%PDF');
    const body = files[name] ?? new Uint8Array();
    let at = -1;
    for (let i = 0; i < stored.length - body.length && at < 0; i++) {
      if (stored[i] === marker[0] && stored.subarray(i, i + body.length).every((b, j) => b === body[j])) at = i;
    }
    expect(at).toBeGreaterThan(0);
    stored[at + 200] = (stored[at + 200] ?? 0) ^ 0xff;
    expect(verifyArchive(stored).problem?.file).toBe(name);
  });
});
