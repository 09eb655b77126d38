import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError, type RequestContext, type Source } from '@dyad/domain';
import { JobQueue, SourcePoller, SourceService } from '@dyad/ingestion';
import { Allow } from '../auth/allow.decorator.js';
import { Ctx } from '../auth/graphql-context.js';
import { type ConnectionShape, PageArgs, toConnection, toPage } from '../graphql/connection.js';
import { FIELD_COSTS } from '../graphql/limits/query-limits.js';
import { AddSourceInput, SourceFilterInput, UpdateSourceInput } from './dto/source.inputs.js';
import { mapFailedEntry, mapSource, SourceConnection, SourceFailedEntryModel, SourceModel } from './source.model.js';

@Resolver(() => SourceModel)
export class SourceResolver {
  constructor(
    private readonly sources: SourceService,
    private readonly poller: SourcePoller,
  ) {}

  @Query(() => SourceConnection, { name: 'sources', description: 'Watched sources, by publisher.' })
  async list(
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Args('filter', { type: () => SourceFilterInput, nullable: true }) filter?: SourceFilterInput,
  ): Promise<ConnectionShape<SourceModel>> {
    const page = toPage(pageArgs);
    const { nodes, total } = await this.sources.list(ctx, filter, page);
    return toConnection(await this.mapAll(nodes), total, page);
  }

  @Query(() => SourceModel, { name: 'source' })
  async one(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<SourceModel> {
    return this.map(await this.sources.get(ctx, id));
  }

  @Mutation(() => SourceModel, { description: 'Watches a feed (ANALYST; a FOLDER source needs ADMIN). The workers poll it within a minute (their schedule runs every minute), or now with pollSource.' })
  @Allow('ANALYST')
  async addSource(@Ctx() ctx: RequestContext, @Args('input') input: AddSourceInput): Promise<SourceModel> {
    return this.map(await this.sources.add(ctx, input));
  }

  @Mutation(() => SourceModel, { description: 'Changes a source; a stale expectedVersion answers CONFLICT.' })
  @Allow('ANALYST')
  async updateSource(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateSourceInput,
  ): Promise<SourceModel> {
    return this.map(await this.sources.update(ctx, id, expectedVersion, input));
  }

  @Mutation(() => SourceModel, { description: 'Stops polling it on its interval (pollSource still polls it).' })
  @Allow('ANALYST')
  async pauseSource(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<SourceModel> {
    return this.map(await this.sources.setState(ctx, id, 'PAUSED'));
  }

  @Mutation(() => SourceModel, { description: 'Polls a paused source on its interval again, from now.' })
  @Allow('ANALYST')
  async resumeSource(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<SourceModel> {
    return this.map(await this.sources.setState(ctx, id, 'ACTIVE'));
  }

  @Mutation(() => ID, { description: 'Stops watching it; the news items it delivered stay. Answers its id.' })
  @Allow('ANALYST')
  async removeSource(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<string> {
    return this.sources.remove(ctx, id);
  }

  @Mutation(() => SourceModel, {
    description:
      'Reads it now, whatever its state, and queues the ingestion of what is new; answers the source with this poll as lastPoll ' +
      '(its pending entries are ingested by the workers: query the source again to see them counted).',
    complexity: FIELD_COSTS.extraction,
  })
  @Allow('ANALYST')
  async pollSource(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<SourceModel> {
    await this.sources.getToPoll(ctx, id);
    await this.poller.read(ctx, id, (manager, keys) => JobQueue.addIngestJobs(manager, id, keys));
    return this.map(await this.sources.get(ctx, id));
  }

  @ResolveField(() => [SourceFailedEntryModel], { description: 'Entries that could not be ingested, newest first, with why.' })
  async failedEntries(
    @Ctx() ctx: RequestContext,
    @Parent() source: SourceModel,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100.' }) first: number,
  ): Promise<SourceFailedEntryModel[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw DomainError.invalid('first must be from 1 to 100', { field: 'first' });
    return (await this.sources.failedEntries(ctx, source.id, first)).map(mapFailedEntry);
  }

  private async map(source: Source): Promise<SourceModel> {
    return (await this.mapAll([source]))[0];
  }

  private async mapAll(sources: Source[]): Promise<SourceModel[]> {
    const stats = await this.sources.lastPolls(sources);
    return sources.map((source) => mapSource(source, stats.get(source.id)));
  }
}
