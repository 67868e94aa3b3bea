import type { BillingRunDto } from '../../shared/api/automation';
import { ManualClock } from '../../electron/clock';
import { openCore, type Core } from '../../electron/core';
import { nativeHandle } from '../../electron/db/data-source';
import { automationServices } from '../../electron/modules/automation/services';
import { BENCH_USER, ensureLargeOffice, LARGE_OFFICE_END } from '../../seeds/large-office';
import { call, copyOffice } from './office-copy';
import { percentile, type Measure } from './report';

const CLIENTS = 100_000;
const CHANNEL = 'bench-billing';
const IDLE_RUNS = 7;
const DASHBOARD_READS = 15;
const DAY_MS = 24 * 3_600_000;

/** The outbox switched on (toward nowhere: nothing is sent during the bench), so that the run queues its e-mails. */
const SMTP = {
  enabled: true,
  host: '127.0.0.1',
  port: 1,
  security: 'none' as const,
  fromName: 'Banc de mesure',
  fromAddress: 'facturation@banc.ma',
};

async function timedRun(core: Core): Promise<{ ms: number; run: BillingRunDto }> {
  const started = performance.now();
  const run = await call(core, CHANNEL, 'automation.runNow', {});
  return { ms: performance.now() - started, run };
}

const summary = (run: BillingRunDto) =>
  Object.entries(run.counts)
    .map(([action, n]) => `${action} ${n}`)
    .join(', ') + `, ${run.mails} e-mails`;

/** What a run must have left: each service on at most one open proforma, counters on their last number, no failure. */
function check(core: Core, runs: BillingRunDto[]): string[] {
  const db = nativeHandle(core.db.dataSource);
  const errors = runs.filter((r) => r.status !== 'done').map((r) => `run ${r.id}: ${r.status} ${r.error}`);
  const twice = db
    .prepare(
      `SELECT l.service_id AS id FROM document_lines l JOIN documents d ON d.id = l.document_id
       WHERE d.type = 'proforma' AND d.status IN ('issued', 'partially_paid') AND l.kind = 'service'
       GROUP BY l.service_id HAVING COUNT(*) > 1 LIMIT 5`,
    )
    .all() as { id: number }[];
  errors.push(...twice.map((t) => `service ${t.id} is on two open proformas`));
  const counter = db
    .prepare(
      `SELECT c.year FROM counters c WHERE c.series = 'proforma'
       AND c.last <> (SELECT MAX(seq) FROM documents d WHERE d.type = 'proforma' AND d.series_year = c.year)`,
    )
    .all() as { year: number }[];
  errors.push(...counter.map((c) => `proforma counter ${c.year} is not on its last number`));
  return errors;
}

/**
 * The daily billing run over the large office (SPEC §10: 150,000 services, ≤ 5 s; ≤ 50 ms when nothing is due), on a
 * copy, through automation.runNow as a manager starts it: the first run of the data set's last day (its backlog of
 * renewals, overdue proformas and status changes, with their e-mails queued), the runs again that day, and the next
 * day's run; and the morning dashboard read on the same office.
 */
export async function billingMeasures(): Promise<Measure[]> {
  const dataDir = await ensureLargeOffice({ clients: CLIENTS });
  const copy = copyOffice(dataDir);
  const clock = new ManualClock(new Date(LARGE_OFFICE_END.getTime() + 3_600_000));
  const core = await openCore({ dataDir: copy.dir, clock, log: () => undefined, backupBeforeMigrating: false });
  const { runner } = automationServices(core.db);
  try {
    await call(core, CHANNEL, 'auth.login', { username: BENCH_USER.username, password: BENCH_USER.password });
    core.sessions.setIdleLockMinutes(24 * 60 * 2);
    await call(core, CHANNEL, 'settings.saveSmtp', SMTP);

    const first = await timedRun(core);
    // The proformas' seals follow in the background; the next runs start on a quiet process, as the next day's would.
    await runner.idle();
    const idle: { ms: number; run: BillingRunDto }[] = [];
    for (let i = 0; i < IDLE_RUNS; i++) {
      clock.advance(60_000);
      idle.push(await timedRun(core));
    }
    const dashboard: number[] = [];
    for (let i = 0; i < DASHBOARD_READS; i++) {
      const started = performance.now();
      await call(core, CHANNEL, 'dashboard.today', {});
      dashboard.push(performance.now() - started);
    }
    clock.advance(DAY_MS);
    const next = await timedRun(core);
    await runner.idle();
    const errors = check(core, [first.run, ...idle.map((r) => r.run), next.run]);
    errors.push(
      ...idle.filter((r) => Object.keys(r.run.counts).length > 0).map((r) => `idle run did ${summary(r.run)}`),
    );
    const idleMs = idle.map((r) => r.ms);
    return [
      {
        name: 'billing.run',
        value: first.ms,
        unit: 'ms',
        budget: 5_000,
        peer: null,
        detail: `first run of ${first.run.runDate} over 150,000 services: ${summary(first.run)}`,
        breakdown: [{ label: 'next day', value: next.ms, peer: null, detail: summary(next.run) }],
        errors,
      },
      {
        name: 'billing.idle',
        value: Math.max(...idleMs),
        unit: 'ms',
        budget: 50,
        peer: null,
        detail: `slowest of ${IDLE_RUNS} runs again the same day (nothing due), median ${percentile(idleMs, 50).toFixed(1)} ms`,
        errors: [],
      },
      {
        name: 'billing.dashboard',
        value: percentile(dashboard, 95),
        unit: 'ms',
        budget: 500,
        peer: null,
        detail: `p95 of ${DASHBOARD_READS} dashboard.today on the large office (the first screen), median ${percentile(dashboard, 50).toFixed(1)} ms`,
      },
    ];
  } finally {
    await core.close();
    copy.remove();
  }
}
