import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthlyReport, ReportFormat } from '../../shared/api';
import { formatMoney } from '../../shared/money';
import { parseCsv } from '../../electron/csv';
import { openTestApp, type TestApp } from '../support/core';
import { pdfPages, pdfText, qpdfCheck } from '../support/documents';
import { ARABIC_NAME, FORMULA_NAME, generateActivity, localInstant, type ActivityLog } from './reports-activity';
import { filesIn, readFods, soffice, writeTemp } from './reports-spreadsheet';

/**
 * The three exports of the report: an XLSX that LibreOffice opens and reads as numbers and dates, a CSV whose client
 * names come back intact (Arabic) and neutralised (a formula), and an A4 PDF — all with the figures of the screen.
 */

let app: TestApp;
let log: ActivityLog;
let report: MonthlyReport;
const PERIOD = { from: '2026-03-01', to: '2026-03-31' };
const FORMULA_DISPLAY = `${FORMULA_NAME} SARL`;
const SHEETS = [
  'Synthèse',
  'Par mode',
  'Par devise',
  'Par caissier',
  'Par jour',
  'Factures et avoirs',
  'TVA facturée par taux',
  'TVA sur encaissements',
  'Droits de timbre',
  'Proformas en attente',
  'Services suspendus-résiliés',
  'Domaines à renouveler',
  'Sessions de caisse',
  'Infogérance heures',
  'Journal des règlements',
  'Journal des factures',
];

/** A proforma paid by transfer, and another left open, for a client: so its name is in the journals and the ageing. */
async function billAndPay(clientId: number): Promise<void> {
  for (const paid of [true, false]) {
    const draft = await app.ok('cashier', 'documents.saveDraft', {
      clientId,
      lines: [{ kind: 'item', description: 'Hébergement', quantity: 1000, unitPrice: 120_000, vatRate: 2000 }],
    });
    const proforma = await app.ok('cashier', 'documents.issue', { id: draft.id });
    if (!paid) continue;
    await app.ok('cashier', 'payments.record', {
      idempotencyKey: `export-${clientId}-${proforma.id}`,
      clientId,
      amount: proforma.totals.ttc,
      details: { method: 'transfer', bank: 'CIH', reference: `V${proforma.id}`, valueDate: '2026-03-25' },
      allocations: [{ documentId: proforma.id, amount: proforma.totals.ttc }],
    });
  }
}

async function exported(format: ReportFormat): Promise<{ fileName: string; mime: string; data: Buffer }> {
  const file = await app.ok('manager', 'reports.export', { ...PERIOD, format });
  return { ...file, data: Buffer.from(file.data, 'base64') };
}

beforeAll(async () => {
  app = await openTestApp();
  log = await generateActivity(app, { until: '2026-03-20' });
  app.clock.set(localInstant('2026-03-25', '10:00'));
  await billAndPay(log.arabicClientId);
  await billAndPay(log.formulaClientId);
  app.clock.set(localInstant('2026-04-02', '09:00'));
  report = await app.ok('manager', 'reports.monthly', PERIOD);
}, 300_000);
afterAll(() => app.close());

describe('XLSX export', () => {
  it('is a workbook of one sheet per section, with frozen headers and A4 page setup', async () => {
    const file = await exported('xlsx');
    expect(file.fileName).toBe('rapport-2026-03.xlsx');
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      file.data.buffer.slice(file.data.byteOffset, file.data.byteOffset + file.data.byteLength) as ArrayBuffer,
    );
    expect(workbook.worksheets.map((w) => w.name)).toEqual(SHEETS);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, printTitlesRow: '5:5' });
    }
  });

  it('opens in LibreOffice, every sheet converts, and amounts and dates read back as numbers and dates', async () => {
    const xlsx = writeTemp('rapport-2026-03.xlsx', (await exported('xlsx')).data);
    // Every sheet to its own CSV (LibreOffice 7.2+: the 12th token, -1): the conversion fails on a broken file.
    const csv = soffice(xlsx, 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1');
    expect(filesIn(csv.dir).sort()).toEqual(SHEETS.map((s) => `rapport-2026-03-${s}.csv`).sort());

    const fods = soffice(xlsx, 'fods');
    const sheets = readFods(path.join(fods.dir, 'rapport-2026-03.fods'));
    const days = sheets.get('Par jour') ?? [];
    const header = days.findIndex((row) => row[0]?.value === 'Date');
    const body = days.slice(header + 1, header + 1 + report.payments.byDay.length);
    expect(body.map((row) => row[0])).toEqual(
      report.payments.byDay.map((d) => ({ type: 'date', value: d.date, formula: null })),
    );
    for (const [i, day] of report.payments.byDay.entries()) {
      const row = body[i] ?? [];
      expect(row.slice(1, 7).map((c) => c.type)).toEqual(['float', 'float', 'float', 'float', 'float', 'float']);
      expect(row.slice(1, 7).map((c) => Number(c.value))).toEqual([
        day.inCount,
        day.received / 100,
        day.outCount,
        day.refunded / 100,
        day.net / 100,
        day.stampDuty / 100,
      ]);
    }
    // The total line is a SUM that LibreOffice computed again: it finds the report's own total.
    const total = days[header + 1 + report.payments.byDay.length] ?? [];
    expect(total[0]?.value).toBe('Total');
    expect(total[5]?.formula).toMatch(/SUM\(\[?\.?F6:\.?F36\]?\)/i);
    expect(Number(total[5]?.value)).toBeCloseTo(report.payments.totals.net / 100, 2);

    const summary = sheets.get('Synthèse') ?? [];
    const net = summary.find((row) => row[0]?.value === 'Net encaissé (éq. MAD)');
    expect(net?.[1]).toMatchObject({ type: 'float', value: String(report.payments.totals.net / 100) });
    const journal = sheets.get('Journal des règlements') ?? [];
    const lines = journal.filter((row) => row[0]?.type === 'date');
    expect(lines).toHaveLength(report.payments.totals.inCount + report.payments.totals.outCount);
    expect(lines.every((row) => row[7]?.type === 'float')).toBe(true);
    expect(lines.some((row) => row[4]?.value === ARABIC_NAME)).toBe(true);
    // A name that looks like a formula is a text in the spreadsheet, never a formula.
    const formula = lines.find((row) => row[4]?.value.includes('HYPERLINK'));
    expect(formula?.[4]).toMatchObject({ type: 'string', formula: null });
  }, 300_000);
});

describe('CSV export', () => {
  it('is UTF-8 with a BOM, semicolons and French decimals, with the same figures as the screen', async () => {
    const file = await exported('csv');
    expect(file.fileName).toBe('rapport-2026-03.csv');
    const text = file.data.toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(text);
    const net = rows.find((r) => r[0] === 'Net encaissé (éq. MAD)');
    expect(net?.[1]).toBe(
      formatMoney(report.payments.totals.net)
        .replace(/[\u202f\u00a0]|DH/g, '')
        .trim(),
    );
    expect(text).toContain(
      '\r\nDate;Nb reçus;Reçu (éq. MAD);Nb remb.;Remboursé (éq. MAD);Net (éq. MAD);Droits de timbre\r\n',
    );
    expect(rows.find((r) => r[0] === '31/03/2026')).toBeDefined();
  });

  it('round-trips an Arabic name intact and a formula-looking name neutralised, also through LibreOffice', async () => {
    const text = (await exported('csv')).data.toString('utf8');
    const cells = parseCsv(text).flat();
    expect(cells).toContain(ARABIC_NAME);
    expect(cells).toContain(`'${FORMULA_DISPLAY}`);
    expect(cells).not.toContain(FORMULA_DISPLAY);
    expect(cells.some((c) => /^[=+\-@]/.test(c) && !/^-\d/.test(c))).toBe(false);

    // LibreOffice reads it as a French spreadsheet would: UTF-8, semicolons; the formula stays a text.
    const csv = writeTemp('rapport.csv', text);
    const fods = soffice(csv, 'fods', ['--infilter=CSV:59,34,76,1']);
    const sheet = [...readFods(path.join(fods.dir, 'rapport.fods')).values()][0] ?? [];
    const all = sheet.flat();
    expect(all.some((c) => c.value === ARABIC_NAME)).toBe(true);
    const neutralised = all.filter((c) => c.value.includes('HYPERLINK'));
    expect(neutralised.length).toBeGreaterThan(0);
    expect(neutralised.every((c) => c.type === 'string' && c.formula === null)).toBe(true);
  }, 300_000);
});

describe('PDF export', () => {
  it('is a valid A4 document with the key figures, the sections and page numbers', async () => {
    const file = await exported('pdf');
    expect(file.fileName).toBe('rapport-2026-03.pdf');
    mkdirSync('test-results/pdfs', { recursive: true });
    writeFileSync(path.join('test-results/pdfs', file.fileName), file.data);
    expect(qpdfCheck(file.data)).toMatch(/No syntax or stream encoding errors/);
    const pages = pdfPages(file.data);
    expect(pages).toBeGreaterThan(2);
    const text = pdfText(file.data).replace(/[\u00a0\u202f]/g, ' ');
    for (const expected of [
      'Rapport mars 2026',
      'Net encaissé (éq. MAD)',
      formatMoney(report.payments.totals.net).replace(/[\u00a0\u202f]/g, ' '),
      formatMoney(report.receiptsVat.totals.netVat).replace(/[\u00a0\u202f]/g, ' '),
      'Règlements par mode de paiement',
      'TVA sur encaissements',
      'Proformas en attente au 31/03/2026',
      'Sessions de caisse et écarts',
      'Infogérance : heures',
      `Page ${pages} / ${pages}`,
    ]) {
      expect(text).toContain(expected);
    }
  });
});

describe('logging the exports', () => {
  it('every export is in the audit log, with its period and format', async () => {
    const page = await app.ok('manager', 'audit.list', { action: 'reports.export', pageSize: 50 });
    expect(page.rows.length).toBeGreaterThanOrEqual(5);
    expect(page.rows[0]).toMatchObject({ username: 'gerant', entity: 'report', entityId: '2026-03' });
    expect(JSON.stringify(page.rows.map((r) => r.summary))).toContain('"format":"pdf"');
  });
});
