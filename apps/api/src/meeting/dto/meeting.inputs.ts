import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { EventStatus, EventType, FollowUpHorizon, MeetingOutcome, ProposalStatus, Sector } from '@dyad/domain';
import { EventTypeEnum, FollowUpHorizonEnum, MeetingOutcomeEnum, MeetingStatusEnum, ProposalStatusEnum, SectorEnum } from '../../graphql/enums.js';

@InputType()
export class CreateMeetingInput {
  @Field(() => EventTypeEnum)
  type: EventType;

  @Field(() => MeetingStatusEnum, { defaultValue: 'HELD', description: 'SCHEDULED for a meeting announced or planned.' })
  status: EventStatus;

  @Field(() => [String], { description: 'ISO alpha-2 codes of the parties, at least two.' })
  countries: string[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: held on, or planned for.' })
  date?: string | null;

  @Field(() => String, { nullable: true })
  locationName?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO alpha-2.' })
  locationCountry?: string | null;

  @Field(() => [SectorEnum], { nullable: true })
  sectors?: Sector[] | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;
}

@InputType({ description: 'Only the fields given change; null clears a nullable field.' })
export class UpdateMeetingInput {
  @Field(() => EventTypeEnum, { nullable: true })
  type?: EventType | null;

  @Field(() => MeetingStatusEnum, {
    nullable: true,
    description: "Overrides what the reports published until today say; a report published later is weighed against it.",
  })
  status?: EventStatus | null;

  @Field(() => [String], { nullable: true })
  countries?: string[] | null;

  @Field(() => String, { nullable: true })
  date?: string | null;

  @Field(() => String, { nullable: true })
  locationName?: string | null;

  @Field(() => String, { nullable: true })
  locationCountry?: string | null;

  @Field(() => [SectorEnum], { nullable: true })
  sectors?: Sector[] | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;
}

@InputType()
export class NewFollowUpInput {
  @Field()
  description: string;

  @Field(() => [String], { description: 'ISO alpha-2 codes of the countries that owe it.' })
  owners: string[];

  @Field(() => FollowUpHorizonEnum, { defaultValue: 'UNSPECIFIED' })
  horizon: FollowUpHorizon;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; else estimated from the horizon.' })
  dueDate?: string | null;
}

@InputType()
export class ProposalStatusUpdateInput {
  @Field(() => ID)
  proposalId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => ProposalStatusEnum)
  status: ProposalStatus;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; today by default.' })
  effectiveDate?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for a transition the lifecycle rules refuse.' })
  overrideReason?: string | null;
}

@InputType()
export class LogMeetingOutcomeInput {
  @Field(() => Int)
  expectedVersion: number;

  @Field(() => MeetingOutcomeEnum)
  outcome: MeetingOutcome;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => [NewFollowUpInput], { nullable: true })
  followUps?: NewFollowUpInput[] | null;

  @Field(() => [ProposalStatusUpdateInput], { nullable: true })
  proposalUpdates?: ProposalStatusUpdateInput[] | null;
}
