import type { Country, EventType, FollowUpHorizon, FollowUpStatus, ProposalStatus, Sector } from '@dyad/domain';

export const GRANULARITIES = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** A slice of a sorted result. */
export interface PageRequest {
  limit: number;
  offset: number;
}

export interface Dyad {
  /** The two countries, by code (a < b). */
  countries: [Country, Country];
  meetingCount: number;
  proposalCount: number;
  /** Proposals SIGNED, IMPLEMENTING or COMPLETED. */
  signedCount: number;
  openFollowUps: number;
  overdueFollowUps: number;
  /** The latest meeting date, YYYY-MM-DD. */
  lastActivity: string | null;
  /** 0–100; see `COOPERATION_SCORE_FORMULA`. */
  score: number;
}

export interface DyadPage {
  totalCount: number;
  nodes: Dyad[];
}

/** The inputs of one dyad's cooperation score on one day, and the score they make. */
export interface ScoreBreakdown {
  /** The reference date r (the filter's `to`, else today). */
  asOf: string;
  /** The first day of the window (r − 729 days). */
  windowFrom: string;
  /** HELD meetings in the window, and their recency-weighted sum (each 0.5^(age/365)). */
  meetings: number;
  meetingsWeight: number;
  /** MoUs and agreements signed (or moved on) in the window. */
  signed: number;
  /** Proposals that moved past PROPOSED in the window. */
  advanced: number;
  /** Follow-ups that fell due in the window and were not done by r. */
  overdue: number;
  raw: number;
  score: number;
}

export interface ScorePoint {
  /** First day of the period, YYYY-MM-DD. */
  period: string;
  label: string;
  /** The day the score is taken on: the period's last day, or the end of the range if earlier. */
  asOf: string;
  score: number;
}

/** Meetings per period; meetings with no known date are in no period, only counted. */
export interface CooperationTimeline {
  periods: TimelinePeriod[];
  /** Meetings the filter matches (bar its dates) that have no known date, so are in no period. */
  undatedMeetings: number;
}

export interface ScoreTrend {
  points: ScorePoint[];
  /** HELD meetings of the pair (by the filter bar its dates) with no known date, which no score counts. */
  undatedMeetings: number;
}

export interface TimelinePeriod {
  /** First day of the period, YYYY-MM-DD. */
  period: string;
  /** 2025-04, 2025-Q2 or 2025. */
  label: string;
  total: number;
  /** Every event type, in vocabulary order, zeros included. */
  byType: { type: EventType; count: number }[];
}

export interface ProposalFunnel {
  total: number;
  /** All eight statuses in lifecycle order, then the side states; zeros included. */
  byStatus: { status: ProposalStatus; count: number }[];
  /** Each main lifecycle step and how many proposals ever reached it (or went past it). */
  steps: { status: ProposalStatus; reached: number }[];
}

export interface FollowUpSummary {
  total: number;
  byStatus: { status: FollowUpStatus; count: number }[];
  /** Due date passed, still OPEN or IN_PROGRESS. */
  overdue: number;
  /** Still OPEN or IN_PROGRESS, due today or in the 30 days after. */
  dueNext30Days: number;
  byHorizon: { horizon: FollowUpHorizon; count: number; open: number; overdue: number }[];
}

export interface SectorActivity {
  sector: Sector;
  meetings: number;
  proposals: number;
  /** Proposals SIGNED, IMPLEMENTING or COMPLETED. */
  signed: number;
}
