import { Field, InputType } from '@nestjs/graphql';
import type { FollowUpHorizon, FollowUpStatus } from '@dyad/domain';
import { FollowUpHorizonEnum, FollowUpStatusEnum } from '../../graphql/enums.js';

@InputType({ description: 'Only the fields given change; dueDate: null clears it.' })
export class UpdateFollowUpInput {
  @Field(() => FollowUpStatusEnum, { nullable: true })
  status?: FollowUpStatus | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => FollowUpHorizonEnum, { nullable: true })
  horizon?: FollowUpHorizon | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  dueDate?: string | null;

  @Field(() => [String], { nullable: true })
  owners?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Why, kept in the history with a status change.' })
  note?: string | null;
}
