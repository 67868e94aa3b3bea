import type BetterSqlite3 from 'better-sqlite3';
import type { PaymentDetails, PaymentDto } from '../../shared/api/payments';
import { DEFAULT_LIFECYCLE, type ProductKind } from '../../shared/catalog';
import { businessDate } from '../../shared/dates';
import { serviceState, type ServiceStatus } from '../../shared/service-state';
import { CASH_LIMIT } from '../../shared/payment-rules';
import type { Core } from '../../electron/core';
import { nativeHandle } from '../../electron/db/data-source';
import { BENCH_USER, ensureLargeOffice } from '../../seeds/large-office';
import { Prng } from '../../seeds/prng';
import { call, openOfficeCopy, trackBackground } from './office-copy';
import { floorCase, PaymentFloor } from './payment-floor';
import { percentile, type Measure } from './report';

const CLIENTS = 100_000;
const CHANNEL = 'bench-payment';
const DESK = 'Banc de mesure';
const WARM_UP = 30;
const TIMED = 300;
const p95 = (samples: number[]) => percentile(samples, 95);
const median = (samples: number[]) => percentile(samples, 50);

interface Candidate {
  serviceId: number;
  clientId: number;
  clientKind: string;
  kind: ProductKind;
  status: ServiceStatus;
  anchorDate: string;
  paidMonths: number;
}

interface Prepared {
  proformaId: number;
  clientId: number;
  clientKind: string;
  ttc: number;
}

/** Services that can be renewed today, each of a different client, in a random (seeded) order. */
function renewableServices(db: BetterSqlite3.Database, count: number, today: string): Candidate[] {
  const rows = db
    .prepare<[], Candidate>(
      `SELECT s.id AS serviceId, s.client_id AS clientId, c.kind AS clientKind, p.kind, s.status,
         s.anchor_date AS anchorDate, s.paid_months AS paidMonths
       FROM services s JOIN products p ON p.id = s.product_id JOIN clients c ON c.id = s.client_id
       WHERE s.status = 'active' AND s.currency = 'MAD' AND s.billing_cycle <> '' AND s.termination_requested = 0
         AND c.anonymized_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM document_lines l JOIN documents d ON d.id = l.document_id
           WHERE l.service_id = s.id AND l.kind = 'service' AND d.type = 'proforma'
             AND d.status IN ('issued', 'partially_paid'))`,
    )
    .all();
  const rng = new Prng(2026);
  const clients = new Set<number>();
  const chosen: Candidate[] = [];
  for (let i = rows.length - 1; i > 0 && chosen.length < count; i--) {
    const j = rng.int(0, i);
    const row = rows[j];
    const last = rows[i];
    if (!row || !last) continue;
    rows[j] = last;
    const facts = { ...row, suspensionReason: null, terminationRequested: false };
    if (clients.has(row.clientId) || !serviceState(facts, today, DEFAULT_LIFECYCLE[row.kind]).renewable) continue;
    clients.add(row.clientId);
    chosen.push(row);
  }
  if (chosen.length < count) throw new Error(`Only ${chosen.length} renewable services for ${count} payments`);
  return chosen;
}

/** Cash, or Wafacash one time in three (and for 20,000 DH or more, which needs a manager in cash). */
function detailsFor(pair: number, p: Prepared): PaymentDetails {
  if (pair % 3 !== 2 && p.ttc < CASH_LIMIT) return { method: 'cash' };
  return { method: 'wafacash', transferNumber: `${8_000_000_000 + pair}`, senderName: 'Client', originCity: 'Fès' };
}

/** Not timed: issued proformas of one service renewal each, as the counter prepares them. */
async function prepare(core: Core, candidates: Candidate[]): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (const [i, c] of candidates.entries()) {
    const draft = await call(core, CHANNEL, 'documents.saveDraft', {
      clientId: c.clientId,
      currency: 'MAD',
      lines: [{ kind: 'service', serviceId: c.serviceId, periods: 1 }],
    });
    const issued = await call(core, CHANNEL, 'documents.issue', { id: draft.id });
    prepared.push({ proformaId: issued.id, clientId: c.clientId, clientKind: c.clientKind, ttc: issued.totals.ttc });
    if ((i + 1) % 200 === 0) console.log(`  payment bench: ${i + 1}/${candidates.length} proformas issued`);
  }
  return prepared;
}

/** One payment through the registry, timed from the call to its answer; the invoice's sealing after it is not. */
async function timeApp(core: Core, p: Prepared, details: PaymentDetails, key: string): Promise<number | string> {
  const started = performance.now();
  const result = await core.registry.dispatch(CHANNEL, 'payments.record', {
    idempotencyKey: key,
    clientId: p.clientId,
    amount: p.ttc,
    currency: 'MAD',
    details,
    allocations: [{ documentId: p.proformaId, amount: p.ttc }],
    desk: details.method === 'cash' ? DESK : '',
  });
  const ms = performance.now() - started;
  if (!result.ok) return `payments.record ${p.proformaId}: ${result.error.message}`;
  return (result.value as PaymentDto).invoices.length === 1 ? ms : `no invoice for ${p.proformaId}`;
}

interface Sample {
  method: string;
  app: number;
  floor: number;
}

/**
 * Recording a payment end to end (SPEC §10): payments.record through the registry, as the renderer calls it, each
 * completing a proforma (validate, allocate, issue the invoice, extend the service, audit, commit with
 * synchronous=FULL), beside the same rows written with raw prepared statements in one transaction.
 */
export async function paymentMeasures(): Promise<Measure[]> {
  const dataDir = await ensureLargeOffice({ clients: CLIENTS });
  const { core, clock, remove } = await openOfficeCopy(dataDir, CHANNEL);
  const errors: string[] = [];
  try {
    const db = nativeHandle(core.db.dataSource);
    const today = businessDate(clock.now());
    const session = await call(core, CHANNEL, 'cash.open', { desk: DESK, float: 50_000 });
    const total = 2 * (WARM_UP + TIMED);
    const prepared = await prepare(core, renewableServices(db, total, today));
    const company = await call(core, CHANNEL, 'settings.getCompany', {});
    const prefixes = { receipt: company?.prefixes.receipt ?? 'RE', invoice: company?.prefixes.invoice ?? 'FA' };
    const floor = new PaymentFloor(db, prefixes, { id: 1, username: BENCH_USER.username });
    const quiet = trackBackground(core);
    const samples: Sample[] = [];
    for (let pair = 0; pair < WARM_UP + TIMED; pair++) {
      // The app and the floor take turns, so that a noisy moment of the machine falls on both.
      const mine = prepared[2 * pair];
      const raw = prepared[2 * pair + 1];
      if (!mine || !raw) break;
      const details = detailsFor(pair, mine);
      const app = await timeApp(core, mine, details, `bench-payment-${String(pair).padStart(6, '0')}`);
      await quiet();
      if (typeof app === 'string') errors.push(app);

      const rawDetails = detailsFor(pair, raw);
      const c = floorCase(db, raw.proformaId, {
        details: rawDetails,
        sessionId: rawDetails.method === 'cash' ? session.id : null,
        idempotencyKey: `bench-floor-${String(pair).padStart(6, '0')}`,
      });
      const now = clock.now();
      const started = performance.now();
      floor.record(c, now, today);
      const floorMs = performance.now() - started;
      if (pair >= WARM_UP && typeof app === 'number') samples.push({ method: details.method, app, floor: floorMs });
    }
    errors.push(...check(db, prepared));
    const byMethod = (method: string) => samples.filter((s) => s.method === method);
    return [
      {
        name: 'payment.record',
        value: p95(samples.map((s) => s.app)),
        unit: 'ms',
        budget: 5,
        peer: p95(samples.map((s) => s.floor)),
        maxRatio: 5,
        detail: `p95 of ${samples.length} payments.record completing a proforma on ${CLIENTS.toLocaleString('en')} clients vs raw writes of the same rows`,
        breakdown: [
          ...['cash', 'wafacash'].map((method) => ({
            label: method,
            value: p95(byMethod(method).map((s) => s.app)),
            peer: p95(byMethod(method).map((s) => s.floor)),
            detail: `p95 of ${byMethod(method).length}`,
          })),
          {
            label: 'median',
            value: median(samples.map((s) => s.app)),
            peer: median(samples.map((s) => s.floor)),
            detail: `max ${Math.max(...samples.map((s) => s.app)).toFixed(2)} ms`,
          },
        ],
        errors,
      },
    ];
  } finally {
    await core.close();
    remove();
  }
}

/** What the bench wrote must be right: every proforma paid once, with its invoice; every counter on its last number. */
function check(db: BetterSqlite3.Database, prepared: Prepared[]): string[] {
  const errors: string[] = [];
  const paid = db.prepare<[number], { status: string; invoices: number }>(
    `SELECT status, (SELECT COUNT(*) FROM documents i WHERE i.source_id = d.id AND i.type = 'invoice') AS invoices
     FROM documents d WHERE id = ?`,
  );
  for (const p of prepared) {
    const row = paid.get(p.proformaId);
    if (row?.status !== 'paid' || row.invoices !== 1) errors.push(`proforma ${p.proformaId}: ${JSON.stringify(row)}`);
  }
  const counters = db
    .prepare<[], { series: string; year: number }>(
      `SELECT series, year FROM counters c WHERE (c.series = 'receipt'
         AND c.last <> (SELECT MAX(seq) FROM payments p WHERE p.series_year = c.year))
        OR (c.series IN ('proforma', 'invoice', 'credit_note')
         AND c.last <> (SELECT MAX(seq) FROM documents d WHERE d.type = c.series AND d.series_year = c.year))`,
    )
    .all();
  for (const c of counters) errors.push(`counter ${c.series} ${c.year} is not on its last number`);
  return errors.slice(0, 20);
}
