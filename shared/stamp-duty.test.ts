import { describe, expect, it } from 'vitest';
import { cashRounding } from './stamp-duty';

const on = { cashRounding: 10 as const };

describe('cashRounding', () => {
  it('rounds a cash total to the nearest 0,10 DH, a half up', () => {
    expect(cashRounding(149_172, 'cash', on)).toBe(-2);
    expect(cashRounding(149_175, 'cash', on)).toBe(5);
    expect(cashRounding(149_176, 'cash', on)).toBe(4);
    expect(cashRounding(149_170, 'cash', on)).toBe(0);
  });

  it('leaves other methods and a setting at 0 to the centime', () => {
    expect(cashRounding(149_172, 'card', on)).toBe(0);
    expect(cashRounding(149_172, 'cash', { cashRounding: 0 })).toBe(0);
  });
});
