import type { FollowUpStatus, ProposalStatus } from './vocabulary.js';

// Groups of vocabulary values that rules, SQL, charts and the dashboard agree on.

/** Signed or further along the lifecycle: what counts as "signed" in counts, charts and the score. */
export const SIGNED_OR_LATER = ['SIGNED', 'IMPLEMENTING', 'COMPLETED'] as const satisfies readonly ProposalStatus[];

/** Past the first step: both sides agreed, at least. */
export const AGREED_OR_LATER = ['AGREED', 'NEGOTIATING', 'SIGNED', 'IMPLEMENTING', 'COMPLETED'] as const satisfies readonly ProposalStatus[];

/** Proposals still moving (not completed, stalled or withdrawn). */
export const ACTIVE_PROPOSAL_STATUSES = ['PROPOSED', 'AGREED', 'NEGOTIATING', 'SIGNED', 'IMPLEMENTING'] as const satisfies readonly ProposalStatus[];

/** Follow-ups not yet done or cancelled; one of these past its due date is overdue. */
export const OPEN_FOLLOW_UP_STATUSES = ['OPEN', 'IN_PROGRESS'] as const satisfies readonly FollowUpStatus[];

/** `('A', 'B')` for an SQL `IN`, from vocabulary values (never from user input). */
export function sqlList(values: readonly string[]): string {
  for (const value of values) if (!/^[A-Z_]+$/.test(value)) throw new Error(`not a vocabulary value: ${value}`);
  return `(${values.map((value) => `'${value}'`).join(', ')})`;
}
