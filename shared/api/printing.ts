import { z } from 'zod';
import { method } from './contract';

/** Paper of a print: the counter's 80 mm thermal roll, A5 (receipts), A4 (proformas, invoices, reports). */
export const PAPERS = ['roll80', 'a5', 'a4'] as const;
export type Paper = (typeof PAPERS)[number];
/** Which of the desk's two printers a print goes to. */
export const PRINT_TARGETS = ['receipt', 'document'] as const;
export type PrintTarget = (typeof PRINT_TARGETS)[number];

const printerName = z.string().trim().min(1).max(200).nullable();

/**
 * The desk's printers, kept on this PC (not in the shared database): null means "ask every time" (the system's print
 * dialog). The receipt printer prints on an 80 mm roll or A5 paper; the document printer on A4.
 */
export const deskPrintSettingsSchema = z
  .object({
    receiptPrinter: printerName.default(null),
    receiptPaper: z.enum(['roll80', 'a5']).default('roll80'),
    documentPrinter: printerName.default(null),
    /** The invoices a payment issues print on the document printer right after its receipt. */
    printInvoicesWithReceipt: z.boolean().default(false),
  })
  .strict();
export type DeskPrintSettings = z.output<typeof deskPrintSettingsSchema>;

export interface PrinterDto {
  /** The system's name, the one a print is sent to. */
  name: string;
  displayName: string;
}

export interface DeskPrintingDto {
  /** False in web mode: the browser prints through its own dialog. */
  available: boolean;
  settings: DeskPrintSettings;
}

export interface PrintOutcomeDto {
  /** The printer's name, or null when the system's dialog asked for it. */
  printer: string | null;
  paper: Paper;
}

/** A PDF made by the main process (a receipt, a document, a report), as base64, at most 40 MB. */
const pdf = z
  .string()
  .max(56_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'PDF invalide');

export const printingApi = {
  'printing.settings': method<DeskPrintingDto>()({ input: z.object({}).strict(), access: 'cashier', mutates: false }),
  'printing.printers': method<PrinterDto[]>()({ input: z.object({}).strict(), access: 'cashier', mutates: false }),
  'printing.saveSettings': method<DeskPrintSettings>()({
    input: deskPrintSettingsSchema,
    access: 'manager',
    mutates: true,
  }),
  /** Prints without a dialog on the desk's printer for `target`, on `paper`, with no margins. */
  'printing.print': method<PrintOutcomeDto>()({
    input: z.object({ pdf, target: z.enum(PRINT_TARGETS), paper: z.enum(PAPERS) }).strict(),
    access: 'cashier',
    mutates: false,
  }),
  'printing.testPage': method<PrintOutcomeDto>()({
    input: z.object({ target: z.enum(PRINT_TARGETS) }).strict(),
    access: 'manager',
    mutates: false,
  }),
};
