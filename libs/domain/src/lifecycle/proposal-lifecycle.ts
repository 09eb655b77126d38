import { PROPOSAL_LIFECYCLE, PROPOSAL_SIDE_STATES } from '@dyad/vocabulary';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../shared/vocabulary.js';

/** The main line a proposal moves along; STALLED and WITHDRAWN are side states. */
export { PROPOSAL_LIFECYCLE };

const SIDE_STATES: readonly ProposalStatus[] = PROPOSAL_SIDE_STATES;

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
  /** Null when unknown: such an entry counts as older than every dated one. */
  effectiveDate: string | null;
}

/** Date order with unknown dates first: an undated report cannot be shown to be later than a dated one. */
const byDate = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');

/**
 * The current status from a history: the latest by effective date. On the same date the later lifecycle
 * step wins, so the result does not depend on the order reports arrived in.
 */
export function currentProposalStatus<T extends DatedStatus<ProposalStatus>>(history: readonly T[]): T | null {
  return history.reduce<T | null>((best, entry) => {
    if (!best) return entry;
    if (entry.effectiveDate !== best.effectiveDate) return byDate(entry.effectiveDate, best.effectiveDate) > 0 ? entry : best;
    return proposalStatusRank(entry.status) > proposalStatusRank(best.status) ? entry : best;
  }, null);
}


export interface StatusObservation extends DatedStatus<ProposalStatus> {
  id: string;
  /** Set for an analyst's change: always taken, even against the rules (it carries an override reason). */
  byAnalyst: boolean;
  /** Tie-breaker among same-day, same-rank readings: when it was recorded. */
  recordedAt: Date;
}

/**
 * The order readings are resolved in: by date (unknown first); on the same day, reports before analysts, reports in
 * lifecycle order, analysts in the order they decided.
 */
export function readingOrder(a: StatusObservation, b: StatusObservation): number {
  return (
    byDate(a.effectiveDate, b.effectiveDate) ||
    Number(a.byAnalyst) - Number(b.byAnalyst) ||
    (a.byAnalyst ? 0 : proposalStatusRank(a.status) - proposalStatusRank(b.status)) ||
    a.recordedAt.getTime() - b.recordedAt.getTime() ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Turns every reading of a proposal's status into its history: in date order (ties in lifecycle order),
 * a reading is taken when it moves the status forward or into a side state as the lifecycle rules allow,
 * or when an analyst made it; repeats and backward readings are kept as evidence only. The result does
 * not depend on the order the readings arrived in.
 *
 * `start`: the reading the status stands at before `observations` (each later than it in readingOrder), when
 * only the readings after a point are resolved again (see applyProposalHistories); it is not in `accepted`.
 */
export function resolveProposalHistory<T extends StatusObservation>(
  observations: readonly T[],
  start: T | null = null,
): { accepted: T[]; current: T | null } {
  const ordered = [...observations].sort(readingOrder);
  const accepted: T[] = [];
  let current: T | null = start;
  for (const observation of ordered) {
    const take =
      current === null ||
      (observation.byAnalyst && observation.status !== current.status) ||
      checkProposalTransition(current.status, observation.status).allowed;
    if (take) {
      accepted.push(observation);
      current = observation;
    }
  }
  return { accepted, current };
}
