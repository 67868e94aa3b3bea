import type { FindOptionsWhere } from 'typeorm';
import type { MailDetailDto } from '../../../shared/api/mail';
import { DEFAULT_TEMPLATES } from '../../../shared/mail-templates';
import type { Registry } from '../../api/registry';
import type { Clock } from '../../clock';
import type { Database } from '../../db/database';
import { MailMessageEntity, type MailMessageRow } from '../../db/entities';
import { AppError } from '../../errors';
import { automationServices } from '../automation/services';
import { readSection, writeSection } from '../settings/store';
import { ComposeProblem, composeMail, NoLongerNeeded } from './compose';
import { findMessage, messageDtos } from './repository';
import { isConfigured, MAIL_TEMPLATES, mailTemplates, SMTP, smtpDto, smtpSettings, storedSmtpSchema } from './settings';
import { describeFailure, messageIdFor, openSmtp } from './smtp';
import { mailTemplatesSchema } from '../../../shared/api/mail';

/** How long "send now" waits for the outbox before answering (a slow server keeps going in the background). */
const SEND_NOW_WAIT_MS = 8_000;

export function registerMailHandlers(registry: Registry, { db, clock }: { db: Database; clock: Clock }): void {
  const { outbox } = automationServices(db, clock);
  const dto = async (id: number) => (await messageDtos(db.reader, [await findMessage(db.reader, id)]))[0];

  registry.register('mail.list', async (input) => {
    const where: FindOptionsWhere<MailMessageRow> = {};
    if (input.status) where.status = input.status;
    if (input.kind) where.kind = input.kind;
    if (input.clientId) where.clientId = input.clientId;
    const [rows, total] = await db.reader.findAndCount(MailMessageEntity, {
      where,
      order: { id: 'DESC' },
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    });
    return { rows: await messageDtos(db.reader, rows), total };
  });

  registry.register('mail.get', async (input): Promise<MailDetailDto> => {
    const row = await findMessage(db.reader, input.id);
    const [base] = await messageDtos(db.reader, [row]);
    if (!base) throw new AppError('NOT_FOUND', 'Message introuvable.');
    // Waiting for its first attempt: shown as it would be composed now. Otherwise as it was composed (or why not).
    if (row.status !== 'queued' || row.subject !== '') {
      const problem = row.subject === '' && ['failed', 'skipped'].includes(row.status) ? row.lastError : null;
      return { ...base, body: row.body, attachments: JSON.parse(row.attachments) as string[], preview: false, problem };
    }
    try {
      const preview = await composeMail(db, row, clock.now(), false);
      return {
        ...base,
        to: preview.to,
        subject: preview.subject,
        body: preview.body,
        attachments: [],
        preview: true,
        problem: null,
      };
    } catch (error) {
      if (!(error instanceof ComposeProblem || error instanceof NoLongerNeeded)) throw error;
      return { ...base, body: '', attachments: [], preview: true, problem: error.message };
    }
  });

  registry.register('mail.status', () => Promise.resolve(outbox.status()));

  registry.register('mail.resend', async (input, ctx) => {
    const id = await db.write(ctx.actor, 'mail.resend', async (tx) => {
      const row = await findMessage(tx.em, input.id);
      const at = tx.now.toISOString();
      let target = row.id;
      if (row.status === 'failed' || row.status === 'skipped') {
        await tx.em.update(
          MailMessageEntity,
          { id: row.id },
          { status: 'queued', attempts: 0, nextAttemptAt: at, lastError: '', subject: '', body: '', updatedAt: at },
        );
      } else if (row.status === 'sent') {
        // The sent message stays as the record of what went out; its copy is composed again, as things are now.
        const copy = await tx.em.save(MailMessageEntity, {
          kind: row.kind,
          status: 'queued' as const,
          clientId: row.clientId,
          documentId: row.documentId,
          paymentId: row.paymentId,
          serviceId: row.serviceId,
          dedupeKey: null,
          toAddress: row.kind === 'test' ? row.toAddress : '',
          nextAttemptAt: at,
          createdAt: at,
          createdBy: ctx.actor.username,
          updatedAt: at,
        });
        target = copy.id;
      } else {
        throw new AppError('CONFLICT', 'Ce message est déjà en attente d’envoi.');
      }
      await tx.audit({
        action: 'mail.resend',
        entity: 'mail',
        entityId: target,
        summary: { kind: row.kind, from: row.id },
      });
      return target;
    });
    void outbox.flush().catch(() => undefined);
    const result = await dto(id);
    if (!result) throw new AppError('NOT_FOUND', 'Message introuvable.');
    return result;
  });

  registry.register('mail.sendNow', async () => {
    const flushing = outbox.flush(true);
    await Promise.race([flushing, new Promise((resolve) => setTimeout(resolve, SEND_NOW_WAIT_MS).unref())]);
    return outbox.status();
  });

  registry.register('mail.getTemplates', () =>
    Promise.resolve({ templates: mailTemplates(db.reader), defaults: DEFAULT_TEMPLATES }),
  );

  registry.register('mail.saveTemplates', async (input, ctx) => {
    await db.write(ctx.actor, 'mail.saveTemplates', async (tx) => {
      const before = await readSection(tx.em, MAIL_TEMPLATES, mailTemplatesSchema.partial());
      await writeSection(
        tx,
        MAIL_TEMPLATES,
        input,
        before ? { ...DEFAULT_TEMPLATES, ...before } : null,
        ctx.actor.userId,
      );
    });
    return mailTemplates(db.reader);
  });

  registry.register('settings.getSmtp', () => Promise.resolve(smtpDto(smtpSettings(db.reader))));

  registry.register('settings.saveSmtp', async (input, ctx) => {
    await db.write(ctx.actor, 'settings.saveSmtp', async (tx) => {
      const before = await readSection(tx.em, SMTP, storedSmtpSchema);
      const password = input.password ?? before?.password ?? '';
      await writeSection(tx, SMTP, { ...input, password }, before, ctx.actor.userId, ['password']);
    });
    void outbox.flush(true).catch(() => undefined);
    return smtpDto(smtpSettings(db.reader));
  });

  registry.register('mail.sendTest', async (input, ctx) => {
    const saved = smtpSettings(db.reader);
    const settings = { ...input.settings, password: input.settings.password ?? saved.password };
    if (!isConfigured(settings)) {
      throw new AppError('VALIDATION', "Indiquez le serveur et l'adresse d'expédition.", {
        ...(settings.host ? {} : { 'settings.host': 'Indiquez le serveur SMTP.' }),
        ...(settings.fromAddress ? {} : { 'settings.fromAddress': "Indiquez l'adresse d'expédition." }),
      });
    }
    const now = clock.now().toISOString();
    const row = {
      kind: 'test' as const,
      clientId: null,
      documentId: null,
      paymentId: null,
      serviceId: null,
      dedupeKey: null,
      toAddress: input.to,
      attempts: 1,
      createdAt: now,
      createdBy: ctx.actor.username,
    } as MailMessageRow;
    const composed = await composeMail(db, row, clock.now(), false).catch((error: unknown) => {
      throw error instanceof ComposeProblem ? new AppError('CONFLICT', error.message) : error;
    });
    const smtp = openSmtp(settings);
    let outcome: { ok: true; response: string; messageId: string } | { ok: false; error: string };
    try {
      const sent = await smtp.send({
        messageId: messageIdFor(0, now, settings.fromAddress),
        to: input.to,
        subject: composed.subject,
        body: composed.body,
        attachments: [],
      });
      outcome = { ok: true, ...sent };
    } catch (error) {
      outcome = { ok: false, error: describeFailure(error).message };
    } finally {
      smtp.close();
    }
    // Kept in the outbox like any message: the record of what was tried, with the server's answer.
    await db.write(ctx.actor, 'mail.sendTest', async (tx) => {
      const saved = await tx.em.save(MailMessageEntity, {
        ...row,
        status: outcome.ok ? ('sent' as const) : ('failed' as const),
        language: 'fr',
        subject: composed.subject,
        body: composed.body,
        nextAttemptAt: now,
        lastError: outcome.ok ? '' : outcome.error,
        serverResponse: outcome.ok ? outcome.response : '',
        messageId: outcome.ok ? outcome.messageId : '',
        sentAt: outcome.ok ? now : null,
        updatedAt: now,
      });
      await tx.audit({
        action: 'mail.sendTest',
        entity: 'mail',
        entityId: saved.id,
        summary: {
          to: input.to,
          host: settings.host,
          ...(outcome.ok ? { response: outcome.response } : { error: outcome.error }),
        },
      });
    });
    if (!outcome.ok) throw new AppError('CONFLICT', `L'e-mail de test n'a pas pu partir : ${outcome.error}`);
    return { to: input.to, response: outcome.response };
  });
}
