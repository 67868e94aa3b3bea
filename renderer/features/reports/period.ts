import type { ReportInput } from '../../../shared/api';
import { parseRate } from '../../../shared/allocation';
import { monthOf, monthPeriod, periodProblem, shiftMonth, type ReportPeriod } from '../../../shared/report-period';

/** What the period controls hold: a month, or a range typed as two dates; and the reference rates as typed. */
export interface PeriodChoice {
  mode: 'month' | 'range';
  month: string;
  from: string;
  to: string;
}

export interface RateTexts {
  EUR: string;
  USD: string;
}

/** The month a manager usually opens: the current one. */
export function initialChoice(today: string): PeriodChoice {
  const month = monthOf(today);
  const { from, to } = monthPeriod(month);
  return { mode: 'month', month, from, to };
}

/** The period to ask for, or null while the range typed is not one. */
export function periodOf(choice: PeriodChoice): ReportPeriod | null {
  if (choice.mode === 'month') return monthPeriod(choice.month);
  if (!choice.from || !choice.to) return null;
  return periodProblem(choice) ? null : { from: choice.from, to: choice.to };
}

/** The months the picker offers: three years back to the current month, the most recent first. */
export function monthOptions(today: string, count = 36): string[] {
  const current = monthOf(today);
  return Array.from({ length: count }, (_, i) => shiftMonth(current, -i));
}

/** "Octobre 2026" / "October 2026" in the UI's locale; `inSentence` keeps the French lower case ("en octobre 2026"). */
export function monthName(month: string, locale: string, inSentence = false): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const text = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, number - 1, 1)),
  );
  return inSentence ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** The rates typed: millionths per currency, or the name of the field that cannot be read. */
export function ratesOf(texts: RateTexts): { rates: NonNullable<ReportInput['rates']> } | { invalid: keyof RateTexts } {
  const rates: NonNullable<ReportInput['rates']> = {};
  for (const currency of ['EUR', 'USD'] as const) {
    const text = texts[currency].trim();
    if (text === '') continue;
    const rate = parseRate(text);
    if (rate === null) return { invalid: currency };
    rates[currency] = rate;
  }
  return { rates };
}
