import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAutomation } from '../../electron/modules/automation/scheduler';
import { automationServices } from '../../electron/modules/automation/services';
import { openTestApp, withStaff, type TestApp } from '../support/core';

let app: TestApp;
afterEach(async () => {
  vi.useRealTimers();
  await app.close();
});

const runs = () => app.ok('manager', 'automation.runs', {});

describe('the billing run’s schedule, in the process that owns the core', () => {
  it('runs at start-up, then once when the day changes while the app stays open, and stops cleanly', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    app = await openTestApp();
    await withStaff(app);
    app.core.sessions.setIdleLockMinutes(3 * 24 * 60);
    const automation = startAutomation(app.core, () => undefined);
    await vi.waitFor(async () => expect((await runs()).rows.map((r) => r.trigger)).toEqual(['startup']));

    // Ten minutes later, the same day: nothing.
    app.clock.advance(10 * 60_000);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await automationServices(app.core.db).runner.idle();
    expect((await runs()).total).toBe(1);

    // Past midnight in Casablanca: the day's run, once, however many checks follow.
    app.clock.set(new Date('2026-11-27T00:05:00Z'));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await vi.waitFor(async () => expect((await runs()).total).toBe(2));
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    await automationServices(app.core.db).runner.idle();
    const after = await runs();
    expect(after.rows.map((r) => [r.trigger, r.runDate])).toEqual([
      ['daily', '2026-11-27'],
      ['startup', '2026-11-26'],
    ]);

    await automation.stop();
    app.clock.set(new Date('2026-11-28T09:00:00Z'));
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect((await runs()).total).toBe(2);
  });
});
