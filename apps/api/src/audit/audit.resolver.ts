import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AuditService, DomainError, type RequestContext } from '@dyad/domain';
import { Allow } from '../auth/allow.decorator.js';
import { Ctx } from '../auth/graphql-context.js';
import GraphQLJSON from './json.scalar.js';

@ObjectType('AuditEntry', { description: 'One change made through the API or by ingestion.' })
class AuditEntryModel {
  @Field(() => ID) id: string;
  @Field() action: string;
  @Field() entityType: string;
  @Field(() => String, { nullable: true }) entityId: string | null;
  @Field(() => ID, { nullable: true, description: 'The API key that made it; null for the system.' }) apiKeyId: string | null;
  @Field(() => GraphQLJSON, { nullable: true }) before: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after: unknown;
  @Field() at: Date;
}

@ObjectType('AuditLog')
class AuditLogModel {
  @Field(() => Int) totalCount: number;
  @Field(() => [AuditEntryModel]) nodes: AuditEntryModel[];
}

@Resolver()
@Allow('ADMIN')
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditLogModel, { description: 'The audit log, newest first (ADMIN).' })
  async auditLog(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, defaultValue: 50, description: '1 to 200.' }) first: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<AuditLogModel> {
    if (first < 1 || first > 200) throw DomainError.invalid('first must be from 1 to 200', { field: 'first' });
    if (offset < 0) throw DomainError.invalid('offset must not be negative', { field: 'offset' });
    const [entries, totalCount] = await this.audit.list(ctx, { limit: first, offset });
    return { totalCount, nodes: entries };
  }
}
