import { DateTime } from 'luxon';

/**
 * Calendar arithmetic on dates "YYYY-MM-DD". A service's paid periods are counted in months from its anchor (the date
 * of signature, or a domain's registration date): the end of the paid time is always anchor + N months, computed in
 * one step, so a chain of extensions can never drift (31 Jan + 1 month is 28 Feb, but + 2 months is 31 Mar; 29 Feb +
 * 12 months is 28 Feb, + 48 months is 29 Feb again). Calendar dates carry no time and no offset: Morocco's Ramadan
 * offset changes cannot move them.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parse(date: string): DateTime {
  const parsed = DateTime.fromISO(date, { zone: 'utc' });
  if (!ISO_DATE.test(date) || !parsed.isValid) throw new RangeError(`Not a calendar date: ${date}`);
  return parsed;
}

export function isCalendarDate(text: string): boolean {
  return ISO_DATE.test(text) && DateTime.fromISO(text, { zone: 'utc' }).isValid;
}

/** anchor + months, the day clamped to the month's last day when it has fewer days. */
export function addMonths(anchor: string, months: number): string {
  return parse(anchor).plus({ months }).toISODate() ?? '';
}

export function addDays(date: string, days: number): string {
  return parse(date).plus({ days }).toISODate() ?? '';
}

/** Whole days from a to b (negative when b is before a). */
export function daysBetween(a: string, b: string): number {
  return Math.round(parse(b).diff(parse(a), 'days').days);
}

/** The end of the paid time: the anchor plus every month paid so far. */
export function paidUntil(anchor: string, paidMonths: number): string {
  return addMonths(anchor, paidMonths);
}

/** The next period of `months` after what is paid: from the current end to the end after extension. */
export function nextPeriod(anchor: string, paidMonths: number, months: number): { from: string; to: string } {
  return { from: paidUntil(anchor, paidMonths), to: paidUntil(anchor, paidMonths + months) };
}

/** "26/11/2026": the digits moved, not parsed again (printed on every line of every document). */
export function formatCalendarDate(date: string): string {
  if (!ISO_DATE.test(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
