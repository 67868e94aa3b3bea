import { describe, expect, it } from 'vitest';
import { parsePercent, percentInput } from './stamp-duty-form';

describe('stamp duty rate field', () => {
  it('reads a percent typed the French way into basis points', () => {
    expect(parsePercent('0,25')).toBe(25);
    expect(parsePercent('0.25 %')).toBe(25);
    expect(parsePercent('1,5')).toBe(150);
    expect(parsePercent('10')).toBe(1000);
    expect(parsePercent('0')).toBe(0);
  });

  it('refuses what is not a rate of 0 to 10 % with two decimals', () => {
    for (const text of ['', 'abc', '0,255', '-1', '10,01', '25']) expect(parsePercent(text)).toBeNull();
  });

  it('shows basis points back as typed', () => {
    expect(percentInput(25)).toBe('0,25');
    expect(percentInput(150)).toBe('1,5');
    expect(percentInput(1000)).toBe('10');
    expect(parsePercent(percentInput(37))).toBe(37);
  });
});
