import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ACTOR_KINDS, type Actor, type ActorKind, type ActorTitle } from '@dyad/domain';
import { Connection } from '../graphql/connection.js';
import { enumObject } from '../graphql/enums.js';

export const ActorKindEnum = enumObject(ACTOR_KINDS);
registerEnumType(ActorKindEnum, { name: 'ActorKind' });

@ObjectType('Actor', {
  description:
    'A person who takes part in meetings, one across reports in any language: «طالبی‌متین», Talebi-Matin and ' +
    'Талеби-Матин are one actor. Analysts fix what matching got wrong with mergeActors and splitActor.',
})
export class ActorModel {
  @Field(() => ID)
  id: string;

  @Field(() => ActorKindEnum)
  kind: ActorKind;

  @Field({ description: 'The name as first (or most fully) reported.' })
  name: string;

  @Field(() => [String], { description: 'Other spellings and scripts it was reported under.' })
  aliases: string[];

  @Field(() => Int, { description: 'Pass it back as expectedVersion to mergeActors or splitActor.' })
  version: number;

  countryCode: string | null;
}

export const ActorConnection = Connection(ActorModel, 'Actor');

@ObjectType('ActorTitle', { description: 'A title an actor was reported with, and the meetings it was seen at.' })
export class ActorTitleModel {
  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  organization: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD of the first dated meeting with this title.' })
  firstSeen: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD of the last dated meeting with this title.' })
  lastSeen: string | null;

  @Field(() => Int)
  meetings: number;
}

@ObjectType('ActorCountry', { description: 'A country party to an actor’s meetings, and how many of them.' })
export class ActorCountryModel {
  countryCode: string;

  @Field(() => Int)
  meetings: number;
}

export const mapActor = (actor: Actor): ActorModel => ({
  id: actor.id,
  kind: actor.kind,
  name: actor.name,
  aliases: actor.aliases,
  version: actor.version,
  countryCode: actor.countryCode,
});

export const mapActorTitle = (title: ActorTitle): ActorTitleModel => ({ ...title });
