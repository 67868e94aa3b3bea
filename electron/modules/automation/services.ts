import type { Clock } from '../../clock';
import type { Database } from '../../db/database';
import { Outbox } from '../mail/outbox';
import { BillingRunner } from './runner';

/** The long-lived parts of automation for one database: its billing runner and its outbox, one of each. */
export interface AutomationServices {
  runner: BillingRunner;
  outbox: Outbox;
}

const byDatabase = new WeakMap<Database, AutomationServices>();

/**
 * Made once per database when the handlers are registered (core.ts), then found again by the scheduler that the
 * desktop and web entry points start: handlers and timers share one runner (one run at a time) and one outbox (one
 * flush at a time).
 */
export function automationServices(db: Database, clock?: Clock): AutomationServices {
  let services = byDatabase.get(db);
  if (!services) {
    if (!clock) throw new Error('Automation is not registered for this database.');
    services = { runner: new BillingRunner(db, clock), outbox: new Outbox(db, clock) };
    byDatabase.set(db, services);
  }
  return services;
}
