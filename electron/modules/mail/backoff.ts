/**
 * When to try a message again: exponential back-off from one minute, doubling at each failure, capped, so that a
 * server down for a night is tried a few times an hour and not every second.
 */
const FIRST_RETRY_MS = 60_000;

/** A server that answered "try later" (4xx) is tried at most every six hours. */
export const MAX_MESSAGE_DELAY_MS = 6 * 3_600_000;
/** No network, no server: the whole outbox waits, at most half an hour, so it resumes soon after the link is back. */
export const MAX_CONNECTION_DELAY_MS = 30 * 60_000;
/** A message a server keeps deferring is given up after this many of its answers (about two days). */
export const MAX_SERVER_ATTEMPTS = 10;

/** The delay after the `failures`-th failure in a row (1 → one minute, 2 → two, 3 → four…), within `cap`. */
export function retryDelayMs(failures: number, cap: number): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  return Math.min(FIRST_RETRY_MS * 2 ** exponent, cap);
}
