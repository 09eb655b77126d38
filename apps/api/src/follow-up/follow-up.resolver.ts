import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSub } from 'mercurius';
import { assertCooperationFilter, FollowUpService, type RequestContext } from '@dyad/domain';
import { Allow } from '../auth/allow.decorator.js';
import { Ctx, Loader } from '../auth/graphql-context.js';
import { CountryModel, mapCountry } from '../country/country.model.js';
import { EvidenceModel, mapEvidence } from '../evidence/evidence.model.js';
import { type ConnectionShape, PageArgs, toConnection, toPage } from '../graphql/connection.js';
import { FollowUpFilterInput } from '../graphql/filter.inputs.js';
import { loadAll, type Loaders } from '../graphql/loaders.js';
import { mapMeeting, MeetingModel } from '../meeting/meeting.model.js';
import { mapNewsItem, NewsItemModel } from '../news-item/news-item.model.js';
import { mapProposal, ProposalModel } from '../proposal/proposal.model.js';
import { UpdateFollowUpInput } from './dto/update-follow-up.input.js';
import { LiveCountriesArgs } from '../live/dto/live-filter.args.js';
import { LIVE_TOPICS, type LiveMessage } from '../live/live-events.js';
import type { LiveNotice } from '../live/live-notice.js';
import { fromLiveChannel, includesAll } from '../live/live-subscription.js';
import {
  FollowUpConnection, FollowUpModel, FollowUpStatusChangeModel, FollowUpStatusEventModel, mapFollowUp, mapFollowUpStatusChange,
} from './follow-up.model.js';

type FollowUpNotice = Extract<LiveNotice, { kind: 'followUp' }>;

// A follow-up's parties are its meeting's, else its proposal's, else its owners (as in the followUps filter).
const followUpStatusEvents = fromLiveChannel(
  async ({ notice, loaders }: LiveMessage<FollowUpNotice>): Promise<FollowUpStatusEventModel | null> => {
    const followUp = await loaders.followUp.load(notice.id);
    return followUp && { from: notice.from, to: notice.to, followUp: mapFollowUp(followUp) };
  },
  async ({ followUp }, args: LiveCountriesArgs, loaders) => {
    if (!args.countries?.length) return true;
    const parties = followUp.meetingId
      ? await loaders.meetingParties.load(followUp.meetingId)
      : followUp.proposalId
        ? await loaders.proposalParties.load(followUp.proposalId)
        : await loaders.followUpOwners.load(followUp.id);
    return includesAll(parties, args.countries);
  },
);

@Resolver(() => FollowUpModel)
export class FollowUpResolver {
  constructor(private readonly followUps: FollowUpService) {}

  @Query(() => FollowUpConnection, { name: 'followUps', description: 'Follow-ups, overdue first, then by due date.' })
  async list(
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Args('filter', { type: () => FollowUpFilterInput, nullable: true }) filter?: FollowUpFilterInput,
  ): Promise<ConnectionShape<FollowUpModel>> {
    const page = toPage(pageArgs);
    const { nodes, total } = await this.followUps.list(ctx, filter, page);
    return toConnection(nodes.map(mapFollowUp), total, page);
  }

  @Query(() => FollowUpModel, { name: 'followUp' })
  async one(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<FollowUpModel> {
    return mapFollowUp(await this.followUps.get(ctx, id));
  }

  @Subscription(() => FollowUpStatusEventModel, {
    name: 'followUpStatusChanged',
    description: "Every change of a follow-up's status (a later report closing it, an analyst's edit), sent once committed.",
    ...followUpStatusEvents,
  })
  followUpStatusChanged(@Args() args: LiveCountriesArgs, @Context('pubsub') pubsub: PubSub) {
    assertCooperationFilter({ countries: args.countries });
    return pubsub.subscribe(LIVE_TOPICS.followUp);
  }

  @ResolveField(() => [CountryModel], { description: 'The countries that owe it.' })
  async owners(@Parent() followUp: FollowUpModel, @Loader() loaders: Loaders): Promise<CountryModel[]> {
    return (await loadAll(loaders.country, await loaders.followUpOwners.load(followUp.id))).map(mapCountry);
  }

  @ResolveField(() => MeetingModel, { nullable: true })
  async meeting(@Parent() followUp: FollowUpModel, @Loader() loaders: Loaders): Promise<MeetingModel | null> {
    const meeting = followUp.meetingId ? await loaders.meeting.load(followUp.meetingId) : null;
    return meeting ? mapMeeting(meeting) : null;
  }

  @ResolveField(() => ProposalModel, { nullable: true })
  async proposal(@Parent() followUp: FollowUpModel, @Loader() loaders: Loaders): Promise<ProposalModel | null> {
    const proposal = followUp.proposalId ? await loaders.proposal.load(followUp.proposalId) : null;
    return proposal ? mapProposal(proposal) : null;
  }

  @ResolveField(() => [FollowUpStatusChangeModel])
  async history(@Parent() followUp: FollowUpModel, @Loader() loaders: Loaders): Promise<FollowUpStatusChangeModel[]> {
    return (await loaders.followUpHistory.load(followUp.id)).map(mapFollowUpStatusChange);
  }

  @ResolveField(() => [EvidenceModel])
  async evidence(@Parent() followUp: FollowUpModel, @Loader() loaders: Loaders): Promise<EvidenceModel[]> {
    return (await loaders.followUpEvidence.load(followUp.id)).map(mapEvidence);
  }

  @Mutation(() => FollowUpModel)
  @Allow('ANALYST')
  async updateFollowUp(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateFollowUpInput,
  ): Promise<FollowUpModel> {
    return mapFollowUp(await this.followUps.update(ctx, id, expectedVersion, input));
  }
}

@Resolver(() => FollowUpStatusChangeModel)
export class FollowUpStatusChangeResolver {
  @ResolveField(() => NewsItemModel, { nullable: true, description: 'The report that showed it, if a report did.' })
  async source(@Parent() change: FollowUpStatusChangeModel, @Loader() loaders: Loaders): Promise<NewsItemModel | null> {
    const item = change.newsItemId ? await loaders.newsItem.load(change.newsItemId) : null;
    return item ? mapNewsItem(item) : null;
  }
}
