import type { OutboxStatusDto } from '../../../shared/api/mail';
import type { Clock } from '../../clock';
import type { Actor, Database, WriteTx } from '../../db/database';
import type { MailMessageRow } from '../../db/entities';
import { MailMessageEntity } from '../../db/entities';
import { In } from 'typeorm';
import { MAX_CONNECTION_DELAY_MS, MAX_MESSAGE_DELAY_MS, MAX_SERVER_ATTEMPTS, retryDelayMs } from './backoff';
import { ComposeProblem, composeMail, NoLongerNeeded, type ComposedMail } from './compose';
import { statement } from '../../db/rows';
import { onMailQueued } from './queue';
import { isConfigured, smtpSettings, type SmtpSettings } from './settings';
import { describeFailure, messageIdFor, openSmtp } from './smtp';

const SYSTEM: Actor = { userId: null, username: null };
/** Messages taken from the queue at a time: a batch shares one SMTP session. */
const BATCH = 10;
const ROUND_MS = 60_000;
/** A message queued by the counter goes out a moment after its transaction commits. */
const NUDGE_MS = 1_500;
const WEEK_MS = 7 * 24 * 3_600_000;

export interface FlushResult {
  sent: number;
  failed: number;
  deferred: number;
  skipped: number;
}

class NothingToClaim extends Error {}

/**
 * Sends the queued messages by SMTP, outside every write transaction: the counter never waits for the network. One
 * flush at a time; each message is claimed in the writer queue (so only committed messages are seen), composed and
 * sent, and its outcome recorded in its own short write. A connection failure pauses the whole outbox with exponential
 * back-off; a server's "try later" defers only that message; a permanent refusal fails it for a person to look at.
 */
export class Outbox {
  private running: Promise<FlushResult> | null = null;
  private pausedUntil = 0;
  private connectionFailures = 0;
  private lastConnectionError = '';
  private timer: NodeJS.Timeout | null = null;
  private nudge: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Set by stop(): the flush under way ends after the message being sent, the rest of its batch goes back. */
  private stopping = false;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly log: (message: string) => void = (message) => console.error(message),
  ) {}

  /** Sends in the background: a round every minute, and soon after a message is queued. */
  start(): void {
    this.stopping = false;
    this.timer = setInterval(() => this.flushInBackground(), ROUND_MS);
    this.timer.unref();
    this.unsubscribe = onMailQueued(this.db.dataSource, () => {
      if (this.nudge) return;
      this.nudge = setTimeout(() => {
        this.nudge = null;
        this.flushInBackground();
      }, NUDGE_MS);
      this.nudge.unref();
    });
    this.flushInBackground();
  }

  /** Stops between two messages (a quit does not wait for the whole queue); the untried ones stay queued. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    if (this.nudge) clearTimeout(this.nudge);
    this.unsubscribe?.();
    this.timer = this.nudge = null;
    await this.running?.catch(() => undefined);
  }

  private flushInBackground(): void {
    void this.flush().catch((error: unknown) =>
      this.log(`Outbox: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /** Tries every message that is due; `force` ignores the pause after a connection failure (the network is back). */
  flush(force = false): Promise<FlushResult> {
    if (force) this.pausedUntil = 0;
    this.running ??= this.flushAll().finally(() => (this.running = null));
    return this.running;
  }

  status(): OutboxStatusDto {
    const settings = smtpSettings(this.db.reader);
    const count = (sql: string, ...values: unknown[]) =>
      (statement(this.db.reader, sql).get(...values) as { n: number }).n;
    const since = new Date(this.clock.now().getTime() - WEEK_MS).toISOString();
    return {
      enabled: settings.enabled,
      configured: isConfigured(settings),
      queued: count(`SELECT COUNT(*) AS n FROM "mail_messages" WHERE "status" IN ('queued', 'sending')`),
      failed: count(`SELECT COUNT(*) AS n FROM "mail_messages" WHERE "status" = 'failed' AND "updated_at" >= ?`, since),
      pausedUntil: this.pausedUntil > this.clock.now().getTime() ? new Date(this.pausedUntil).toISOString() : null,
      lastConnectionError: this.lastConnectionError,
    };
  }

  /** Messages left "sending" by a process that stopped mid-send go back to the queue (they may go out twice). */
  async recover(): Promise<void> {
    const stale = await this.db.reader.findBy(MailMessageEntity, { status: 'sending' });
    if (stale.length === 0) return;
    await this.db.write(SYSTEM, 'mail.recover', async (tx) => {
      await tx.em.update(
        MailMessageEntity,
        { status: 'sending' },
        { status: 'queued', updatedAt: tx.now.toISOString() },
      );
      await tx.audit({ action: 'mail.recover', entity: 'mail', summary: { messages: stale.map((m) => m.id) } });
    });
  }

  private async flushAll(): Promise<FlushResult> {
    const result: FlushResult = { sent: 0, failed: 0, deferred: 0, skipped: 0 };
    const settings = smtpSettings(this.db.reader);
    if (!settings.enabled || !isConfigured(settings)) return result;
    while (!this.stopping && this.clock.now().getTime() >= this.pausedUntil) {
      const batch = await this.claim();
      if (batch.length === 0) break;
      const stopped = await this.sendBatch(settings, batch, result);
      if (stopped) break;
    }
    return result;
  }

  private async claim(): Promise<MailMessageRow[]> {
    try {
      return await this.db.write(SYSTEM, 'mail.claim', async (tx) => {
        const rows = statement(
          tx.em,
          `SELECT "id" FROM "mail_messages" WHERE "status" = 'queued' AND "next_attempt_at" <= ? ORDER BY "id" LIMIT ?`,
        ).all(tx.now.toISOString(), BATCH) as { id: number }[];
        if (rows.length === 0) throw new NothingToClaim();
        const ids = rows.map((r) => r.id);
        await tx.em.update(MailMessageEntity, { id: In(ids) }, { status: 'sending', updatedAt: tx.now.toISOString() });
        await tx.audit({ action: 'mail.sending', entity: 'mail', summary: { messages: ids } });
        return tx.em.find(MailMessageEntity, { where: { id: In(ids) }, order: { id: 'ASC' } });
      });
    } catch (error) {
      if (error instanceof NothingToClaim) return [];
      throw error;
    }
  }

  /** Returns true when the outbox must stop (no connection to the server). */
  private async sendBatch(settings: SmtpSettings, batch: MailMessageRow[], result: FlushResult): Promise<boolean> {
    const smtp = openSmtp(settings);
    try {
      for (const [i, row] of batch.entries()) {
        if (this.stopping) {
          await this.release(batch.slice(i));
          return true;
        }
        let composed: ComposedMail;
        try {
          composed = await composeMail(this.db, row, this.clock.now(), true);
        } catch (error) {
          const attempts = row.attempts + 1;
          if (error instanceof NoLongerNeeded) {
            await this.record(row, { status: 'skipped', lastError: error.message });
            result.skipped++;
          } else if (error instanceof ComposeProblem) {
            await this.record(row, { status: 'failed', lastError: error.message, attempts });
            result.failed++;
          } else {
            // A fault of ours (a PDF that will not render): logged, and tried again later like a deferral.
            const message = error instanceof Error ? error.message : String(error);
            this.log(`Outbox: message ${row.id} could not be composed: ${message}`);
            const next = new Date(this.clock.now().getTime() + retryDelayMs(attempts, MAX_MESSAGE_DELAY_MS));
            await this.record(row, {
              status: attempts >= MAX_SERVER_ATTEMPTS ? 'failed' : 'queued',
              attempts,
              lastError: `Erreur interne de composition : ${message}`,
              nextAttemptAt: next.toISOString(),
            });
            result.deferred++;
          }
          continue;
        }
        const content = {
          toAddress: composed.to,
          language: composed.language,
          subject: composed.subject,
          body: composed.body,
          attachments: JSON.stringify(composed.attachmentNames),
        };
        try {
          const sent = await smtp.send({
            messageId: messageIdFor(row.id, row.createdAt, settings.fromAddress),
            to: composed.to,
            subject: composed.subject,
            body: composed.body,
            attachments: composed.attachments,
          });
          this.connectionFailures = 0;
          this.lastConnectionError = '';
          await this.record(row, {
            ...content,
            status: 'sent',
            attempts: row.attempts + 1,
            lastError: '',
            serverResponse: sent.response,
            messageId: sent.messageId,
            sentAt: this.clock.now().toISOString(),
          });
          result.sent++;
        } catch (error) {
          const failure = describeFailure(error);
          const attempts = row.attempts + 1;
          if (!failure.answered) {
            this.connectionFailures++;
            this.lastConnectionError = failure.message;
            const delay = retryDelayMs(this.connectionFailures, MAX_CONNECTION_DELAY_MS);
            this.pausedUntil = this.clock.now().getTime() + delay;
            const next = new Date(this.pausedUntil).toISOString();
            await this.record(
              row,
              { ...content, status: 'queued', attempts, lastError: failure.message, nextAttemptAt: next },
              batch.slice(i + 1),
            );
            result.deferred++;
            return true;
          }
          if (failure.permanent || attempts >= MAX_SERVER_ATTEMPTS) {
            await this.record(row, { ...content, status: 'failed', attempts, lastError: failure.message });
            result.failed++;
          } else {
            const next = new Date(this.clock.now().getTime() + retryDelayMs(attempts, MAX_MESSAGE_DELAY_MS));
            await this.record(row, {
              ...content,
              status: 'queued',
              attempts,
              lastError: failure.message,
              nextAttemptAt: next.toISOString(),
            });
            result.deferred++;
          }
        }
      }
      return false;
    } finally {
      smtp.close();
    }
  }

  /** Claimed messages not tried (the outbox is stopping) go back to the queue as they were. */
  private release(rows: MailMessageRow[]): Promise<void> {
    return this.db.write(SYSTEM, 'mail.release', async (tx) => {
      const ids = rows.map((r) => r.id);
      await tx.em.update(MailMessageEntity, { id: In(ids) }, { status: 'queued', updatedAt: tx.now.toISOString() });
      await tx.audit({ action: 'mail.release', entity: 'mail', summary: { messages: ids } });
    });
  }

  /** The outcome of one attempt, in its own write; `release` puts back untried messages of the batch. */
  private record(row: MailMessageRow, values: Partial<MailMessageRow>, release: MailMessageRow[] = []): Promise<void> {
    return this.db.write(SYSTEM, `mail.${values.status ?? 'record'}`, async (tx: WriteTx) => {
      const at = tx.now.toISOString();
      await tx.em.update(MailMessageEntity, { id: row.id }, { ...values, updatedAt: at });
      if (release.length > 0) {
        await tx.em.update(
          MailMessageEntity,
          { id: In(release.map((r) => r.id)) },
          { status: 'queued', updatedAt: at },
        );
      }
      const action = values.status === 'queued' ? 'mail.deferred' : `mail.${values.status ?? 'record'}`;
      await tx.audit({
        action,
        entity: 'mail',
        entityId: row.id,
        summary: {
          kind: row.kind,
          to: values.toAddress ?? row.toAddress,
          ...(values.lastError ? { error: values.lastError } : {}),
          ...(values.serverResponse ? { response: values.serverResponse } : {}),
        },
      });
    });
  }
}
