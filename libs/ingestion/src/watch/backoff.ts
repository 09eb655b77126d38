/** The longest a failing source waits between tries. */
export const MAX_BACKOFF_MINUTES = 24 * 60;

/**
 * When to try a source again after its `failures`-th failure in a row: its interval doubled per failure
 * (1×, 2×, 4×…), at most a day, never sooner than its own interval.
 */
export function nextPollAfterFailure(now: Date, intervalMinutes: number, failures: number): Date {
  const factor = 2 ** Math.min(Math.max(failures - 1, 0), 20);
  const minutes = Math.max(intervalMinutes, Math.min(intervalMinutes * factor, MAX_BACKOFF_MINUTES));
  return new Date(now.getTime() + minutes * 60_000);
}
