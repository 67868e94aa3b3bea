import type { Clock } from '../../clock';
import type { Core } from '../../core';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Automatic backups: one shortly after start-up (once the first screen is served), then one whenever the newest is a
 * day old, looked at every hour. Failures are logged; the shell warns when the last good backup is over a day old.
 */
export class BackupSchedule {
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly core: () => Core | null,
    private readonly clock: Clock,
    private readonly log: (message: string) => void,
    private readonly startupDelayMs = 5_000,
  ) {}

  start(withStartupBackup = true): void {
    this.stop();
    if (withStartupBackup) this.timers.push(setTimeout(() => this.run('startup'), this.startupDelayMs).unref());
    this.timers.push(setInterval(() => void this.dailyIfDue(), HOUR).unref());
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  /** Resolves once the backup under way, if any, is done (a restore waits for it before replacing the file). */
  settled(): Promise<unknown> {
    return this.running;
  }

  private async dailyIfDue(): Promise<void> {
    const core = this.core();
    if (!core || core.backups.running) return;
    const last = await core.backups.lastGoodAt();
    if (!last || this.clock.now().getTime() - Date.parse(last) >= DAY) this.run('daily');
  }

  private run(kind: 'startup' | 'daily'): void {
    const core = this.core();
    if (!core) return;
    this.running = core.backups.create(kind).catch((error: unknown) => {
      this.log(`Automatic ${kind} backup failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
