// The contract vocabulary (the design's "Vocabulary" section). Every layer (extraction, entities, GraphQL
// enums, the CLI and the dashboard) reads these arrays, so a value is spelled once.

export const EVENT_TYPES = ['MEETING', 'VISIT', 'CALL', 'SIGNING', 'STATEMENT'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** HELD: it happened; SCHEDULED: announced, not yet happened; CANCELLED: called off or postponed with no new date. */
export const EVENT_STATUSES = ['HELD', 'SCHEDULED', 'CANCELLED'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const DATE_SOURCES = ['TEXT', 'RELATIVE', 'PUBLISHED'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

export const PROPOSAL_KINDS = ['MOU', 'AGREEMENT', 'JOINT_PROJECT', 'EVENT', 'EXCHANGE', 'TRAINING', 'VISIT', 'OTHER'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** The lifecycle, in order. */
export const PROPOSAL_LIFECYCLE = ['PROPOSED', 'AGREED', 'NEGOTIATING', 'SIGNED', 'IMPLEMENTING', 'COMPLETED'] as const;
/** The side states a proposal can move into from any step. */
export const PROPOSAL_SIDE_STATES = ['STALLED', 'WITHDRAWN'] as const;

/** Lifecycle order first, then the side states. */
export const PROPOSAL_STATUSES = [...PROPOSAL_LIFECYCLE, ...PROPOSAL_SIDE_STATES] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const FOLLOW_UP_HORIZONS = ['IMMEDIATE', 'NEAR_TERM', 'LONG_TERM', 'UNSPECIFIED'] as const;
export type FollowUpHorizon = (typeof FOLLOW_UP_HORIZONS)[number];

export const FOLLOW_UP_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const SECTORS = [
  'AGRICULTURE', 'CINEMA', 'CULTURE', 'DEFENSE', 'DIPLOMACY', 'EDUCATION', 'ENERGY', 'FINANCE', 'HEALTH',
  'INDUSTRY', 'MEDIA', 'SCIENCE', 'SECURITY', 'SPORT', 'TECHNOLOGY', 'TOURISM', 'TRADE', 'TRANSPORT', 'WATER',
  'OTHER',
] as const;
export type Sector = (typeof SECTORS)[number];

export const LANGUAGES = ['fa', 'en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** An analyst's review of an extracted meeting. */
export const REVIEW_STATUSES = ['EXTRACTED', 'CONFIRMED', 'REJECTED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What an analyst logs as a meeting's outcome. */
export const MEETING_OUTCOMES = ['AGREEMENT_REACHED', 'PROGRESS', 'NO_RESULT', 'POSTPONED'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

/** Narrows an unknown value to a member of one of the vocabularies above. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
