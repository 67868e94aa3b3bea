import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeHandle } from '../../electron/db/data-source';
import { collectReport, paymentData } from '../../electron/modules/reports/build';
import { documentLines, paymentLines } from '../../electron/modules/reports/lines';
import type { Snapshot } from '../../electron/modules/reports/snapshot';
import { openTestApp, type TestApp } from '../support/core';
import { generateActivity } from './reports-activity';

/**
 * Migration 0010's promise: a month is read through indexes bounded by the period, never by scanning a table of the
 * whole history. Every statement the report runs is planned by SQLite (EXPLAIN QUERY PLAN) and checked.
 */

let app: TestApp;
const statements = new Map<string, unknown[]>();

beforeAll(async () => {
  app = await openTestApp();
  await generateActivity(app, { until: '2026-02-28' });
  const db = nativeHandle(app.core.db.dataSource);
  const recording: Snapshot = {
    all<T>(sql: string, params: readonly unknown[] = []): T[] {
      statements.set(sql, [...params]);
      return db.prepare(sql).all(...params) as T[];
    },
  };
  const data = collectReport(recording, {
    period: { from: '2026-02-01', to: '2026-02-28' },
    rates: {},
    today: '2026-03-01',
    company: 'HeberDomaine',
    generatedAt: new Date(),
    listLimit: 1000,
  });
  const { payments, values } = paymentData(recording, { period: { from: '2026-02-01', to: '2026-02-28' }, rates: {} });
  paymentLines(recording, payments, values);
  documentLines(recording, data.documents);
}, 300_000);
afterAll(() => app.close());

/**
 * A search bounded by a row (its id, a parent's id, a unique name), or from a date or instant on (the period, or what came after
 * it).
 */
const BOUNDED = /rowid=\?|_id=\?|username=\?|(paid_on|issue_date|due_date|opened_at|cancelled_at|work_date|\bat)>\?/;

function plan(sql: string, params: unknown[]): string[] {
  const db = nativeHandle(app.core.db.dataSource);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}

describe('report indexes (migration 0010)', () => {
  it('no statement of the report scans a table, and every search is bounded by the period or by ids', () => {
    expect(statements.size).toBeGreaterThan(10);
    for (const [sql, params] of statements) {
      for (const step of plan(sql, params)) {
        const where = `${step}\n in ${sql}`;
        expect(step.startsWith('SCAN '), where).toBe(false);
        // A search only by kind or status would read the history of that kind: a date range or an id must bound it.
        // The proformas still open are the exception: what is open now, not the history.
        const open = sql.includes("status IN ('issued', 'partially_paid')") && /status=\?/.test(step);
        if (step.startsWith('SEARCH ') && !open) expect(step, where).toMatch(BOUNDED);
      }
    }
  });

  it('the month of payments, of invoices and of allocations is read from covering indexes alone', () => {
    const find = (fragment: string) => {
      const entry = [...statements].find(([sql]) => sql.includes(fragment));
      if (!entry) throw new Error(`No statement with ${fragment}`);
      return plan(...entry).join('\n');
    };
    expect(find('FROM payments WHERE paid_on >= ?')).toMatch(
      /SEARCH payments USING COVERING INDEX idx_payments_report/,
    );
    expect(find("FROM documents WHERE type IN ('invoice', 'credit_note')")).toMatch(
      /SEARCH documents USING COVERING INDEX idx_documents_report/,
    );
    const allocations = find('JOIN payment_allocations a ON a.payment_id = p.id');
    expect(allocations).toMatch(/SEARCH p USING COVERING INDEX idx_payments_report/);
    expect(allocations).toMatch(/SEARCH a USING COVERING INDEX idx_payment_allocations_report/);
    expect(find("cc.kind = 'applied' AND cc.at >= ?")).toMatch(/USING COVERING INDEX idx_client_credits_kind_at/);
    expect(find('FROM service_events e')).toMatch(/SEARCH e USING INDEX idx_service_events_status_at/);
    expect(find('FROM cash_movements WHERE session_id IN')).toMatch(/USING COVERING INDEX idx_cash_movements_amount/);
  });

  it('leaves the app’s own reads on their indexes: a payment still finds a client’s open proformas by the client', () => {
    const steps = plan(
      `SELECT * FROM documents WHERE client_id = ? AND type = ? AND status IN (?, ?) ORDER BY issue_date, id`,
      [1, 'proforma', 'issued', 'partially_paid'],
    );
    expect(steps.join('\n')).toMatch(/USING INDEX idx_documents_client_type_status/);
  });
});
