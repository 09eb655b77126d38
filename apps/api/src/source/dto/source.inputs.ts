import { Field, InputType, Int } from '@nestjs/graphql';
import type { SourceKind, SourceState } from '@dyad/domain';
import { SourceKindEnum, SourceStateEnum } from '../../graphql/enums.js';

@InputType({ description: 'A source to watch.' })
export class AddSourceInput {
  @Field(() => SourceKindEnum)
  kind: SourceKind;

  @Field({ description: 'The feed or JSON Lines URL (http or https), or for FOLDER an absolute folder path on the server.' })
  location: string;

  @Field({ description: 'Who publishes it (IRNA, Tehran Times…): stored as every item\'s publisher.' })
  publisher: string;

  @Field(() => String, { nullable: true, description: 'fa, en or ru for items that do not say; else detected per item.' })
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO alpha-2 of the publisher ("our country") for items that do not say.' })
  publisherCountry?: string | null;

  @Field(() => Int, { nullable: true, description: 'Minutes between polls, 1 to 10080; default 60.' })
  pollIntervalMinutes?: number | null;
}

@InputType({ description: 'Only the fields given change; null clears language or publisherCountry.' })
export class UpdateSourceInput {
  @Field(() => String, { nullable: true, description: 'A new URL (or folder): its ETag and Last-Modified are forgotten.' })
  location?: string | null;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => String, { nullable: true })
  language?: string | null;

  @Field(() => String, { nullable: true })
  publisherCountry?: string | null;

  @Field(() => Int, { nullable: true })
  pollIntervalMinutes?: number | null;
}

@InputType()
export class SourceFilterInput {
  @Field(() => [SourceStateEnum], { nullable: true })
  states?: SourceState[] | null;

  @Field(() => [SourceKindEnum], { nullable: true })
  kinds?: SourceKind[] | null;
}
