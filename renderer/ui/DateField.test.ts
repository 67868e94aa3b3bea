import { describe, expect, it } from 'vitest';
import { parseDayMonthYear } from './DateField';

describe('typed dates', () => {
  it('reads jj/mm/aaaa into an ISO date', () => {
    expect(parseDayMonthYear('26/11/2026')).toBe('2026-11-26');
    expect(parseDayMonthYear('1/2/2026')).toBe('2026-02-01');
  });
  it('refuses dates that do not exist and other shapes', () => {
    expect(parseDayMonthYear('31/02/2026')).toBeNull();
    expect(parseDayMonthYear('2026-11-26')).toBeNull();
    expect(parseDayMonthYear('26/11/26')).toBeNull();
  });
});
