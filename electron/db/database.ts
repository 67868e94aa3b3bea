import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../clock';
import { appendAuditEntry } from '../modules/audit/chain';
import { nativeHandle } from './data-source';
import { WriteQueue } from './write-queue';

export interface Actor {
  userId: number | null;
  username: string | null;
  /** The office desk the call came from (issue 18); absent on a standalone PC. */
  desk?: string | null;
}

export interface AuditFacts {
  action: string;
  entity: string;
  entityId?: string | number | null;
  summary: Record<string, unknown>;
}

/** What a write transaction gets: the entity manager, and the audit entry it must leave before committing. */
export interface WriteTx {
  em: EntityManager;
  now: Date;
  audit(facts: AuditFacts): Promise<void>;
}

/** Commits between two WAL checkpoints (a payment writes a few dozen pages). */
const CHECKPOINT_EVERY = 50;

export class AuditMissingError extends Error {
  constructor(action: string) {
    super(`The write "${action}" committed no audit entry; rolled back.`);
  }
}

/** The data source plus the rules of writing: one writer at a time, one transaction, an audit entry in it. */
export class Database {
  private readonly queue = new WriteQueue();

  constructor(
    readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    // SQLite checkpoints the WAL inside the commit that crosses 1,000 pages: one payment in fifty would wait for it.
    // The app checkpoints after its answers instead (checkpointSoon).
    nativeHandle(dataSource).pragma('wal_autocheckpoint = 0');
  }

  private commitsSinceCheckpoint = 0;

  /** Every CHECKPOINT_EVERY commits, a passive checkpoint in the writer queue, after the answer has gone. */
  private checkpointSoon(): void {
    if (++this.commitsSinceCheckpoint < CHECKPOINT_EVERY) return;
    this.commitsSinceCheckpoint = 0;
    this.background('checkpoint', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await this.queue.run(() => {
        nativeHandle(this.dataSource).pragma('wal_checkpoint(PASSIVE)');
        return Promise.resolve();
      });
    });
  }

  get reader(): EntityManager {
    return this.dataSource.manager;
  }

  async write<T>(actor: Actor, label: string, work: (tx: WriteTx) => Promise<T>): Promise<T> {
    const result = await this.queue.run(() =>
      this.dataSource.transaction(async (em) => {
        const now = this.clock.now();
        const state = { audited: false };
        const tx: WriteTx = {
          em,
          now,
          audit: (facts) => {
            // Raw and chained (modules/audit/chain.ts), on this transaction's connection: no ORM round trip per write.
            appendAuditEntry(nativeHandle(this.dataSource), {
              at: now.toISOString(),
              userId: actor.userId,
              username: actor.username,
              desk: actor.desk ?? null,
              action: facts.action,
              entity: facts.entity,
              entityId: facts.entityId == null ? null : String(facts.entityId),
              summary: JSON.stringify(facts.summary),
            });
            state.audited = true;
            return Promise.resolve();
          },
        };
        const result = await work(tx);
        if (!state.audited) throw new AuditMissingError(label);
        return result;
      }),
    );
    this.checkpointSoon();
    return result;
  }

  private readonly pending = new Set<Promise<unknown>>();

  /**
   * Work that follows a commit without holding up the answer (sealing an invoice's PDF after its payment). Closing the
   * database waits for it; a failure is logged, never lost silently.
   */
  background(label: string, task: () => Promise<unknown>, log: (message: string) => void = console.error): void {
    const run = task()
      .catch((error: unknown) => log(`${label}: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => this.pending.delete(run));
    this.pending.add(run);
  }

  async close(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    await this.dataSource.destroy();
  }
}

/** Field-by-field differences between two plain records, for audit summaries: { field: [before, after] }. */
export function diff<T extends object>(before: T, after: T, hidden: (keyof T)[] = []): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    changes[String(key)] = hidden.includes(key) ? ['(masqué)', '(masqué)'] : [a ?? null, b ?? null];
  }
  return changes;
}
