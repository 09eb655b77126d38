import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { ProposalFunnel } from '@dyad/analytics';
import type { ProposalStatus } from '@dyad/domain';
import { ProposalStatusEnum } from '../../graphql/enums.js';

@ObjectType('ProposalStatusCount')
export class ProposalStatusCountModel {
  @Field(() => ProposalStatusEnum)
  status: ProposalStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType('ProposalFunnelStep')
export class ProposalFunnelStepModel {
  @Field(() => ProposalStatusEnum)
  status: ProposalStatus;

  @Field(() => Int, {
    description: 'Proposals that ever reached this step or a later one (from their status history; steps may be skipped).',
  })
  reached: number;
}

@ObjectType('ProposalFunnel')
export class ProposalFunnelModel {
  @Field(() => Int)
  total: number;

  @Field(() => [ProposalStatusCountModel], {
    description: 'Proposals by current status: all eight, in lifecycle order then STALLED and WITHDRAWN, zeros included.',
  })
  byStatus: ProposalStatusCountModel[];

  @Field(() => [ProposalFunnelStepModel], { description: 'The six lifecycle steps PROPOSED → COMPLETED, in order.' })
  steps: ProposalFunnelStepModel[];
}

export const mapProposalFunnel = (funnel: ProposalFunnel): ProposalFunnelModel => ({
  total: funnel.total,
  byStatus: funnel.byStatus.map((count) => ({ ...count })),
  steps: funnel.steps.map((step) => ({ ...step })),
});
