import type { Core } from '../../core';
import { einvoiceQueue } from '../einvoice/queue';
import { automationServices } from './services';

/** How often the app looks whether the day has changed (the run of the day is then started). */
const CHECK_MS = 10 * 60_000;

export interface Automation {
  /** Stops the timers and waits for the run and the sending under way; the database can then be closed. */
  stop(): Promise<void>;
}

/**
 * Started by the process that owns the core (electron/main.ts, electron/web.ts): the billing run at start-up and again
 * each new day while the app stays open, the outbox sending and the e-invoices submitted in the background. Nothing here blocks the counter:
 * every step is work in the writer queue between the counter's own writes.
 */
export function startAutomation(core: Core, log: (message: string) => void = (m) => console.error(m)): Automation {
  const { runner, outbox } = automationServices(core.db);
  const einvoice = einvoiceQueue(core.db);
  let day = runner.today();
  const started = (async () => {
    await outbox.recover();
    outbox.start();
    einvoice.start();
    await runner.run('startup');
  })();
  core.db.background('automation start-up', () => started, log);

  const timer = setInterval(() => {
    const today = runner.today();
    if (today === day || runner.busy) return;
    day = today;
    core.db.background('daily billing run', () => runner.run('daily'), log);
  }, CHECK_MS);
  timer.unref();

  return {
    async stop() {
      clearInterval(timer);
      await started.catch(() => undefined);
      await outbox.stop();
      await einvoice.stop();
      await runner.idle();
    },
  };
}
