import { describe, expect, it } from 'vitest';
import { Prng } from '../../prng';
import { Calendar } from '../calendar';
import { instalmentCount, schedule, seedOf } from './instalments';

const calendar = new Calendar(new Date('2026-05-29T17:00:00.000Z'));

describe('schedule', () => {
  it('draws the same instants from the same seed, within the window, after the issue, never on a Sunday', () => {
    for (let n = 0; n < 2000; n++) {
      const seed = seedOf(7, n);
      const p = { issueDay: 100 + (n % 400), windowTo: 100 + (n % 400) + (n % 40), notBeforeMs: 0 };
      const count = 1 + (n % 6);
      const a = schedule(calendar, seed, p, count);
      expect(schedule(calendar, seed, p, count).payments).toEqual(a.payments);
      expect(a.payments).toHaveLength(count);
      expect([...a.payments].sort((x, y) => x - y)).toEqual(a.payments);
      for (const ms of a.payments) {
        const day = calendar.dayOfMs(ms);
        expect(ms).toBeGreaterThanOrEqual(a.issueMs);
        expect(day).toBeLessThanOrEqual(p.windowTo);
        if (p.windowTo > p.issueDay) expect(calendar.isSunday(day)).toBe(false);
      }
    }
  });

  it('keeps the last instalment where it was when a proforma gets one more or one fewer', () => {
    for (let n = 0; n < 500; n++) {
      const p = { issueDay: 2000, windowTo: 2000 + (n % 30), notBeforeMs: 0 };
      const last = (count: number) => schedule(calendar, seedOf(11, n), p, count).payments.at(-1);
      expect(last(2)).toBe(last(1));
      expect(last(7)).toBe(last(3));
    }
  });

  it('issues a first proforma just after its order, the same day', () => {
    const orderMs = calendar.at(500, 0.5);
    const s = schedule(calendar, 3, { issueDay: 500, windowTo: 514, notBeforeMs: orderMs }, 2);
    expect(s.issueMs).toBeGreaterThan(orderMs);
    expect(calendar.dayOfMs(s.issueMs)).toBe(500);
  });
});

describe('instalmentCount', () => {
  it('is at least one, at most the cap, around the mean asked for', () => {
    const rng = new Prng(5);
    const counts = Array.from({ length: 20_000 }, () => instalmentCount(rng, 3.4));
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(9);
    expect(counts.reduce((s, c) => s + c, 0) / counts.length).toBeCloseTo(3.4, 1);
  });
});
