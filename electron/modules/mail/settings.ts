import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { mailTemplatesSchema, SMTP_SECURITY, type SmtpSettingsDto } from '../../../shared/api/mail';
import { DEFAULT_TEMPLATES, type MailKind, type MailTemplates } from '../../../shared/mail-templates';
import { statement } from '../../db/rows';

export const SMTP = 'smtp';
export const MAIL_TEMPLATES = 'mailTemplates';

/** As saved: the password kept in the settings table of this office's database, never sent to a screen. */
export const storedSmtpSchema = z.object({
  enabled: z.boolean().default(false),
  host: z.string().default(''),
  port: z.number().int().default(587),
  security: z.enum(SMTP_SECURITY).default('starttls'),
  user: z.string().default(''),
  password: z.string().default(''),
  fromName: z.string().default(''),
  fromAddress: z.string().default(''),
});
export type SmtpSettings = z.output<typeof storedSmtpSchema>;

export const smtpDto = ({ password, ...rest }: SmtpSettings): SmtpSettingsDto => ({
  ...rest,
  hasPassword: password !== '',
});

/** Both sections are read by queueMail inside the payment's transaction: parsed again only when they changed. */
const parsed = new Map<string, { raw: string; value: unknown }>();

function cachedSection<T>(em: EntityManager, key: string, parse: (json: unknown) => T, fallback: T): T {
  const row = statement(em, 'SELECT "value" FROM "settings" WHERE "key" = ?').get(key) as { value: string } | undefined;
  if (!row) return fallback;
  const cached = parsed.get(key);
  if (cached && cached.raw === row.value) return cached.value as T;
  const value = parse(JSON.parse(row.value));
  parsed.set(key, { raw: row.value, value });
  return value;
}

export function smtpSettings(em: EntityManager): SmtpSettings {
  return cachedSection(em, SMTP, (json) => storedSmtpSchema.parse(json), storedSmtpSchema.parse({}));
}

/** The templates in force: the saved ones, and the defaults for any kind never saved. */
export function mailTemplates(em: EntityManager): MailTemplates {
  return cachedSection(
    em,
    MAIL_TEMPLATES,
    (json) => {
      const saved = mailTemplatesSchema.partial().safeParse(json);
      return { ...DEFAULT_TEMPLATES, ...(saved.success ? saved.data : {}) };
    },
    DEFAULT_TEMPLATES,
  );
}

export const isConfigured = (s: SmtpSettings) => s.host !== '' && s.fromAddress !== '';

/** Whether a message of this kind is queued at all: the outbox switched on, and the kind's template too. */
export function outboxAccepts(em: EntityManager, kind: MailKind): boolean {
  const smtp = smtpSettings(em);
  if (!smtp.enabled || !isConfigured(smtp)) return false;
  return kind === 'test' || mailTemplates(em)[kind].enabled;
}
