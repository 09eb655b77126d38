import { describe, expect, it } from 'vitest';
import type { FollowUpHorizon, FollowUpStatus } from '../../shared/vocabulary.js';
import { checkFollowUpTransition, estimatedDueDate, isOverdue } from '../follow-up-lifecycle.js';

describe('follow-up lifecycle', () => {
  const table: [FollowUpStatus, FollowUpStatus, boolean][] = [
    ['OPEN', 'IN_PROGRESS', true],
    ['OPEN', 'DONE', true],
    ['OPEN', 'CANCELLED', true],
    ['IN_PROGRESS', 'DONE', true],
    ['IN_PROGRESS', 'CANCELLED', true],
    ['IN_PROGRESS', 'OPEN', false],
    ['DONE', 'OPEN', true], // reopened after a wrong closure
    ['CANCELLED', 'OPEN', true],
    ['DONE', 'IN_PROGRESS', false],
    ['CANCELLED', 'DONE', false],
    ['OPEN', 'OPEN', false],
  ];
  it.each(table)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(checkFollowUpTransition(from, to).allowed).toBe(allowed);
  });

  const overdue: [FollowUpStatus, string | null, boolean][] = [
    ['OPEN', '2026-01-01', true],
    ['IN_PROGRESS', '2026-01-01', true],
    ['OPEN', '2026-11-26', false], // due today is not yet overdue
    ['OPEN', '2027-01-01', false],
    ['DONE', '2026-01-01', false],
    ['CANCELLED', '2026-01-01', false],
    ['OPEN', null, false],
  ];
  it.each(overdue)('%s due %s on 2026-11-26 is overdue: %s', (status, dueDate, expected) => {
    expect(isOverdue({ status, dueDate }, '2026-11-26')).toBe(expected);
  });

  const horizons: [FollowUpHorizon, string, string | null][] = [
    ['IMMEDIATE', '2025-04-13', '2025-04-27'],
    ['NEAR_TERM', '2025-04-13', '2025-10-13'],
    ['NEAR_TERM', '2025-08-31', '2026-02-28'], // clamps to the month's end
    ['LONG_TERM', '2025-04-13', '2026-12-31'],
    ['UNSPECIFIED', '2025-04-13', null],
  ];
  it.each(horizons)('%s from %s is estimated due %s', (horizon, from, expected) => {
    expect(estimatedDueDate(horizon, from)).toBe(expected);
  });
});
