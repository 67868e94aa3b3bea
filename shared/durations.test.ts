import { describe, expect, it } from 'vitest';
import { formatDuration, hoursQuantity, monthBounds, monthHours, monthLabel, parseDuration } from './durations';

describe('parseDuration', () => {
  it.each([
    ['1 h 30', 90],
    ['1h30', 90],
    ['1 H 30 min', 90],
    ['2 h', 120],
    ['2h', 120],
    ['90', 90],
    ['90 min', 90],
    ['1:30', 90],
    ['1,5 h', 90],
    ['0,25 h', 15],
    ['0 h 45', 45],
    ['  3 h 05 ', 185],
    ['24 h', 1440],
  ])('reads %s as %i minutes', (typed, minutes) => {
    expect(parseDuration(typed)).toEqual({ minutes });
  });

  it.each([
    ['', 'Indiquez une durée'],
    ['0', 'supérieure à zéro'],
    ['0 h', 'supérieure à zéro'],
    ['-30', 'positive'],
    ['-1 h', 'positive'],
    ['1 h 75', 'de 0 à 59'],
    ['25 h', '24 h'],
    ['1500', '24 h'],
    ['beaucoup', 'illisible'],
    ['1,33 h', 'non ronde'],
  ])('refuses %j with a French message', (typed, message) => {
    const result = parseDuration(typed);
    expect('error' in result && result.error).toContain(message);
  });
});

describe('formatDuration', () => {
  it('shows hours and minutes the way they are typed', () => {
    expect(formatDuration(210)).toBe('3 h 30');
    expect(formatDuration(120)).toBe('2 h');
    expect(formatDuration(45)).toBe('0 h 45');
    expect(formatDuration(65)).toBe('1 h 05');
    expect(formatDuration(0)).toBe('0 h');
  });
});

describe('month hours', () => {
  it('counts only what goes beyond the included hours', () => {
    expect(monthHours(210, 2)).toEqual({ used: 210, included: 120, extra: 90 });
    expect(monthHours(100, 2)).toEqual({ used: 100, included: 120, extra: 0 });
    expect(monthHours(30, 0)).toEqual({ used: 30, included: 0, extra: 30 });
  });

  it('turns minutes into thousandths of an hour for a document line', () => {
    expect(hoursQuantity(90)).toBe(1500);
    expect(hoursQuantity(20)).toBe(333);
    expect(hoursQuantity(40)).toBe(667);
  });

  it('bounds and names a month', () => {
    expect(monthBounds('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthLabel('2026-08')).toBe('août 2026');
  });
});
