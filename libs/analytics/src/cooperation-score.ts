import {
  type CooperationFilter, followUpConditions, meetingConditions, proposalConditions, type SqlParams,
} from '@dyad/domain';
import { followUpPairCtes } from './dyad-sql.js';

// The cooperation score of a dyad on a reference date r. Kept in one place so the list, the trend and
// the GraphQL description cannot drift apart.
export const SCORE_WINDOW_DAYS = 730;
export const MEETING_HALF_LIFE_DAYS = 365;
export const SIGNED_WEIGHT = 3;
export const ADVANCED_WEIGHT = 1;
export const OVERDUE_WEIGHT = 0.5;
/** raw = SCALE gives a score of 63; 2×SCALE gives 86. */
export const SCORE_SCALE = 10;

/** The formula in words, for API descriptions and the dashboard. */
export const COOPERATION_SCORE_FORMULA =
  `Cooperation score, 0–100, as of a reference date r (the filter's \`to\`, else today), over the ${SCORE_WINDOW_DAYS} days (24 months) up to r: ` +
  `raw = Σ over the pair's meetings in the window of 0.5^(age in days / ${MEETING_HALF_LIFE_DAYS}) ` +
  `+ ${SIGNED_WEIGHT} × MoUs and agreements signed (or moved on to IMPLEMENTING or COMPLETED) in the window ` +
  `+ ${ADVANCED_WEIGHT} × proposals that moved past PROPOSED (any step from AGREED on) in the window ` +
  `− ${OVERDUE_WEIGHT} × follow-ups that fell due in the window and were not DONE or CANCELLED by r; ` +
  `score = round(100 × (1 − e^(−max(raw, 0) / ${SCORE_SCALE})), 1), so raw ${SCORE_SCALE} scores 63 and raw ${2 * SCORE_SCALE} scores 86. ` +
  'A proposal counts once per term however many steps it took. The filter\'s countries, sectors and text narrow which ' +
  'facts count; its from is ignored (the window sets the range).';

const SIGNED_OR_LATER = `('SIGNED', 'IMPLEMENTING', 'COMPLETED')`;
const PAST_PROPOSED = `('AGREED', 'NEGOTIATING', 'SIGNED', 'IMPLEMENTING', 'COMPLETED')`;

export interface ScoreSqlOptions {
  filter: CooperationFilter;
  params: SqlParams;
  /** A CTE with one column `r` (date): the reference dates to score on. */
  refs: string;
  /** SQL condition on two country-code columns, a dyad kept. */
  pairCondition: (a: string, b: string) => string;
  today: string;
}

/**
 * CTEs ending in `score (a, b, r, score)`: one row for each dyad with anything in the window of each
 * reference date. Meetings, proposals and follow-ups are narrowed by the filter minus its dates.
 */
export function scoreCtes({ filter, params, refs, pairCondition, today }: ScoreSqlOptions): string {
  const undated = { ...filter, from: null, to: null };
  const meetingWhere = meetingConditions(undated, 'sm', params).join(' AND ') || 'true';
  const proposalWhere = proposalConditions(undated, 'sp', params).join(' AND ') || 'true';
  const followUpWhere = followUpConditions(undated, 'f', params, today).join(' AND ') || 'true';
  const window = SCORE_WINDOW_DAYS;
  return `
  score_meetings AS (
    SELECT pa.country_code AS a, pb.country_code AS b, ref.r,
           sum(power(0.5::float8, (ref.r - sm.date) / ${MEETING_HALF_LIFE_DAYS}::float8)) AS weight
    FROM meeting sm
    JOIN ${refs} ref ON sm.date > ref.r - ${window} AND sm.date <= ref.r
    JOIN meeting_party pa ON pa.meeting_id = sm.id
    JOIN meeting_party pb ON pb.meeting_id = sm.id AND pa.country_code < pb.country_code
    WHERE ${meetingWhere} AND ${pairCondition('pa.country_code', 'pb.country_code')}
    GROUP BY 1, 2, 3
  ),
  score_proposals AS (
    SELECT pa.country_code AS a, pb.country_code AS b, ref.r,
           count(DISTINCT sp.id) FILTER (WHERE sp.kind IN ('MOU', 'AGREEMENT') AND h.status IN ${SIGNED_OR_LATER}) AS signed,
           count(DISTINCT sp.id) AS advanced
    FROM proposal sp
    JOIN proposal_status_change h ON h.proposal_id = sp.id AND h.status IN ${PAST_PROPOSED}
    JOIN ${refs} ref ON h.effective_date > ref.r - ${window} AND h.effective_date <= ref.r
    JOIN proposal_party pa ON pa.proposal_id = sp.id
    JOIN proposal_party pb ON pb.proposal_id = sp.id AND pa.country_code < pb.country_code
    WHERE ${proposalWhere} AND ${pairCondition('pa.country_code', 'pb.country_code')}
    GROUP BY 1, 2, 3
  ),
  score_follow_up AS (
    SELECT f.id, f.meeting_id, f.proposal_id, f.due_date, f.status,
           CASE WHEN f.status IN ('DONE', 'CANCELLED') THEN
             coalesce((SELECT min(c.effective_date) FROM follow_up_status_change c
                       WHERE c.follow_up_id = f.id AND c.status IN ('DONE', 'CANCELLED')), '-infinity'::date)
           END AS closed_on
    FROM follow_up_action f
    WHERE ${followUpWhere}
      AND f.due_date > (SELECT min(r) FROM ${refs}) - ${window} AND f.due_date < (SELECT max(r) FROM ${refs})
  ),
  ${followUpPairCtes('score_follow_up', 'score_follow_up', pairCondition)},
  score_follow_ups AS (
    SELECT fp.a, fp.b, ref.r, count(*) AS overdue
    FROM score_follow_up_pair fp
    JOIN score_follow_up f ON f.id = fp.id
    JOIN ${refs} ref ON f.due_date > ref.r - ${window} AND f.due_date < ref.r
    WHERE f.closed_on IS NULL OR f.closed_on > ref.r
    GROUP BY 1, 2, 3
  ),
  score_raw AS (
    SELECT a, b, r,
           coalesce(weight, 0) + ${SIGNED_WEIGHT} * coalesce(signed, 0) + ${ADVANCED_WEIGHT} * coalesce(advanced, 0)
             - ${OVERDUE_WEIGHT} * coalesce(overdue, 0) AS raw
    FROM score_meetings FULL JOIN score_proposals USING (a, b, r) FULL JOIN score_follow_ups USING (a, b, r)
  ),
  score AS (
    SELECT a, b, r, round((100 * (1 - exp(-greatest(raw, 0) / ${SCORE_SCALE})))::numeric, 1)::float8 AS score FROM score_raw
  )`;
}
