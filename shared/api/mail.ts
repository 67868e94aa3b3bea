import { z } from 'zod';
import {
  MAIL_KINDS,
  MAIL_LANGUAGES,
  TEMPLATE_KINDS,
  unknownVariables,
  type MailKind,
  type MailTemplates,
} from '../mail-templates';
import { optionalText, text } from '../validation';
import { method } from './contract';

/**
 * queued: waiting for its turn (or for the network, after a failed attempt: see nextAttemptAt); sending: handed to the
 * SMTP server right now; sent: accepted by the server; failed: refused for good (no address, a permanent answer of the
 * server) — a person may correct and resend it; skipped: pointless by the time it would have gone (the proforma was
 * paid meanwhile).
 */
export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'skipped'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const SMTP_SECURITY = ['starttls', 'tls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export interface MailMessageDto {
  id: number;
  kind: MailKind;
  status: MailStatus;
  clientId: number | null;
  clientCode: string | null;
  clientName: string | null;
  documentId: number | null;
  documentNumber: string | null;
  paymentId: number | null;
  paymentNumber: string | null;
  serviceId: number | null;
  serviceLabel: string | null;
  /** Filled when the message is composed (at its first attempt). */
  to: string;
  subject: string;
  attempts: number;
  nextAttemptAt: string | null;
  /** The last failure, in the server's words when it answered. */
  lastError: string;
  /** The server's answer when it accepted the message. */
  serverResponse: string;
  createdAt: string;
  createdBy: string | null;
  sentAt: string | null;
}

export interface MailDetailDto extends MailMessageDto {
  body: string;
  attachments: string[];
  /** True when the message has not been composed yet: this is what it would say now. */
  preview: boolean;
  /** Why it cannot be composed now (no e-mail address…), for a preview. */
  problem: string | null;
}

export interface OutboxStatusDto {
  enabled: boolean;
  configured: boolean;
  queued: number;
  /** Failed in the last 7 days. */
  failed: number;
  /** After a connection failure, no attempt before this instant (exponential back-off). */
  pausedUntil: string | null;
  lastConnectionError: string;
}

export interface SmtpSettingsDto {
  enabled: boolean;
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  /** The password never leaves the main process: only whether one is saved. */
  hasPassword: boolean;
  fromName: string;
  fromAddress: string;
}

const email = z.string().trim().toLowerCase().max(254).pipe(z.email('Adresse e-mail invalide.'));

export const smtpSettingsInputSchema = z
  .object({
    enabled: z.boolean().default(false),
    host: text(253)
      .default('')
      .refine((h) => h === '' || /^[A-Za-z0-9.-]+$/.test(h), 'Nom de serveur invalide (ex. smtp.exemple.ma).'),
    port: z.number().int().min(1, 'Port entre 1 et 65535.').max(65535, 'Port entre 1 et 65535.').default(587),
    security: z.enum(SMTP_SECURITY).default('starttls'),
    user: optionalText(254),
    /** null keeps the password saved before; '' removes it. */
    password: z.string().max(200).nullable().default(null),
    fromName: optionalText(120),
    fromAddress: z.union([z.literal(''), email]).default(''),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (!s.enabled) return;
    if (s.host === '') ctx.addIssue({ code: 'custom', path: ['host'], message: 'Indiquez le serveur SMTP.' });
    if (s.fromAddress === '')
      ctx.addIssue({ code: 'custom', path: ['fromAddress'], message: "Indiquez l'adresse d'expédition." });
  });
export type SmtpSettingsInput = z.input<typeof smtpSettingsInputSchema>;

const mailText = z
  .object({ subject: text(200), body: text(5000) })
  .strict()
  .superRefine((t, ctx) => {
    for (const field of ['subject', 'body'] as const) {
      const unknown = unknownVariables(t[field]);
      if (unknown.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `Variable inconnue : ${unknown.map((u) => `{{${u}}}`).join(', ')}.`,
        });
    }
    if ((t.subject === '') !== (t.body === ''))
      ctx.addIssue({ code: 'custom', path: ['body'], message: "Renseignez l'objet et le texte, ou aucun des deux." });
  });

const kindTemplates = z
  .object({
    enabled: z.boolean(),
    fr: mailText.refine((t) => t.subject !== '', { message: 'Le modèle français est obligatoire.', path: ['subject'] }),
    en: mailText,
    ar: mailText,
  })
  .strict();

export const mailTemplatesSchema = z
  .object(
    Object.fromEntries(TEMPLATE_KINDS.map((k) => [k, kindTemplates])) as Record<
      (typeof TEMPLATE_KINDS)[number],
      typeof kindTemplates
    >,
  )
  .strict();

const id = z.number().int().positive();

export const mailApi = {
  'mail.list': method<{ rows: MailMessageDto[]; total: number }>()({
    input: z
      .object({
        status: z.enum(MAIL_STATUSES).optional(),
        kind: z.enum(MAIL_KINDS).optional(),
        clientId: id.optional(),
        page: z.number().int().min(1).max(100_000).default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    access: 'cashier',
    mutates: false,
  }),
  'mail.get': method<MailDetailDto>()({ input: z.object({ id }).strict(), access: 'cashier', mutates: false }),
  'mail.status': method<OutboxStatusDto>()({ input: z.object({}).strict(), access: 'cashier', mutates: false }),
  /** A failed message goes back in the queue; a sent one is queued again as a new message (both are kept). */
  'mail.resend': method<MailMessageDto>()({ input: z.object({ id }).strict(), access: 'cashier', mutates: true }),
  /** Tries the waiting messages now, without waiting for the next round (the network is back). */
  'mail.sendNow': method<OutboxStatusDto>()({ input: z.object({}).strict(), access: 'cashier', mutates: true }),
  'mail.getTemplates': method<{ templates: MailTemplates; defaults: MailTemplates }>()({
    input: z.object({}).strict(),
    access: 'manager',
    mutates: false,
  }),
  'mail.saveTemplates': method<MailTemplates>()({ input: mailTemplatesSchema, access: 'manager', mutates: true }),
  'settings.getSmtp': method<SmtpSettingsDto>()({ input: z.object({}).strict(), access: 'admin', mutates: false }),
  'settings.saveSmtp': method<SmtpSettingsDto>()({ input: smtpSettingsInputSchema, access: 'admin', mutates: true }),
  /** Sends one message now with the settings as typed (saved or not), and answers with the server's reply. */
  'mail.sendTest': method<{ to: string; response: string }>()({
    input: z.object({ settings: smtpSettingsInputSchema, to: email }).strict(),
    access: 'admin',
    mutates: true,
  }),
};

export { MAIL_LANGUAGES };
