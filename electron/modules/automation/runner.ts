import type { BillingRunDto, RunStatus, RunTrigger } from '../../../shared/api/automation';
import { businessDate } from '../../../shared/dates';
import { addDays } from '../../../shared/periods';
import type { Clock } from '../../clock';
import type { Actor, Database, WriteTx } from '../../db/database';
import { BillingRunEntity } from '../../db/entities';
import { AppError } from '../../errors';
import { statement } from '../../db/rows';
import { sealDocument } from '../documents/printing';
import { lifecycleRules } from '../services/lifecycle';
import { billExtraHours } from './extra-hours';
import { markOverdue } from './overdue';
import { issueRenewals } from './renewals';
import { completedOn, findRun } from './repository';
import { RunLog, SYSTEM, type RunContext, type RunOptions } from './run-log';
import { applyTransitions, longestDelay } from './transitions';

/** Before any due date a service can have: the first run of a day reads every active service past its due date. */
const EVERYTHING = '0000-01-01';

/** Proformas the runs of the last days issued and did not get to seal (the app stopped before the seal followed). */
const UNSEALED_SINCE =
  'SELECT DISTINCT i."document_id" AS id FROM "billing_runs" r ' +
  'JOIN "billing_run_items" i ON i."run_id" = r."id" JOIN "documents" d ON d."id" = i."document_id" ' +
  `WHERE r."run_date" >= ? AND i."action" IN ('renewal_issued', 'proforma_replaced') AND d."pdf_sha256" IS NULL ` +
  'ORDER BY i."document_id"';
const RESEAL_DAYS = 7;

/**
 * The daily billing run (SPEC §7), one at a time. Each step reads what is due, then records it in short transactions
 * whose log keys make every action happen once: running again the same day finds nothing to do, and a run cut short
 * (the app killed, the power gone) is marked interrupted by the next one, which does what was left.
 */
export class BillingRunner {
  private current: Promise<BillingRunDto> | null = null;
  private sealing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly log: (message: string) => void = (message) => console.error(message),
  ) {}

  get busy(): boolean {
    return this.current !== null;
  }

  /** The Casablanca calendar day now. */
  today(): string {
    return businessDate(this.clock.now());
  }

  /** Starts a run; the app's own runs join one under way, a manager's is told to wait. */
  run(trigger: RunTrigger, actor: Actor = SYSTEM, options: RunOptions = {}): Promise<BillingRunDto> {
    if (this.current) {
      if (trigger === 'manual') {
        return Promise.reject(
          new AppError('CONFLICT', 'La facturation automatique est déjà en cours : réessayez dans un instant.'),
        );
      }
      return this.current;
    }
    const run = this.execute(trigger, actor, options).finally(() => (this.current = null));
    this.current = run;
    return run;
  }

  /** Waits for the run under way, if any. */
  async idle(): Promise<void> {
    await this.current?.catch(() => undefined);
    await this.sealing;
  }

  private async execute(trigger: RunTrigger, actor: Actor, options: RunOptions): Promise<BillingRunDto> {
    const today = this.today();
    const rules = await lifecycleRules(this.db.reader);
    const ranToday = await completedOn(this.db.reader, today);
    // Proformas the runs of the last days issued and could not seal before the app stopped.
    const unsealed = statement(this.db.reader, UNSEALED_SINCE).all(addDays(today, -RESEAL_DAYS)) as { id: number }[];
    if (unsealed.length > 0) this.sealLater(unsealed.map((u) => u.id));
    const ctx: RunContext = {
      db: this.db,
      clock: this.clock,
      today,
      rules,
      options,
      log: new RunLog((tx) => this.open(tx, trigger, actor, today)),
      sealLater: (ids) => this.sealLater(ids),
    };
    let runId: number;
    try {
      await applyTransitions(ctx, ranToday ? addDays(today, -(longestDelay(rules) + 1)) : EVERYTHING);
      await billExtraHours(ctx);
      await issueRenewals(ctx);
      await markOverdue(ctx);
      runId = await this.close(ctx, 'done', '');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log(`Billing run failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
      runId = await this.close(ctx, 'failed', message);
    }
    return findRun(this.db.reader, runId);
  }

  /**
   * Writes the run's row, with its first transaction. A run still marked running was cut short by a stop of the app
   * (the process is the only one to run billing): this one takes over from it.
   */
  private async open(tx: WriteTx, trigger: RunTrigger, actor: Actor, today: string): Promise<number> {
    const stale = await tx.em.find(BillingRunEntity, { where: { status: 'running' }, order: { id: 'ASC' } });
    for (const run of stale) {
      await tx.em.update(
        BillingRunEntity,
        { id: run.id },
        { status: 'interrupted', error: "Interrompue (arrêt de l'application) : reprise par l'exécution suivante." },
      );
    }
    const resumed = stale.at(-1)?.id ?? null;
    const saved = await tx.em.save(BillingRunEntity, {
      runDate: today,
      trigger,
      status: 'running' as const,
      startedAt: tx.now.toISOString(),
      finishedAt: null,
      startedBy: actor.username,
      counts: '{}',
      mails: 0,
      error: '',
      resumedRunId: resumed,
    });
    await tx.audit({
      action: 'automation.start',
      entity: 'billing_run',
      entityId: saved.id,
      summary: {
        date: today,
        trigger,
        ...(actor.username ? { startedBy: actor.username } : {}),
        ...(resumed ? { resumes: resumed } : {}),
      },
    });
    return saved.id;
  }

  private close(ctx: RunContext, status: RunStatus, error: string): Promise<number> {
    return this.db.write(SYSTEM, 'automation.finish', async (tx) => {
      const runId = await ctx.log.opened(tx);
      await tx.em.update(
        BillingRunEntity,
        { id: runId },
        {
          status,
          finishedAt: tx.now.toISOString(),
          counts: JSON.stringify(ctx.log.counts),
          mails: ctx.log.mails,
          error,
        },
      );
      await tx.audit({
        action: 'automation.finish',
        entity: 'billing_run',
        entityId: runId,
        summary: { status, ...ctx.log.counts, mails: ctx.log.mails, ...(error ? { error } : {}) },
      });
      return runId;
    });
  }

  /** Seals issued proformas one after the other, after their batch committed; closing the database waits for it. */
  private sealLater(ids: number[]): void {
    const task = this.sealing.then(async () => {
      for (const id of ids) {
        // One that fails is sealed at its first print or e-mail instead; the others go on.
        await sealDocument(this.db, SYSTEM, id).catch((e: unknown) => this.log(`Seal of document ${id}: ${String(e)}`));
      }
    });
    this.sealing = task.catch(() => undefined);
    this.db.background('seal renewal proformas', () => task, this.log);
  }
}
