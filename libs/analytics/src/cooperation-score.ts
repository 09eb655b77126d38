import { AGREED_OR_LATER, SIGNED_OR_LATER as SIGNED_GROUP, sqlList } from '@dyad/vocabulary';
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
  `raw = Σ over the pair's HELD meetings in the window of 0.5^(age in days / ${MEETING_HALF_LIFE_DAYS}) ` +
  `+ ${SIGNED_WEIGHT} × MoUs and agreements signed (or moved on to IMPLEMENTING or COMPLETED) in the window ` +
  `+ ${ADVANCED_WEIGHT} × proposals that moved past PROPOSED (any step from AGREED on) in the window ` +
  `− ${OVERDUE_WEIGHT} × follow-ups that fell due in the window and were not DONE or CANCELLED by r; ` +
  `score = round(100 × (1 − e^(−max(raw, 0) / ${SCORE_SCALE})), 1), so raw ${SCORE_SCALE} scores 63 and raw ${2 * SCORE_SCALE} scores 86. ` +
  'A proposal counts once per term however many steps it took. Scheduled and cancelled meetings, and facts with no ' +
  'known date, do not count. The filter\'s countries, sectors and text narrow which facts count; its from is ignored ' +
  '(the window sets the range).';

const SIGNED_OR_LATER = sqlList(SIGNED_GROUP);
const PAST_PROPOSED = sqlList(AGREED_OR_LATER);

/** The meetings term: recency-weighted meetings, as an aggregate over rows with a `date` and a reference date `r`. */
/** The weights, for a reader who wants the formula's inputs (the dashboard's score panel). */
export const SCORE_WEIGHTS = { signed: SIGNED_WEIGHT, advanced: ADVANCED_WEIGHT, overdue: OVERDUE_WEIGHT, scale: SCORE_SCALE, halfLifeDays: MEETING_HALF_LIFE_DAYS, windowDays: SCORE_WINDOW_DAYS } as const;

export function meetingWeight(date: string, r: string): string {
  return `sum(power(0.5::float8, (${r} - ${date}) / ${MEETING_HALF_LIFE_DAYS}::float8))`;
}

/**
 * CTEs ending in `score (a, b, r, score)`: one row for each dyad with anything in the window of a reference
 * date in CTE `refs` (column r). Reads the fact CTEs of `factCtes` (held_meeting_pair, proposal_pair, follow_up_pair);
 * `meetingWeights` names a CTE (a, b, r, weight) that already summed the meetings term, to read held_meeting_pair once.
 */
export function scoreCtes(refs: string, options: { meetingWeights?: string } = {}): string {
  const window = SCORE_WINDOW_DAYS;
  const meetings = options.meetingWeights
    ? `SELECT a, b, r, weight FROM ${options.meetingWeights}`
    : `SELECT mp.a, mp.b, ref.r, ${meetingWeight('mp.date', 'ref.r')} AS weight
    FROM held_meeting_pair mp JOIN ${refs} ref ON mp.date > ref.r - ${window} AND mp.date <= ref.r
    GROUP BY 1, 2, 3`;
  return `
  score_meetings AS (
    ${meetings}
  ),
  score_proposals AS (
    SELECT pp.a, pp.b, ref.r,
           count(DISTINCT pp.id) FILTER (WHERE pp.kind IN ('MOU', 'AGREEMENT') AND h.status IN ${SIGNED_OR_LATER}) AS signed,
           count(DISTINCT pp.id) AS advanced
    FROM proposal_pair pp
    JOIN proposal_status_change h ON h.proposal_id = pp.id AND h.status IN ${PAST_PROPOSED}
    JOIN ${refs} ref ON h.effective_date > ref.r - ${window} AND h.effective_date <= ref.r
    GROUP BY 1, 2, 3
  ),
  score_follow_ups AS (
    SELECT fp.a, fp.b, ref.r, count(*) AS overdue
    FROM follow_up_pair fp JOIN ${refs} ref ON fp.due_date > ref.r - ${window} AND fp.due_date < ref.r
    WHERE fp.closed_on IS NULL OR fp.closed_on > ref.r
    GROUP BY 1, 2, 3
  ),
  score_raw AS (
    SELECT a, b, r, ${rawSql('coalesce(weight, 0)', 'coalesce(signed, 0)', 'coalesce(advanced, 0)', 'coalesce(overdue, 0)')} AS raw
    FROM score_meetings FULL JOIN score_proposals USING (a, b, r) FULL JOIN score_follow_ups USING (a, b, r)
  ),
  score AS (
    SELECT a, b, r, ${scoreOfRaw('raw')} AS score FROM score_raw
  )`;
}

/** The raw score from its four inputs (SQL expressions). */
const rawSql = (weight: string, signed: string, advanced: string, overdue: string) =>
  `${weight} + ${SIGNED_WEIGHT} * ${signed} + ${ADVANCED_WEIGHT} * ${advanced} - ${OVERDUE_WEIGHT} * ${overdue}`;

/** The 0–100 score of a raw score (SQL expression). */
const scoreOfRaw = (raw: string) => `round((100 * (1 - exp(-greatest(${raw}, 0) / ${SCORE_SCALE})))::numeric, 1)::float8`;

// what a meeting weight stored as of 2000-01-01 counts on day `r` (SQL expression), as rollup_score's functions scale it
const DECAY = (r: string) => `power(2::float8, ('2000-01-01'::date - ${r}) / ${MEETING_HALF_LIFE_DAYS}::float8)`;

/**
 * A query of rows (a, b, r, weight, signed, advanced, overdue, raw, score): the score's inputs and the score of
 * each dyad that `pair` keeps on each reference date of CTE `refs` (column r), read from the stored inputs
 * (rollup_score: per dyad, month and shard; migrations ScoreRollup1797600000000 and ScoreRollupShards1798100000001),
 * the shards summed, one row per dyad and date. A day's input is its month's whole-month number plus the day's cell
 * (ScoreWholeMonths1800000000011): the meetings' number is a sum of weights as of 2000-01-01, scaled to the day as
 * the cells are. The facts are every fact of the dyad: the stored score answers filters of at most the dyad's two
 * countries and dates. A dyad with no row has nothing in the window (0).
 */
export function storedScoreInputsSql(refs: string, pair: (a: string, b: string) => string): string {
  const cell = (column: string) => `coalesce(s.${column}[extract(day FROM ref.r)::int], 0)`;
  const count = (column: string) => `sum(s.whole_${column} + ${cell(column)})::int`;
  return `SELECT a, b, r, weight, signed, advanced, overdue, raw, ${scoreOfRaw('raw')} AS score
    FROM (SELECT *, ${rawSql('weight', 'signed', 'advanced', 'overdue')} AS raw
          FROM (SELECT s.a, s.b, ref.r, sum(s.whole_meetings * ${DECAY('ref.r')} + ${cell('meetings')}) AS weight,
                       ${count('signed')} AS signed, ${count('advanced')} AS advanced, ${count('overdue')} AS overdue
                FROM ${refs} ref JOIN rollup_score s ON s.month = date_trunc('month', ref.r)::date AND ${pair('s.a', 's.b')}
                GROUP BY 1, 2, 3) cells) inputs`;
}

/** Rows (a, b, r, score) of `storedScoreInputsSql`. */
export const storedScoreSql = (refs: string, pair: (a: string, b: string) => string) =>
  `SELECT a, b, r, score FROM (${storedScoreInputsSql(refs, pair)}) stored`;
