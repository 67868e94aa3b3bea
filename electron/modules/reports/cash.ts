import type { CashSection, CashSessionRow } from '../../../shared/api/reports';
import type { ReportPeriod } from '../../../shared/report-period';
import { instantBounds } from './load';
import { allIn, type Snapshot } from './snapshot';

type SessionRow = Omit<CashSessionRow, 'cashIn' | 'cashOut' | 'expected' | 'counted' | 'difference'> & {
  expected: number;
  counted: number;
  difference: number;
};

/**
 * The cash sessions opened in the period: float, cash in and out (payments with their stamp duty, refunds, voids,
 * deposits), what the drawer should hold, the count and the difference, as the Z report has them.
 */
export function cashSection(snapshot: Snapshot, period: ReportPeriod): CashSection {
  const { start, end } = instantBounds(period);
  const sessions = snapshot.all<SessionRow>(
    `SELECT id, desk, status, opened_at AS openedAt, opened_by AS openedBy, closed_at AS closedAt, "float",
       expected, counted, difference, validated_by AS validatedBy
     FROM cash_sessions WHERE opened_at >= ? AND opened_at < ? ORDER BY opened_at, id`,
    [start, end],
  );
  const movements = new Map(
    allIn<{ id: number; cashIn: number; cashOut: number }>(
      snapshot,
      sessions.map((s) => s.id),
      (ids) =>
        `SELECT session_id AS id, SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END) AS cashIn,
           SUM(CASE WHEN amount < 0 THEN -amount ELSE 0 END) AS cashOut
         FROM cash_movements WHERE session_id IN (${ids}) GROUP BY session_id`,
    ).map((m) => [m.id, m]),
  );
  const rows = sessions.map((s): CashSessionRow => {
    const m = movements.get(s.id) ?? { cashIn: 0, cashOut: 0 };
    const closed = s.status !== 'open';
    return {
      ...s,
      cashIn: m.cashIn,
      cashOut: m.cashOut,
      expected: closed ? s.expected : s.float + m.cashIn - m.cashOut,
      counted: closed ? s.counted : null,
      difference: closed ? s.difference : null,
    };
  });
  return {
    sessions: rows,
    totals: {
      count: rows.length,
      open: rows.filter((r) => r.status === 'open').length,
      cashIn: rows.reduce((s, r) => s + r.cashIn, 0),
      cashOut: rows.reduce((s, r) => s + r.cashOut, 0),
      difference: rows.reduce((s, r) => s + (r.difference ?? 0), 0),
      shortages: rows.filter((r) => (r.difference ?? 0) < 0).length,
    },
  };
}
