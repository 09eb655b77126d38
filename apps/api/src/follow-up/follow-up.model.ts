import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { isOverdue, todayInTehran, type FollowUpAction, type FollowUpHorizon, type FollowUpStatus, type FollowUpStatusChange } from '@dyad/domain';
import { Connection } from '../graphql/connection.js';
import { FollowUpHorizonEnum, FollowUpStatusEnum } from '../graphql/enums.js';

@ObjectType('FollowUpStatusChange')
export class FollowUpStatusChangeModel {
  @Field(() => ID)
  id: string;

  @Field(() => FollowUpStatusEnum)
  status: FollowUpStatus;

  @Field(() => String, {
    nullable: true,
    description: 'When the status took effect (YYYY-MM-DD); null when the report that said it had no date.',
  })
  date: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  byAnalyst: boolean;

  newsItemId: string | null;
  meetingId: string | null;
}

@ObjectType('FollowUp', { description: 'A concrete next step agreed at a meeting, tracked until done.' })
export class FollowUpModel {
  @Field(() => ID)
  id: string;

  @Field()
  description: string;

  @Field(() => FollowUpHorizonEnum)
  horizon: FollowUpHorizon;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  dueDate: string | null;

  @Field({ description: 'True when the due date was estimated from the horizon, not stated.' })
  dueDateEstimated: boolean;

  @Field(() => FollowUpStatusEnum)
  status: FollowUpStatus;

  @Field({ description: 'The due date has passed and it is not DONE or CANCELLED (today in Tehran).' })
  overdue: boolean;

  @Field(() => Int, { description: 'Pass it back as expectedVersion when editing.' })
  version: number;

  meetingId: string | null;
  proposalId: string | null;
}

export const FollowUpConnection = Connection(FollowUpModel, 'FollowUp');

@ObjectType('FollowUpStatusEvent', { description: "A follow-up's status changed, once committed." })
export class FollowUpStatusEventModel {
  @Field(() => FollowUpStatusEnum)
  from: FollowUpStatus;

  @Field(() => FollowUpStatusEnum)
  to: FollowUpStatus;

  @Field(() => FollowUpModel)
  followUp: FollowUpModel;
}

export const mapFollowUp = (followUp: FollowUpAction): FollowUpModel => ({
  id: followUp.id,
  description: followUp.description,
  horizon: followUp.horizon,
  dueDate: followUp.dueDate,
  dueDateEstimated: followUp.dueDateEstimated,
  status: followUp.status,
  overdue: isOverdue(followUp, todayInTehran()),
  version: followUp.version,
  meetingId: followUp.meetingId,
  proposalId: followUp.proposalId,
});

export const mapFollowUpStatusChange = (change: FollowUpStatusChange): FollowUpStatusChangeModel => ({
  id: change.id,
  status: change.status,
  date: change.effectiveDate,
  note: change.note,
  byAnalyst: change.apiKeyId !== null,
  newsItemId: change.newsItemId,
  meetingId: change.meetingId,
});
