import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ApiKey } from '@dyad/domain';
import { ApiKeyRoleEnum } from '../graphql/enums.js';


@ObjectType('ApiKey')
export class ApiKeyModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The first characters of the key, to tell keys apart.' })
  prefix: string;

  @Field(() => ApiKeyRoleEnum)
  role: string;

  @Field()
  label: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyModel {
  @Field({ description: 'The key itself, shown this once only.' })
  key: string;

  @Field(() => ApiKeyModel)
  apiKey: ApiKeyModel;
}

export function mapApiKey(apiKey: ApiKey): ApiKeyModel {
  return {
    id: apiKey.id,
    prefix: apiKey.prefix,
    role: apiKey.role,
    label: apiKey.label,
    createdAt: apiKey.createdAt,
    lastUsedAt: apiKey.lastUsedAt,
    revokedAt: apiKey.revokedAt,
  };
}
