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

// Watched sources: FEED is an RSS, Atom or JSON Feed URL (told apart by content), JSON_LINES a URL of
// JSON Lines records, FOLDER a directory on the server (operator only).
export const SOURCE_KINDS = ['FEED', 'JSON_LINES', 'FOLDER'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_STATES = ['ACTIVE', 'PAUSED'] as const;
export type SourceState = (typeof SOURCE_STATES)[number];

/** What a poll made of one entry: read and waiting to be ingested, a new news item, one known already, or a failure with its reason. */
export const SOURCE_ENTRY_STATUSES = ['PENDING', 'NEW', 'DUPLICATE', 'FAILED'] as const;
export type SourceEntryStatus = (typeof SOURCE_ENTRY_STATUSES)[number];
