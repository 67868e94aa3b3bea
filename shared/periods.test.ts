import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { businessDate, startOfBusinessDayUtc, startOfNextBusinessDayUtc } from './dates';
import { addDays, addMonths, daysBetween, nextPeriod, paidUntil } from './periods';

const calendarDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2045-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const cycleMonths = fc.constantFrom(1, 3, 6, 12, 24, 36, 120);
const daysInMonth = (year: number, month: number) => DateTime.utc(year, month).daysInMonth ?? 0;

describe('periods', () => {
  it('month ends and leap days: 31 Jan + 1 month, 29 Feb + 1 year', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31'); // from the anchor, not from 28 Feb
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
    expect(nextPeriod('2026-01-31', 1, 1)).toEqual({ from: '2026-02-28', to: '2026-03-31' });
  });

  it('a chain of extensions ends exactly where one extension of the total would: no day lost or gained', () => {
    fc.assert(
      fc.property(calendarDate, fc.array(cycleMonths, { minLength: 1, maxLength: 30 }), (anchor, extensions) => {
        let paid = 0;
        let coveredDays = 0;
        for (const months of extensions) {
          const { from, to } = nextPeriod(anchor, paid, months);
          expect(from).toBe(paidUntil(anchor, paid)); // each period starts where the last ended
          coveredDays += daysBetween(from, to);
          paid += months;
        }
        expect(paidUntil(anchor, paid)).toBe(addMonths(anchor, paid));
        expect(coveredDays).toBe(daysBetween(anchor, paidUntil(anchor, paid)));
      }),
      { numRuns: 500 },
    );
  });

  it('every end keeps the anchor day, or the last day of a shorter month', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 240 }), (anchor, months) => {
        const end = DateTime.fromISO(paidUntil(anchor, months), { zone: 'utc' });
        const anchorDay = Number(anchor.slice(8, 10));
        expect(end.day).toBe(Math.min(anchorDay, daysInMonth(end.year, end.month)));
        const length = daysBetween(paidUntil(anchor, months), paidUntil(anchor, months + 1));
        expect(length).toBeGreaterThanOrEqual(28);
        expect(length).toBeLessThanOrEqual(31);
        const year = daysBetween(paidUntil(anchor, months), paidUntil(anchor, months + 12));
        expect([365, 366]).toContain(year);
      }),
      { numRuns: 1000 },
    );
  });

  it("calendar days survive Morocco's Ramadan offset changes: each day's instants map back to it", () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 24 * 60 - 1 }), (day, minute) => {
        const start = startOfBusinessDayUtc(day);
        const next = startOfNextBusinessDayUtc(day);
        expect(businessDate(new Date(start))).toBe(day);
        expect(businessDate(new Date(Date.parse(next) - 1))).toBe(day);
        expect(startOfBusinessDayUtc(addDays(day, 1))).toBe(next);
        const instant = new Date(Date.parse(start) + minute * 60_000);
        if (instant.getTime() < Date.parse(next)) expect(businessDate(instant)).toBe(day);
      }),
      { numRuns: 2000 },
    );
    // The days on which Casablanca changed its offset in 2026 are whole days too.
    expect(daysBetween('2026-02-14', '2026-02-16')).toBe(2);
    expect(Date.parse(startOfNextBusinessDayUtc('2026-02-15')) - Date.parse(startOfBusinessDayUtc('2026-02-15'))).toBe(
      25 * 3_600_000,
    );
  });
});
