import { countedTotal, DENOMINATIONS } from '../../../shared/cash';
import type { Prng } from '../../prng';
import type { Calendar } from '../calendar';
import { iso } from '../calendar';
import type { Writer } from './writer';

const FLOAT = 50_000;

/** The notes and coins a cashier counts for an amount (coins stop at 10 centimes: the rest is a shortfall). */
export function countOf(amount: number): Record<string, number> {
  const count: Record<string, number> = {};
  let left = amount;
  for (const d of DENOMINATIONS) {
    const n = Math.floor(left / d);
    if (n > 0) count[String(d)] = n;
    left -= n * d;
  }
  return count;
}

/**
 * The drawers of one day: a session per desk that took cash, opened with its float before the first payment, counted
 * and closed in the evening, validated by the manager the next morning. On the data set's last day they are still open.
 */
export function openDaySessions(
  writer: Writer,
  calendar: Calendar,
  day: number,
  cashByDesk: Map<string, number>,
  rng: Prng,
): Map<string, number> {
  const ids = new Map<string, number>();
  const open = day === calendar.endDay;
  for (const [desk, cashIn] of [...cashByDesk].sort(([a], [b]) => a.localeCompare(b))) {
    const expected = FLOAT + cashIn;
    // Now and then a note goes missing between the payments and the count.
    const count = countOf(expected - (rng.chance(0.01) ? 2_000 : 0));
    const counted = countedTotal(count);
    const difference = counted - expected;
    const id = writer.session({
      desk,
      status: open ? 'open' : 'validated',
      openedAt: iso(calendar.hour(day, 7.75)),
      float: FLOAT,
      closedAt: open ? null : iso(calendar.hour(day, 17.25)),
      count: open ? '{}' : JSON.stringify(count),
      counted: open ? 0 : counted,
      expected: open ? 0 : expected,
      difference: open ? 0 : difference,
      closeNote: open || difference === 0 ? '' : 'Écart constaté au comptage',
      validatedAt: open ? null : iso(calendar.hour(day + 1, 7.5)),
    });
    ids.set(desk, id);
  }
  return ids;
}
