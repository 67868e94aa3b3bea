import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../clock';
import type { Core } from '../../core';
import { BackupSchedule } from './schedule';

const HOUR = 3_600_000;

/** A core reduced to what the schedule touches: its backups. */
function fakeCore(lastGoodAt: () => string | null) {
  const made: string[] = [];
  const core = {
    backups: {
      running: false,
      lastGoodAt: () => Promise.resolve(lastGoodAt()),
      create: (kind: string) => {
        made.push(kind);
        return Promise.resolve();
      },
    },
  } as unknown as Core;
  return { core, made };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('automatic backups', () => {
  it('makes one shortly after start-up, then one whenever the newest is a day old', async () => {
    const clock = new ManualClock(new Date('2026-11-26T08:00:00Z'));
    let last: string | null = null;
    const { core, made } = fakeCore(() => last);
    const schedule = new BackupSchedule(
      () => core,
      clock,
      () => undefined,
    );
    schedule.start();
    await vi.advanceTimersByTimeAsync(4_000);
    expect(made).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(made).toEqual(['startup']);
    last = clock.now().toISOString();

    // Hour after hour: nothing while the backup is fresh, a daily one once it is a day old.
    for (let hour = 1; hour <= 23; hour++) {
      clock.advance(HOUR);
      await vi.advanceTimersByTimeAsync(HOUR);
    }
    expect(made).toEqual(['startup']);
    clock.advance(HOUR);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(made).toEqual(['startup', 'daily']);

    schedule.stop();
    clock.advance(48 * HOUR);
    await vi.advanceTimersByTimeAsync(48 * HOUR);
    expect(made).toEqual(['startup', 'daily']);
  });

  it('makes none while the database is closed (a restore or a recovery under way)', async () => {
    const { made } = fakeCore(() => null);
    const schedule = new BackupSchedule(
      () => null,
      new ManualClock(new Date()),
      () => undefined,
    );
    schedule.start();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(made).toEqual([]);
    schedule.stop();
  });
});
