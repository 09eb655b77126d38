import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { API_KEY_ROLES, type ApiKey } from '@dyad/domain';
import { enumObject } from '../graphql/enums.js';

export const ApiKeyRoleEnum = enumObject(API_KEY_ROLES);
registerEnumType(ApiKeyRoleEnum, {
  name: 'ApiKeyRole',
  description: 'VIEWER reads, ANALYST also writes, ADMIN also manages keys and reads the audit log.',
});

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
