import { DateTime } from 'luxon';
import { CasablancaZone } from './casablanca-zone';

/**
 * Every business date is a calendar date in Morocco's zone, whose UTC offset changes around Ramadan. Our own zone
 * object, not the runtime's time-zone data, so the main process and every renderer agree.
 */
export const ZONE = CasablancaZone.instance;

/** The calendar date (YYYY-MM-DD) in Casablanca of an instant. */
export function businessDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: ZONE }).toISODate() ?? '';
}

/** The first instant of a Casablanca calendar date, as an ISO UTC string (for range queries on stored instants). */
export function startOfBusinessDayUtc(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: ZONE }).startOf('day').toUTC().toISO() ?? '';
}

/** The first instant of the following Casablanca day: ranges are [start, nextStart). */
export function startOfNextBusinessDayUtc(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: ZONE }).startOf('day').plus({ days: 1 }).toUTC().toISO() ?? '';
}

/** "26/11/2026 14:05" in Casablanca time, for lists and documents. */
export function formatDateTime(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(ZONE).toFormat('dd/LL/yyyy HH:mm');
}

/** "14:05" in Casablanca time. */
export function formatTime(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(ZONE).toFormat('HH:mm');
}

/** "jeudi 26 novembre 2026" (or in the given locale), for a Casablanca calendar day. */
export function formatLongDate(instant: Date, locale: string): string {
  return DateTime.fromJSDate(instant, { zone: ZONE }).setLocale(locale).toFormat('cccc d LLLL yyyy');
}
