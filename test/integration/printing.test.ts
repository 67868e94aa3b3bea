import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DESK_FILE } from '../../electron/modules/printing/desk-settings';
import type { DeskPrinter, PrintJob } from '../../electron/modules/printing/printer';
import { openTestApp, withStaff, type TestApp } from '../support/core';
import { fullCompany } from '../support/documents';

// The desk's printers through the contract. The printer port stands for Electron's webContents.print, which cannot run
// here (the packaged-layout test checks the Electron call itself); it records the jobs and can fail like a printer.

let app: TestApp;
afterEach(() => app.close());

function recordingPrinter(): DeskPrinter & { jobs: PrintJob[]; fail: string | null } {
  const printer = {
    jobs: [] as PrintJob[],
    fail: null as string | null,
    printers: () =>
      Promise.resolve([
        { name: 'EPSON_TM_T20III', displayName: 'EPSON TM-T20III' },
        { name: 'HP_LaserJet_M404', displayName: 'HP LaserJet M404' },
      ]),
    print(job: PrintJob) {
      if (printer.fail) return Promise.reject(new Error(printer.fail));
      printer.jobs.push(job);
      return Promise.resolve();
    },
  };
  return printer;
}

const deskPrinters = {
  receiptPrinter: 'EPSON_TM_T20III',
  receiptPaper: 'roll80',
  documentPrinter: 'HP_LaserJet_M404',
  printInvoicesWithReceipt: true,
} as const;

describe('the printers of a desk', () => {
  it('are kept in the data folder, by a manager, audited; "ask every time" by default', async () => {
    const printer = recordingPrinter();
    app = await openTestApp(undefined, { printer });
    await withStaff(app);
    expect(await app.ok('cashier', 'printing.settings', {})).toEqual({
      available: true,
      settings: {
        receiptPrinter: null,
        receiptPaper: 'roll80',
        documentPrinter: null,
        printInvoicesWithReceipt: false,
      },
    });
    expect(await app.call('cashier', 'printing.saveSettings', deskPrinters)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await app.ok('manager', 'printing.saveSettings', deskPrinters);
    const file = JSON.parse(readFileSync(path.join(app.dataDir, DESK_FILE), 'utf8')) as unknown;
    expect(file).toEqual({ printing: deskPrinters });
    expect((await app.ok('cashier', 'printing.settings', {})).settings).toEqual(deskPrinters);
    const audit = await app.ok('manager', 'audit.list', {});
    expect(JSON.stringify(audit)).toContain('printing.saveSettings');
  });

  it('prints a receipt on the receipt printer, 80 mm wide and as long as the receipt, and A4 on the other', async () => {
    const printer = recordingPrinter();
    app = await openTestApp(undefined, { printer });
    await withStaff(app);
    await app.ok('admin', 'settings.saveCompany', fullCompany);
    await app.ok('manager', 'printing.saveSettings', deskPrinters);

    await app.ok('manager', 'printing.testPage', { target: 'receipt' });
    const [roll] = printer.jobs;
    expect(roll?.printer).toBe('EPSON_TM_T20III');
    expect(roll?.pageSize.width).toBe(80_000);
    // The test page is 260 points long on the roll: 91.7 mm.
    expect(roll?.pageSize.height).toBe(91_722);
    expect(roll?.pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const pdf = roll?.pdf.toString('base64') ?? '';
    expect(await app.ok('cashier', 'printing.print', { pdf, target: 'document', paper: 'a4' })).toEqual({
      printer: 'HP_LaserJet_M404',
      paper: 'a4',
    });
    expect(printer.jobs[1]?.pageSize).toEqual({ width: 210_000, height: 297_000 });
  });

  it('asks every time when no printer is chosen, and says in French when the printer fails', async () => {
    const printer = recordingPrinter();
    app = await openTestApp(undefined, { printer });
    await withStaff(app);
    const pdf = Buffer.from('%PDF-1.3\n%%EOF').toString('base64');
    expect(await app.ok('cashier', 'printing.print', { pdf, target: 'receipt', paper: 'a5' })).toEqual({
      printer: null,
      paper: 'a5',
    });
    expect(printer.jobs[0]).toMatchObject({ printer: null, pageSize: { width: 148_000, height: 210_000 } });

    await app.ok('manager', 'printing.saveSettings', deskPrinters);
    printer.fail = 'Printer is offline';
    expect(await app.call('cashier', 'printing.print', { pdf, target: 'receipt', paper: 'roll80' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: "L'impression sur « EPSON_TM_T20III » a échoué : Printer is offline" },
    });
    expect(
      await app.call('cashier', 'printing.print', { pdf: 'pas du base64 !', target: 'receipt', paper: 'a5' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('is not there in web mode: the browser prints with its dialog', async () => {
    app = await openTestApp();
    await withStaff(app);
    expect(await app.ok('cashier', 'printing.settings', {})).toMatchObject({ available: false });
    const pdf = Buffer.from('%PDF-1.3\n%%EOF').toString('base64');
    const refused = await app.call('cashier', 'printing.print', { pdf, target: 'receipt', paper: 'roll80' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('navigateur') },
    });
    expect(await app.call('cashier', 'printing.printers', {})).toMatchObject({ ok: false });
  });
});
