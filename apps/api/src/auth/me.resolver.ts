import { Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { ApiKeyRole, RequestContext } from '@dyad/domain';
import { ApiKeyRoleEnum } from '../graphql/enums.js';
import { Ctx } from './graphql-context.js';

@ObjectType('Caller', { description: 'The key a request was made with.' })
export class CallerModel {
  @Field(() => ID)
  keyId: string;

  @Field(() => ApiKeyRoleEnum)
  role: ApiKeyRole;
}

// Lets a client (the dashboard) learn its role, to hide the actions the key may not take.
@Resolver()
export class MeResolver {
  @Query(() => CallerModel, { description: "The caller's key and role (any valid key)." })
  me(@Ctx() ctx: RequestContext): CallerModel {
    return { keyId: ctx.caller!.keyId, role: ctx.caller!.role };
  }
}
