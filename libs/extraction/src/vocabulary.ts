// The contract vocabulary of ../shared/DESIGN.md. Every other layer (entities, GraphQL enums, CLI) reads
// these arrays, so a value is spelled once.

export const EVENT_TYPES = ['MEETING', 'VISIT', 'CALL', 'SIGNING', 'STATEMENT'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** HELD: it happened; SCHEDULED: announced, not yet happened; CANCELLED: called off or postponed with no new date. */
export const EVENT_STATUSES = ['HELD', 'SCHEDULED', 'CANCELLED'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const DATE_SOURCES = ['TEXT', 'RELATIVE', 'PUBLISHED'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

export const PROPOSAL_KINDS = ['MOU', 'AGREEMENT', 'JOINT_PROJECT', 'EVENT', 'EXCHANGE', 'TRAINING', 'VISIT', 'OTHER'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** Lifecycle order first, then the side states. */
export const PROPOSAL_STATUSES = [
  'PROPOSED',
  'AGREED',
  'NEGOTIATING',
  'SIGNED',
  'IMPLEMENTING',
  'COMPLETED',
  'STALLED',
  'WITHDRAWN',
] as const;
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

/** Narrows an unknown string to a member of one of the vocabularies above. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
