import type { FollowUpHorizon, FollowUpStatus } from '../shared/vocabulary.js';
import { addDays, addMonths } from './dates.js';
import type { TransitionVerdict } from './proposal-lifecycle.js';

const CLOSED: readonly FollowUpStatus[] = ['DONE', 'CANCELLED'];

export function isFollowUpClosed(status: FollowUpStatus): boolean {
  return CLOSED.includes(status);
}

/**
 * OPEN → IN_PROGRESS → DONE, with CANCELLED from either open state; a closed follow-up can only be
 * reopened (back to OPEN), which is how an analyst corrects a wrong closure.
 */
export function checkFollowUpTransition(from: FollowUpStatus, to: FollowUpStatus): TransitionVerdict {
  if (from === to) return { allowed: false, reason: `the follow-up is already ${to}` };
  if (isFollowUpClosed(from)) {
    return to === 'OPEN' ? { allowed: true } : { allowed: false, reason: `a ${from} follow-up can only be reopened` };
  }
  if (from === 'IN_PROGRESS' && to === 'OPEN') return { allowed: false, reason: 'work already started; cancel it instead' };
  return { allowed: true };
}

/** Overdue is derived, never stored: the due date has passed and the follow-up is not closed. */
export function isOverdue(followUp: { status: FollowUpStatus; dueDate: string | null }, today: string): boolean {
  return followUp.dueDate !== null && followUp.dueDate < today && !isFollowUpClosed(followUp.status);
}

/**
 * The due date to assume when the text gives only a horizon, counted from the report's date:
 * IMMEDIATE two weeks, NEAR_TERM six months, LONG_TERM the end of the next calendar year.
 */
export function estimatedDueDate(horizon: FollowUpHorizon, from: string): string | null {
  switch (horizon) {
    case 'IMMEDIATE':
      return addDays(from, 14);
    case 'NEAR_TERM':
      return addMonths(from, 6);
    case 'LONG_TERM':
      return `${Number(from.slice(0, 4)) + 1}-12-31`;
    case 'UNSPECIFIED':
      return null;
  }
}
