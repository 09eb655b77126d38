import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ProposalService, type ProposalStatus, type RequestContext } from '@dyad/domain';
import { Allow } from '../auth/allow.decorator.js';
import { Ctx, Loader } from '../auth/graphql-context.js';
import { CountryModel, mapCountry } from '../country/country.model.js';
import { EvidenceModel, mapEvidence } from '../evidence/evidence.model.js';
import { FollowUpModel, mapFollowUp } from '../follow-up/follow-up.model.js';
import { type ConnectionShape, PageArgs, toConnection, toPage } from '../graphql/connection.js';
import { ProposalStatusEnum } from '../graphql/enums.js';
import { ProposalFilterInput } from '../graphql/filter.inputs.js';
import { loadAll, type Loaders } from '../graphql/loaders.js';
import { mapMeeting, MeetingModel } from '../meeting/meeting.model.js';
import { mapNewsItem, NewsItemModel } from '../news-item/news-item.model.js';
import {
  mapProposal, mapProposalStatusChange, ProposalConnection, ProposalModel, ProposalStatusChangeModel,
} from './proposal.model.js';

@Resolver(() => ProposalModel)
export class ProposalResolver {
  constructor(private readonly proposals: ProposalService) {}

  @Query(() => ProposalConnection, { name: 'proposals', description: 'Proposals, most recently moved first.' })
  async list(
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Args('filter', { type: () => ProposalFilterInput, nullable: true }) filter?: ProposalFilterInput,
  ): Promise<ConnectionShape<ProposalModel>> {
    const page = toPage(pageArgs);
    const { nodes, total } = await this.proposals.list(ctx, filter, page);
    return toConnection(nodes.map(mapProposal), total, page);
  }

  @Query(() => ProposalModel, { name: 'proposal' })
  async one(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ProposalModel> {
    return mapProposal(await this.proposals.get(ctx, id));
  }

  @ResolveField(() => [CountryModel], { description: 'The parties.' })
  async countries(@Parent() proposal: ProposalModel, @Loader() loaders: Loaders): Promise<CountryModel[]> {
    return (await loadAll(loaders.country, await loaders.proposalParties.load(proposal.id))).map(mapCountry);
  }

  @ResolveField(() => [ProposalStatusChangeModel], { description: 'The lifecycle steps, in date order.' })
  async history(@Parent() proposal: ProposalModel, @Loader() loaders: Loaders): Promise<ProposalStatusChangeModel[]> {
    return (await loaders.proposalHistory.load(proposal.id)).map(mapProposalStatusChange);
  }

  @ResolveField(() => MeetingModel, { nullable: true, description: 'The meeting where it was first reported.' })
  async originMeeting(@Parent() proposal: ProposalModel, @Loader() loaders: Loaders): Promise<MeetingModel | null> {
    const meeting = proposal.originMeetingId ? await loaders.meeting.load(proposal.originMeetingId) : null;
    return meeting ? mapMeeting(meeting) : null;
  }

  @ResolveField(() => [FollowUpModel])
  async followUps(@Parent() proposal: ProposalModel, @Loader() loaders: Loaders): Promise<FollowUpModel[]> {
    return (await loaders.proposalFollowUps.load(proposal.id)).map(mapFollowUp);
  }

  @ResolveField(() => [EvidenceModel])
  async evidence(@Parent() proposal: ProposalModel, @Loader() loaders: Loaders): Promise<EvidenceModel[]> {
    return (await loaders.proposalEvidence.load(proposal.id)).map(mapEvidence);
  }

  @Mutation(() => ProposalModel, { description: 'Moves a proposal to a status; a transition the lifecycle rules refuse needs overrideReason.' })
  @Allow('ANALYST')
  async setProposalStatus(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('status', { type: () => ProposalStatusEnum }) status: ProposalStatus,
    @Args('effectiveDate', { type: () => String, nullable: true, description: 'YYYY-MM-DD; today by default.' }) effectiveDate?: string,
    @Args('note', { type: () => String, nullable: true }) note?: string,
    @Args('overrideReason', { type: () => String, nullable: true }) overrideReason?: string,
  ): Promise<ProposalModel> {
    return mapProposal(
      await this.proposals.setStatus(ctx, { proposalId: id, expectedVersion, status, effectiveDate, note, overrideReason }),
    );
  }
}

@Resolver(() => ProposalStatusChangeModel)
export class ProposalStatusChangeResolver {
  @ResolveField(() => NewsItemModel, { nullable: true, description: 'The report that showed it (null for an analyst’s change).' })
  async source(@Parent() change: ProposalStatusChangeModel, @Loader() loaders: Loaders): Promise<NewsItemModel | null> {
    const item = change.newsItemId ? await loaders.newsItem.load(change.newsItemId) : null;
    return item ? mapNewsItem(item) : null;
  }

  @ResolveField(() => MeetingModel, { nullable: true })
  async meeting(@Parent() change: ProposalStatusChangeModel, @Loader() loaders: Loaders): Promise<MeetingModel | null> {
    const meeting = change.meetingId ? await loaders.meeting.load(change.meetingId) : null;
    return meeting ? mapMeeting(meeting) : null;
  }

  @ResolveField(() => [EvidenceModel], { description: 'The quotes of this report about the proposal.' })
  async evidence(@Parent() change: ProposalStatusChangeModel, @Loader() loaders: Loaders): Promise<EvidenceModel[]> {
    if (!change.newsItemId) return [];
    return (await loaders.proposalEvidence.load(change.proposalId)).filter((e) => e.newsItemId === change.newsItemId).map(mapEvidence);
  }
}
