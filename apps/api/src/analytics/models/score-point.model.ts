import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { COOPERATION_SCORE_FORMULA, SCORE_WEIGHTS, type ScoreBreakdown, type ScorePoint, type ScoreTrend } from '@dyad/analytics';

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

@ObjectType('ScoreBreakdown', { description: "The inputs of one dyad's cooperation score on one day, and the score they make." })
export class ScoreBreakdownModel {
  @Field({ description: "The reference date r: the filter's to, else today (Tehran)." })
  asOf: string;

  @Field({ description: 'The first day of the 24-month window that ends on asOf.' })
  windowFrom: string;

  @Field(() => Int, { description: 'HELD meetings of the pair in the window.' })
  meetings: number;

  @Field(() => Float, { description: 'Their recency-weighted sum: each counts 0.5^(age in days / 365).' })
  meetingsWeight: number;

  @Field(() => Int, { description: 'MoUs and agreements signed (or moved on to IMPLEMENTING or COMPLETED) in the window.' })
  signed: number;

  @Field(() => Int, { description: 'Proposals that moved past PROPOSED in the window.' })
  advanced: number;

  @Field(() => Int, { description: 'Follow-ups that fell due in the window and were not DONE or CANCELLED by asOf.' })
  overdue: number;

  @Field(() => Float, { description: 'meetingsWeight + signedWeight × signed + advancedWeight × advanced − overdueWeight × overdue.' })
  raw: number;

  @Field(() => Float, { description: 'round(100 × (1 − e^(−max(raw, 0) / scale)), 1).' })
  score: number;

  @Field(() => Float) signedWeight: number;
  @Field(() => Float) advancedWeight: number;
  @Field(() => Float) overdueWeight: number;
  @Field(() => Float) scale: number;

  @Field({ description: 'The formula in words.' })
  formula: string;
}

export const mapScoreBreakdown = (breakdown: ScoreBreakdown): ScoreBreakdownModel => ({
  ...breakdown,
  signedWeight: SCORE_WEIGHTS.signed,
  advancedWeight: SCORE_WEIGHTS.advanced,
  overdueWeight: SCORE_WEIGHTS.overdue,
  scale: SCORE_WEIGHTS.scale,
  formula: COOPERATION_SCORE_FORMULA,
});
