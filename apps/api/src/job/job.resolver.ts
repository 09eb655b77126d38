import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AuditService, DomainError, type RequestContext } from '@dyad/domain';
import { type FailedJob, JobQueue } from '@dyad/ingestion';
import { DataSource } from 'typeorm';
import { Allow } from '../auth/allow.decorator.js';
import { Ctx } from '../auth/graphql-context.js';
import GraphQLJSON from '../audit/json.scalar.js';

@ObjectType('FailedJob', { description: 'A job that failed on its last try; retryJob runs it again.' })
export class FailedJobModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'dyad_poll_source or dyad_ingest_entries.' })
  task: string;

  @Field(() => GraphQLJSON, { description: 'What it was to do: the source id, and the entry keys for an ingestion job.' })
  payload: unknown;

  @Field(() => Int)
  attempts: number;

  @Field(() => Int)
  maxAttempts: number;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field()
  createdAt: Date;

  @Field({ description: 'When it last failed.' })
  updatedAt: Date;
}

const mapFailedJob = (job: FailedJob): FailedJobModel => ({ ...job });

@Resolver()
@Allow('ADMIN')
export class JobResolver {
  constructor(
    private readonly queue: JobQueue,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  @Query(() => [FailedJobModel], { description: 'Jobs that used up their tries, newest first, with their last error (ADMIN).' })
  async failedJobs(
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100.' }) first: number,
  ): Promise<FailedJobModel[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw DomainError.invalid('first must be from 1 to 100', { field: 'first' });
    return (await this.queue.failedJobs(this.dataSource, first)).map(mapFailedJob);
  }

  @Mutation(() => ID, { description: 'Runs a failed job again now, with a fresh set of tries (ADMIN). Answers its id.' })
  async retryJob(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<string> {
    if (!/^[1-9]\d{0,17}$/.test(id)) throw DomainError.invalid(`${id} is not a job id`, { field: 'id' });
    if (!(await this.queue.retryJob(this.dataSource, id))) throw DomainError.notFound('failed job', id);
    await this.audit.record(ctx, this.dataSource.manager, { action: 'job.retry', entityType: 'Job', entityId: null, after: { jobId: id } });
    return id;
  }
}
