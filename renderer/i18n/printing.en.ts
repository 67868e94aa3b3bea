import type { printingFr } from './printing.fr';
import type { Messages } from './types';

/** English texts of the desk's printers (joined into en.ts under `printing`). */
export const printingEn: Messages<typeof printingFr> = {
  title: 'Printers of this desk',
  intro:
    'Receipts and documents print directly, without a dialog, on the printers chosen here. This setting belongs to this PC.',
  webMode:
    'In web mode the browser prints with its own dialog: choose the printer and paper there. Printers are set in the desktop app.',
  ask: 'Ask every time',
  receiptPrinter: 'Receipt printer',
  receiptPrinterHint: 'The counter’s thermal printer (80 mm roll) or an A5 printer.',
  receiptPaper: 'Receipt paper',
  paper: { roll80: '80 mm roll', a5: 'A5' },
  documentPrinter: 'Document printer',
  documentPrinterHint: 'Proformas, invoices, credit notes and reports, on A4 paper.',
  printInvoicesWithReceipt: 'Print invoices with the receipt',
  printInvoicesWithReceiptHint:
    'When a payment settles a proforma, the invoice it issues prints on the document printer right after the receipt.',
  testPage: 'Test page',
  testSent: 'Test page sent to {{printer}}.',
  saved: 'Printers saved.',
};
