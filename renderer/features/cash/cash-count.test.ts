import { describe, expect, it } from 'vitest';
import { cashApi } from '../../../shared/api/cash';
import { DENOMINATIONS } from '../../../shared/cash';
import { denominationLabel, emptyCount, isNote, liveCount, parseCountQuantity } from './cash-count';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('cash count', () => {
  it('names notes and coins as people do', () => {
    expect(DENOMINATIONS.map((d) => plain(denominationLabel(d)))).toEqual([
      '200 DH',
      '100 DH',
      '50 DH',
      '20 DH',
      '10 DH',
      '5 DH',
      '2 DH',
      '1 DH',
      '0,50 DH',
      '0,20 DH',
      '0,10 DH',
    ]);
    expect(DENOMINATIONS.filter(isNote)).toEqual([20_000, 10_000, 5_000, 2_000]);
  });

  it('reads whole numbers only', () => {
    expect(parseCountQuantity(' 12 ')).toBe(12);
    expect(parseCountQuantity('')).toBeNull();
    expect(parseCountQuantity('1,5')).toBeNaN();
    expect(parseCountQuantity('-2')).toBeNaN();
    expect(parseCountQuantity('100001')).toBeNaN();
  });

  it('totals each line and the drawer, and the difference with the expected', () => {
    const live = liveCount({ ...emptyCount(), '20000': '4', '5000': '2', '50': '3', '10': '0' }, 90_250);
    expect(live.lines['20000']).toBe(80_000);
    expect(live.lines['50']).toBe(150);
    expect(live.lines['100']).toBe(0);
    expect(live.counted).toBe(90_150);
    expect(live.difference).toBe(-100);
    // Zeros typed are sent: the cashier counted them.
    expect(live.count).toEqual({ '20000': 4, '5000': 2, '50': 3, '10': 0 });
    expect(cashApi['cash.close'].input.safeParse({ sessionId: 1, count: live.count }).success).toBe(true);
  });

  it('says what cannot be read, and when nothing was counted', () => {
    const bad = liveCount({ ...emptyCount(), '100': 'deux', '200': '3' }, 0);
    expect(bad.invalid).toEqual(['100']);
    expect(bad.lines['100']).toBeNull();
    expect(bad.counted).toBe(600);
    expect(bad.empty).toBe(false);
    expect(liveCount(emptyCount(), 5_000)).toMatchObject({ empty: true, counted: 0, difference: -5_000 });
  });
});
