import { describe, expect, it } from 'vitest';
import { initialChoice, monthName, monthOptions, periodOf, ratesOf } from './period';

describe('report period controls', () => {
  it('opens on the current month and offers three years of months, the latest first', () => {
    expect(initialChoice('2026-11-26')).toEqual({
      mode: 'month',
      month: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    const months = monthOptions('2026-11-26');
    expect(months).toHaveLength(36);
    expect(months.slice(0, 3)).toEqual(['2026-11', '2026-10', '2026-09']);
    expect(months.at(-1)).toBe('2023-12');
  });

  it('asks for a month, or a range only once both dates make one', () => {
    expect(periodOf({ mode: 'month', month: '2026-02', from: '', to: '' })).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(periodOf({ mode: 'range', month: '2026-02', from: '2026-02-10', to: '' })).toBeNull();
    expect(periodOf({ mode: 'range', month: '2026-02', from: '2026-02-10', to: '2026-02-01' })).toBeNull();
    expect(periodOf({ mode: 'range', month: '2026-02', from: '2026-02-10', to: '2026-03-09' })).toEqual({
      from: '2026-02-10',
      to: '2026-03-09',
    });
  });

  it('names months in the UI language and reads the rates typed the French way', () => {
    expect(monthName('2026-08', 'fr-FR')).toBe('Août 2026');
    expect(monthName('2026-08', 'en-GB')).toBe('August 2026');
    expect(ratesOf({ EUR: '10,85', USD: '' })).toEqual({ rates: { EUR: 10_850_000 } });
    expect(ratesOf({ EUR: '', USD: 'dix' })).toEqual({ invalid: 'USD' });
  });
});
