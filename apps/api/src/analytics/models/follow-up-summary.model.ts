import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { FollowUpSummary } from '@dyad/analytics';
import type { FollowUpHorizon, FollowUpStatus } from '@dyad/domain';
import { FollowUpHorizonEnum, FollowUpStatusEnum } from '../../graphql/enums.js';

@ObjectType('FollowUpStatusCount')
export class FollowUpStatusCountModel {
  @Field(() => FollowUpStatusEnum)
  status: FollowUpStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType('FollowUpHorizonCount')
export class FollowUpHorizonCountModel {
  @Field(() => FollowUpHorizonEnum)
  horizon: FollowUpHorizon;

  @Field(() => Int)
  count: number;

  @Field(() => Int, { description: 'OPEN or IN_PROGRESS.' })
  open: number;

  @Field(() => Int)
  overdue: number;
}

@ObjectType('FollowUpSummary')
export class FollowUpSummaryModel {
  @Field(() => Int)
  total: number;

  @Field(() => [FollowUpStatusCountModel], { description: 'Every status, zeros included.' })
  byStatus: FollowUpStatusCountModel[];

  @Field(() => Int, { description: 'Due date passed (Tehran time), still OPEN or IN_PROGRESS.' })
  overdue: number;

  @Field(() => Int, { description: 'Still OPEN or IN_PROGRESS, due today or within the next 30 days.' })
  dueNext30Days: number;

  @Field(() => [FollowUpHorizonCountModel], { description: 'Every horizon, zeros included.' })
  byHorizon: FollowUpHorizonCountModel[];
}

export const mapFollowUpSummary = (summary: FollowUpSummary): FollowUpSummaryModel => ({
  total: summary.total,
  byStatus: summary.byStatus.map((count) => ({ ...count })),
  overdue: summary.overdue,
  dueNext30Days: summary.dueNext30Days,
  byHorizon: summary.byHorizon.map((count) => ({ ...count })),
});
