import { Args, Context, Field, ID, Info, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { PubSub } from 'mercurius';
import {
  DomainError, MeetingService, NewsItemService, ProposalService, type RequestContext,
} from '@dyad/domain';
import type { Language } from '@dyad/extraction';
import { IngestionService, type NewsItemInput } from '@dyad/ingestion';
import { Allow } from '../auth/allow.decorator.js';
import { Ctx, Loader } from '../auth/graphql-context.js';
import { CountryModel, mapCountry } from '../country/country.model.js';
import { type ConnectionShape, PageArgs, toConnection, toPage } from '../graphql/connection.js';
import { FIELD_COSTS } from '../graphql/limits/query-limits.js';
import { loadAll, type Loaders } from '../graphql/loaders.js';
import { fieldNamesAt } from '../graphql/selection.js';
import { mapMeeting, MeetingModel } from '../meeting/meeting.model.js';
import { mapProposal, ProposalModel } from '../proposal/proposal.model.js';
import { LIVE_TOPICS, type LiveMessage } from '../live/live-events.js';
import { fromLiveChannel } from '../live/live-subscription.js';
import { IngestNewsItemInput, NewsItemFilterInput } from './dto/news-item.inputs.js';
import { ExtractionPreviewModel, mapExtraction } from './extraction-preview.model.js';
import { mapNewsItem, NewsItemConnection, NewsItemModel } from './news-item.model.js';

@ObjectType('IngestResult')
class IngestResultModel {
  @Field({ description: 'NEW, or DUPLICATE when the same URL or the same normalised text was ingested before.' })
  status: string;

  // newsItem: resolved by IngestResultResolver from this id, only when the mutation asks for it
  newsItemId: string;

  @Field(() => Int) meetingsCreated: number;
  @Field(() => Int) meetingsMerged: number;
  @Field(() => Int) proposalsCreated: number;
  @Field(() => Int) proposalsAdvanced: number;
  @Field(() => Int) followUpsClosed: number;

  @Field(() => Int, {
    description: 'Events with no date (none in the text, no publishedAt given or found): stored undated. Give publishedAt to date them.',
  })
  undatedEvents: number;
}

@ObjectType('SearchResult')
class SearchResultModel {
  @Field(() => [NewsItemModel]) newsItems: NewsItemModel[];
  @Field(() => [MeetingModel]) meetings: MeetingModel[];
  @Field(() => [ProposalModel]) proposals: ProposalModel[];
}

const toNewsItemInput = (input: IngestNewsItemInput): NewsItemInput => ({ ...input, language: input.language as Language | null });

const newsItemsAdded = fromLiveChannel(async ({ notice, loaders }: LiveMessage) => {
  const item = await loaders.newsItem.load(notice.id);
  return item && mapNewsItem(item);
});

@Resolver(() => NewsItemModel)
export class NewsItemResolver {
  constructor(
    private readonly newsItems: NewsItemService,
    private readonly meetingService: MeetingService,
    private readonly proposals: ProposalService,
    private readonly ingestion: IngestionService,
  ) {}

  @Query(() => NewsItemConnection, { name: 'newsItems', description: 'News items, newest first.' })
  async list(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args() pageArgs: PageArgs,
    @Args('filter', { type: () => NewsItemFilterInput, nullable: true }) filter?: NewsItemFilterInput,
  ): Promise<ConnectionShape<NewsItemModel>> {
    const page = toPage(pageArgs);
    // bodies (up to 5 MB each) only for a selection that shows them
    const body = fieldNamesAt(info, ['nodes']).has('body') || fieldNamesAt(info, ['edges', 'node']).has('body');
    const { nodes, total } = await this.newsItems.list(ctx, filter, page, { body });
    return toConnection(nodes.map(mapNewsItem), total, page);
  }

  @Query(() => NewsItemModel, { name: 'newsItem' })
  async one(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<NewsItemModel> {
    return mapNewsItem(await this.newsItems.get(ctx, id));
  }

  @Query(() => SearchResultModel, {
    description: 'Finds news items, meetings and proposals by words in Persian, English or Russian (ZWNJ-, letter-variant- and case-insensitive).',
  })
  async search(
    @Ctx() ctx: RequestContext,
    @Args('text') text: string,
    @Args('first', { type: () => Int, defaultValue: 10, description: 'At most this many of each kind, 1 to 50.' }) first: number,
  ): Promise<SearchResultModel> {
    if (!text.trim()) throw DomainError.invalid('text is empty', { field: 'text' });
    if (first < 1 || first > 50) throw DomainError.invalid('first must be from 1 to 50', { field: 'first' });
    const page = { limit: first, offset: 0 };
    const [newsItems, meetings, proposals] = await Promise.all([
      this.newsItems.list(ctx, { text }, page),
      this.meetingService.list(ctx, { text }, page),
      this.proposals.list(ctx, { text }, page),
    ]);
    return {
      newsItems: newsItems.nodes.map(mapNewsItem),
      meetings: meetings.nodes.map(mapMeeting),
      proposals: proposals.nodes.map(mapProposal),
    };
  }

  @Query(() => ExtractionPreviewModel, {
    description: 'What ingesting this text would extract, without storing anything.',
    complexity: FIELD_COSTS.extraction,
  })
  @Allow('ANALYST')
  async previewExtraction(@Args('input') input: IngestNewsItemInput): Promise<ExtractionPreviewModel> {
    const { result, text } = await this.ingestion.preview(toNewsItemInput(input));
    return mapExtraction(result, text);
  }

  @Mutation(() => IngestResultModel, {
    description: 'Ingests one news item: extracts, links to what is known, stores it (one transaction).',
    complexity: FIELD_COSTS.extraction,
  })
  @Allow('ANALYST')
  async ingestNewsItem(@Ctx() ctx: RequestContext, @Args('input') input: IngestNewsItemInput): Promise<IngestResultModel> {
    return this.ingestion.ingest(ctx, toNewsItemInput(input));
  }

  @Subscription(() => NewsItemModel, {
    name: 'newsItemAdded',
    description: 'Every news item stored by any process (ingestion, watched sources, workers), sent once committed.',
    ...newsItemsAdded,
  })
  newsItemAdded(@Context('pubsub') pubsub: PubSub) {
    return pubsub.subscribe(LIVE_TOPICS.newsItem);
  }

  @ResolveField(() => String, { description: 'The exact original text (up to 5 MB: it costs 1000 in the query cost).', complexity: FIELD_COSTS.body })
  async body(@Parent() item: NewsItemModel, @Loader() loaders: Loaders): Promise<string> {
    // items read as relations come without their body (up to 5 MB), read only when asked for
    return item.body ?? (await loaders.newsItemBody.load(item.id)) ?? '';
  }

  @ResolveField(() => CountryModel, { nullable: true, description: 'Who "our country" is in the text.' })
  async publisherCountry(@Parent() item: NewsItemModel, @Loader() loaders: Loaders): Promise<CountryModel | null> {
    const country = item.publisherCountryCode ? await loaders.country.load(item.publisherCountryCode) : null;
    return country ? mapCountry(country) : null;
  }

  @ResolveField(() => [MeetingModel], { description: 'The meetings it reports.' })
  async meetings(@Parent() item: NewsItemModel, @Loader() loaders: Loaders): Promise<MeetingModel[]> {
    return (await loadAll(loaders.meeting, await loaders.newsItemMeetingIds.load(item.id))).map(mapMeeting);
  }
}

/** The stored item of an ingestion's result, read only when the mutation selects it (a client after `status` alone reads nothing more). */
@Resolver(() => IngestResultModel)
export class IngestResultResolver {
  constructor(private readonly newsItems: NewsItemService) {}

  @ResolveField(() => NewsItemModel)
  async newsItem(@Ctx() ctx: RequestContext, @Parent() result: IngestResultModel): Promise<NewsItemModel> {
    return mapNewsItem(await this.newsItems.get(ctx, result.newsItemId));
  }
}
