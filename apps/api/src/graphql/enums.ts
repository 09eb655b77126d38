import { registerEnumType } from '@nestjs/graphql';
import { API_KEY_ROLES, SOURCE_KINDS, SOURCE_STATES } from '@dyad/domain';
import {
  DATE_SOURCES, EVENT_STATUSES, EVENT_TYPES, FOLLOW_UP_HORIZONS, FOLLOW_UP_STATUSES, MEETING_OUTCOMES, PROPOSAL_KINDS, PROPOSAL_STATUSES,
  REVIEW_STATUSES, SECTORS,
} from '@dyad/vocabulary';

/** A `{ VALUE: 'VALUE' }` object from a vocabulary array, as registerEnumType wants. */
export function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

// The GraphQL enums are the contract vocabulary, spelled once in @dyad/vocabulary.
export const EventTypeEnum = enumObject(EVENT_TYPES);
export const MeetingStatusEnum = enumObject(EVENT_STATUSES);
export const DateSourceEnum = enumObject(DATE_SOURCES);
export const ProposalKindEnum = enumObject(PROPOSAL_KINDS);
export const ProposalStatusEnum = enumObject(PROPOSAL_STATUSES);
export const FollowUpHorizonEnum = enumObject(FOLLOW_UP_HORIZONS);
export const FollowUpStatusEnum = enumObject(FOLLOW_UP_STATUSES);
export const SectorEnum = enumObject(SECTORS);
export const ReviewStatusEnum = enumObject(REVIEW_STATUSES);
export const MeetingOutcomeEnum = enumObject(MEETING_OUTCOMES);
export const ApiKeyRoleEnum = enumObject(API_KEY_ROLES);
export const GranularityEnum = enumObject(['MONTH', 'QUARTER', 'YEAR'] as const);
export type Granularity = keyof typeof GranularityEnum;

registerEnumType(EventTypeEnum, {
  name: 'EventType',
  description: 'MEETING talks or a joint commission; VISIT an official visit is the main fact; CALL phone or video; SIGNING a signing is the main fact; STATEMENT a report on the state of cooperation with no meeting.',
});
registerEnumType(MeetingStatusEnum, {
  name: 'MeetingStatus',
  description:
    'HELD it took place; SCHEDULED announced or planned, not yet held; CANCELLED called off, or postponed with no new date. ' +
    'Derived from every report of the meeting: any report that it was held makes it HELD; otherwise the report published last ' +
    'decides (on the same day CANCELLED over SCHEDULED; an undated report counts as the earliest). An analyst\'s status ' +
    'overrides the reports published until the day it was set.',
});
registerEnumType(DateSourceEnum, { name: 'DateSource', description: 'TEXT a date in the body; RELATIVE resolved against publication ("yesterday"); PUBLISHED the publication date.' });
registerEnumType(ProposalKindEnum, { name: 'ProposalKind' });
registerEnumType(ProposalStatusEnum, {
  name: 'ProposalStatus',
  description: 'Lifecycle order PROPOSED → AGREED → NEGOTIATING → SIGNED → IMPLEMENTING → COMPLETED; side states STALLED and WITHDRAWN.',
});
registerEnumType(FollowUpHorizonEnum, { name: 'FollowUpHorizon', description: 'IMMEDIATE days; NEAR_TERM up to ~6 months; LONG_TERM next year or later; UNSPECIFIED.' });
registerEnumType(FollowUpStatusEnum, { name: 'FollowUpStatus' });
registerEnumType(SectorEnum, { name: 'Sector' });
registerEnumType(ReviewStatusEnum, { name: 'ReviewStatus', description: 'EXTRACTED by Dyad, then CONFIRMED or REJECTED by an analyst.' });
registerEnumType(MeetingOutcomeEnum, { name: 'MeetingOutcome' });
registerEnumType(ApiKeyRoleEnum, {
  name: 'ApiKeyRole',
  description: 'VIEWER reads, ANALYST also writes, ADMIN also manages keys and reads the audit log.',
});
registerEnumType(GranularityEnum, { name: 'Granularity' });

export const SourceKindEnum = enumObject(SOURCE_KINDS);
export const SourceStateEnum = enumObject(SOURCE_STATES);
export const SourceHealthEnum = enumObject(['NEW', 'OK', 'FAILING', 'PAUSED'] as const);
export type SourceHealth = keyof typeof SourceHealthEnum;
registerEnumType(SourceKindEnum, {
  name: 'SourceKind',
  description: 'FEED an RSS, Atom or JSON Feed URL (told apart by content); JSON_LINES a URL of JSON Lines news items; FOLDER a folder on the server (ADMIN, under DYAD_SOURCE_FOLDERS).',
});
registerEnumType(SourceStateEnum, { name: 'SourceState', description: 'ACTIVE polled on its interval; PAUSED polled only when asked (pollSource).' });
registerEnumType(SourceHealthEnum, {
  name: 'SourceHealth',
  description: 'NEW never polled; OK its last poll worked; FAILING its last poll failed (see lastPoll.error; it is retried with backoff); PAUSED paused.',
});
