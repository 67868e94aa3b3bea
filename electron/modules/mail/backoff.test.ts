import { describe, expect, it } from 'vitest';
import { MAX_CONNECTION_DELAY_MS, MAX_MESSAGE_DELAY_MS, retryDelayMs } from './backoff';

describe('retry back-off', () => {
  it('doubles from one minute at each failure', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, MAX_MESSAGE_DELAY_MS) / 60_000)).toEqual([1, 2, 4, 8, 16]);
  });

  it('stays within its cap, however many failures', () => {
    expect(retryDelayMs(6, MAX_CONNECTION_DELAY_MS)).toBe(MAX_CONNECTION_DELAY_MS);
    expect(retryDelayMs(1000, MAX_MESSAGE_DELAY_MS)).toBe(MAX_MESSAGE_DELAY_MS);
  });

  it('treats a first attempt (or a nonsense count) as the first failure', () => {
    expect(retryDelayMs(0, MAX_MESSAGE_DELAY_MS)).toBe(60_000);
    expect(retryDelayMs(-3, MAX_MESSAGE_DELAY_MS)).toBe(60_000);
  });
});
