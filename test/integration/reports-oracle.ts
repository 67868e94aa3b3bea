import type BetterSqlite3 from 'better-sqlite3';
import { DateTime } from 'luxon';

/**
 * The report's figures computed again from the raw rows, independently of electron/modules/reports: plain SQL and a
 * few loops, Node's own time-zone data for Casablanca (not the app's table), floating-point division where the
 * integers involved are small enough to round exactly. Used by the reconciliation test only.
 */

type Rates = { EUR?: number; USD?: number };
type Part = { rate: number; base: number; vat: number };

const ZONE = 'Africa/Casablanca';
const dayOf = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(ZONE).toISODate() ?? '';
const startOf = (date: string) => DateTime.fromISO(date, { zone: ZONE }).startOf('day').toUTC().toISO() ?? '';
const nextDayStart = (date: string) => startOf(DateTime.fromISO(date).plus({ days: 1 }).toISODate() ?? '');
/** x × r / 1e6, half away from zero. */
const convert = (x: number, r: number) => Math.sign(x) * Math.round((Math.abs(x) * r) / 1e6);
/** n × a / b, half away from zero. */
const share = (n: number, a: number, b: number) => Math.sign(n * a) * Math.round(Math.abs(n * a) / b);

/** Shares of a payment of `amount` after `before` already paid on a document: the cumulative rule, written again. */
function receiptParts(parts: Part[], ttc: number, before: number, amount: number): Part[] {
  const out = parts.map((p) => ({
    rate: p.rate,
    vat: share(before + amount, p.vat, ttc) - share(before, p.vat, ttc),
    base: share(before + amount, p.base, ttc) - share(before, p.base, ttc),
  }));
  const last = out[out.length - 1];
  if (last) last.base = amount - out.reduce((s, p) => s + p.vat, 0) - out.slice(0, -1).reduce((s, p) => s + p.base, 0);
  return out;
}

function toDirhams(parts: Part[], ttcMad: number, rate: number): Part[] {
  const out = parts.map((p) => ({ rate: p.rate, vat: convert(p.vat, rate), base: convert(p.base, rate) }));
  const last = out[out.length - 1];
  if (last) last.base = ttcMad - out.reduce((s, p) => s + p.vat, 0) - out.slice(0, -1).reduce((s, p) => s + p.base, 0);
  return out;
}

export function oracle(db: BetterSqlite3.Database, from: string, to: string, reference: Rates, today: string) {
  const start = startOf(from);
  const end = nextDayStart(to);
  const q = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];

  // Rates: the reference typed, else total dirhams ÷ total foreign over the period's counter conversions.
  const conversions = q<{ pc: string; dc: string; amount: number; pa: number }>(
    `SELECT p.currency AS pc, d.currency AS dc, a.amount, a.payment_amount AS pa
     FROM payment_allocations a JOIN payments p ON p.id = a.payment_id JOIN documents d ON d.id = a.document_id
     WHERE p.paid_on BETWEEN ? AND ? AND p.status = 'recorded' AND p.direction = 'in' AND a.reversal_of IS NULL
       AND a.rate IS NOT NULL`,
    from,
    to,
  );
  const rates: Record<string, number | null> = { MAD: 1e6 };
  for (const c of ['EUR', 'USD'] as const) {
    const typed = reference[c];
    if (typed !== undefined) {
      rates[c] = typed;
      continue;
    }
    let mad = 0;
    let foreign = 0;
    for (const x of conversions) {
      if (x.pc === 'MAD' && x.dc === c) {
        mad += x.pa;
        foreign += x.amount;
      }
      if (x.pc === c && x.dc === 'MAD') {
        mad += x.amount;
        foreign += x.pa;
      }
    }
    rates[c] = mad > 0 && foreign > 0 ? Math.round((mad * 1e6) / foreign) : null;
  }
  const rateOf = (c: string) => rates[c] ?? null;

  // Payments.
  const payments = q<{
    id: number;
    paidOn: string;
    status: string;
    direction: string;
    method: string;
    currency: string;
    staff: string | null;
    amount: number;
    duty: number;
  }>(
    `SELECT id, paid_on AS paidOn, status, direction, method, currency, staff, amount, stamp_duty AS duty
     FROM payments WHERE paid_on BETWEEN ? AND ?`,
    from,
    to,
  );
  const exact = new Map<number, { mad: number; taken: number }>();
  for (const a of q<{ pid: number; amount: number; pa: number }>(
    `SELECT a.payment_id AS pid, a.amount, a.payment_amount AS pa FROM payment_allocations a
     JOIN payments p ON p.id = a.payment_id JOIN documents d ON d.id = a.document_id
     WHERE p.paid_on BETWEEN ? AND ? AND p.currency <> 'MAD' AND d.currency = 'MAD' AND a.reversal_of IS NULL`,
    from,
    to,
  )) {
    const e = exact.get(a.pid) ?? { mad: 0, taken: 0 };
    exact.set(a.pid, { mad: e.mad + a.amount, taken: e.taken + a.pa });
  }
  const groups = new Map<string, Record<string, number>>();
  const bump = (key: string, field: string, n: number) => {
    const g = groups.get(key) ?? {};
    g[field] = (g[field] ?? 0) + n;
    groups.set(key, g);
  };
  let voided = 0;
  for (const p of payments) {
    if (p.status !== 'recorded') {
      voided++;
      continue;
    }
    const e = p.direction === 'in' ? (exact.get(p.id) ?? { mad: 0, taken: 0 }) : { mad: 0, taken: 0 };
    const rest = p.amount - e.taken;
    const r = rateOf(p.currency);
    const mad = e.mad + (r === null ? 0 : convert(rest, r));
    const unconverted = r === null ? rest : 0;
    const sign = p.direction === 'in' ? 1 : -1;
    for (const key of ['total', `method:${p.method}/${p.currency}`, `staff:${p.staff ?? ''}`, `day:${p.paidOn}`]) {
      bump(key, p.direction === 'in' ? 'inCount' : 'outCount', 1);
      bump(key, p.direction === 'in' ? 'received' : 'refunded', mad);
      bump(key, 'net', sign * mad);
      if (p.direction === 'in') bump(key, 'stampDuty', p.duty);
      if (key.startsWith('method:')) {
        bump(key, p.direction === 'in' ? 'ownReceived' : 'ownRefunded', p.amount);
        bump(key, 'unconverted', sign * unconverted);
      }
    }
    bump(`unconverted:${p.currency}`, 'amount', sign * unconverted);
  }
  const figures = (key: string) => {
    const g = groups.get(key) ?? {};
    return {
      inCount: g.inCount ?? 0,
      outCount: g.outCount ?? 0,
      received: g.received ?? 0,
      refunded: g.refunded ?? 0,
      net: g.net ?? 0,
      stampDuty: g.stampDuty ?? 0,
    };
  };
  const byMethod = [...groups.keys()]
    .filter((k) => k.startsWith('method:'))
    .map((k) => {
      const [method, currency] = k.slice(7).split('/');
      const g = groups.get(k) ?? {};
      return {
        method,
        currency,
        ...figures(k),
        own: {
          received: g.ownReceived ?? 0,
          refunded: g.ownRefunded ?? 0,
          net: (g.ownReceived ?? 0) - (g.ownRefunded ?? 0),
        },
        unconverted: g.unconverted ?? 0,
      };
    });
  const byStaff = [...groups.keys()]
    .filter((k) => k.startsWith('staff:'))
    .map((k) => ({ staff: k.slice(6), ...figures(k) }));
  const days: { date: string }[] = [];
  for (let d = DateTime.fromISO(from); d <= DateTime.fromISO(to); d = d.plus({ days: 1 })) {
    days.push({ date: d.toISODate() ?? '' });
  }

  // Invoices and credit notes.
  const documents = q<{
    type: string;
    currency: string;
    ht: number;
    vat: number;
    ttc: number;
    parts: string;
    mode: string | null;
  }>(
    `SELECT type, currency, ht, total_vat AS vat, ttc, vat_breakdown AS parts, credit_mode AS mode FROM documents
     WHERE type IN ('invoice', 'credit_note') AND issue_date BETWEEN ? AND ?`,
    from,
    to,
  );
  const sales: Record<
    string,
    Record<string, { count: number; ht: number; vat: number; ttc: number; rates: Record<number, [number, number]> }>
  > = {};
  const madSales = { invoice: { ht: 0, vat: 0, ttc: 0 }, credit_note: { ht: 0, vat: 0, ttc: 0 } };
  for (const d of documents) {
    const bucket = ((sales[d.currency] ??= {})[d.type] ??= { count: 0, ht: 0, vat: 0, ttc: 0, rates: {} });
    bucket.count++;
    bucket.ht += d.ht;
    bucket.vat += d.vat;
    bucket.ttc += d.ttc;
    const parts = JSON.parse(d.parts) as Part[];
    for (const p of parts) {
      const [b, v] = bucket.rates[p.rate] ?? [0, 0];
      bucket.rates[p.rate] = [b + p.base, v + p.vat];
    }
    const r = rateOf(d.currency);
    if (r !== null) {
      const mad = d.currency === 'MAD' ? parts : toDirhams(parts, convert(d.ttc, r), r);
      const t = madSales[d.type as 'invoice' | 'credit_note'];
      t.ht += mad.reduce((s, p) => s + p.base, 0);
      t.vat += mad.reduce((s, p) => s + p.vat, 0);
      t.ttc = t.ht + t.vat;
    }
  }

  // VAT on receipts: every standing settlement of every proforma, in time order, kept when it falls in the period.
  type Settled = {
    doc: number;
    id: number;
    kind: number;
    amount: number;
    at: string;
    day: string;
    pc: string;
    pa: number;
    rate: number | null;
  };
  const settled = [
    ...q<Settled>(
      `SELECT a.document_id AS doc, a.id, 0 AS kind, a.amount, a.at, p.paid_on AS day, p.currency AS pc,
         a.payment_amount AS pa, a.rate
       FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
       WHERE a.reversal_of IS NULL AND p.status = 'recorded'`,
    ),
    ...q<Settled>(
      `SELECT document_id AS doc, id, 1 AS kind, -amount AS amount, at, '' AS day, currency AS pc, -amount AS pa,
         NULL AS rate
       FROM client_credits WHERE kind = 'applied'`,
    ).map((c) => ({ ...c, day: dayOf(c.at) })),
  ].sort((a, b) => a.doc - b.doc || (a.at < b.at ? -1 : a.at > b.at ? 1 : a.kind - b.kind || a.id - b.id));
  const docs = new Map(
    q<{ id: number; currency: string; ttc: number; parts: string }>(
      `SELECT id, currency, ttc, vat_breakdown AS parts FROM documents`,
    ).map((d) => [d.id, d]),
  );
  const received = new Map<number, [number, number]>();
  const reversed = new Map<number, [number, number]>();
  const vatUnconverted: Record<string, number> = {};
  const add = (into: Map<number, [number, number]>, parts: Part[]) => {
    for (const p of parts) {
      const [b, v] = into.get(p.rate) ?? [0, 0];
      into.set(p.rate, [b + p.base, v + p.vat]);
    }
  };
  const running = new Map<number, number>();
  for (const s of settled) {
    const before = running.get(s.doc) ?? 0;
    running.set(s.doc, before + s.amount);
    if (s.day < from || s.day > to) continue;
    const doc = docs.get(s.doc);
    if (!doc) continue;
    const parts = receiptParts(JSON.parse(doc.parts) as Part[], doc.ttc, before, s.amount);
    if (doc.currency === 'MAD') add(received, parts);
    else if (s.kind === 0 && s.pc === 'MAD' && s.rate !== null) add(received, toDirhams(parts, s.pa, s.rate));
    else {
      const r = rateOf(doc.currency);
      if (r === null) vatUnconverted[doc.currency] = (vatUnconverted[doc.currency] ?? 0) + s.amount;
      else add(received, toDirhams(parts, convert(s.amount, r), r));
    }
  }
  const refunds = q<{ id: number; note: number; amount: number; paidOn: string; at: string }>(
    `SELECT id, credit_note_id AS note, amount, paid_on AS paidOn, received_at AS at FROM payments
     WHERE direction = 'out' AND status = 'recorded' AND credit_note_id IS NOT NULL ORDER BY received_at, id`,
  );
  const refunded = new Map<number, number>();
  const reverse = (parts: Part[], amount: number, currency: string) => {
    const r = rateOf(currency);
    if (currency === 'MAD') add(reversed, parts);
    else if (r === null) vatUnconverted[currency] = (vatUnconverted[currency] ?? 0) + amount;
    else add(reversed, toDirhams(parts, convert(amount, r), r));
  };
  for (const r of refunds) {
    const before = refunded.get(r.note) ?? 0;
    refunded.set(r.note, before + r.amount);
    const note = docs.get(r.note);
    if (!note || r.paidOn < from || r.paidOn > to) continue;
    reverse(receiptParts(JSON.parse(note.parts) as Part[], note.ttc, before, r.amount), r.amount, note.currency);
  }
  for (const d of documents) {
    if (d.type === 'credit_note' && d.mode === 'balance') reverse(JSON.parse(d.parts) as Part[], d.ttc, d.currency);
  }
  const vatRates = [...new Set([...received.keys(), ...reversed.keys()])].sort((a, b) => b - a);
  const receiptsVat = vatRates.map((rate) => {
    const [rb, rv] = received.get(rate) ?? [0, 0];
    const [xb, xv] = reversed.get(rate) ?? [0, 0];
    return {
      rate,
      receivedBase: rb,
      receivedVat: rv,
      reversedBase: xb,
      reversedVat: xv,
      netBase: rb - xb,
      netVat: rv - xv,
    };
  });

  // Ageing at the end of the period (or today), from every proforma's settlements up to then.
  const asOf = today < to ? (today < from ? from : today) : to;
  const cut = nextDayStart(asOf);
  const proformas = q<{
    id: number;
    client: number;
    currency: string;
    ttc: number;
    due: string | null;
    issued: string;
    cancelled: string | null;
  }>(
    `SELECT id, client_id AS client, currency, ttc, due_date AS due, issue_date AS issued, cancelled_at AS cancelled
     FROM documents WHERE type = 'proforma' AND status <> 'draft' AND issue_date <= ?`,
    asOf,
  );
  const settledBy = new Map<number, number>();
  for (const s of settled) if (s.at < cut) settledBy.set(s.doc, (settledBy.get(s.doc) ?? 0) + s.amount);
  const ageing = new Map<
    string,
    { clientId: number; currency: string; proformas: number; buckets: number[]; total: number }
  >();
  for (const p of proformas) {
    if (p.cancelled !== null && p.cancelled < cut) continue;
    const balance = p.ttc - (settledBy.get(p.id) ?? 0);
    if (balance <= 0) continue;
    const late = Math.round(DateTime.fromISO(asOf).diff(DateTime.fromISO(p.due ?? p.issued), 'days').days);
    const bucket = late < 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
    const key = `${p.client}/${p.currency}`;
    const row = ageing.get(key) ?? {
      clientId: p.client,
      currency: p.currency,
      proformas: 0,
      buckets: [0, 0, 0, 0, 0],
      total: 0,
    };
    row.proformas++;
    row.buckets[bucket] = (row.buckets[bucket] ?? 0) + balance;
    row.total += balance;
    ageing.set(key, row);
  }

  // Services, domains, cash.
  const serviceChanges = q<{ change: string; n: number }>(
    `SELECT to_status AS change, COUNT(*) AS n FROM service_events
     WHERE at >= ? AND at < ? AND to_status IN ('suspended', 'terminated', 'lost')
       AND (from_status IS NULL OR from_status <> to_status) GROUP BY to_status`,
    start,
    end,
  );
  const next = DateTime.fromISO(to).plus({ months: 1 });
  const domains = q<{ id: number; expiry: string }>(
    `SELECT s.id, s.due_date AS expiry FROM services s JOIN products p ON p.id = s.product_id
     WHERE p.kind = 'domain' AND s.status IN ('active', 'suspended', 'grace') AND s.due_date BETWEEN ? AND ?
     ORDER BY s.due_date, s.label`,
    next.startOf('month').toISODate(),
    next.endOf('month').toISODate(),
  );
  const cash = q<{ id: number; cashIn: number; cashOut: number; counted: number | null; difference: number | null }>(
    `SELECT s.id,
       (SELECT COALESCE(SUM(amount), 0) FROM cash_movements m WHERE m.session_id = s.id AND amount > 0) AS cashIn,
       (SELECT COALESCE(-SUM(amount), 0) FROM cash_movements m WHERE m.session_id = s.id AND amount < 0) AS cashOut,
       CASE WHEN s.status = 'open' THEN NULL ELSE s.counted END AS counted,
       CASE WHEN s.status = 'open' THEN NULL ELSE s.difference END AS difference
     FROM cash_sessions s WHERE s.opened_at >= ? AND s.opened_at < ? ORDER BY s.opened_at, s.id`,
    start,
    end,
  );
  const stamp = q<{ n: number; base: number; duty: number; rounding: number }>(
    `SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS base, COALESCE(SUM(stamp_duty), 0) AS duty,
       COALESCE(SUM(cash_rounding), 0) AS rounding FROM payments
     WHERE paid_on BETWEEN ? AND ? AND status = 'recorded' AND direction = 'in' AND method = 'cash'`,
    from,
    to,
  )[0];

  return {
    rates,
    totals: { ...figures('total'), voidedCount: voided },
    unconverted: Object.fromEntries(['MAD', 'EUR', 'USD'].map((c) => [c, groups.get(`unconverted:${c}`)?.amount ?? 0])),
    byMethod,
    byStaff,
    byDay: days.map((d) => ({ ...d, ...figures(`day:${d.date}`) })),
    sales,
    madSales,
    receiptsVat,
    vatUnconverted,
    stamp: { count: stamp?.n ?? 0, base: stamp?.base ?? 0, duty: stamp?.duty ?? 0, rounding: stamp?.rounding ?? 0 },
    asOf,
    ageing: [...ageing.values()],
    serviceChanges: Object.fromEntries(serviceChanges.map((s) => [s.change, s.n])),
    domains,
    cash,
  };
}
