import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Actor, DateSource, EventStatus, EventType, Meeting, MeetingOutcome, MeetingParticipant, ReviewStatus, Sector } from '@dyad/domain';
import { Connection } from '../graphql/connection.js';
import { DateSourceEnum, EventTypeEnum, MeetingOutcomeEnum, MeetingStatusEnum, ReviewStatusEnum, SectorEnum } from '../graphql/enums.js';

@ObjectType('Location')
export class LocationModel {
  @Field(() => String, { nullable: true, description: 'City or venue as reported.' })
  name: string | null;

  countryCode: string | null;
}

@ObjectType('Participant')
export class ParticipantModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The person, the same across meetings.' })
  actorId: string;

  @Field(() => ID)
  meetingId: string;

  @Field({ description: 'The actor’s name (one spelling across reports).' })
  name: string;

  @Field({ description: 'The name as the report that added this participant spelled it.' })
  reportedName: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  organization: string | null;

  @Field(() => String, { nullable: true })
  role: string | null;

  countryCode: string | null;

  actor: Actor;
}

@ObjectType('Meeting', { description: 'A meeting, visit, call or signing between two or more countries.' })
export class MeetingModel {
  @Field(() => ID)
  id: string;

  @Field(() => EventTypeEnum)
  type: EventType;

  @Field(() => MeetingStatusEnum)
  status: EventStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD: the day it was held, or until then the day it is planned for. Null when no report gave a date and ' +
      'none was published with one (never the day it was ingested); such meetings are in no per-period chart.',
  })
  date: string | null;

  @Field(() => DateSourceEnum, { nullable: true, description: 'Null with the date.' })
  dateSource: DateSource | null;

  @Field(() => LocationModel, { nullable: true })
  location: LocationModel | null;

  @Field(() => [SectorEnum])
  sectors: Sector[];

  @Field(() => String, { nullable: true })
  summary: string | null;

  @Field(() => MeetingOutcomeEnum, { nullable: true, description: 'Logged by an analyst.' })
  outcome: MeetingOutcome | null;

  @Field(() => String, { nullable: true })
  outcomeNotes: string | null;

  @Field(() => ReviewStatusEnum)
  reviewStatus: ReviewStatus;

  @Field(() => Float, { nullable: true, description: 'The extractor’s confidence, 0 to 1.' })
  confidence: number | null;

  @Field(() => Int, { description: 'Pass it back as expectedVersion when editing.' })
  version: number;

  /** The parties' codes when the list read them with the row (then `countries` needs no party lookup). */
  partyCodes?: string[];

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

export const MeetingConnection = Connection(MeetingModel, 'Meeting');

@ObjectType('MeetingChange', { description: 'A meeting created or changed (a status, a date, a new source, an edit), once committed.' })
export class MeetingChangeModel {
  @Field({ description: 'True when the meeting is new, false when a known one changed.' })
  created: boolean;

  @Field(() => MeetingModel)
  meeting: MeetingModel;
}

export const mapMeeting = (meeting: Meeting): MeetingModel => ({
  id: meeting.id,
  type: meeting.type,
  status: meeting.status,
  date: meeting.date,
  dateSource: meeting.dateSource,
  location:
    meeting.locationName || meeting.locationCountryCode
      ? { name: meeting.locationName, countryCode: meeting.locationCountryCode }
      : null,
  sectors: meeting.sectors,
  summary: meeting.summary,
  outcome: meeting.outcome,
  outcomeNotes: meeting.outcomeNotes,
  reviewStatus: meeting.reviewStatus,
  confidence: meeting.confidence,
  version: meeting.version,
  createdAt: meeting.createdAt,
  updatedAt: meeting.updatedAt,
  partyCodes: meeting.partyCodes?.map((code) => code.trim()),
});

export const mapParticipant = (participant: MeetingParticipant): ParticipantModel => ({
  id: participant.id,
  actorId: participant.actorId,
  meetingId: participant.meetingId,
  name: participant.actor.name,
  reportedName: participant.name || participant.actor.name,
  title: participant.title,
  organization: participant.organization,
  role: participant.role,
  countryCode: participant.actor.countryCode,
  actor: participant.actor,
});
