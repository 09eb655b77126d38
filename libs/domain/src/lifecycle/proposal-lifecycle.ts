import { PROPOSAL_STATUSES, type ProposalStatus } from '../shared/vocabulary.js';

/** The main line a proposal moves along; STALLED and WITHDRAWN are side states. */
export const PROPOSAL_LIFECYCLE: readonly ProposalStatus[] = PROPOSAL_STATUSES.slice(0, 6);

const SIDE_STATES: readonly ProposalStatus[] = ['STALLED', 'WITHDRAWN'];

/** Position in lifecycle order; side states rank after the main line. */
export function proposalStatusRank(status: ProposalStatus): number {
  return PROPOSAL_STATUSES.indexOf(status);
}

export type TransitionVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether a proposal may move from one status to another without an override:
 * forward along the lifecycle (steps may be skipped), into a side state unless finished, and out of
 * STALLED back onto the lifecycle. Backwards moves and leaving COMPLETED or WITHDRAWN are refused.
 */
export function checkProposalTransition(from: ProposalStatus, to: ProposalStatus): TransitionVerdict {
  if (from === to) return { allowed: false, reason: `the proposal is already ${to}` };
  if (from === 'COMPLETED') return { allowed: false, reason: 'a COMPLETED proposal is finished' };
  if (from === 'WITHDRAWN') return { allowed: false, reason: 'a WITHDRAWN proposal was rejected or cancelled' };
  if (SIDE_STATES.includes(to)) return { allowed: true };
  if (from === 'STALLED') return { allowed: true };
  if (proposalStatusRank(to) > proposalStatusRank(from)) return { allowed: true };
  return { allowed: false, reason: `${to} comes before ${from} in the lifecycle` };
}

export interface DatedStatus<S extends string> {
  status: S;
  effectiveDate: string;
}

/**
 * The current status from a history: the latest by effective date. On the same date the later lifecycle
 * step wins, so the result does not depend on the order reports arrived in.
 */
export function currentProposalStatus<T extends DatedStatus<ProposalStatus>>(history: readonly T[]): T | null {
  return history.reduce<T | null>((best, entry) => {
    if (!best) return entry;
    if (entry.effectiveDate !== best.effectiveDate) return entry.effectiveDate > best.effectiveDate ? entry : best;
    return proposalStatusRank(entry.status) > proposalStatusRank(best.status) ? entry : best;
  }, null);
}

/** History in date order, ties in lifecycle order. */
export function sortProposalHistory<T extends DatedStatus<ProposalStatus>>(history: readonly T[]): T[] {
  return [...history].sort(
    (a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || proposalStatusRank(a.status) - proposalStatusRank(b.status),
  );
}
