import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Proposal, ProposalKind, ProposalStatus, ProposalStatusChange, Sector } from '@dyad/domain';
import { Connection } from '../graphql/connection.js';
import { ProposalKindEnum, ProposalStatusEnum, SectorEnum } from '../graphql/enums.js';

@ObjectType('ProposalStatusChange', { description: 'One step of a proposal’s history.' })
export class ProposalStatusChangeModel {
  @Field(() => ID)
  id: string;

  @Field(() => ProposalStatusEnum)
  status: ProposalStatus;

  @Field(() => String, {
    nullable: true,
    description: 'When the status took effect (YYYY-MM-DD); null when the report that said it had no date.',
  })
  date: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'Why an analyst made a change the lifecycle rules refuse.' })
  overrideReason: string | null;

  @Field({ description: 'True when an analyst made the change, false when a report showed it.' })
  byAnalyst: boolean;

  newsItemId: string | null;
  meetingId: string | null;
  proposalId: string;
}

@ObjectType('Proposal', { description: 'An MoU, agreement, joint project, event, exchange… tracked through its lifecycle.' })
export class ProposalModel {
  @Field(() => ID)
  id: string;

  @Field(() => ProposalKindEnum)
  kind: ProposalKind;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [SectorEnum])
  sectors: Sector[];

  @Field(() => ProposalStatusEnum, { description: 'The latest status by effective date.' })
  status: ProposalStatus;

  @Field(() => String, { nullable: true, description: 'When the current status took effect.' })
  statusDate: string | null;

  @Field(() => Int, { description: 'Pass it back as expectedVersion when editing.' })
  version: number;

  originMeetingId: string | null;
}

export const ProposalConnection = Connection(ProposalModel, 'Proposal');

export const mapProposal = (proposal: Proposal): ProposalModel => ({
  id: proposal.id,
  kind: proposal.kind,
  title: proposal.title,
  description: proposal.description,
  sectors: proposal.sectors,
  status: proposal.status,
  statusDate: proposal.statusDate,
  version: proposal.version,
  originMeetingId: proposal.originMeetingId,
});

export const mapProposalStatusChange = (change: ProposalStatusChange): ProposalStatusChangeModel => ({
  id: change.id,
  status: change.status,
  date: change.effectiveDate,
  note: change.note,
  overrideReason: change.overrideReason,
  byAnalyst: change.apiKeyId !== null,
  newsItemId: change.newsItemId,
  meetingId: change.meetingId,
  proposalId: change.proposalId,
});
