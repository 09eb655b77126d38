import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ActorService, type RequestContext } from '@dyad/domain';
import { Allow } from '../auth/allow.decorator.js';
import { Ctx, Loader } from '../auth/graphql-context.js';
import { CountryModel, mapCountry } from '../country/country.model.js';
import { type ConnectionShape, PageArgs, toConnection, toPage } from '../graphql/connection.js';
import type { Loaders } from '../graphql/loaders.js';
import { mapMeeting, mapParticipant, MeetingConnection, MeetingModel, ParticipantModel } from '../meeting/meeting.model.js';
import { ActorConnection, ActorCountryModel, ActorModel, ActorTitleModel, mapActor, mapActorTitle } from './actor.model.js';
import { ActorsArgs, SplitActorInput } from './dto/actor.inputs.js';

@Resolver(() => ActorModel)
export class ActorResolver {
  constructor(private readonly actors: ActorService) {}

  @Query(() => ActorConnection, { name: 'actors', description: 'People in meetings, those in the most meetings first; search in any script.' })
  async list(@Ctx() ctx: RequestContext, @Args() args: ActorsArgs): Promise<ConnectionShape<ActorModel>> {
    const page = toPage(args);
    const { nodes, total } = await this.actors.list(ctx, { search: args.search, country: args.country }, page);
    return toConnection(nodes.map(mapActor), total, page);
  }

  @Query(() => ActorModel, { name: 'actor' })
  async one(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ActorModel> {
    return mapActor(await this.actors.get(ctx, id));
  }

  @ResolveField(() => CountryModel, { nullable: true, description: 'The country the actor represents, when a report said.' })
  async country(@Parent() actor: ActorModel, @Loader() loaders: Loaders): Promise<CountryModel | null> {
    const country = actor.countryCode ? await loaders.country.load(actor.countryCode) : null;
    return country ? mapCountry(country) : null;
  }

  @ResolveField(() => Int, { description: 'Meetings taken part in (rejected ones left out).' })
  async meetingCount(@Parent() actor: ActorModel, @Loader() loaders: Loaders): Promise<number> {
    return loaders.actorMeetingCounts.load(actor.id);
  }

  @ResolveField(() => MeetingConnection, { description: 'Meetings taken part in, latest first, undated last.' })
  async meetings(@Ctx() ctx: RequestContext, @Parent() actor: ActorModel, @Args() pageArgs: PageArgs): Promise<ConnectionShape<MeetingModel>> {
    const page = toPage(pageArgs);
    const { nodes, total } = await this.actors.meetings(ctx, actor.id, page);
    return toConnection(nodes.map(mapMeeting), total, page);
  }

  @ResolveField(() => [ActorTitleModel], { description: 'Titles over time, in the order first seen.' })
  async titles(@Ctx() ctx: RequestContext, @Parent() actor: ActorModel): Promise<ActorTitleModel[]> {
    return (await this.actors.titles(ctx, actor.id)).map(mapActorTitle);
  }

  @ResolveField(() => [ActorCountryModel], { description: 'The parties to the actor’s meetings, most meetings first.' })
  async countries(@Ctx() ctx: RequestContext, @Parent() actor: ActorModel): Promise<ActorCountryModel[]> {
    return (await this.actors.countries(ctx, actor.id)).map((row) => ({ countryCode: row.code, meetings: row.meetings }));
  }

  @ResolveField(() => [ParticipantModel], { description: 'Each meeting participation (what splitActor moves), latest first; at most 1,000.' })
  async participations(@Ctx() ctx: RequestContext, @Parent() actor: ActorModel): Promise<ParticipantModel[]> {
    return (await this.actors.participations(ctx, actor.id)).map(mapParticipant);
  }

  @Mutation(() => ActorModel, { description: 'Folds actors that are one person into targetId: their meetings and spellings move over.' })
  @Allow('ANALYST')
  async mergeActors(
    @Ctx() ctx: RequestContext,
    @Args('targetId', { type: () => ID }) targetId: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('duplicateIds', { type: () => [ID] }) duplicateIds: string[],
  ): Promise<ActorModel> {
    return mapActor(await this.actors.merge(ctx, targetId, expectedVersion, duplicateIds));
  }

  @Mutation(() => ActorModel, { description: 'Moves some of an actor’s participations to a new actor (another person of the same name); answers the new actor.' })
  @Allow('ANALYST')
  async splitActor(
    @Ctx() ctx: RequestContext,
    @Args('actorId', { type: () => ID }) actorId: string,
    @Args('input') input: SplitActorInput,
  ): Promise<ActorModel> {
    return mapActor(await this.actors.split(ctx, actorId, input));
  }
}

@Resolver(() => ActorCountryModel)
export class ActorCountryResolver {
  @ResolveField(() => CountryModel)
  async country(@Parent() row: ActorCountryModel, @Loader() loaders: Loaders): Promise<CountryModel> {
    return mapCountry((await loaders.country.load(row.countryCode))!);
  }
}
