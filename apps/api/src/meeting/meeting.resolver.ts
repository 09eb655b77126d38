import { Args, Context, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { PubSub } from 'mercurius';
import { assertCooperationFilter, type MeetingColumnGroup, MeetingService, type RequestContext } from '@dyad/domain';
import { ActorModel, mapActor } from '../actor/actor.model.js';
import { Allow } from '../auth/allow.decorator.js';
import { Ctx, Loader } from '../auth/graphql-context.js';
import { CountryModel, mapCountry } from '../country/country.model.js';
import { EvidenceModel, mapEvidence } from '../evidence/evidence.model.js';
import { FollowUpModel, mapFollowUp } from '../follow-up/follow-up.model.js';
import { type ConnectionShape, PageArgs, toConnection, toPage } from '../graphql/connection.js';
import { MeetingFilterInput } from '../graphql/filter.inputs.js';
import { loadAll, type Loaders } from '../graphql/loaders.js';
import { presetFields } from '../graphql/preset-fields.js';
import { fieldNamesAt, selectsOnlyId, selectsOnlyIdAt, selectsPath } from '../graphql/selection.js';
import { mapNewsItem, NewsItemModel } from '../news-item/news-item.model.js';
import { mapProposal, ProposalModel } from '../proposal/proposal.model.js';
import { CreateMeetingInput, LogMeetingOutcomeInput, UpdateMeetingInput } from './dto/meeting.inputs.js';
import { LiveCountriesArgs } from '../live/dto/live-filter.args.js';
import { LIVE_TOPICS, type LiveMessage } from '../live/live-events.js';
import type { LiveNotice } from '../live/live-notice.js';
import { fromLiveChannel, includesAll } from '../live/live-subscription.js';
import {
  LocationModel, mapMeeting, mapParticipant, MeetingChangeModel, MeetingConnection, MeetingModel, ParticipantModel,
} from './meeting.model.js';

type MeetingNotice = Extract<LiveNotice, { kind: 'meeting' }>;

const meetingChanges = fromLiveChannel(
  async ({ notice, loaders }: LiveMessage<MeetingNotice>): Promise<MeetingChangeModel | null> => {
    const meeting = await loaders.meeting.load(notice.id);
    return meeting && { created: notice.created, meeting: mapMeeting(meeting) };
  },
  async (change, args: LiveCountriesArgs, loaders) => includesAll(await loaders.meetingParties.load(change.meeting.id), args.countries),
);

/**
 * Gives each meeting read with its party set its `countries` (from the in-process country table, one lookup for the
 * whole page), so the field answers without a resolver call per row; the same answer as `countries` below.
 */
async function withCountries(
  meetings: MeetingModel[],
  loaders: Loaders,
  /** Other fields' answers for the meeting at an index, given with its countries. */
  more?: (index: number) => Record<string, unknown>,
): Promise<MeetingModel[]> {
  const codes = [...new Set(meetings.flatMap((meeting) => meeting.partyCodes ?? []))];
  const countries = new Map((await loadAll(loaders.country, codes)).map((country) => [country.code, mapCountry(country)]));
  meetings.forEach((meeting, index) => {
    const values = more?.(index) ?? {};
    if (meeting.partyCodes) {
      const found: CountryModel[] = [];
      for (const code of meeting.partyCodes) {
        const country = countries.get(code);
        if (country) found.push(country);
      }
      values.countries = found;
    }
    presetFields(meeting, values);
  });
  return meetings;
}

// Which of the list's optional column groups each Meeting field is answered from; the fields of NO_COLUMNS need none
// of them (the id, type, date and party set are always read; relations are read by id). A field in neither (one
// added later) reads every column.
const FIELD_COLUMNS: Record<string, MeetingColumnGroup> = {
  status: 'state', dateSource: 'state', reviewStatus: 'state', version: 'state', location: 'location',
  summary: 'texts', outcome: 'texts', outcomeNotes: 'texts', confidence: 'texts', sectors: 'sectors', createdAt: 'times', updatedAt: 'times',
};
const NO_COLUMNS = new Set(['__typename', 'id', 'type', 'date', 'countries', 'participants', 'sources', 'proposals', 'followUps', 'evidence']);
const COLUMN_GROUPS = [...new Set(Object.values(FIELD_COLUMNS))];

/** The column groups a list page can leave out for a selection of these Meeting fields. */
function unshownColumns(fields: string[]): MeetingColumnGroup[] {
  const shown = new Set<MeetingColumnGroup>();
  for (const field of fields) {
    const group = FIELD_COLUMNS[field];
    if (group) shown.add(group);
    else if (!NO_COLUMNS.has(field)) return [];
  }
  return COLUMN_GROUPS.filter((group) => !shown.has(group));
}

@Resolver(() => MeetingModel)
export class MeetingResolver {
  constructor(private readonly meetings: MeetingService) {}

  @Query(() => MeetingConnection, { name: 'meetings', description: 'Meetings, newest first; rejected ones only when reviewStatuses asks for them.' })
  async list(
    @Ctx() ctx: RequestContext,
    @Loader() loaders: Loaders,
    @Info() info: GraphQLResolveInfo,
    @Args() pageArgs: PageArgs,
    @Args('filter', { type: () => MeetingFilterInput, nullable: true }) filter?: MeetingFilterInput,
  ): Promise<ConnectionShape<MeetingModel>> {
    const page = toPage(pageArgs);
    // the page's source ids come with its rows when the selection shows sources (no statement of their own)
    const sourceIds = selectsPath(info, ['nodes', 'sources']) || selectsPath(info, ['edges', 'node', 'sources']);
    const skip = unshownColumns([...fieldNamesAt(info, ['nodes']), ...fieldNamesAt(info, ['edges', 'node'])]);
    const result = await this.meetings.list(ctx, filter, page, { sourceIds, skip });
    // `sources { id }` everywhere it is asked for: the ids are the whole answer, given with the row (presetFields)
    const sourcesAsIds = sourceIds && selectsOnlyIdAt(info, ['nodes', 'sources']) && selectsOnlyIdAt(info, ['edges', 'node', 'sources']);
    if (!sourcesAsIds) result.sourceIds?.forEach((ids, index) => loaders.meetingSourceIds.prime(result.nodes[index].id, ids));
    const sources = sourcesAsIds ? result.sourceIds!.map((ids) => ids.map((id) => ({ id }))) : undefined;
    const nodes = await withCountries(result.nodes.map(mapMeeting), loaders, sources && ((index) => ({ sources: sources[index] })));
    return toConnection(nodes, result.total, page);
  }

  @Query(() => MeetingModel, { name: 'meeting' })
  async one(@Ctx() ctx: RequestContext, @Loader() loaders: Loaders, @Args('id', { type: () => ID }) id: string): Promise<MeetingModel> {
    const [meeting] = await withCountries([mapMeeting(await this.meetings.get(ctx, id))], loaders);
    return meeting;
  }

  @Subscription(() => MeetingChangeModel, {
    name: 'meetingChanged',
    description: 'Every meeting created or changed by any process (ingestion, workers, analysts), sent once committed.',
    ...meetingChanges,
  })
  meetingChanged(@Args() args: LiveCountriesArgs, @Context('pubsub') pubsub: PubSub) {
    assertCooperationFilter({ countries: args.countries });
    return pubsub.subscribe(LIVE_TOPICS.meeting);
  }

  @ResolveField(() => [CountryModel], { description: 'The parties.' })
  async countries(@Parent() meeting: MeetingModel, @Loader() loaders: Loaders): Promise<CountryModel[]> {
    // the list reads the stored party set with the rows; a meeting read otherwise looks its parties up
    const codes = meeting.partyCodes ?? (await loaders.meetingParties.load(meeting.id));
    return (await loadAll(loaders.country, codes)).map(mapCountry);
  }

  @ResolveField(() => [ParticipantModel])
  async participants(@Parent() meeting: MeetingModel, @Loader() loaders: Loaders): Promise<ParticipantModel[]> {
    return (await loaders.participants.load(meeting.id)).map(mapParticipant);
  }

  @ResolveField(() => [NewsItemModel], { description: 'The news items that report it, oldest first.' })
  async sources(@Parent() meeting: MeetingModel, @Loader() loaders: Loaders, @Info() info: GraphQLResolveInfo): Promise<NewsItemModel[]> {
    const ids = await loaders.meetingSourceIds.load(meeting.id);
    // `sources { id }` needs no news item row: only the ids, which the source lookup already has
    if (selectsOnlyId(info)) return ids.map((id) => ({ id }) as NewsItemModel);
    return (await loadAll(loaders.newsItem, ids)).map(mapNewsItem);
  }

  @ResolveField(() => [ProposalModel], { description: 'Proposals discussed at it.' })
  async proposals(@Parent() meeting: MeetingModel, @Loader() loaders: Loaders): Promise<ProposalModel[]> {
    return (await loaders.meetingProposals.load(meeting.id)).map(mapProposal);
  }

  @ResolveField(() => [FollowUpModel])
  async followUps(@Parent() meeting: MeetingModel, @Loader() loaders: Loaders): Promise<FollowUpModel[]> {
    return (await loaders.meetingFollowUps.load(meeting.id)).map(mapFollowUp);
  }

  @ResolveField(() => [EvidenceModel])
  async evidence(@Parent() meeting: MeetingModel, @Loader() loaders: Loaders): Promise<EvidenceModel[]> {
    return (await loaders.meetingEvidence.load(meeting.id)).map(mapEvidence);
  }

  @Mutation(() => MeetingModel, { description: 'Records a meeting by hand (confirmed from the start).' })
  @Allow('ANALYST')
  async createMeeting(@Ctx() ctx: RequestContext, @Args('input') input: CreateMeetingInput): Promise<MeetingModel> {
    return mapMeeting(await this.meetings.create(ctx, input));
  }

  @Mutation(() => MeetingModel)
  @Allow('ANALYST')
  async updateMeeting(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateMeetingInput,
  ): Promise<MeetingModel> {
    return mapMeeting(await this.meetings.update(ctx, id, expectedVersion, input));
  }

  @Mutation(() => MeetingModel)
  @Allow('ANALYST')
  async confirmMeeting(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
  ): Promise<MeetingModel> {
    return mapMeeting(await this.meetings.confirm(ctx, id, expectedVersion));
  }

  @Mutation(() => MeetingModel, { description: 'Marks an extracted meeting as wrong; it leaves lists and charts.' })
  @Allow('ANALYST')
  async rejectMeeting(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
  ): Promise<MeetingModel> {
    return mapMeeting(await this.meetings.reject(ctx, id, expectedVersion));
  }

  @Mutation(() => MeetingModel, { description: 'Folds duplicate meetings into one; their sources, participants, evidence and follow-ups move over.' })
  @Allow('ANALYST')
  async mergeMeetings(
    @Ctx() ctx: RequestContext,
    @Args('targetId', { type: () => ID }) targetId: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('duplicateIds', { type: () => [ID] }) duplicateIds: string[],
  ): Promise<MeetingModel> {
    return mapMeeting(await this.meetings.merge(ctx, targetId, expectedVersion, duplicateIds));
  }

  @Mutation(() => MeetingModel, { description: 'Logs what came of a meeting, with new follow-ups and proposal changes, in one transaction.' })
  @Allow('ANALYST')
  async logMeetingOutcome(
    @Ctx() ctx: RequestContext,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('input') input: LogMeetingOutcomeInput,
  ): Promise<MeetingModel> {
    return mapMeeting(await this.meetings.logOutcome(ctx, meetingId, input));
  }
}

@Resolver(() => LocationModel)
export class LocationResolver {
  @ResolveField(() => CountryModel, { nullable: true })
  async country(@Parent() location: LocationModel, @Loader() loaders: Loaders): Promise<CountryModel | null> {
    const country = location.countryCode ? await loaders.country.load(location.countryCode) : null;
    return country ? mapCountry(country) : null;
  }
}

@Resolver(() => ParticipantModel)
export class ParticipantResolver {
  @ResolveField(() => ActorModel, { description: 'The person across meetings and languages.' })
  actor(@Parent() participant: ParticipantModel): ActorModel {
    return mapActor(participant.actor);
  }

  @ResolveField(() => CountryModel, { nullable: true })
  async country(@Parent() participant: ParticipantModel, @Loader() loaders: Loaders): Promise<CountryModel | null> {
    const country = participant.countryCode ? await loaders.country.load(participant.countryCode) : null;
    return country ? mapCountry(country) : null;
  }
}
