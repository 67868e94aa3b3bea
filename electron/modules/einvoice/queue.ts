import type { EinvoiceQueueDto, EinvoiceState } from '../../../shared/api/einvoice';
import { EINVOICE_STATES } from '../../../shared/api/einvoice';
import type { Clock } from '../../clock';
import type { Actor, Database, WriteTx } from '../../db/database';
import { statement } from '../../db/rows';
import { MAX_MESSAGE_DELAY_MS, retryDelayMs } from '../mail/backoff';
import { ADAPTERS } from './adapters';
import type { SubmissionOutcome } from './adapters/adapter';
import { ublFileOf } from './export';
import { einvoiceSettings } from './settings';

const SYSTEM: Actor = { userId: null, username: null };
const ROUND_MS = 60_000;
/** Documents submitted per round: a long backlog (an adapter just chosen) goes out over a few rounds. */
const BATCH = 50;

// A type, not an interface: rows read by a statement are records.
type DueRow = {
  id: number;
  documentId: number;
  number: string;
  attempts: number;
};

/** An e-invoice state change, in the audit log: the history the document page shows. */
export function auditState(tx: WriteTx, documentId: number, state: EinvoiceState, detail: Record<string, unknown>) {
  return tx.audit({
    action: 'einvoice.state',
    entity: 'document',
    entityId: documentId,
    summary: { state, ...detail },
  });
}

/**
 * Submits issued invoices and credit notes through the chosen adapter, outside the counter's transactions (a payment
 * never waits for it), like the mail outbox: a round every minute; a document whose submission fails stays pending and
 * is tried again with exponential back-off (one minute, doubling, at most every six hours), its error shown. Nothing
 * is dropped: a document leaves "pending" only with the platform's answer.
 */
export class EinvoiceQueue {
  /** The last round started or queued; rounds run one after the other. */
  private tail: Promise<void> = Promise.resolve();
  /** A round queued behind the one running: a flush asked meanwhile joins it (it will see what was just committed). */
  private waiting: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly log: (message: string) => void = (message) => console.error(message),
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      void this.flush().catch((error: unknown) => this.log(`E-facturation : ${String(error)}`));
    }, ROUND_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.tail;
  }

  /** One round: queue what was issued since the adapter was chosen, then submit what is due. One round at a time. */
  flush(): Promise<void> {
    if (!this.waiting) {
      const next = this.tail.then(() => {
        this.waiting = null;
        return this.round();
      });
      this.waiting = next;
      this.tail = next.catch(() => undefined);
    }
    return this.waiting;
  }

  private async round(): Promise<void> {
    const settings = einvoiceSettings(this.db.reader);
    const adapter = ADAPTERS[settings.adapter];
    if (!adapter.submits || !settings.since) return;
    await this.enqueue(settings.since, settings.adapter);
    const now = this.clock.now().toISOString();
    const due = statement(
      this.db.reader,
      `SELECT s."id" AS id, s."document_id" AS documentId, d."number" AS number, s."attempts" AS attempts
         FROM "einvoice_submissions" s JOIN "documents" d ON d."id" = s."document_id"
        WHERE s."state" = 'pending' AND s."next_attempt_at" <= ? ORDER BY s."next_attempt_at", s."id" LIMIT ?`,
    ).all(now, BATCH) as DueRow[];
    for (const row of due) {
      let outcome: SubmissionOutcome;
      try {
        outcome = await adapter.submit(await ublFileOf(this.db, row.documentId), settings);
      } catch (error) {
        await this.failed(row, error instanceof Error ? error.message : String(error));
        continue;
      }
      await this.record(row, outcome);
    }
  }

  private async enqueue(since: string, adapter: string): Promise<void> {
    const waiting = statement(
      this.db.reader,
      `SELECT d."id" AS id FROM "documents" d
        WHERE d."type" IN ('invoice', 'credit_note') AND d."number" IS NOT NULL AND d."issued_at" > ?
          AND NOT EXISTS (SELECT 1 FROM "einvoice_submissions" s WHERE s."document_id" = d."id")
        ORDER BY d."id" LIMIT 500`,
    ).all(since) as { id: number }[];
    if (waiting.length === 0) return;
    await this.db.write(SYSTEM, 'einvoice.enqueue', async (tx) => {
      const at = tx.now.toISOString();
      const insert = statement(
        tx.em,
        `INSERT INTO "einvoice_submissions" ("document_id", "state", "adapter", "next_attempt_at", "created_at",
           "updated_at") VALUES (?, 'pending', ?, ?, ?, ?) ON CONFLICT ("document_id") DO NOTHING`,
      );
      for (const { id } of waiting) {
        if (insert.run(id, adapter, at, at, at).changes > 0) await auditState(tx, id, 'pending', { adapter });
      }
    });
  }

  private async failed(row: DueRow, message: string): Promise<void> {
    const attempts = row.attempts + 1;
    await this.db.write(SYSTEM, 'einvoice.retry', async (tx) => {
      const next = new Date(tx.now.getTime() + retryDelayMs(attempts, MAX_MESSAGE_DELAY_MS)).toISOString();
      statement(
        tx.em,
        `UPDATE "einvoice_submissions" SET "attempts" = ?, "last_error" = ?, "next_attempt_at" = ?, "updated_at" = ?
          WHERE "id" = ? AND "state" = 'pending'`,
      ).run(attempts, message, next, tx.now.toISOString(), row.id);
      await auditState(tx, row.documentId, 'pending', { attempt: attempts, error: message, nextAttemptAt: next });
    });
  }

  private async record(row: DueRow, outcome: SubmissionOutcome): Promise<void> {
    await this.db.write(SYSTEM, 'einvoice.submit', async (tx) => {
      const at = tx.now.toISOString();
      const reference = outcome.state === 'rejected' ? '' : outcome.reference;
      statement(
        tx.em,
        `UPDATE "einvoice_submissions" SET "state" = ?, "attempts" = "attempts" + 1, "last_error" = '',
           "reference" = ?, "cleared_at" = ?, "reason" = ?, "updated_at" = ? WHERE "id" = ? AND "state" = 'pending'`,
      ).run(
        outcome.state,
        reference,
        outcome.state === 'cleared' ? outcome.at : null,
        outcome.state === 'rejected' ? outcome.reason : '',
        at,
        row.id,
      );
      await auditState(tx, row.documentId, outcome.state, { ...outcome, number: row.number });
    });
  }

  status(): EinvoiceQueueDto {
    const settings = einvoiceSettings(this.db.reader);
    const counts = Object.fromEntries(EINVOICE_STATES.map((s) => [s, 0])) as Record<EinvoiceState, number>;
    const rows = statement(
      this.db.reader,
      'SELECT "state" AS state, COUNT(*) AS n FROM "einvoice_submissions" GROUP BY "state"',
    ).all() as { state: EinvoiceState; n: number }[];
    for (const r of rows) counts[r.state] = r.n;
    const failing = statement(
      this.db.reader,
      `SELECT s."document_id" AS documentId, d."number" AS number, s."attempts" AS attempts,
              s."last_error" AS lastError, s."next_attempt_at" AS nextAttemptAt
         FROM "einvoice_submissions" s JOIN "documents" d ON d."id" = s."document_id"
        WHERE s."state" = 'pending' AND s."last_error" <> '' ORDER BY s."id" LIMIT 50`,
    ).all() as EinvoiceQueueDto['failing'];
    return { adapter: settings.adapter, counts, failing };
  }
}

const queues = new WeakMap<Database, EinvoiceQueue>();

/** One queue per database, made when the handlers are registered (core.ts), found again by the scheduler. */
export function einvoiceQueue(db: Database, clock?: Clock): EinvoiceQueue {
  let queue = queues.get(db);
  if (!queue) {
    if (!clock) throw new Error('E-invoicing is not registered for this database.');
    queue = new EinvoiceQueue(db, clock);
    queues.set(db, queue);
  }
  return queue;
}
