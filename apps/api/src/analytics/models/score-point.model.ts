import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { COOPERATION_SCORE_FORMULA, type ScorePoint, type ScoreTrend } from '@dyad/analytics';

@ObjectType('ScorePoint', { description: "A dyad's cooperation score in one period." })
export class ScorePointModel {
  @Field({ description: 'First day of the period, YYYY-MM-DD.' })
  period: string;

  @Field({ description: '2025-04, 2025-Q2 or 2025.' })
  label: string;

  @Field({ description: "The day the score is taken on: the period's last day, or the end of the range if earlier." })
  asOf: string;

  @Field(() => Float, { description: COOPERATION_SCORE_FORMULA.replace('(the filter\'s `to`, else today)', '(asOf)') })
  score: number;
}

export const mapScorePoint = (point: ScorePoint): ScorePointModel => ({ ...point });

@ObjectType('ScoreTrend')
export class ScoreTrendModel {
  @Field(() => [ScorePointModel])
  points: ScorePointModel[];

  @Field(() => Int, { description: 'HELD meetings of the pair, by the filter bar its dates, with no known date: no score counts them.' })
  undatedMeetings: number;
}

export const mapScoreTrend = (trend: ScoreTrend): ScoreTrendModel => ({ points: trend.points.map(mapScorePoint), undatedMeetings: trend.undatedMeetings });
