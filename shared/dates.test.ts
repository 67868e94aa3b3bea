import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CasablancaZone } from './casablanca-zone';
import {
  businessDate,
  formatDateTime,
  formatLongDate,
  startOfBusinessDayUtc,
  startOfNextBusinessDayUtc,
} from './dates';

/** Node's own (full-ICU) time-zone data, the reference the table was generated from. */
const nodeOffset = (ms: number) => DateTime.fromMillis(ms, { zone: 'Africa/Casablanca' }).offset;

describe('Casablanca zone', () => {
  it("agrees with Node's time-zone data every hour from 2019 to 2040, Ramadan changes included", () => {
    let checked = 0;
    for (let ms = Date.UTC(2019, 0, 1); ms < Date.UTC(2041, 0, 1); ms += 3_600_000) {
      if (CasablancaZone.instance.offset(ms) !== nodeOffset(ms)) {
        throw new Error(`Offset differs at ${new Date(ms).toISOString()}`);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(190_000);
  });

  it('is UTC+1 in November 2026 and UTC+0 during Ramadan 2026', () => {
    expect(formatDateTime('2026-11-26T07:00:00.000Z')).toBe('26/11/2026 08:00');
    expect(formatDateTime('2026-03-01T07:00:00.000Z')).toBe('01/03/2026 07:00');
  });
});

describe('business dates', () => {
  it('a payment at 23:30 local on the last day of a month belongs to that month, whatever the offset', () => {
    // 28 February 2026 is in Ramadan (UTC+0): 23:30 local is 23:30 UTC.
    expect(businessDate(new Date('2026-02-28T23:30:00Z'))).toBe('2026-02-28');
    // 30 November 2026 (UTC+1): 23:30 local is 22:30 UTC; 23:30 UTC is already 1 December.
    expect(businessDate(new Date('2026-11-30T22:30:00Z'))).toBe('2026-11-30');
    expect(businessDate(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
  });

  it('gives the UTC bounds of a Casablanca day', () => {
    expect(startOfBusinessDayUtc('2026-11-26')).toBe('2026-11-25T23:00:00.000Z');
    expect(startOfNextBusinessDayUtc('2026-11-26')).toBe('2026-11-26T23:00:00.000Z');
    expect(startOfBusinessDayUtc('2026-03-01')).toBe('2026-03-01T00:00:00.000Z');
  });

  it('names the Casablanca day in French or English', () => {
    expect(formatLongDate(new Date('2026-11-26T23:30:00Z'), 'fr')).toBe('vendredi 27 novembre 2026');
    expect(formatLongDate(new Date('2026-11-26T10:00:00Z'), 'en')).toBe('Thursday 26 November 2026');
  });
});
