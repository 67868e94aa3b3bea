import { z } from 'zod';
import { isCalendarDate } from '../periods';
import { text } from '../validation';
import { method } from './contract';
import type { ReportFileDto } from './reports';

/**
 * Electronic invoicing (CGI art. 145-IX): each issued invoice and credit note has an e-invoice state, moved by a queue
 * that submits its UBL file through the adapter chosen in the settings.
 * - not_required: no adapter ("none"), or issued before one was chosen;
 * - pending: waiting for its submission (retried with back-off while the adapter fails);
 * - submitted: handed to the platform (the folder adapter: written to the folder);
 * - cleared: accepted by the platform, with its reference and instant;
 * - rejected: refused by the platform, with its reason.
 */
export const EINVOICE_STATES = ['not_required', 'pending', 'submitted', 'cleared', 'rejected'] as const;
export type EinvoiceState = (typeof EINVOICE_STATES)[number];

export const EINVOICE_ADAPTERS = ['none', 'folder'] as const;
export type EinvoiceAdapterName = (typeof EINVOICE_ADAPTERS)[number];

const madRate = z.number().int().min(1, 'Taux de change invalide.').max(1_000_000_000, 'Taux de change invalide.');

export const einvoiceSettingsSchema = z
  .object({
    adapter: z.enum(EINVOICE_ADAPTERS).default('none'),
    /** The folder adapter: where each UBL file is written for the accountant's platform to collect. */
    folder: text(500).default(''),
    /**
     * Dirhams per unit in millionths, for the MAD equivalent of a euro or dollar document when no rate was ever typed
     * at the counter for that currency.
     */
    referenceRates: z
      .object({ EUR: madRate.nullable().default(null), USD: madRate.nullable().default(null) })
      .default({ EUR: null, USD: null }),
  })
  .superRefine((s, ctx) => {
    if (s.adapter === 'folder' && s.folder === '') {
      ctx.addIssue({ code: 'custom', path: ['folder'], message: 'Indiquez le dossier où déposer les fichiers UBL.' });
    }
  });
export type EinvoiceSettings = z.output<typeof einvoiceSettingsSchema>;

export interface EinvoiceSettingsDto extends EinvoiceSettings {
  /** Documents issued from this instant on are submitted (set when an adapter is first chosen). */
  since: string | null;
}

export interface EinvoiceHistoryDto {
  at: string;
  state: EinvoiceState;
  detail: string;
}

export interface EinvoiceStatusDto {
  documentId: number;
  state: EinvoiceState;
  adapter: EinvoiceAdapterName | null;
  /** The platform's reference (cleared) or the file written (submitted by the folder adapter). */
  reference: string;
  clearedAt: string | null;
  /** Rejected: the platform's reason. */
  reason: string;
  attempts: number;
  /** Pending after a failure: the last error and when it is tried again. */
  lastError: string;
  nextAttemptAt: string | null;
  history: EinvoiceHistoryDto[];
}

export interface EinvoiceQueueDto {
  adapter: EinvoiceAdapterName;
  counts: Record<EinvoiceState, number>;
  /** Pending documents whose last attempt failed, oldest first (shown so that nothing waits unseen). */
  failing: { documentId: number; number: string; attempts: number; lastError: string; nextAttemptAt: string }[];
}

const id = z.number().int().positive();
const calendarDate = z.string().refine(isCalendarDate, 'Date attendue au format AAAA-MM-JJ.');

export const einvoiceApi = {
  'einvoice.settings': method<EinvoiceSettingsDto>()({
    input: z.object({}).strict(),
    access: 'manager',
    mutates: false,
  }),
  'einvoice.saveSettings': method<EinvoiceSettingsDto>()({
    input: einvoiceSettingsSchema,
    access: 'manager',
    mutates: true,
  }),
  'einvoice.status': method<EinvoiceStatusDto>()({
    input: z.object({ id }).strict(),
    access: 'cashier',
    mutates: false,
  }),
  'einvoice.queue': method<EinvoiceQueueDto>()({ input: z.object({}).strict(), access: 'manager', mutates: false }),
  /** Submits what is due now instead of at the next round (after fixing the folder, say). */
  'einvoice.flush': method<EinvoiceQueueDto>()({ input: z.object({}).strict(), access: 'manager', mutates: true }),
  /** A zip of the UBL files of the chosen documents, or of every invoice and credit note issued in a period. */
  'einvoice.export': method<ReportFileDto>()({
    input: z.union([
      z.object({ ids: z.array(id).min(1, 'Choisissez au moins un document.').max(5_000) }).strict(),
      z
        .object({ from: calendarDate, to: calendarDate })
        .strict()
        .refine((p) => p.from <= p.to, { message: 'La date de début doit précéder la date de fin.', path: ['to'] }),
    ]),
    access: 'manager',
    mutates: true,
  }),
  /** The verifiable archive of a year (PDF, UBL, manifest with hashes, audit chain head, README). */
  'einvoice.archive': method<ReportFileDto>()({
    input: z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
    access: 'manager',
    mutates: true,
  }),
};
