import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { COOPERATION_SCORE_FORMULA, type Dyad } from '@dyad/analytics';
import type { CooperationFilter } from '@dyad/domain';
import { CountryModel, mapCountry } from '../../country/country.model.js';
import { Connection } from '../../graphql/connection.js';

@ObjectType('Dyad', {
  description: 'An unordered pair of countries with at least one HELD meeting; a meeting of three parties counts for each of its three dyads.',
})
export class DyadModel {
  @Field(() => [CountryModel], { description: 'The two countries, by code.' })
  countries: CountryModel[];

  @Field(() => Int, {
    description: 'HELD meetings with both as parties (the meetings list filtered by both countries and statuses [HELD] has as many).',
  })
  meetingCount: number;

  @Field(() => Int, { description: 'Proposals with both as parties.' })
  proposalCount: number;

  @Field(() => Int, { description: 'Proposals with both as parties that are SIGNED, IMPLEMENTING or COMPLETED.' })
  signedCount: number;

  @Field(() => Int, { description: 'Follow-ups OPEN or IN_PROGRESS.' })
  openFollowUps: number;

  @Field(() => Int, { description: 'Open follow-ups whose due date has passed (Tehran time).' })
  overdueFollowUps: number;

  @Field(() => String, { nullable: true, description: 'The latest date a meeting was held, YYYY-MM-DD.' })
  lastActivity: string | null;

  @Field(() => Float, { description: COOPERATION_SCORE_FORMULA })
  score: number;

  /** The filter the list was asked with (its `scoreTrend` covers the same range); not a GraphQL field. */
  listFilter?: CooperationFilter | null;
}

export const DyadConnection = Connection(DyadModel, 'Dyad');

export function mapDyad(dyad: Dyad): DyadModel {
  return {
    countries: dyad.countries.map(mapCountry),
    meetingCount: dyad.meetingCount,
    proposalCount: dyad.proposalCount,
    signedCount: dyad.signedCount,
    openFollowUps: dyad.openFollowUps,
    overdueFollowUps: dyad.overdueFollowUps,
    lastActivity: dyad.lastActivity,
    score: dyad.score,
  };
}
