import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { ExtractionResult } from '@dyad/extraction';
import {
  DateSourceEnum, EventTypeEnum, FollowUpHorizonEnum, MeetingStatusEnum, ProposalKindEnum, ProposalStatusEnum, SectorEnum,
} from '../graphql/enums.js';

// What `dyad extract --json` prints, as GraphQL types, for the dashboard's ingest preview.

@ObjectType('Span')
class SpanModel {
  @Field(() => Int) start: number;
  @Field(() => Int) end: number;
  @Field() text: string;
}

@ObjectType('ExtractedParticipant')
class ExtractedParticipantModel {
  @Field() name: string;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field(() => String, { nullable: true }) organization: string | null;
  @Field(() => String, { nullable: true }) country: string | null;
}

@ObjectType('ExtractedProposal')
class ExtractedProposalModel {
  @Field(() => ProposalKindEnum) kind: string;
  @Field(() => ProposalStatusEnum) status: string;
  @Field() description: string;
  @Field(() => [SpanModel]) evidence: SpanModel[];
}

@ObjectType('ExtractedFollowUp')
class ExtractedFollowUpModel {
  @Field() description: string;
  @Field(() => [String]) owners: string[];
  @Field(() => FollowUpHorizonEnum) horizon: string;
  @Field(() => String, { nullable: true }) dueDate: string | null;
  @Field(() => [SpanModel]) evidence: SpanModel[];
}

@ObjectType('ExtractedLocation')
class ExtractedLocationModel {
  @Field() name: string;
  @Field(() => String, { nullable: true }) country: string | null;
}

@ObjectType('ExtractedEvent')
class ExtractedEventModel {
  @Field(() => EventTypeEnum) type: string;
  @Field(() => MeetingStatusEnum) status: string;
  @Field(() => String, { nullable: true, description: 'Null when neither the text nor the item gives a date.' }) date: string | null;
  @Field(() => DateSourceEnum, { nullable: true }) dateSource: string | null;
  @Field(() => [String]) countries: string[];
  @Field(() => ExtractedLocationModel, { nullable: true }) location: ExtractedLocationModel | null;
  @Field(() => [SectorEnum]) sectors: string[];
  @Field(() => [ExtractedParticipantModel]) participants: ExtractedParticipantModel[];
  @Field(() => [ExtractedProposalModel]) proposals: ExtractedProposalModel[];
  @Field(() => [ExtractedFollowUpModel]) followUps: ExtractedFollowUpModel[];
  @Field(() => [SpanModel]) evidence: SpanModel[];
  @Field(() => Float) confidence: number;
}

@ObjectType('ExtractionPreview', { description: 'What ingesting the text would extract; nothing is stored.' })
export class ExtractionPreviewModel {
  @Field() language: string;
  @Field(() => String, { nullable: true }) publishedAt: string | null;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field({ description: 'The text the offsets index into (the article text when html was given).' }) text: string;
  @Field(() => [ExtractedEventModel]) events: ExtractedEventModel[];
}

export const mapExtraction = (result: ExtractionResult, text: string): ExtractionPreviewModel => ({ ...result, text });
