import { Prng } from '../../prng';
import type { Calendar } from '../calendar';

/** A proforma's own stream of draws: the issue instant, then its instalments' instants, then the writer's details. */
export interface Schedule {
  rng: Prng;
  issueMs: number;
  /** Instants of the instalments, in order (as many as planned, whether or not they were all made). */
  payments: number[];
}

/** A seed per planned document, independent of the order in which they are later sorted. */
export function seedOf(base: number, n: number): number {
  let h = (base ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * The issue instant and the instalments of a proforma, drawn from its seed: the planner (to know when it is paid) and
 * the writer (to write the payments) get exactly the same instants. Instalments fall on working days within
 * [issue day, windowTo], after the issue instant. The last one is drawn first and the others before it, so that a
 * proforma given one instalment more or less keeps the instant it was completed at.
 */
export function schedule(
  calendar: Calendar,
  seed: number,
  p: { issueDay: number; windowTo: number; notBeforeMs: number },
  count: number,
): Schedule {
  const { issueDay, windowTo } = p;
  const rng = new Prng(seed);
  const fraction = rng.next();
  // A first proforma follows its order by a few minutes (orders are taken in office hours).
  const issueMs =
    p.notBeforeMs > 0
      ? Math.min(p.notBeforeMs + 60_000 + Math.floor(fraction * 600_000), calendar.closing(issueDay) - 1)
      : calendar.at(issueDay, fraction);
  if (count === 0) return { rng, issueMs, payments: [] };
  const day = (to: number) => calendar.workday(issueDay + rng.int(0, Math.max(0, to - issueDay)), issueDay, to);
  /** An instant of a day within (after, before): office hours, after the issue, before the last instalment. */
  const instant = (d: number, before: number) => {
    const from = d === issueDay ? issueMs + 1000 : calendar.at(d, 0);
    const to = Math.min(before, calendar.closing(d)) - 1000;
    return to <= from ? Math.max(issueMs, Math.min(from, before - 1)) : from + Math.floor(rng.next() * (to - from));
  };
  const lastDay = day(windowTo);
  const last = instant(lastDay, Infinity);
  const payments = [last];
  for (let i = 1; i < count; i++) payments.push(instant(day(lastDay), last));
  payments.sort((a, b) => a - b);
  return { rng, issueMs, payments };
}

/** How many instalments a proforma is paid in: mostly one to four, around the mean the office's size asks for. */
export function instalmentCount(rng: Prng, mean: number, max = 9): number {
  // Poisson by Knuth's method: cheap for small means, and never zero once shifted by one.
  const limit = Math.exp(-Math.max(0, mean - 1));
  let k = 0;
  let p = rng.next();
  while (p > limit && k < max - 1) {
    k++;
    p *= rng.next();
  }
  return 1 + k;
}
