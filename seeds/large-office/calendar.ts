import { addMonths } from '../../shared/periods';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Office hours in UTC (08:00–17:00): the same Casablanca calendar date whatever its offset (UTC+0 or UTC+1). */
const OPEN_MS = 8 * HOUR_MS;
const OPEN_SPAN_MS = 9 * HOUR_MS;

/**
 * The generator's days: whole days numbered from the first of the ten years, so that plans are integers and sorting is
 * cheap. Calendar months come from shared/periods (the app's own rule), memoised: the same anchors recur often.
 */
export class Calendar {
  readonly day0Ms: number;
  readonly endDay: number;
  readonly endDate: string;
  private readonly dates = new Map<number, string>();
  private readonly months = new Map<number, number>();

  constructor(
    readonly end: Date,
    years = 10,
  ) {
    const start = end.getTime() - years * 365.25 * DAY_MS;
    this.day0Ms = start - (start % DAY_MS);
    this.endDate = end.toISOString().slice(0, 10);
    this.endDay = this.dayOf(this.endDate);
  }

  /** "YYYY-MM-DD" of a day. */
  date(day: number): string {
    let date = this.dates.get(day);
    if (date === undefined) {
      date = new Date(this.day0Ms + day * DAY_MS).toISOString().slice(0, 10);
      this.dates.set(day, date);
    }
    return date;
  }

  dayOf(date: string): number {
    return Math.round((Date.parse(`${date}T00:00:00Z`) - this.day0Ms) / DAY_MS);
  }

  dayOfMs(ms: number): number {
    return Math.floor((ms - this.day0Ms) / DAY_MS);
  }

  /** anchor + months, as a day, by the app's calendar rule (31 Jan + 1 month = 28 Feb). */
  addMonths(anchorDay: number, months: number): number {
    const key = anchorDay * 1024 + months;
    let day = this.months.get(key);
    if (day === undefined) {
      day = this.dayOf(addMonths(this.date(anchorDay), months));
      this.months.set(key, day);
    }
    return day;
  }

  /** An instant in office hours: `fraction` 0 is the opening, 1 the closing. */
  at(day: number, fraction: number): number {
    return this.day0Ms + day * DAY_MS + OPEN_MS + Math.floor(fraction * OPEN_SPAN_MS);
  }

  /** The closing instant of a day (exclusive upper bound of `at`). */
  closing(day: number): number {
    return this.day0Ms + day * DAY_MS + OPEN_MS + OPEN_SPAN_MS;
  }

  /** An instant at a fixed hour (UTC) of a day: the nightly run, the drawer's opening and closing. */
  hour(day: number, hours: number): number {
    return this.day0Ms + day * DAY_MS + hours * HOUR_MS;
  }

  isSunday(day: number): boolean {
    return new Date(this.day0Ms + day * DAY_MS).getUTCDay() === 0;
  }

  /** The office is closed on Sundays: a counter event falls on the Saturday before, or the Monday after. */
  workday(day: number, min: number, max: number): number {
    if (!this.isSunday(day)) return day;
    if (day - 1 >= min) return day - 1;
    return Math.min(day + 1, Math.max(max, day));
  }
}

export const iso = (ms: number): string => new Date(ms).toISOString();
