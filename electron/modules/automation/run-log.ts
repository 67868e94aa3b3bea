import type { RunAction } from '../../../shared/api/automation';
import type { LifecycleRules, ProductKind } from '../../../shared/catalog';
import type { Clock } from '../../clock';
import type { Actor, Database, WriteTx } from '../../db/database';
import { statement } from '../../db/rows';
import { queueMail, type MailRequest } from '../mail/queue';

/** The run writes as the app itself: its documents and events say "Système". */
export const SYSTEM: Actor = { userId: null, username: null };

export interface RunOptions {
  /** Candidates handled per transaction (smaller in the crash test, to be killed between two). */
  batchSize?: number;
  /** Called after each committed batch. */
  afterBatch?: () => void;
}

/** What every step of a run works with. */
export interface RunContext {
  db: Database;
  clock: Clock;
  /** The Casablanca day the run works for, fixed when it starts. */
  today: string;
  rules: Record<ProductKind, LifecycleRules>;
  options: RunOptions;
  log: RunLog;
  /** Issued proformas whose PDF seal follows the commit, in the background. */
  sealLater: (documentIds: number[]) => void;
}

export interface ItemFacts {
  action: RunAction;
  clientId: number | null;
  serviceId?: number | null;
  documentId?: number | null;
  /** Set for anything that must happen once in all history; null for a plain log line. */
  dedupeKey: string | null;
  detail: string;
}

interface Tally {
  counts: Partial<Record<RunAction, number>>;
  mails: number;
  seal: number[];
}

const INSERT_ITEM =
  'INSERT INTO "billing_run_items" ("run_id", "action", "client_id", "service_id", "document_id", "dedupe_key", ' +
  '"detail", "at") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("dedupe_key") DO NOTHING';

/**
 * The run's log and its counts. Counts change only with what commits: a batch writes into a pending tally that is
 * kept when its transaction commits and dropped when it rolls back; each batch also stores the counts so far on the
 * run's row, so an interrupted run still shows what it did.
 */
export class RunLog {
  readonly counts: Partial<Record<RunAction, number>> = {};
  mails = 0;
  private pending: Tally | null = null;
  private id: number | null = null;

  /**
   * `open` writes the run's row: in the run's first transaction, so that a run with nothing to do writes once, and a
   * run that stops before its first commit leaves nothing behind.
   */
  constructor(private readonly open: (tx: WriteTx) => Promise<number>) {}

  get runId(): number {
    if (this.id === null) throw new Error('The run has not written anything yet');
    return this.id;
  }

  async opened(tx: WriteTx): Promise<number> {
    this.id ??= await this.open(tx);
    return this.id;
  }

  /** Writes one log line; false when its dedupe key was already used (done before, by this run or another). */
  add(tx: WriteTx, facts: ItemFacts): boolean {
    const { changes } = statement(tx.em, INSERT_ITEM).run(
      this.runId,
      facts.action,
      facts.clientId,
      facts.serviceId ?? null,
      facts.documentId ?? null,
      facts.dedupeKey,
      facts.detail,
      tx.now.toISOString(),
    );
    if (changes === 0) return false;
    const tally = this.tally();
    tally.counts[facts.action] = (tally.counts[facts.action] ?? 0) + 1;
    return true;
  }

  mail(tx: WriteTx, request: MailRequest): void {
    if (queueMail(tx, SYSTEM, request)) this.tally().mails++;
  }

  /**
   * Work that may fail on its own inside a batch (one client's proforma): a savepoint, and the tally put back as it was
   * if it rolls back.
   */
  async savepoint<T>(tx: WriteTx, work: () => Promise<T>): Promise<T> {
    const tally = this.tally();
    const before = { counts: { ...tally.counts }, mails: tally.mails, seal: [...tally.seal] };
    try {
      return await tx.em.transaction(work);
    } catch (error) {
      Object.assign(tally, before);
      throw error;
    }
  }

  /** A proforma issued in this batch: its PDF is sealed once the batch commits. */
  seal(documentId: number): void {
    this.tally().seal.push(documentId);
  }

  private tally() {
    if (!this.pending) throw new Error('RunLog used outside a batch');
    return this.pending;
  }

  /** One transaction of the run: its log lines, its counts stored on the run row, kept only if it commits. */
  async batch<T>(ctx: RunContext, label: string, work: (tx: WriteTx) => T | Promise<T>): Promise<T> {
    let result: { value: T; tally: Tally };
    const opening = this.id === null;
    try {
      result = await ctx.db.write(SYSTEM, label, async (tx) => {
        await this.opened(tx);
        const tally: Tally = (this.pending = { counts: {}, mails: 0, seal: [] });
        const value = await work(tx);
        statement(tx.em, 'UPDATE "billing_runs" SET "counts" = ?, "mails" = ? WHERE "id" = ?').run(
          JSON.stringify(addCounts({ ...this.counts }, tally.counts)),
          this.mails + tally.mails,
          this.runId,
        );
        await tx.audit({
          action: 'automation.batch',
          entity: 'billing_run',
          entityId: this.runId,
          summary: { step: label, ...tally.counts, ...(tally.mails ? { mails: tally.mails } : {}) },
        });
        return { value, tally };
      });
    } catch (error) {
      // The row written with a batch that rolled back is gone with it.
      if (opening) this.id = null;
      throw error;
    } finally {
      this.pending = null;
    }
    addCounts(this.counts, result.tally.counts);
    this.mails += result.tally.mails;
    if (result.tally.seal.length > 0) ctx.sealLater(result.tally.seal);
    ctx.options.afterBatch?.();
    return result.value;
  }
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function addCounts(
  into: Partial<Record<RunAction, number>>,
  more: Partial<Record<RunAction, number>>,
): Partial<Record<RunAction, number>> {
  for (const [action, n] of Object.entries(more)) into[action as RunAction] = (into[action as RunAction] ?? 0) + n;
  return into;
}
