import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { PageArgs } from '../../graphql/connection.js';

@ArgsType()
export class ActorsArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Any spelling in any script ("Talebi", «طالبی», «Талеби»): names, aliases and the cross-script key.',
  })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO alpha-2: only actors of this country.' })
  country?: string | null;
}

@InputType({ description: 'Some of an actor’s participations are another person: they move to a new actor.' })
export class SplitActorInput {
  @Field(() => Int)
  expectedVersion: number;

  @Field(() => [ID], { description: 'Participant ids (from Meeting.participants or Actor.participations) to move, 1 to 100.' })
  participantIds: string[];

  @Field(() => String, { nullable: true, description: 'The other person’s name; default: the name the first of them was reported under.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO alpha-2; default: this actor’s country.' })
  country?: string | null;
}
