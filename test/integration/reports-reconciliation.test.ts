import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthlyReport } from '../../shared/api';
import { AGEING_BUCKETS } from '../../shared/report-ageing';
import { nativeHandle } from '../../electron/db/data-source';
import { openTestApp, type TestApp } from '../support/core';
import { ACTIVITY_FROM, ACTIVITY_TO, generateActivity, type ActivityLog } from './reports-activity';
import { oracle } from './reports-oracle';

/**
 * The acceptance of the monthly report: for a generated year of activity, every figure of every month equals an
 * independent computation from the raw rows, to the centime — months ending in Ramadan's UTC+0 included.
 */

let app: TestApp;
let log: ActivityLog;

beforeAll(async () => {
  app = await openTestApp();
  log = await generateActivity(app);
  // The report is run "today": two days after the activity ends.
  app.clock.set(new Date('2027-03-02T10:00:00Z'));
}, 900_000);
afterAll(() => app.close());

const MONTHS: string[] = [];
for (let m = DateTime.fromISO(ACTIVITY_FROM); m <= DateTime.fromISO(ACTIVITY_TO); m = m.plus({ months: 1 })) {
  MONTHS.push(m.toFormat('yyyy-LL'));
}
/** Half the months with reference rates typed for the report, half with the counter's average. */
const referenceFor = (i: number) => (i % 2 === 1 ? { EUR: 10_812_345, USD: 9_904_000 } : {});

async function report(from: string, to: string, rates: { EUR?: number; USD?: number }): Promise<MonthlyReport> {
  return app.ok('manager', 'reports.monthly', { from, to, rates });
}

function reconcile(r: MonthlyReport, from: string, to: string, rates: { EUR?: number; USD?: number }): void {
  const o = oracle(nativeHandle(app.core.db.dataSource), from, to, rates, '2027-03-02');
  expect(r.conversion.map((c) => [c.currency, c.rate])).toEqual([
    ['EUR', o.rates.EUR],
    ['USD', o.rates.USD],
  ]);

  const { voidedCount, unconverted, ...totals } = r.payments.totals;
  expect({ ...totals, voidedCount }).toEqual(o.totals);
  expect(unconverted).toEqual(
    Object.entries(o.unconverted)
      .filter(([, amount]) => amount !== 0)
      .map(([currency, amount]) => ({ currency, amount })),
  );
  const byKey = <T>(rows: T[], key: (row: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
  expect(byKey(r.payments.byMethod, (m) => `${m.method}/${m.currency}`)).toEqual(
    byKey(o.byMethod, (m) => `${m.method ?? ''}/${m.currency ?? ''}`),
  );
  expect(byKey(r.payments.byStaff, (s) => s.staff)).toEqual(byKey(o.byStaff, (s) => s.staff));
  expect(r.payments.byDay).toEqual(o.byDay);
  for (const c of r.payments.byCurrency) {
    const mine = r.payments.byMethod.filter((m) => m.currency === c.currency);
    expect(c.net).toBe(mine.reduce((s, m) => s + m.net, 0));
    expect(c.own.net).toBe(mine.reduce((s, m) => s + m.own.net, 0));
  }

  for (const row of r.sales.byCurrency) {
    for (const [type, figures] of [
      ['invoice', row.invoices],
      ['credit_note', row.creditNotes],
    ] as const) {
      const expected = o.sales[row.currency]?.[type] ?? { count: 0, ht: 0, vat: 0, ttc: 0, rates: {} };
      expect({ count: figures.count, ht: figures.ht, vat: figures.vat, ttc: figures.ttc }).toEqual({
        count: expected.count,
        ht: expected.ht,
        vat: expected.vat,
        ttc: expected.ttc,
      });
      expect(Object.fromEntries(figures.byRate.map((p) => [p.rate, [p.base, p.vat]]))).toEqual(expected.rates);
    }
    expect(row.net.ttc).toBe(row.invoices.ttc - row.creditNotes.ttc);
  }
  expect(Object.keys(o.sales).sort()).toEqual(r.sales.byCurrency.map((s) => s.currency).sort());
  for (const [mine, expected] of [
    [r.sales.mad.invoices, o.madSales.invoice],
    [r.sales.mad.creditNotes, o.madSales.credit_note],
  ] as const) {
    expect({ ht: mine.ht, vat: mine.vat, ttc: mine.ttc }).toEqual(expected);
  }

  expect(r.receiptsVat.rows).toEqual(o.receiptsVat);
  expect(Object.fromEntries(r.receiptsVat.unconverted.map((u) => [u.currency, u.amount]))).toEqual(o.vatUnconverted);
  expect(r.receiptsVat.totals.netVat).toBe(o.receiptsVat.reduce((s, v) => s + v.netVat, 0));
  expect(r.stampDuty).toEqual(o.stamp);

  expect(r.ageing.asOf).toBe(o.asOf);
  expect(r.ageing.clientCount).toBe(o.ageing.length);
  expect(
    byKey(
      r.ageing.clients.map((a) => ({
        clientId: a.clientId,
        currency: a.currency,
        proformas: a.proformas,
        buckets: AGEING_BUCKETS.map((b) => a.buckets[b]),
        total: a.total,
      })),
      (a) => `${a.clientId}/${a.currency}`,
    ),
  ).toEqual(byKey(o.ageing, (a) => `${a.clientId}/${a.currency}`));

  expect(r.services.counts).toEqual({
    suspended: o.serviceChanges.suspended ?? 0,
    terminated: o.serviceChanges.terminated ?? 0,
    lost: o.serviceChanges.lost ?? 0,
  });
  expect(r.domains.rows.map((d) => ({ id: d.serviceId, expiry: d.expiry }))).toEqual(o.domains);
  expect(
    r.cash.sessions.map((s) => ({
      id: s.id,
      cashIn: s.cashIn,
      cashOut: s.cashOut,
      counted: s.counted,
      difference: s.difference,
    })),
  ).toEqual(o.cash);
}

describe('monthly report reconciliation', () => {
  it('the generated year has every kind of operation the report must handle', () => {
    for (const kind of [
      'void',
      'refund',
      'refund of credit',
      'credit note balance',
      'credit note refund',
      'credit used',
      'payment EUR',
      'payment MAD',
      'euros for dirhams',
      'renewal',
      'suspension',
      'terminated',
      'lost',
    ]) {
      expect(log.counts[kind] ?? 0, kind).toBeGreaterThan(0);
    }
    expect(log.edges.map((e) => e.what)).toContain('2026-02-28 23:30');
    // 23:30 on 28 February 2026 is 23:30 UTC (Ramadan, UTC+0); on 31 October 2026 it is 22:30 UTC (UTC+1).
    expect(log.edges.find((e) => e.what === '2026-02-28 23:30')?.at).toBe('2026-02-28T23:30:00.000Z');
    expect(log.edges.find((e) => e.what === '2026-10-31 23:30')?.at).toBe('2026-10-31T22:30:00.000Z');
    expect(log.edges.every((e) => e.serviceId !== null)).toBe(false);
    expect(log.edges.filter((e) => e.what.endsWith('23:30')).every((e) => e.serviceId !== null)).toBe(true);
  });

  it.each(MONTHS.map((month, i) => [month, i] as const))('%s: every figure equals the raw rows', async (month, i) => {
    const from = `${month}-01`;
    const to = DateTime.fromISO(from).endOf('month').toISODate() ?? '';
    const rates = referenceFor(i);
    const r = await report(from, to, rates);
    expect(r.month).toBe(month);
    reconcile(r, from, to, rates);
    // Something happened in every month: the reconciliation compares real figures, not zeros.
    expect(r.payments.totals.inCount).toBeGreaterThan(0);
  });

  it('what happens at 23:30 on the last day of a month belongs to it, in Ramadan (UTC+0) or not; 00:20 is the next', async () => {
    const drill = async (from: string, to: string, date: string) =>
      (await app.ok('manager', 'reports.payments', { from, to, date, pageSize: 200 })).rows.map((p) => p.id);
    for (const [month, last, next] of [
      ['2026-02', '2026-02-28', '2026-03'],
      ['2027-02', '2027-02-28', '2027-03'],
      ['2026-10', '2026-10-31', '2026-11'],
    ] as const) {
      const late = log.edges.find((e) => e.what === `${last} 23:30`);
      const early = log.edges.find((e) => e.what === `${next}-01 00:20`);
      if (!late || !early) throw new Error(`no edge operations on ${last}`);
      expect(await drill(`${month}-01`, last, last)).toContain(late.paymentId);
      expect(await drill(`${month}-01`, last, last)).not.toContain(early.paymentId);
      if (next !== '2027-03') {
        expect(await drill(`${next}-01`, `${next}-28`, `${next}-01`)).toContain(early.paymentId);
      }
      const r = await report(`${month}-01`, last, {});
      // The session opened at 23:10 on the last day is the month's; the suspension at 23:30 too.
      expect(r.cash.sessions.at(-1)?.openedAt).toBe(
        DateTime.fromISO(`${last}T23:10`, { zone: 'Africa/Casablanca' }).toUTC().toISO(),
      );
      expect(r.services.rows.filter((s) => s.date === last).map((s) => s.serviceId)).toContain(late.serviceId);
    }
  });

  it('any range reconciles too: the Ramadan weeks of 2026 and a range across the new year', async () => {
    for (const [from, to] of [
      ['2026-02-15', '2026-03-22'],
      ['2026-12-15', '2027-01-15'],
    ] as const) {
      const r = await report(from, to, { EUR: 10_900_000 });
      expect(r.month).toBeNull();
      reconcile(r, from, to, { EUR: 10_900_000 });
    }
  });

  it('the payments and documents behind a figure add up to it', async () => {
    const r = await report('2026-06-01', '2026-06-30', {});
    for (const m of r.payments.byMethod) {
      const rows = await app.ok('manager', 'reports.payments', {
        from: '2026-06-01',
        to: '2026-06-30',
        method: m.method,
        currency: m.currency,
        pageSize: 200,
      });
      expect(rows.total).toBe(m.inCount + m.outCount);
      expect(rows.rows.reduce((s, p) => s + (p.direction === 'in' ? p.amount : -p.amount), 0)).toBe(m.own.net);
    }
    for (const s of r.sales.byCurrency) {
      const rows = await app.ok('manager', 'reports.documents', {
        from: '2026-06-01',
        to: '2026-06-30',
        type: 'invoice',
        currency: s.currency,
        pageSize: 200,
      });
      expect(rows.total).toBe(s.invoices.count);
      expect(rows.rows.reduce((sum, d) => sum + d.ttc, 0)).toBe(s.invoices.ttc);
    }
  });

  it('a cashier cannot read the report', async () => {
    const refused = await app.call('cashier', 'reports.monthly', { from: '2026-06-01', to: '2026-06-30' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
