/** How long a quit may wait for the work under way (an e-mail being handed to a slow server, a write) to finish. */
export const QUIT_DEADLINE_MS = 8_000;

export type CloseOutcome = 'closed' | 'deadline';

/**
 * Closes within `ms`: the outbox stops between messages and the database closes cleanly; should something hang past
 * the deadline (an SMTP server that never answers), the caller quits anyway — what was sending goes back to the queue
 * at the next start, and the unclean-shutdown check runs then.
 */
export async function closeWithin(
  close: () => Promise<void>,
  ms: number,
  log: (message: string, error: unknown) => void = console.error,
): Promise<CloseOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<CloseOutcome>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), ms);
  });
  const closed = close().then(
    (): CloseOutcome => 'closed',
    (error: unknown): CloseOutcome => {
      log('Closing the database failed', error);
      return 'closed';
    },
  );
  try {
    return await Promise.race([closed, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
