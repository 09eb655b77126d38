import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MINUTES, nextPollAfterFailure } from '../backoff.js';

const now = new Date('2026-01-01T00:00:00Z');
const minutesAfter = (date: Date) => (date.getTime() - now.getTime()) / 60_000;

describe('nextPollAfterFailure', () => {
  it.each([
    [60, 1, 60],
    [60, 2, 120],
    [60, 3, 240],
    [10, 5, 160],
    [60, 6, MAX_BACKOFF_MINUTES],
    [60, 500, MAX_BACKOFF_MINUTES],
    // An interval longer than the cap is never shortened by a failure.
    [3 * 24 * 60, 4, 3 * 24 * 60],
  ])('interval %i min, failure %i in a row: next try after %i min', (interval, failures, expected) => {
    expect(minutesAfter(nextPollAfterFailure(now, interval, failures))).toBe(expected);
  });
});
