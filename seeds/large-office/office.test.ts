import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, Input, MethodName, Output } from '../../shared/api';
import { DEFAULT_LIFECYCLE, type ProductKind } from '../../shared/catalog';
import { serviceState, type ServiceStatus } from '../../shared/service-state';
import { documentTotals } from '../../shared/totals';
import { ManualClock } from '../../electron/clock';
import { openCore, type Core } from '../../electron/core';
import { DATABASE_FILE } from '../../electron/db/data-source';
import { BENCH_USER, ensureLargeOffice, LARGE_OFFICE_END, readLargeOfficeInfo } from '../large-office';

// A small office of the same proportions as SPEC §10's: its rows must be what the app itself would have written.
const SIZE = { clients: 1500, services: 2250, documents: 9000, payments: 15000 };
const root = mkdtempSync(path.join(os.tmpdir(), 'guichet-office-'));
let dir = '';
let db: Sqlite.Database;

beforeAll(async () => {
  dir = await ensureLargeOffice({ ...SIZE, cacheRoot: root, log: () => undefined });
  db = new Sqlite(path.join(dir, DATABASE_FILE), { readonly: true });
}, 300_000);
afterAll(() => {
  db.close();
  rmSync(root, { recursive: true, force: true });
});

const count = (sql: string, ...params: unknown[]) =>
  Number(
    db
      .prepare(sql)
      .pluck()
      .get(...params) ?? 0,
  );

describe('the generated office', () => {
  it('has the sizes asked for, and a sound database', () => {
    expect(readLargeOfficeInfo(dir)?.rows).toMatchObject({
      clients: SIZE.clients,
      services: SIZE.services,
      documents: SIZE.documents,
      payments: SIZE.payments,
    });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(count("SELECT COUNT(*) FROM documents WHERE type = 'credit_note'")).toBeGreaterThan(0);
    expect(count("SELECT COUNT(*) FROM payments WHERE method = 'cash'") / SIZE.payments).toBeCloseTo(0.44, 1);
  });

  it('numbers every series without gap, in the order of its dates, its counter on the last number', () => {
    const series = db
      .prepare<[], { series: string; year: number; n: number; last: number; top: number }>(
        `SELECT type AS series, series_year AS year, COUNT(*) AS n, MAX(seq) AS top,
           (SELECT last FROM counters c WHERE c.series = d.type AND c.year = d.series_year) AS last
         FROM documents d GROUP BY type, series_year
         UNION ALL
         SELECT 'receipt', series_year, COUNT(*), MAX(seq),
           (SELECT last FROM counters c WHERE c.series = 'receipt' AND c.year = p.series_year)
         FROM payments p GROUP BY series_year`,
      )
      .all();
    expect(series.length).toBeGreaterThan(30);
    for (const s of series) expect(s, `${s.series} ${s.year}`).toMatchObject({ n: s.top, last: s.top });
    expect(
      count(`SELECT COUNT(*) FROM documents a JOIN documents b
               ON b.type = a.type AND b.series_year = a.series_year AND b.seq = a.seq + 1
             WHERE b.issue_date < a.issue_date OR b.issued_at < a.issued_at`),
    ).toBe(0);
    expect(
      count(`SELECT COUNT(*) FROM payments a JOIN payments b ON b.series_year = a.series_year AND b.seq = a.seq + 1
             WHERE b.received_at < a.received_at`),
    ).toBe(0);
    expect(count('SELECT COUNT(*) FROM payments WHERE received_at >= ?', LARGE_OFFICE_END.toISOString())).toBe(0);
  });

  it('keeps every amount whole and every total by the one rounding rule', () => {
    for (const [table, columns] of [
      ['documents', ['ht', 'total_vat', 'ttc', 'paid']],
      ['document_lines', ['quantity', 'unit_price', 'amount_ht']],
      ['payments', ['amount', 'stamp_duty', 'credit']],
      ['payment_allocations', ['amount', 'balance_after']],
      ['cash_movements', ['amount']],
    ] as const) {
      const where = columns.map((c) => `typeof(${c}) <> 'integer'`).join(' OR ');
      expect(count(`SELECT COUNT(*) FROM ${table} WHERE ${where}`), table).toBe(0);
    }
    const docs = db.prepare<[], { id: number; ht: number; total_vat: number; ttc: number; vat: string }>(
      'SELECT id, ht, total_vat, ttc, vat_breakdown AS vat FROM documents WHERE id % 7 = 0',
    );
    const lines = db.prepare<[number], { quantity: number; unitPrice: number; vatRate: number; amountHt: number }>(
      `SELECT quantity, unit_price AS unitPrice, vat_rate AS vatRate, amount_ht AS amountHt
       FROM document_lines WHERE document_id = ? ORDER BY position`,
    );
    for (const d of docs.all()) {
      const rows = lines.all(d.id);
      const totals = documentTotals(rows);
      expect(totals.lines).toEqual(rows.map((l) => l.amountHt));
      expect({ ht: d.ht, totalVat: d.total_vat, ttc: d.ttc, vat: JSON.parse(d.vat) as unknown }).toEqual({
        ht: totals.ht,
        totalVat: totals.totalVat,
        ttc: totals.ttc,
        vat: totals.vat,
      });
    }
  });

  it('ties payments, proformas, invoices, cash and credit together', () => {
    const zero = [
      // What a proforma received is the sum of its allocations; it is paid exactly when it has an invoice.
      `SELECT COUNT(*) FROM documents d WHERE type = 'proforma'
         AND paid <> (SELECT COALESCE(SUM(amount), 0) FROM payment_allocations a WHERE a.document_id = d.id)`,
      `SELECT COUNT(*) FROM documents d WHERE type = 'proforma' AND (status = 'paid') <>
         EXISTS (SELECT 1 FROM documents i WHERE i.source_id = d.id AND i.type = 'invoice' AND i.ttc = d.ttc)`,
      `SELECT COUNT(*) FROM documents i WHERE type = 'invoice' AND ttc <> (SELECT SUM(json_extract(j.value, '$.amount'))
         FROM json_each(i.payments) j)`,
      `SELECT COUNT(*) FROM payments p WHERE credit <> amount
         - (SELECT COALESCE(SUM(amount), 0) FROM payment_allocations a WHERE a.payment_id = p.id)`,
      `SELECT COUNT(*) FROM payments WHERE stamp_duty <> CASE method WHEN 'cash' THEN (amount * 25 + 5000) / 10000 ELSE 0 END`,
      `SELECT COUNT(*) FROM payments p WHERE (method = 'cash') <> EXISTS
         (SELECT 1 FROM cash_movements m WHERE m.payment_id = p.id AND m.session_id = p.cash_session_id
            AND m.amount = p.amount + p.stamp_duty)`,
      `SELECT COUNT(*) FROM cash_sessions s WHERE status = 'validated'
         AND expected <> float + (SELECT SUM(amount) FROM cash_movements m WHERE m.session_id = s.id)`,
      `SELECT COUNT(*) FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
         JOIN documents d ON d.id = a.document_id WHERE p.received_at < d.issued_at OR p.client_id <> d.client_id`,
      `SELECT COUNT(*) FROM services s WHERE paid_months <> (SELECT COALESCE(SUM(json_extract(details, '$.months')), 0)
         FROM service_events e WHERE e.service_id = s.id AND e.kind = 'extension')`,
      `SELECT COUNT(*) FROM (SELECT service_id FROM document_lines l JOIN documents d ON d.id = l.document_id
         WHERE d.type = 'proforma' AND d.status IN ('issued', 'partially_paid') AND l.kind = 'service'
         GROUP BY service_id HAVING COUNT(*) > 1)`,
    ];
    for (const sql of zero) expect(count(sql), sql).toBe(0);
  });

  it('leaves each service in the state its dates give it on the last day', () => {
    const services = db
      .prepare<
        [],
        {
          id: number;
          kind: ProductKind;
          status: ServiceStatus;
          suspensionReason: 'abuse' | 'non_payment' | null;
          anchorDate: string;
          paidMonths: number;
          terminationRequested: number;
        }
      >(
        `SELECT s.id, p.kind, s.status, s.suspension_reason AS suspensionReason, s.anchor_date AS anchorDate,
           s.paid_months AS paidMonths, s.termination_requested AS terminationRequested
         FROM services s JOIN products p ON p.id = s.product_id`,
      )
      .all();
    const today = LARGE_OFFICE_END.toISOString().slice(0, 10);
    const statuses = new Map<string, number>();
    for (const s of services) {
      const facts = { ...s, terminationRequested: s.terminationRequested === 1 };
      expect(serviceState(facts, today, DEFAULT_LIFECYCLE[s.kind]).expectedStatus, `service ${s.id}`).toBe(s.status);
      statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
    }
    expect((statuses.get('active') ?? 0) / services.length).toBeGreaterThan(0.5);
    for (const status of ['suspended', 'terminated', 'lost', 'cancelled'])
      expect(statuses.get(status)).toBeGreaterThan(0);
  });
});

describe('the app on the generated office', () => {
  let core: Core;
  const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
    const result = (await core.registry.dispatch('office', method, input)) as ApiResult<Output<M>>;
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value;
  };

  beforeAll(async () => {
    core = await openCore({ dataDir: dir, clock: new ManualClock(new Date(LARGE_OFFICE_END.getTime() + 3_600_000)) });
    await call('auth.login', { username: BENCH_USER.username, password: BENCH_USER.password });
  }, 30_000);

  it('lists, finds and continues the office’s history', async () => {
    const invoices = count("SELECT COUNT(*) FROM documents WHERE type = 'invoice'");
    expect((await call('documents.list', { type: 'invoice', pageSize: 20 })).total).toBe(invoices);
    expect((await call('payments.list', { pageSize: 20 })).total).toBe(SIZE.payments);
    const hosted = db
      .prepare<[], { clientId: number; label: string }>(
        "SELECT client_id AS clientId, label FROM services WHERE label LIKE '%.ma' ORDER BY id DESC LIMIT 1",
      )
      .get();
    expect(hosted).toBeDefined();
    const hits = await call('clients.search', { q: hosted?.label ?? '', limit: 20 });
    expect(hits.map((h) => h.id)).toContain(hosted?.clientId);
    const paid = db
      .prepare("SELECT id FROM documents WHERE type = 'proforma' AND status = 'paid' LIMIT 1")
      .pluck()
      .get();
    const proforma = await call('documents.get', { id: Number(paid) });
    expect(proforma.derived.map((d) => d.type)).toContain('invoice');

    // A payment at the counter completes an open proforma: the next receipt and invoice numbers follow the office's.
    const open = db
      .prepare<[], { id: number; clientId: number; balance: number; currency: 'MAD' }>(
        `SELECT id, client_id AS clientId, ttc - paid AS balance, currency FROM documents d
         WHERE type = 'proforma' AND status = 'issued' AND currency = 'MAD'
           AND EXISTS (SELECT 1 FROM document_lines l WHERE l.document_id = d.id AND l.kind = 'service')
         ORDER BY id DESC LIMIT 1`,
      )
      .get();
    expect(open).toBeDefined();
    if (!open) return;
    const lastReceipt = count("SELECT last FROM counters WHERE series = 'receipt' AND year = 2026");
    const payment = await call('payments.record', {
      idempotencyKey: 'office-test-0001',
      clientId: open.clientId,
      amount: open.balance,
      currency: 'MAD',
      details: { method: 'transfer', bank: 'CIH Bank', reference: 'VIR-TEST', valueDate: '2026-05-29' },
      allocations: [{ documentId: open.id, amount: open.balance }],
    });
    expect(payment.number).toBe(`RE-2026-${String(lastReceipt + 1).padStart(6, '0')}`);
    expect(payment.invoices).toHaveLength(1);
  });

  afterAll(async () => {
    await core.close();
    const after = new Sqlite(path.join(dir, DATABASE_FILE), { readonly: true });
    try {
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(after.pragma('foreign_key_check')).toEqual([]);
    } finally {
      after.close();
    }
  });
});
