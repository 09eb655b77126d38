import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AnalyticsService } from '@dyad/analytics';
import type { RequestContext } from '@dyad/domain';
import { Ctx } from '../auth/graphql-context.js';
import { type ConnectionShape, PageArgs, toConnection, toPage } from '../graphql/connection.js';
import { FIELD_COSTS } from '../graphql/limits/query-limits.js';
import { type Granularity, GranularityEnum } from '../graphql/enums.js';
import { CooperationFilterInput, FollowUpFilterInput, MeetingFilterInput, ProposalFilterInput } from '../graphql/filter.inputs.js';
import { DyadConnection, DyadModel, mapDyad } from './models/dyad.model.js';
import { FollowUpSummaryModel, mapFollowUpSummary } from './models/follow-up-summary.model.js';
import { mapProposalFunnel, ProposalFunnelModel } from './models/proposal-funnel.model.js';
import { mapScoreBreakdown, mapScoreTrend, ScoreBreakdownModel, ScoreTrendModel } from './models/score-point.model.js';
import { mapSectorActivity, SectorActivityModel } from './models/sector-activity.model.js';
import { CooperationTimelineModel, mapCooperationTimeline } from './models/timeline-period.model.js';

// Read-only aggregates for the dashboard: any valid key (VIEWER) may ask.
@Resolver()
export class AnalyticsResolver {
  constructor(private readonly analytics: AnalyticsService) {}

  @Query(() => DyadConnection, { description: 'Country pairs with at least one HELD meeting, by cooperation score (highest first), then by pair.' })
  async dyads(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => CooperationFilterInput, nullable: true }) filter: CooperationFilterInput | null,
    @Args() pageArgs: PageArgs,
  ): Promise<ConnectionShape<DyadModel>> {
    const page = toPage(pageArgs);
    const { nodes, totalCount } = await this.analytics.dyads(ctx, filter, page);
    return toConnection(
      nodes.map((dyad) => Object.assign(mapDyad(dyad), { listFilter: filter })),
      totalCount,
      page,
    );
  }

  @Query(() => ScoreTrendModel, {
    complexity: FIELD_COSTS.series,
    description:
      "One dyad's cooperation score per period, from the filter's from (else the pair's first HELD meeting) to its to (else today), " +
      'and how many of its meetings have no known date (no score counts them).',
  })
  async dyadScoreTrend(
    @Ctx() ctx: RequestContext,
    @Args('countries', { type: () => [String], description: 'The two countries, e.g. ["IR","KZ"].' }) countries: string[],
    @Args('granularity', { type: () => GranularityEnum, defaultValue: 'MONTH' }) granularity: Granularity,
    @Args('filter', { type: () => CooperationFilterInput, nullable: true }) filter: CooperationFilterInput | null,
  ): Promise<ScoreTrendModel> {
    return mapScoreTrend(await this.analytics.dyadScoreTrend(ctx, countries, granularity, filter));
  }

  @Query(() => ScoreBreakdownModel, {
    description: "What makes one dyad's cooperation score on the filter's to (else today): each term of the formula and its weight.",
  })
  async dyadScoreBreakdown(
    @Ctx() ctx: RequestContext,
    @Args('countries', { type: () => [String], description: 'The two countries, e.g. ["IR","KZ"].' }) countries: string[],
    @Args('filter', { type: () => CooperationFilterInput, nullable: true }) filter: CooperationFilterInput | null,
  ): Promise<ScoreBreakdownModel> {
    return mapScoreBreakdown(await this.analytics.dyadScoreBreakdown(ctx, countries, filter));
  }

  @Query(() => CooperationTimelineModel, {
    complexity: FIELD_COSTS.series,
    description:
      'HELD meetings (or the filter\'s statuses) per period and event type, from the first period with a meeting to the last, ' +
      'empty periods included; meetings with no known date are in no period and counted in undatedMeetings.',
  })
  async cooperationTimeline(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => MeetingFilterInput, nullable: true }) filter: MeetingFilterInput | null,
    @Args('granularity', { type: () => GranularityEnum, defaultValue: 'MONTH' }) granularity: Granularity,
  ): Promise<CooperationTimelineModel> {
    return mapCooperationTimeline(await this.analytics.cooperationTimeline(ctx, filter, granularity));
  }

  @Query(() => ProposalFunnelModel, { description: 'Proposals per status, and per lifecycle step how many ever reached it.' })
  async proposalFunnel(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => ProposalFilterInput, nullable: true }) filter: ProposalFilterInput | null,
  ): Promise<ProposalFunnelModel> {
    return mapProposalFunnel(await this.analytics.proposalFunnel(ctx, filter));
  }

  @Query(() => FollowUpSummaryModel, { description: 'Follow-ups per status and horizon, overdue and due in the next 30 days.' })
  async followUpSummary(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => FollowUpFilterInput, nullable: true }) filter: FollowUpFilterInput | null,
  ): Promise<FollowUpSummaryModel> {
    return mapFollowUpSummary(await this.analytics.followUpSummary(ctx, filter));
  }

  @Query(() => [SectorActivityModel], {
    description: 'Per sector (every sector, or the filter\'s), HELD meetings, proposals and signed proposals; busiest first.',
  })
  async sectorBreakdown(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => CooperationFilterInput, nullable: true }) filter: CooperationFilterInput | null,
  ): Promise<SectorActivityModel[]> {
    return (await this.analytics.sectorBreakdown(ctx, filter)).map(mapSectorActivity);
  }
}

/** Fields of a dyad in the `dyads` list that are read on their own. */
@Resolver(() => DyadModel)
export class DyadResolver {
  constructor(private readonly analytics: AnalyticsService) {}

  // The overview draws the top pairs' trends: asked with the list, they need no second request after it.
  @ResolveField(() => ScoreTrendModel, {
    complexity: FIELD_COSTS.series,
    description: "The pair's score per period over the list's filter: the same answer as dyadScoreTrend with the pair's countries and that filter.",
  })
  async scoreTrend(
    @Ctx() ctx: RequestContext,
    @Parent() dyad: DyadModel,
    @Args('granularity', { type: () => GranularityEnum, defaultValue: 'MONTH' }) granularity: Granularity,
  ): Promise<ScoreTrendModel> {
    const countries = dyad.countries.map((country) => country.code);
    return mapScoreTrend(await this.analytics.dyadScoreTrend(ctx, countries, granularity, dyad.listFilter ?? null));
  }
}
