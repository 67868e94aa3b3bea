import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../electron/csv';
import { AuditEntity } from '../../electron/db/entities';
import type { ClientInput } from '../../shared/client';
import { suggestMapping } from '../../shared/import-mapping';
import { openTestApp, withStaff, type TestApp } from '../support/core';
import { dataSnapshot } from '../support/snapshot';

let app: TestApp;
afterEach(() => app.close());

const karima: ClientInput = {
  kind: 'individual',
  firstName: 'Karima',
  lastName: 'العلوي',
  phones: ['0661 00 11 22'],
  emails: ['karima@example.ma'],
  address: '12 شارع محمد الخامس',
  city: 'Fès',
  notes: 'Préfère être appelée le matin.',
};

const goodCsv = [
  'Type;Prénom;Nom;Société;Forme juridique;Téléphone;Email;Ville;ICE',
  'Particulier;Youssef;Tazi;;;0612345678;youssef@example.ma;Rabat;',
  'Entreprise;;;Argan Web;SARL;+212 522 44 55 66;;Agadir;001234567000089',
  ';Hélène;Dubois;;;06 70 11 22 33;helene@example.fr;Tanger;',
].join('\n');

describe('personal data (Law 09-08)', () => {
  it('exports everything held on a client as JSON and a readable PDF, and logs the export', async () => {
    app = await openTestApp();
    await withStaff(app);
    const client = await app.ok('cashier', 'clients.create', karima);
    await app.ok('cashier', 'clients.update', { id: client.id, client: { ...karima, city: 'Meknès' } });
    const out = await app.ok('manager', 'clients.exportData', { id: client.id });
    const json = JSON.parse(out.json) as { client: { lastName: string }; history: unknown[] };
    expect(json.client.lastName).toBe('العلوي');
    expect(json.history).toHaveLength(2);
    expect(out.fileBase).toMatch(/^donnees-CL-000001-2026-11-26-\d{4}$/);
    const pdf = Buffer.from(out.pdf, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-pdf-'));
    writeFileSync(path.join(dir, 'export.pdf'), pdf);
    const text = execFileSync('pdftotext', [path.join(dir, 'export.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Relevé des données personnelles');
    expect(text).toContain('Karima');
    expect(text).toContain('Meknès');
    const audit = await app.ok('manager', 'audit.list', { action: 'clients.exportData' });
    expect(audit.rows[0]).toMatchObject({ entityId: String(client.id), username: 'gerant' });
    expect(await app.call('cashier', 'clients.exportData', { id: client.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('anonymises a client: names, contacts and identifiers gone, history values redacted, search finds only the code', async () => {
    app = await openTestApp();
    await withStaff(app);
    const client = await app.ok('cashier', 'clients.create', karima);
    const result = await app.ok('admin', 'clients.anonymize', {
      id: client.id,
      reason: 'Demande du client par lettre recommandée',
    });
    expect(result).toMatchObject({ displayName: 'Client anonymisé', phones: [], emails: [], address: '', notes: '' });
    expect(result.anonymizedAt).not.toBeNull();
    expect(await app.ok('cashier', 'clients.search', { q: 'karima' })).toEqual([]);
    expect(await app.ok('cashier', 'clients.search', { q: '0661001122' })).toEqual([]);
    expect((await app.ok('cashier', 'clients.search', { q: client.code })).map((h) => h.id)).toEqual([client.id]);
    const rows = await app.core.db.reader.findBy(AuditEntity, { entity: 'client', entityId: String(client.id) });
    expect(rows.map((r) => r.action)).toEqual(['clients.create', 'clients.anonymize']);
    for (const row of rows) expect(row.summary).not.toContain('Karima');
    expect(JSON.parse(rows[0]?.summary ?? '{}')).toMatchObject({ _redacted: true });
    const history = await app.ok('cashier', 'clients.history', { id: client.id });
    expect(history[0]).toMatchObject({
      action: 'clients.anonymize',
      changes: { reason: 'Demande du client par lettre recommandée' },
    });
    expect(await app.call('cashier', 'clients.update', { id: client.id, client: karima })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await app.call('admin', 'clients.anonymize', { id: client.id, reason: 'encore' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});

describe('CSV import and export', () => {
  it('refuses the whole file when one row is bad, with the row in the report, then imports a good file', async () => {
    app = await openTestApp();
    await withStaff(app);
    const badCsv = `${goodCsv}\nEntreprise;;;Sahara Négoce;SARL;0522;;Laâyoune;12345`;
    const mapping = suggestMapping(parseCsv(badCsv)[0] ?? []);
    const preview = await app.ok('manager', 'clients.importPreview', { csv: badCsv, mapping });
    expect(preview).toMatchObject({ valid: 3, invalid: 1 });
    expect(preview.rows[3]).toMatchObject({ line: 5, displayName: 'Sahara Négoce SARL' });
    expect(preview.rows[3]?.errors.ice).toContain('15 chiffres');
    expect(preview.rows[3]?.errors['phones.0']).toContain('invalide');
    const before = await dataSnapshot(app);
    const refused = await app.call('manager', 'clients.importCommit', { csv: badCsv, mapping });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('rien n') },
    });
    expect(await dataSnapshot(app)).toBe(before);
    expect((await app.ok('manager', 'clients.list', {})).total).toBe(0);

    expect(await app.ok('manager', 'clients.importCommit', { csv: goodCsv, mapping })).toEqual({ created: 3 });
    const list = await app.ok('manager', 'clients.list', {});
    expect(list.rows.map((r) => r.code).sort()).toEqual(['CL-000001', 'CL-000002', 'CL-000003']);
    // Each imported client has its own entry, chained like every other write.
    expect(await app.ok('manager', 'audit.verifyChain', {})).toMatchObject({ broken: null });
    expect((await app.ok('cashier', 'clients.search', { q: 'helene' })).map((h) => h.displayName)).toEqual([
      'Hélène Dubois',
    ]);
    expect((await app.ok('cashier', 'clients.search', { q: '0522445566' })).map((h) => h.displayName)).toEqual([
      'Argan Web SARL',
    ]);
    const next = await app.ok('cashier', 'clients.create', karima);
    expect(next.code).toBe('CL-000004');
    const history = await app.ok('cashier', 'clients.history', { id: list.rows[0]?.id ?? 0 });
    expect(history[0]?.action).toBe('clients.import');
  });

  it('exports the list as French CSV: BOM, semicolons, Arabic intact, formulas neutralised', async () => {
    app = await openTestApp();
    await withStaff(app);
    await app.ok('cashier', 'clients.create', karima);
    await app.ok('cashier', 'clients.create', {
      ...karima,
      firstName: '=HYPERLINK("http://x")',
      lastName: 'Test',
      phones: ['0700112233', '+33 6 12 34 56 78'],
      emails: [],
    });
    const { csv, fileName } = await app.ok('manager', 'clients.exportCsv', {});
    expect(fileName).toMatch(/^clients-2026-11-26-\d{4}\.csv$/);
    expect(csv.startsWith('\ufeffCode;Type;Prénom;Nom')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[1]?.[3]).toBe('العلوي');
    expect(rows[2]?.[2]).toBe('\'=HYPERLINK("http://x")');
    // Phones in a form no spreadsheet reads as a formula, without the apostrophe of the neutralisation.
    expect(rows[1]?.[7]).toBe('06 61 00 11 22');
    expect(rows[2]?.[7]).toBe('07 00 11 22 33 / 0033 6 12 34 56 78');
  });

  it('loads the demo office into an empty database only', async () => {
    app = await openTestApp();
    await withStaff(app);
    const { created } = await app.ok('admin', 'clients.loadDemo', {});
    expect(created).toBeGreaterThanOrEqual(200);
    expect((await app.ok('cashier', 'clients.list', {})).total).toBe(created);
    expect(await app.call('admin', 'clients.loadDemo', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
