import { Field, InputType } from '@nestjs/graphql';
import type {
  EventStatus, EventType, FollowUpHorizon, FollowUpStatus, ProposalKind, ProposalStatus, ReviewStatus, Sector,
} from '@dyad/domain';
import {
  EventTypeEnum, FollowUpHorizonEnum, MeetingStatusEnum, FollowUpStatusEnum, ProposalKindEnum, ProposalStatusEnum, ReviewStatusEnum,
  SectorEnum,
} from './enums.js';

@InputType({ description: 'Narrows lists and charts; every field is optional and they combine with AND.' })
export class CooperationFilterInput {
  @Field(() => [String], { nullable: true, description: 'ISO alpha-2 codes, e.g. ["IR","KZ"]; every one must be a party.' })
  countries?: string[] | null;

  @Field(() => [SectorEnum], { nullable: true, description: 'Any of these sectors.' })
  sectors?: Sector[] | null;

  @Field(() => String, { nullable: true, description: 'From this date (YYYY-MM-DD), inclusive.' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to this date (YYYY-MM-DD), inclusive.' })
  to?: string | null;

  @Field(() => String, { nullable: true, description: 'Words to find; ZWNJ-, letter-variant- and case-insensitive.' })
  text?: string | null;
}

@InputType()
export class MeetingFilterInput extends CooperationFilterInput {
  @Field(() => [EventTypeEnum], { nullable: true })
  types?: EventType[] | null;

  @Field(() => [MeetingStatusEnum], {
    nullable: true,
    description: 'Any of these statuses. The charts count HELD meetings unless this asks for others.',
  })
  statuses?: EventStatus[] | null;

  @Field(() => [ReviewStatusEnum], { nullable: true })
  reviewStatuses?: ReviewStatus[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only upcoming meetings (SCHEDULED, dated today in Tehran or later, or undated), listed soonest first; false: all the others.',
  })
  upcoming?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only meetings with no known date; false: only dated ones.' })
  undated?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Reported by any of these publishers (exact names, at most 10).' })
  publishers?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Reported in any of these languages: fa, en, ru.' })
  languages?: string[] | null;
}

@InputType()
export class ProposalFilterInput extends CooperationFilterInput {
  @Field(() => [ProposalKindEnum], { nullable: true })
  kinds?: ProposalKind[] | null;

  @Field(() => [ProposalStatusEnum], { nullable: true })
  statuses?: ProposalStatus[] | null;
}

@InputType()
export class FollowUpFilterInput extends CooperationFilterInput {
  @Field(() => [FollowUpStatusEnum], { nullable: true })
  statuses?: FollowUpStatus[] | null;

  @Field(() => [FollowUpHorizonEnum], { nullable: true })
  horizons?: FollowUpHorizon[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only overdue (due date passed, not done); false: only the others.' })
  overdue?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'ISO alpha-2 codes; every one must own the follow-up.' })
  owners?: string[] | null;
}
