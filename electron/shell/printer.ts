import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, type WebContentsPrintOptions } from 'electron';
import type { DeskPrinter, PrintJob } from '../modules/printing/printer';

/** What webContents.print gets for a job: the chosen printer, its paper, no margins (the PDF has its own). */
export function printOptions(job: PrintJob): WebContentsPrintOptions {
  return {
    silent: job.printer !== null,
    ...(job.printer !== null ? { deviceName: job.printer } : {}),
    pageSize: job.pageSize,
    margins: { marginType: 'none' },
    printBackground: true,
    copies: 1,
  };
}

/**
 * Prints a PDF from the main process: a hidden window shows it in Chromium's PDF viewer and prints it without a dialog
 * to the named printer (or with the dialog when the desk says "ask every time"). The renderer never gets a print frame.
 */
export const electronPrinter: DeskPrinter = {
  async printers() {
    const probe = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true } });
    try {
      const list = await probe.webContents.getPrintersAsync();
      return list.map((p) => ({ name: p.name, displayName: p.displayName || p.name }));
    } finally {
      probe.destroy();
    }
  },

  async print(job) {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'guichet-print-'));
    const file = path.join(folder, 'impression.pdf');
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
    });
    try {
      await writeFile(file, job.pdf);
      await win.loadFile(file);
      await new Promise<void>((resolve, reject) => {
        win.webContents.print(printOptions(job), (success, failureReason) => {
          // Closing the system's dialog is the person's choice, not a failure.
          if (success || failureReason === 'Print job canceled' || failureReason === 'cancelled') resolve();
          else reject(new Error(failureReason || 'impression refusée'));
        });
      });
    } finally {
      win.destroy();
      await rm(folder, { recursive: true, force: true });
    }
  },
};
