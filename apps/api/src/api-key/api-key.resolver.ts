import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiKeyService, type ApiKeyRole, type RequestContext } from '@dyad/domain';
import { Allow } from '../auth/allow.decorator.js';
import { Ctx } from '../auth/graphql-context.js';
import { ApiKeyRoleEnum } from '../graphql/enums.js';
import { ApiKeyModel, CreatedApiKeyModel, mapApiKey } from './api-key.model.js';

@Resolver(() => ApiKeyModel)
@Allow('ADMIN')
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyService) {}

  @Query(() => [ApiKeyModel], { description: 'All API keys, revoked ones included (ADMIN).' })
  async apiKeys(@Ctx() ctx: RequestContext): Promise<ApiKeyModel[]> {
    return (await this.keys.list(ctx)).map(mapApiKey);
  }

  @Mutation(() => CreatedApiKeyModel, { description: 'Creates a key; the response is the only place it appears (ADMIN).' })
  async createApiKey(
    @Ctx() ctx: RequestContext,
    @Args('role', { type: () => ApiKeyRoleEnum }) role: ApiKeyRole,
    @Args('label') label: string,
  ): Promise<CreatedApiKeyModel> {
    const { key, apiKey } = await this.keys.create(ctx, role, label);
    return { key, apiKey: mapApiKey(apiKey) };
  }

  @Mutation(() => ApiKeyModel, { description: 'Revokes a key at once (ADMIN).' })
  async revokeApiKey(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ApiKeyModel> {
    return mapApiKey(await this.keys.revoke(ctx, id));
  }
}
