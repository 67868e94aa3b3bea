import { addDays, addMonths, daysBetween, formatCalendarDate, isCalendarDate } from './periods';

/**
 * The period of a report: Casablanca calendar days, both ends included. A month is the common case (the accountant's
 * monthly export); any range of up to a year is allowed. Calendar dates carry no offset: where a report compares
 * stored instants (a cash session's opening, a service's suspension), the days are turned into UTC bounds with
 * shared/dates.ts, so Ramadan's change of offset moves nothing.
 */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** A year and a day: a whole leap year fits, and a report stays small enough to read on screen. */
export const MAX_REPORT_DAYS = 366;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** "2026-10" → 1 to 31 October 2026. */
export function monthPeriod(month: string): ReportPeriod {
  if (!isMonth(month)) throw new RangeError(`Not a month: ${month}`);
  const from = `${month}-01`;
  return { from, to: addDays(addMonths(from, 1), -1) };
}

/** The month a date falls in, "2026-10". */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month as a period when the range is exactly one calendar month, else null. */
export function wholeMonth(period: ReportPeriod): string | null {
  const month = monthOf(period.from);
  const whole = monthPeriod(month);
  return whole.from === period.from && whole.to === period.to ? month : null;
}

/** Why a range cannot be reported on (a French sentence), or null when it can. */
export function periodProblem(period: ReportPeriod): string | null {
  if (!isCalendarDate(period.from) || !isCalendarDate(period.to)) return 'Dates attendues au format AAAA-MM-JJ.';
  if (period.to < period.from) return 'La date de fin précède la date de début.';
  if (daysBetween(period.from, period.to) + 1 > MAX_REPORT_DAYS) {
    return `Une période de ${MAX_REPORT_DAYS} jours au plus.`;
  }
  return null;
}

/** Every day of the period, in order. */
export function periodDays(period: ReportPeriod): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The calendar month after the one the period ends in: where "domains expiring next month" look. */
export function followingMonth(period: ReportPeriod): ReportPeriod {
  return monthPeriod(monthOf(addMonths(`${monthOf(period.to)}-01`, 1)));
}

/** The month before, for the month picker's arrows. */
export function shiftMonth(month: string, by: number): string {
  return monthOf(addMonths(`${month}-01`, by));
}

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** "octobre 2026", or "du 01/10/2026 au 15/10/2026": as printed on the exports (French, like every document). */
export function periodLabel(period: ReportPeriod): string {
  const month = wholeMonth(period);
  if (month) return `${MONTHS_FR[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(0, 4)}`;
  if (period.from === period.to) return `le ${formatCalendarDate(period.from)}`;
  return `du ${formatCalendarDate(period.from)} au ${formatCalendarDate(period.to)}`;
}

/** A name for the exported files: "rapport-2026-10" or "rapport-2026-10-01-au-2026-10-15". */
export function periodFileStem(period: ReportPeriod): string {
  const month = wholeMonth(period);
  return month ? `rapport-${month}` : `rapport-${period.from}-au-${period.to}`;
}
