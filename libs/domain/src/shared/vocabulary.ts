import {
  DATE_SOURCES, EVENT_STATUSES, EVENT_TYPES, FOLLOW_UP_HORIZONS, FOLLOW_UP_STATUSES, PROPOSAL_KINDS, PROPOSAL_STATUSES, SECTORS,
} from '@dyad/extraction';

export {
  DATE_SOURCES, EVENT_STATUSES, EVENT_TYPES, FOLLOW_UP_HORIZONS, FOLLOW_UP_STATUSES, PROPOSAL_KINDS, PROPOSAL_STATUSES, SECTORS,
};
export type {
  DateSource, EventStatus, EventType, FollowUpHorizon, FollowUpStatus, ProposalKind, ProposalStatus, Sector,
} from '@dyad/extraction';

// Vocabulary owned by the domain (analyst workflow), not by extraction.
export const REVIEW_STATUSES = ['EXTRACTED', 'CONFIRMED', 'REJECTED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const MEETING_OUTCOMES = ['AGREEMENT_REACHED', 'PROGRESS', 'NO_RESULT', 'POSTPONED'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

export const API_KEY_ROLES = ['VIEWER', 'ANALYST', 'ADMIN'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export const ACTOR_KINDS = ['PERSON', 'ORGANIZATION'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
