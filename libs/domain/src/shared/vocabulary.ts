// The contract vocabulary and its groups come from @dyad/vocabulary, the one place they are spelled.
export {
  ACTIVE_PROPOSAL_STATUSES, AGREED_OR_LATER, DATE_SOURCES, EVENT_STATUSES, EVENT_TYPES, FOLLOW_UP_HORIZONS, FOLLOW_UP_STATUSES,
  isCountryCode, MEETING_OUTCOMES, OPEN_FOLLOW_UP_STATUSES, PROPOSAL_KINDS, PROPOSAL_STATUSES, REVIEW_STATUSES, SECTORS,
  SIGNED_OR_LATER, sqlList,
} from '@dyad/vocabulary';
export type {
  DateSource, EventStatus, EventType, FollowUpHorizon, FollowUpStatus, MeetingOutcome, ProposalKind, ProposalStatus, ReviewStatus,
  Sector,
} from '@dyad/vocabulary';

// Vocabulary owned by the domain alone (keys, actors).

export const API_KEY_ROLES = ['VIEWER', 'ANALYST', 'ADMIN'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export const ACTOR_KINDS = ['PERSON', 'ORGANIZATION'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
