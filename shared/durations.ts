import { monthPeriod, periodLabel } from './report-period';
/**
 * Time spent on outsourcing, in whole minutes: typed at the counter as "1 h 30", "1h30", "2 h", "90", "90 min",
 * "1:30" or "1,5 h", shown as "1 h 30" (and "2 h" for whole hours).
 */

/** One person cannot work more than a day in a day. */
export const MINUTES_PER_DAY = 24 * 60;

const HOURS_MINUTES = /^(\d{1,3})\s*(?:h|:)\s*(\d{1,2})?\s*(?:min|mn|m)?$/;
const DECIMAL_HOURS = /^(\d{1,3})[,.](\d{1,2})\s*h$/;
const MINUTES_ONLY = /^(\d{1,5})\s*(?:min|mn|m)?$/;

/** Minutes typed at the counter, or a French message; zero and negative durations are refused. */
export function parseDuration(typed: string): { minutes: number } | { error: string } {
  const value = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  if (value === '') return { error: 'Indiquez une durée, par exemple « 1 h 30 » ou « 90 ».' };
  if (value.startsWith('-')) return { error: 'La durée doit être positive.' };
  let minutes: number | null = null;
  const hm = HOURS_MINUTES.exec(value);
  const decimal = DECIMAL_HOURS.exec(value);
  const plain = MINUTES_ONLY.exec(value);
  if (hm) {
    const mins = Number(hm[2] ?? 0);
    if (mins >= 60) return { error: 'Les minutes vont de 0 à 59 : « 1 h 30 ».' };
    minutes = Number(hm[1]) * 60 + mins;
  } else if (decimal) {
    const digits = decimal[2] ?? '0';
    // Hundredths of an hour × 60 / 100 must give whole minutes: "1,5 h" does, "1,33 h" does not.
    const scaled = Number(digits.padEnd(2, '0')) * 60;
    if (scaled % 100 !== 0) return { error: 'Durée en heures décimales non ronde : écrivez-la « 1 h 20 ».' };
    minutes = Number(decimal[1]) * 60 + scaled / 100;
  } else if (plain) {
    minutes = Number(plain[1]);
  }
  if (minutes === null) return { error: 'Durée illisible : écrivez « 1 h 30 » ou un nombre de minutes (« 90 »).' };
  if (minutes <= 0) return { error: 'La durée doit être supérieure à zéro.' };
  if (minutes > MINUTES_PER_DAY) return { error: 'Une intervention ne peut dépasser 24 h dans la journée.' };
  return { minutes };
}

/** "3 h 30", "2 h", "0 h 45". */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return m === 0 ? `${sign}${h} h` : `${sign}${h} h ${String(m).padStart(2, '0')}`;
}

/** Thousandths of an hour, the quantity of an hours line on a document (1 h 30 → 1500). */
export function hoursQuantity(minutes: number): number {
  return Math.round((minutes * 1000) / 60);
}

/** Used, included and extra minutes of one month of a monthly contract. */
export interface MonthHours {
  used: number;
  included: number;
  extra: number;
}

export function monthHours(usedMinutes: number, includedHours: number): MonthHours {
  const included = includedHours * 60;
  return { used: usedMinutes, included, extra: Math.max(0, usedMinutes - included) };
}

/** "2026-03" → first and last calendar days of that month (the reports' own month period). */
export function monthBounds(month: string): { from: string; to: string } {
  return monthPeriod(month);
}

/** "2026-03" → "mars 2026", as the reports print a month. */
export function monthLabel(month: string): string {
  return periodLabel(monthPeriod(month));
}
