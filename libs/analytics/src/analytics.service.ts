import { COUNTRY_CODE_SHAPE as ISO_ALPHA2, OPEN_FOLLOW_UP_STATUSES, SIGNED_OR_LATER as SIGNED_GROUP, sqlList } from '@dyad/vocabulary';
import {
  assertCooperationFilter, type CooperationFilter, type Country, DomainError, EVENT_TYPES, type EventType, FOLLOW_UP_HORIZONS,
  FOLLOW_UP_STATUSES, type FollowUpFilter, type FollowUpHorizon, followUpConditions, type FollowUpStatus, type MeetingFilter,
  meetingConditions, PROPOSAL_LIFECYCLE, PROPOSAL_STATUSES, proposalConditions, type ProposalFilter, type ProposalStatus,
  type RequestContext, SECTORS, type Sector, SqlParams, todayInTehran, whereClause, addDays, preparedQuery,
} from '@dyad/domain';
import { readTargetKey } from '@dyad/database';
import { anyOf, monthConditions, monthsEnd, onlyKeys, rollupScope, scopeConditions, splitRange } from './rollup-sql.js';
import type { DataSource } from 'typeorm';
import type {
  CooperationTimeline, Dyad, DyadPage, FollowUpSummary, Granularity, PageRequest, ProposalFunnel, ScoreBreakdown, ScoreTrend, SectorActivity,
  TimelinePeriod,
} from './analytics.types.js';
import { meetingWeight, SCORE_WINDOW_DAYS, scoreCtes, storedScoreInputsSql, storedScoreSql } from './cooperation-score.js';
import { dateRange, dyadCondition, factCtes } from './dyad-sql.js';
import { assertGranularity, MAX_PERIODS, PERIOD_SQL, periodLabel, tooManyPeriods } from './periods.js';
import { SingleFlight } from './single-flight.js';

const SIGNED_OR_LATER = sqlList(SIGNED_GROUP);
const OPEN = sqlList(OPEN_FOLLOW_UP_STATUSES);

/**
 * Charts count meetings that took place: HELD only, unless the filter asks for other statuses. A scheduled
 * meeting has not happened (the overview lists it as upcoming) and a cancelled one never did.
 */
const heldByDefault = <F extends MeetingFilter>(filter: F): F => (filter.statuses?.length ? filter : { ...filter, statuses: ['HELD'] });

// A country row as the Country entity spells it, built in SQL so a dyad needs no second query.
const countryJson = (alias: string) =>
  `json_build_object('code', ${alias}.code, 'alpha3', ${alias}.alpha3, 'nameEn', ${alias}.name_en, 'nameFa', ${alias}.name_fa,
    'nameRu', ${alias}.name_ru, 'aliases', ${alias}.aliases)`;

/**
 * The page of dyads from CTEs `dyad_counts` (a, b and the counts) and `score` (a, b, score): by score, then by
 * pair. The countries are joined to the page's dyads only, after the limit.
 */
const dyadPageSql = (params: SqlParams, page: PageRequest) => `
  SELECT ${countryJson('ca')} AS country_a, ${countryJson('cb')} AS country_b, p.meeting_count, p.proposal_count, p.signed_count,
         p.open_follow_ups, p.overdue_follow_ups, p.last_activity, p.score, p.total_count
  FROM (
    SELECT d.*, coalesce(s.score, 0) AS score, count(*) OVER ()::int AS total_count
    FROM dyad_counts d
    LEFT JOIN score s USING (a, b)
    ORDER BY score DESC, d.a, d.b
    LIMIT ${params.param(page.limit)} OFFSET ${params.param(page.offset)}
  ) p
  JOIN country ca ON ca.code = p.a
  JOIN country cb ON cb.code = p.b
  ORDER BY p.score DESC, p.a, p.b`;

interface DyadRow {
  country_a: Country;
  country_b: Country;
  meeting_count: number;
  proposal_count: number;
  signed_count: number;
  open_follow_ups: number;
  overdue_follow_ups: number;
  last_activity: string | null;
  score: number;
  total_count: number;
}

/**
 * Read-side aggregates for the dashboard. Each method is one SQL query narrowed by the same filter
 * conditions as the lists, so a number on a chart equals the length of the list it opens.
 */
export class AnalyticsService {
  /** `rollups: false` answers everything from the base rows (tests compare the two). */
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { rollups?: boolean } = {},
  ) {}

  private get rollups(): boolean {
    return this.options.rollups !== false;
  }

  private readonly flights = new SingleFlight();

  /**
   * Runs one aggregate. Identical queries in flight at the same moment share one execution. JIT compilation
   * is off: these queries are costed high enough to trigger it, and compiling took longer (0.3–4 s at
   * 100,000 meetings) than running them.
   */
  private query<T>(sql: string, params: SqlParams, parallel = true): Promise<T[]> {
    // a request reading a replica never shares the primary's run (nor another replica's): they may differ
    const key = `${readTargetKey()}\n${sql}\n${JSON.stringify(params.values)}`;
    if (!parallel) return this.flights.run(key, () => preparedQuery<T>(this.dataSource, sql, params.values));
    return this.flights.run(key, () =>
      this.dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL jit = off');
        // the API's connections run without parallel workers (short statements); a chart read from the base
        // rows is long enough to gain from them
        if (parallel) await manager.query('SET LOCAL max_parallel_workers_per_gather = 2');
        return manager.query(sql, params.values) as Promise<T[]>;
      }),
    );
  }

  /**
   * Every dyad with at least one HELD meeting matching the filter (a meeting of three parties counts for each
   * of its three dyads), with its counts and cooperation score; by score, then by pair.
   */
  async dyads(ctx: RequestContext, filter: CooperationFilter | null | undefined, page: PageRequest): Promise<DyadPage> {
    const f = checked(filter);
    const scope = this.rollups && onlyKeys(f, ['countries', 'from', 'to']) ? rollupScope(f.countries) : null;
    if (scope) return f.from || f.to ? this.dyadsFromRollups(f, page) : this.dyadsFromTotals(f, page);
    const params = new SqlParams();
    const today = todayInTehran();
    const pair = (a: string, b: string) => dyadCondition(f.countries, a, b, params);
    const inRange = dateRange(f, 'date', params);
    const sql = `
      WITH score_ref AS (SELECT ${params.param(f.to ?? today)}::date AS r),
      ${factCtes({ filter: f, params, pair, today, refs: 'score_ref', windowDays: SCORE_WINDOW_DAYS, openFollowUps: true })},
      -- one pass over the meetings for both the counts (the filter's dates) and the score (its window)
      meeting_dyad AS (
        SELECT a, b, r, count(*) FILTER (WHERE ${inRange})::int AS meeting_count,
               (max(date) FILTER (WHERE ${inRange}))::text AS last_activity,
               ${meetingWeight('date', 'r')} FILTER (WHERE date > r - ${SCORE_WINDOW_DAYS} AND date <= r) AS weight
        FROM held_meeting_pair CROSS JOIN score_ref
        GROUP BY a, b, r
      ),
      proposal_dyad AS (
        SELECT a, b, count(*)::int AS proposal_count, count(*) FILTER (WHERE status IN ${SIGNED_OR_LATER})::int AS signed_count
        FROM proposal_pair WHERE ${dateRange(f, 'status_date', params)}
        GROUP BY a, b
      ),
      follow_up_dyad AS (
        SELECT a, b, count(*)::int AS open_follow_ups, count(*) FILTER (WHERE due_date < ${params.param(today)})::int AS overdue_follow_ups
        FROM follow_up_pair WHERE status IN ${OPEN} AND ${dateRange(f, 'due_date', params)}
        GROUP BY a, b
      ),
      ${scoreCtes('score_ref', { meetingWeights: 'meeting_dyad' })}
      SELECT ${countryJson('ca')} AS country_a, ${countryJson('cb')} AS country_b,
             d.meeting_count, coalesce(p.proposal_count, 0) AS proposal_count, coalesce(p.signed_count, 0) AS signed_count,
             coalesce(fu.open_follow_ups, 0) AS open_follow_ups, coalesce(fu.overdue_follow_ups, 0) AS overdue_follow_ups,
             d.last_activity, coalesce(s.score, 0) AS score, count(*) OVER ()::int AS total_count
      FROM meeting_dyad d
      JOIN country ca ON ca.code = d.a
      JOIN country cb ON cb.code = d.b
      LEFT JOIN proposal_dyad p USING (a, b)
      LEFT JOIN follow_up_dyad fu USING (a, b)
      LEFT JOIN score s USING (a, b)
      WHERE d.meeting_count > 0
      ORDER BY score DESC, d.a, d.b
      LIMIT ${params.param(page.limit)} OFFSET ${params.param(page.offset)}`;
    const rows = await this.query<DyadRow>(sql, params);
    // Past the last page there are no rows to carry the total: count the dyads on their own.
    const totalCount = rows[0]?.total_count ?? (page.offset > 0 ? (await this.dyads(ctx, f, { limit: 1, offset: 0 })).totalCount : 0);
    return { totalCount, nodes: rows.map(mapDyad) };
  }

  /**
   * `dyads` for a filter of at most two countries and dates: the counts from rollup_dyad_month for the whole months of
   * the range and, by day, from rollup_dyad_day (meetings, proposals) and rollup_dyad_due (open follow-ups) for the
   * partial months at its ends and the follow-ups that fell due this month before today, the score from the stored
   * score inputs on the range's end (else today).
   */
  private async dyadsFromRollups(f: CooperationFilter, page: PageRequest): Promise<DyadPage> {
    const params = new SqlParams();
    const today = todayInTehran();
    const pair = (a: string, b: string) => dyadCondition(f.countries, a, b, params);
    // Meetings and proposals are dated up to today: a range ending today takes its last month from the rollups less
    // the days after today. A latest date cannot be taken away: where a whole month stands for part of it, its
    // latest date counts only if in the range (else, at the end of the range, the pair's latest there is looked up).
    const dated = splitRange(f, { until: today });
    // The days of the partial months from rollup_dyad_day (held meetings and proposals per dyad and day; by its day
    // index), read once for the meetings and the proposals: a row per dyad, day and end of the range (its shards
    // summed), with the end's sign; the latest day with a meeting is one of the rows.
    const dayParts = dated.edges.map(({ sign, from, to }) => `SELECT r.a, r.b, r.day, ${sign} AS sign, sum(r.meetings)::int AS meetings,
        sum(r.proposals)::int AS proposals, sum(r.signed)::int AS signed
      FROM rollup_dyad_day r WHERE r.day >= ${params.param(from)}::date AND r.day <= ${params.param(to)}::date AND ${pair('r.a', 'r.b')}
      GROUP BY 1, 2, 3`);
    const meetingParts = dayParts.length
      ? [`SELECT a, b, sign * meetings AS n, CASE WHEN sign > 0 AND meetings > 0 THEN day END AS last FROM dyad_days`]
      : [];
    const proposalParts = dayParts.length ? [`SELECT a, b, sign * proposals AS n, sign * signed AS signed FROM dyad_days`] : [];
    // follow-ups by due date (which runs into the future)
    const { months, edges } = splitRange(f);
    // rollup_dyad_month is read once for the meetings, proposals and follow-ups of the range (about 10,000 rows for 12
    // months at 1,000,000 meetings): each sum keeps the months of its own part of the range
    const monthsRead: string[] = [];
    const monthColumns: string[] = [];
    if (dated.months) {
      const inMonths = monthConditions(dated.months, 'r.month', '-infinity', params).join(' AND ') || 'true';
      let last = 'r.last_date';
      for (const { sign, ...edge } of dated.edges) {
        if (sign > 0) continue;
        if (edge.from === dated.months.from) {
          // the days before the range's start
          last = `CASE WHEN r.month = ${params.param(edge.from)}::date AND r.last_date < ${params.param(f.from)}::date THEN null ELSE ${last} END`;
        } else {
          // the end month's latest date is after the range's end: the dyad's latest day with a meeting from the month's
          // start to the range's end is looked up, for those dyads only, apart from the read (in it, the lookup's cost
          // estimate per row made PostgreSQL sort the rows to aggregate them instead of hashing them)
          const monthStart = params.param(`${f.to!.slice(0, 7)}-01`);
          const to = params.param(f.to);
          const afterEnd = `r.month = ${monthStart}::date AND r.last_date > ${to}::date`;
          last = `CASE WHEN ${afterEnd} THEN null ELSE ${last} END`;
          monthColumns.push(`coalesce(bool_or(${afterEnd}) FILTER (WHERE ${inMonths}), false) AS last_after_end`);
          // (backwards by day in the dyad's days with meetings: a read of the whole month's days by day instead, some
          // 17,000 rows at 1,000,000 meetings, took 13 ms)
          meetingParts.push(`SELECT d.a, d.b, 0 AS n,
              (SELECT r.day FROM rollup_dyad_day r
               WHERE r.a = d.a AND r.b = d.b AND r.day >= ${monthStart}::date AND r.day <= ${to}::date AND r.meetings <> 0
               GROUP BY r.day HAVING sum(r.meetings) > 0 ORDER BY r.day DESC LIMIT 1) AS last
            FROM dyad_months d WHERE d.last_after_end`);
        }
      }
      monthsRead.push(inMonths);
      monthColumns.push(
        `sum(r.meetings) FILTER (WHERE ${inMonths})::int AS meetings, max(${last}) FILTER (WHERE ${inMonths}) AS last`,
        `sum(r.proposals) FILTER (WHERE ${inMonths})::int AS proposals, sum(r.signed) FILTER (WHERE ${inMonths})::int AS signed`,
      );
      meetingParts.push(`SELECT a, b, meetings AS n, last FROM dyad_months WHERE meetings IS NOT NULL`);
      proposalParts.push(`SELECT a, b, proposals AS n, signed FROM dyad_months WHERE proposals IS NOT NULL`);
    }
    // (every parameter must appear in the SQL: each part takes its own)
    // the days of partial months from rollup_dyad_due (open follow-ups per dyad and due day; by its due-date index)
    const followUpDays = (range: { from: string; to: string }, onlyOverdue: boolean, sign = 1, todayParam = params.param(today)) =>
      `SELECT r.a, r.b, ${onlyOverdue ? 0 : sign} * r.open_follow_ups AS open, ${sign} * (r.due_date < ${todayParam}::date)::int * r.open_follow_ups AS overdue
        FROM rollup_dyad_due r
        WHERE r.due_date >= ${params.param(range.from)}::date AND r.due_date <= ${params.param(range.to)}::date AND ${pair('r.a', 'r.b')}
          ${onlyOverdue ? `AND r.due_date < ${todayParam}::date` : ''}`;
    const followUpParts = edges.map(({ sign, ...edge }) => followUpDays(edge, false, sign));
    if (months) {
      const inMonths = monthConditions(months, 'r.month', 'infinity', params).join(' AND ') || 'true';
      // overdue from the rollups for the months before this one; this month's, up to today, by day
      const monthStart = `${today.slice(0, 7)}-01`;
      monthsRead.push(inMonths);
      monthColumns.push(`sum(r.open_follow_ups) FILTER (WHERE ${inMonths})::int AS open_follow_ups,
        sum(r.open_follow_ups) FILTER (WHERE ${inMonths} AND r.month < ${params.param(monthStart)}::date)::int AS overdue_follow_ups`);
      followUpParts.push(`SELECT a, b, open_follow_ups AS open, overdue_follow_ups AS overdue FROM dyad_months WHERE open_follow_ups IS NOT NULL`);
      const end = monthsEnd(months);
      if ((!months.from || months.from <= monthStart) && (!end || end >= monthStart)) followUpParts.push(followUpDays({ from: monthStart, to: addDays(today, -1) }, true));
    }
    // (a few rows per dyad and month become one per dyad before the parts are summed)
    const datedMonths = monthsRead.length
      ? `dyad_months AS (
        SELECT r.a, r.b, ${monthColumns.join(',\n          ')}
        FROM rollup_dyad_month r WHERE ${pair('r.a', 'r.b')} AND (${monthsRead.map((where) => `(${where})`).join(' OR ')}) GROUP BY 1, 2
      ),`
      : '';
    const none = (columns: string) => `SELECT ${columns} WHERE false`;
    const sql = `
      WITH ${datedMonths}${dayParts.length ? `
      dyad_days AS (${dayParts.join(' UNION ALL ')}),` : ''}
      meeting_dyad AS (
        SELECT a, b, sum(n)::int AS meeting_count, max(last)::text AS last_activity
        FROM (${meetingParts.join(' UNION ALL ') || none(`''::char(2) AS a, ''::char(2) AS b, 0 AS n, null::date AS last`)}) x
        GROUP BY 1, 2 HAVING sum(n) > 0
      ),
      proposal_dyad AS (
        SELECT a, b, sum(n)::int AS proposal_count, sum(signed)::int AS signed_count
        FROM (${proposalParts.join(' UNION ALL ') || none(`''::char(2) AS a, ''::char(2) AS b, 0 AS n, 0 AS signed`)}) x GROUP BY 1, 2
      ),
      follow_up_dyad AS (
        SELECT a, b, sum(open)::int AS open_follow_ups, sum(overdue)::int AS overdue_follow_ups
        FROM (${followUpParts.join(' UNION ALL ') || none(`''::char(2) AS a, ''::char(2) AS b, 0 AS open, 0 AS overdue`)}) y GROUP BY 1, 2
      ),
      dyad_counts AS (
        SELECT d.a, d.b, d.meeting_count, d.last_activity, coalesce(p.proposal_count, 0) AS proposal_count, coalesce(p.signed_count, 0) AS signed_count,
               coalesce(fu.open_follow_ups, 0) AS open_follow_ups, coalesce(fu.overdue_follow_ups, 0) AS overdue_follow_ups
        FROM meeting_dyad d LEFT JOIN proposal_dyad p USING (a, b) LEFT JOIN follow_up_dyad fu USING (a, b)
      ),
      score_ref AS (SELECT ${params.param(f.to ?? today)}::date AS r),
      score AS (${storedScoreSql('score_ref', pair)})
      ${dyadPageSql(params, page)}`;
    const rows = await this.query<DyadRow>(sql, params, false);
    const totalCount = rows[0]?.total_count ?? (page.offset > 0 ? (await this.dyadsFromRollups(f, { limit: 1, offset: 0 })).totalCount : 0);
    return { totalCount, nodes: rows.map(mapDyad) };
  }

  /**
   * `dyads` for a filter of at most two countries and no dates: each dyad's totals from rollup_dyad (a few rows
   * per dyad), overdue as its open follow-ups less those due from today on or never (rollup_dyad_due, one index range
   * per dyad), for the page's dyads only; the score as with dates.
   */
  private async dyadsFromTotals(f: CooperationFilter, page: PageRequest): Promise<DyadPage> {
    const params = new SqlParams();
    const today = params.param(todayInTehran());
    const pair = (a: string, b: string) => dyadCondition(f.countries, a, b, params);
    const sql = `
      WITH dyad_counts AS (
        SELECT t.*,
               -- computed for the page's dyads only (an expression PostgreSQL evaluates after the sort and limit)
               (t.open_follow_ups - coalesce((SELECT sum(r.open_follow_ups) FROM rollup_dyad_due r
                                              WHERE r.a = t.a AND r.b = t.b AND r.due_date >= ${today}::date), 0))::int AS overdue_follow_ups
        FROM (
          SELECT r.a, r.b, sum(r.meetings)::int AS meeting_count, max(r.last_date)::text AS last_activity, sum(r.proposals)::int AS proposal_count,
                 sum(r.signed)::int AS signed_count, sum(r.open_follow_ups)::int AS open_follow_ups
          FROM rollup_dyad r WHERE ${pair('r.a', 'r.b')}
          GROUP BY 1, 2 HAVING sum(r.meetings) > 0
        ) t
      ),
      score_ref AS (SELECT ${today}::date AS r),
      score AS (${storedScoreSql('score_ref', pair)})
      ${dyadPageSql(params, page)}`;
    const rows = await this.query<DyadRow>(sql, params, false);
    const totalCount = rows[0]?.total_count ?? (page.offset > 0 ? (await this.dyadsFromTotals(f, { limit: 1, offset: 0 })).totalCount : 0);
    return { totalCount, nodes: rows.map(mapDyad) };
  }

  /**
   * The score of one dyad per period, taken on each period's last day (or on the range's end if earlier),
   * from the filter's `from` (else the pair's first meeting) to its `to` (else today).
   */
  async dyadScoreTrend(
    _ctx: RequestContext,
    countries: readonly string[],
    granularity: Granularity,
    filter?: CooperationFilter | null,
  ): Promise<ScoreTrend> {
    const f = checked(filter);
    assertGranularity(granularity);
    const [a, b] = dyadOf(countries);
    const params = new SqlParams();
    const today = todayInTehran();
    const { unit, step } = PERIOD_SQL[granularity];
    // Every fact must have both countries as parties: the shared conditions then use the party indexes.
    const facts = { ...f, countries: [...new Set([...(f.countries ?? []), a, b])] };
    const pa = params.param(a);
    const pb = params.param(b);
    const pair = (x: string, y: string) => `(${x} = ${pa} AND ${y} = ${pb})`;
    const end = `${params.param(f.to ?? today)}::date`;
    const stepParam = `${params.param(step)}::interval`;
    // the stored score inputs hold every fact of the dyad: they answer a filter of its countries and dates
    const stored = this.rollups && onlyKeys(f, ['countries', 'from', 'to']) && (f.countries ?? []).every((code) => code === a || code === b);
    // (every parameter must appear in the SQL, so the first-meeting conditions are built only when used)
    const start = f.from
      ? `${params.param(f.from)}::date`
      : `(SELECT min(m.date) FROM meeting m ${whereClause(meetingConditions({ ...facts, from: null, to: null, statuses: ['HELD'] }, 'm', params))})`;
    const sql = `
      WITH period AS (
        SELECT g::date AS period, least((g + ${stepParam})::date - 1, ${end}) AS r
        FROM generate_series(date_trunc(${params.param(unit)}, ${start}::timestamp), ${end}::timestamp, ${stepParam}) AS g
        LIMIT ${MAX_PERIODS + 1}
      ),
      score_ref AS (SELECT DISTINCT r FROM period),
      ${stored ? `score AS (${storedScoreSql('score_ref', pair)})` : `${factCtes({ filter: facts, params, pair, today, refs: 'score_ref', windowDays: SCORE_WINDOW_DAYS, openFollowUps: false, scoreOnly: true })},
      ${scoreCtes('score_ref')}`}
      SELECT period.period::text AS period, period.r::text AS as_of, coalesce(score.score, 0) AS score
      FROM period LEFT JOIN score ON score.r = period.r
      ORDER BY period.period`;
    const [rows, undatedMeetings] = await Promise.all([
      // the stored form is a short statement (prepared, no parallel workers) unless it looks up the first meeting
      this.query<{ period: string; as_of: string; score: number }>(sql, params, !(stored && f.from)),
      this.undatedMeetings({ ...facts, statuses: ['HELD'] }),
    ]);
    if (rows.length > MAX_PERIODS) throw tooManyPeriods(granularity);
    return {
      points: rows.map((row) => ({ period: row.period, label: periodLabel(row.period, granularity), asOf: row.as_of, score: row.score })),
      undatedMeetings,
    };
  }

  /**
   * The inputs of one dyad's score on the filter's `to` (else today): the same CTEs as the list and the trend,
   * read term by term, so the panel that explains a score shows the numbers that made it.
   */
  async dyadScoreBreakdown(_ctx: RequestContext, countries: readonly string[], filter?: CooperationFilter | null): Promise<ScoreBreakdown> {
    const f = checked(filter);
    const [a, b] = dyadOf(countries);
    const params = new SqlParams();
    const today = todayInTehran();
    const facts = { ...f, from: null, countries: [...new Set([...(f.countries ?? []), a, b])] };
    const pa = params.param(a);
    const pb = params.param(b);
    const pair = (x: string, y: string) => `(${x} = ${pa} AND ${y} = ${pb})`;
    if (this.rollups && onlyKeys(f, ['countries', 'from', 'to']) && (f.countries ?? []).every((code) => code === a || code === b)) {
      return this.storedScoreBreakdown(params, pair, { a, b }, f.to ?? today);
    }
    const sql = `
      WITH score_ref AS (SELECT ${params.param(f.to ?? today)}::date AS r),
      ${factCtes({ filter: facts, params, pair, today, refs: 'score_ref', windowDays: SCORE_WINDOW_DAYS, openFollowUps: false })},
      ${scoreCtes('score_ref')},
      window_meetings AS (
        SELECT count(*)::int AS meetings FROM held_meeting_pair mp, score_ref ref WHERE mp.date > ref.r - ${SCORE_WINDOW_DAYS} AND mp.date <= ref.r
      )
      SELECT ref.r::text AS as_of, (ref.r - ${SCORE_WINDOW_DAYS - 1})::text AS window_from, wm.meetings,
             coalesce(sm.weight, 0)::float8 AS weight, coalesce(sp.signed, 0)::int AS signed, coalesce(sp.advanced, 0)::int AS advanced,
             coalesce(sf.overdue, 0)::int AS overdue, coalesce(raw.raw, 0)::float8 AS raw, coalesce(s.score, 0)::float8 AS score
      FROM score_ref ref CROSS JOIN window_meetings wm
      LEFT JOIN score_meetings sm ON sm.r = ref.r LEFT JOIN score_proposals sp ON sp.r = ref.r
      LEFT JOIN score_follow_ups sf ON sf.r = ref.r LEFT JOIN score_raw raw ON raw.r = ref.r LEFT JOIN score s ON s.r = ref.r`;
    const [row] = await this.query<BreakdownRow>(sql, params);
    return mapBreakdown(row);
  }

  /**
   * `dyadScoreBreakdown` for a filter of at most the dyad's countries and dates: the inputs from the stored score
   * inputs (rollup_score), the meetings in the window from rollup_meeting (whole months) and the base rows (the
   * partial months at its ends).
   */
  private async storedScoreBreakdown(params: SqlParams, pair: (a: string, b: string) => string, dyad: { a: string; b: string }, asOf: string): Promise<ScoreBreakdown> {
    const window = { from: addDays(asOf, -(SCORE_WINDOW_DAYS - 1)), to: asOf };
    const { months, edges } = splitRange(window);
    const parts = edges.map(
      ({ sign, ...edge }) => `SELECT ${sign} * count(*) AS n FROM meeting m
        WHERE ${meetingConditions({ countries: [dyad.a, dyad.b], statuses: ['HELD'], ...edge }, 'm', params).join(' AND ')}`,
    );
    if (months) {
      parts.push(`SELECT sum(r.meetings) FROM rollup_meeting r
        WHERE ${[...scopeConditions(dyad, params), `r.status = 'HELD'`, ...monthConditions(months, 'r.month', '-infinity', params)].join(' AND ')}`);
    }
    const sql = `
      WITH score_ref AS (SELECT ${params.param(asOf)}::date AS r),
      stored AS (${storedScoreInputsSql('score_ref', pair)})
      SELECT ref.r::text AS as_of, (ref.r - ${SCORE_WINDOW_DAYS - 1})::text AS window_from,
             (SELECT coalesce(sum(n), 0)::int FROM (${parts.join(' UNION ALL ')}) x) AS meetings,
             coalesce(s.weight, 0)::float8 AS weight, coalesce(s.signed, 0)::int AS signed, coalesce(s.advanced, 0)::int AS advanced,
             coalesce(s.overdue, 0)::int AS overdue, coalesce(s.raw, 0)::float8 AS raw, coalesce(s.score, 0)::float8 AS score
      FROM score_ref ref LEFT JOIN stored s ON true`;
    const [row] = await this.query<BreakdownRow>(sql, params, false);
    return mapBreakdown(row);
  }

  /** How many meetings the filter (bar its dates) matches that have no known date: no period can hold them. */
  private async undatedMeetings(filter: MeetingFilter): Promise<number> {
    const scope = this.rollups && onlyKeys(filter, ['countries', 'types', 'statuses', 'from', 'to']) ? rollupScope(filter.countries) : null;
    if (scope) {
      const params = new SqlParams();
      const where = [
        ...scopeConditions(scope, params),
        ...anyOf('r.status', filter.statuses, 'event_status', params),
        ...anyOf('r.type', filter.types, 'event_type', params),
        `r.month = '-infinity'::date`,
      ];
      const [row] = await this.query<{ count: number }>(`SELECT coalesce(sum(r.meetings), 0)::int AS count FROM rollup_meeting r WHERE ${where.join(' AND ')}`, params, false);
      return row.count;
    }
    const params = new SqlParams();
    const where = whereClause([...meetingConditions({ ...filter, from: null, to: null }, 'm', params), 'm.date IS NULL']);
    const [row] = await this.query<{ count: number }>(`SELECT count(*)::int AS count FROM meeting m ${where}`, params);
    return row.count;
  }

  /**
   * HELD meetings (or the filter's statuses) per period and event type, from the first period with a dated
   * meeting to the last, gaps filled; and how many matching meetings have no date, so are in no period.
   */
  async cooperationTimeline(_ctx: RequestContext, filter: MeetingFilter | null | undefined, granularity: Granularity): Promise<CooperationTimeline> {
    const f = heldByDefault(checked(filter));
    assertGranularity(granularity);
    const params = new SqlParams();
    const { unit, step } = PERIOD_SQL[granularity];
    const scope = this.rollups && onlyKeys(f, ['countries', 'types', 'statuses', 'from', 'to']) ? rollupScope(f.countries) : null;
    let counts: string;
    const unitParam = params.param(unit);
    const baseCounts = (range: MeetingFilter, sign = 1) =>
      `SELECT date_trunc(${unitParam}, m.date::timestamp)::date AS period, m.type, (${sign} * count(*))::int AS count
        FROM meeting m ${whereClause([...meetingConditions({ ...f, ...range }, 'm', params), 'm.date IS NOT NULL'])}
        GROUP BY 1, 2`;
    if (scope) {
      // whole months from the rollups, the partial months at the ends from the base rows (held meetings are dated
      // up to today)
      const { months, edges } = splitRange(f, { until: f.statuses!.every((status) => status === 'HELD') ? todayInTehran() : undefined });
      const parts = edges.map(({ sign, ...edge }) => baseCounts(edge, sign));
      if (months) {
        const where = [
          ...scopeConditions(scope, params),
          ...anyOf('r.status', f.statuses, 'event_status', params),
          ...anyOf('r.type', f.types, 'event_type', params),
          ...monthConditions(months, 'r.month', '-infinity', params),
          `r.month <> '-infinity'::date`,
        ];
        parts.push(`SELECT date_trunc(${unitParam}, r.month::timestamp)::date AS period, r.type, sum(r.meetings)::int AS count
          FROM rollup_meeting r WHERE ${where.join(' AND ')} GROUP BY 1, 2`);
      }
      counts = `SELECT period, type, sum(count)::int AS count FROM (${parts.join(' UNION ALL ')}) parts GROUP BY 1, 2 HAVING sum(count) <> 0`;
    } else {
      counts = baseCounts({});
    }
    const sql = `
      WITH counts AS (
        ${counts}
      ),
      periods AS (
        SELECT g::date AS period
        FROM (SELECT min(period) AS first, max(period) AS last FROM counts) span,
             generate_series(span.first::timestamp, span.last::timestamp, ${params.param(step)}::interval) AS g
        LIMIT ${MAX_PERIODS + 1}
      )
      SELECT periods.period::text AS period, counts.type::text AS type, coalesce(counts.count, 0) AS count
      FROM periods LEFT JOIN counts USING (period)
      ORDER BY periods.period`;
    const [rows, undatedMeetings]: [{ period: string; type: EventType | null; count: number }[], number] = await Promise.all([
      this.query<{ period: string; type: EventType | null; count: number }>(sql, params, !scope),
      this.undatedMeetings(f),
    ]);
    const periods = new Map<string, Map<EventType, number>>();
    for (const row of rows) {
      const counts = periods.get(row.period) ?? new Map<EventType, number>();
      if (row.type) counts.set(row.type, row.count);
      periods.set(row.period, counts);
    }
    if (periods.size > MAX_PERIODS) throw tooManyPeriods(granularity);
    const timeline: TimelinePeriod[] = [...periods].map(([period, counts]) => {
      const byType = EVENT_TYPES.map((type) => ({ type, count: counts.get(type) ?? 0 }));
      return { period, label: periodLabel(period, granularity), total: sum(byType.map((t) => t.count)), byType };
    });
    return { periods: timeline, undatedMeetings };
  }

  /**
   * Proposals per current status, and per lifecycle step the proposals that ever reached it: their highest
   * step in the history (or the current status) is that step or a later one, as steps may be skipped.
   */
  async proposalFunnel(_ctx: RequestContext, filter: ProposalFilter | null | undefined): Promise<ProposalFunnel> {
    const f = checked(filter);
    const params = new SqlParams();
    const scope = this.rollups && onlyKeys(f, ['countries', 'kinds', 'statuses', 'from', 'to']) ? rollupScope(f.countries) : null;
    const fromRollups = Boolean(scope);
    const where = fromRollups ? '' : whereClause(proposalConditions(f, 'p', params));
    const lifecycle = fromRollups ? '' : `${params.param(PROPOSAL_LIFECYCLE)}::proposal_status[]`;
    const rollupSql = () => {
      // whole months of the status date from the rollups; partial months at the ends from the base rows, whose
      // stored funnel step is the one the rollups count. Kinds and statuses are kept after the read (by kind and
      // status it is a few hundred rows at most), so the overview's funnels of one range (all, active, MoUs
      // signed) are one statement and one execution (single flight), not three reads of the same rollup rows.
      const { months, edges } = splitRange(f, { until: todayInTehran() });
      const parts = edges.map(
        ({ sign, ...edge }) => `SELECT p.status, p.kind, p.funnel_step AS step, (${sign} * count(*))::int AS count FROM proposal p
          ${whereClause(proposalConditions({ countries: f.countries, ...edge }, 'p', params))} GROUP BY 1, 2, 3`,
      );
      if (months) {
        const rolled = [...scopeConditions(scope!, params), ...monthConditions(months, 'r.month', '-infinity', params)].join(' AND ');
        parts.push(`SELECT r.status, r.kind, r.step, sum(r.proposals)::int AS count FROM rollup_proposal r WHERE ${rolled} GROUP BY 1, 2, 3`);
      }
      return `SELECT status::text AS status, kind::text AS kind, step::int AS highest_step, sum(count)::int AS count
        FROM (${parts.join(' UNION ALL ')}) parts GROUP BY 1, 2, 3 HAVING sum(count) <> 0`;
    };
    const sql = fromRollups
      ? rollupSql()
      : `
      SELECT p.status::text AS status,
             coalesce(greatest(array_position(${lifecycle}, p.status), h.highest), 1)::int AS highest_step,
             count(*)::int AS count
      FROM proposal p
      LEFT JOIN (
        SELECT proposal_id, max(array_position(${lifecycle}, status)) AS highest FROM proposal_status_change GROUP BY proposal_id
      ) h ON h.proposal_id = p.id
      ${where}
      GROUP BY 1, 2`;
    const read: { status: ProposalStatus; kind?: string; highest_step: number; count: number }[] = await this.query(sql, params, !fromRollups);
    const rows = fromRollups && (f.kinds?.length || f.statuses?.length)
      ? read.filter((row) => (!f.kinds?.length || f.kinds.includes(row.kind as never)) && (!f.statuses?.length || f.statuses.includes(row.status)))
      : read;
    const byStatus = PROPOSAL_STATUSES.map((status) => ({
      status,
      count: sum(rows.filter((row) => row.status === status).map((row) => row.count)),
    }));
    const steps = PROPOSAL_LIFECYCLE.map((status, index) => ({
      status,
      reached: sum(rows.filter((row) => row.highest_step >= index + 1).map((row) => row.count)),
    }));
    return { total: sum(rows.map((row) => row.count)), byStatus, steps };
  }

  /** Follow-ups per status and horizon, how many are overdue and how many fall due in the next 30 days. */
  async followUpSummary(_ctx: RequestContext, filter: FollowUpFilter | null | undefined): Promise<FollowUpSummary> {
    const f = checked(filter);
    const params = new SqlParams();
    const today = todayInTehran();
    const scope = this.rollups && onlyKeys(f, ['countries', 'statuses', 'horizons', 'from', 'to']) ? rollupScope(f.countries) : null;
    const fromRollups = Boolean(scope);
    const where = fromRollups ? '' : whereClause(followUpConditions(f, 'fu', params, today));
    // (every parameter must appear in the SQL: the rollup form adds its own where it uses them)
    const todayParam = fromRollups ? '' : params.param(today);
    const rollupSql = () => {
      // Whole due months from the rollups, overdue from them for the months before this one. From the base rows:
      // the partial months at the ends of the range, and, within the whole months, the open follow-ups due from
      // the 1st of this month to 30 days ahead (overdue before today, due soon from today).
      const { months, edges } = splitRange(f);
      const open = `fu.status IN ${OPEN}`;
      const baseRows = (range: { from: string | null; to: string | null }, onlyOpen: boolean, sign = 1, todayParam = params.param(today)) =>
        `SELECT fu.status, fu.horizon, ${onlyOpen ? 0 : sign} AS count, ${sign} * (${open} AND fu.due_date < ${todayParam})::int AS overdue,
                ${sign} * (${open} AND fu.due_date >= ${todayParam} AND fu.due_date <= ${params.param(addDays(today, 30))})::int AS due_soon
         FROM follow_up_action fu ${whereClause([...followUpConditions({ ...f, ...range }, 'fu', params, today), ...(onlyOpen ? [open] : [])])}`;
      const parts = edges.map(({ sign, ...edge }) => baseRows(edge, false, sign));
      if (months) {
        const monthStart = `${today.slice(0, 7)}-01`;
        const rolled = [
          ...scopeConditions(scope!, params),
          ...anyOf('r.status', f.statuses, 'follow_up_status', params),
          ...anyOf('r.horizon', f.horizons, 'follow_up_horizon', params),
          ...monthConditions(months, 'r.due_month', 'infinity', params),
        ].join(' AND ');
        parts.push(`SELECT r.status, r.horizon, r.follow_ups AS count,
               CASE WHEN r.status IN ${OPEN} AND r.due_month < ${params.param(monthStart)}::date THEN r.follow_ups ELSE 0 END AS overdue, 0 AS due_soon
          FROM rollup_follow_up r WHERE ${rolled}`);
        const end = monthsEnd(months);
        const lo = months.from && months.from > monthStart ? months.from : monthStart;
        const hi = end && end < addDays(today, 30) ? end : addDays(today, 30);
        if (lo <= hi) parts.push(baseRows({ from: lo, to: hi }, true));
      }
      return `
      SELECT status::text AS status, horizon::text AS horizon, sum(count)::int AS count, sum(overdue)::int AS overdue, sum(due_soon)::int AS due_soon
      FROM (${parts.join(' UNION ALL ')}) x
      GROUP BY 1, 2 HAVING sum(count) <> 0 OR sum(overdue) <> 0 OR sum(due_soon) <> 0`;
    };
    const sql = fromRollups ? rollupSql() : `
      SELECT fu.status::text AS status, fu.horizon::text AS horizon, count(*)::int AS count,
             count(*) FILTER (WHERE fu.status IN ${OPEN} AND fu.due_date < ${todayParam})::int AS overdue,
             count(*) FILTER (WHERE fu.status IN ${OPEN} AND fu.due_date >= ${todayParam}
                                AND fu.due_date <= ${params.param(addDays(today, 30))})::int AS due_soon
      FROM follow_up_action fu ${where}
      GROUP BY 1, 2`;
    const rows: { status: FollowUpStatus; horizon: FollowUpHorizon; count: number; overdue: number; due_soon: number }[] =
      await this.query(sql, params, !fromRollups);
    const isOpen = (status: FollowUpStatus) => status === 'OPEN' || status === 'IN_PROGRESS';
    return {
      total: sum(rows.map((row) => row.count)),
      byStatus: FOLLOW_UP_STATUSES.map((status) => ({ status, count: sum(rows.filter((r) => r.status === status).map((r) => r.count)) })),
      overdue: sum(rows.map((row) => row.overdue)),
      dueNext30Days: sum(rows.map((row) => row.due_soon)),
      byHorizon: FOLLOW_UP_HORIZONS.map((horizon) => {
        const mine = rows.filter((row) => row.horizon === horizon);
        return {
          horizon,
          count: sum(mine.map((row) => row.count)),
          open: sum(mine.filter((row) => isOpen(row.status)).map((row) => row.count)),
          overdue: sum(mine.map((row) => row.overdue)),
        };
      }),
    };
  }

  /**
   * Per sector, the HELD meetings and the proposals that list it and the proposals signed or later; every
   * sector (or the filter's sectors), busiest first.
   */
  async sectorBreakdown(_ctx: RequestContext, filter: CooperationFilter | null | undefined): Promise<SectorActivity[]> {
    const f = checked(filter);
    const params = new SqlParams();
    const fromRollups = this.rollups && onlyKeys(f, ['sectors', 'from', 'to']);
    const baseFacts = (range: CooperationFilter, sign = 1) => `
        SELECT unnest(m.sectors) AS sector, ${sign} AS meetings, 0 AS proposals, 0 AS signed FROM meeting m
        ${whereClause(meetingConditions(heldByDefault({ ...f, ...range }), 'm', params))}
        UNION ALL
        SELECT unnest(p.sectors), 0, ${sign}, ${sign} * (p.status IN ${SIGNED_OR_LATER})::int FROM proposal p ${whereClause(proposalConditions({ ...f, ...range }, 'p', params))}`;
    const rollupFacts = () => {
      // whole months from the rollups, the partial months at the ends of the range from the base rows
      const { months, edges } = splitRange(f, { until: todayInTehran() });
      const parts = edges.map(({ sign, ...edge }) => baseFacts(edge, sign));
      if (months) {
        const rolled = () => ['true', ...anyOf('r.sector', f.sectors, 'sector', params), ...monthConditions(months, 'r.month', '-infinity', params)].join(' AND ');
        parts.push(`
        SELECT r.sector, r.meetings, 0 AS proposals, 0 AS signed FROM rollup_meeting_sector r WHERE r.status = 'HELD' AND ${rolled()}
        UNION ALL
        SELECT r.sector, 0, r.proposals, CASE WHEN r.status IN ${SIGNED_OR_LATER} THEN r.proposals ELSE 0 END
        FROM rollup_proposal_sector r WHERE ${rolled()}`);
      }
      return parts.join(' UNION ALL ');
    };
    const sql = `
      SELECT sector::text AS sector, sum(meetings)::int AS meetings, sum(proposals)::int AS proposals, sum(signed)::int AS signed
      FROM (${fromRollups ? rollupFacts() : baseFacts({})}) facts
      GROUP BY 1`;
    const rows: SectorActivity[] = await this.query(sql, params, !fromRollups);
    const bySector = new Map(rows.map((row) => [row.sector, row]));
    // With a sectors filter, a meeting's other sectors are not what was asked for: a bar opens the list for its sector.
    const sectors: readonly Sector[] = f.sectors?.length ? SECTORS.filter((s) => f.sectors!.includes(s)) : SECTORS;
    return sectors
      .map((sector) => bySector.get(sector) ?? { sector, meetings: 0, proposals: 0, signed: 0 })
      .sort((x, y) => y.meetings - x.meetings || y.proposals - x.proposals || SECTORS.indexOf(x.sector) - SECTORS.indexOf(y.sector));
  }
}

/** True when the filter sets nothing but `keys` (the rollups answer only the filters they are keyed by). */
function checked<F extends CooperationFilter>(filter: F | null | undefined): F {
  assertCooperationFilter(filter);
  return filter ?? ({} as F);
}

/** Two distinct country codes, in order. */
function dyadOf(countries: readonly string[]): [string, string] {
  const codes = [...new Set(countries)];
  if (codes.length !== 2 || codes.some((code) => !ISO_ALPHA2.test(code))) {
    throw DomainError.invalid(`countries must be two different ISO 3166-1 alpha-2 codes, e.g. ["IR","KZ"]: got ${JSON.stringify(countries)}`, {
      field: 'countries',
    });
  }
  return codes.sort() as [string, string];
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

interface BreakdownRow {
  as_of: string; window_from: string; meetings: number; weight: number; signed: number; advanced: number; overdue: number; raw: number; score: number;
}

const mapBreakdown = (row: BreakdownRow): ScoreBreakdown => ({
  asOf: row.as_of, windowFrom: row.window_from, meetings: row.meetings, meetingsWeight: row.weight, signed: row.signed,
  advanced: row.advanced, overdue: row.overdue, raw: row.raw, score: row.score,
});

function mapDyad(row: DyadRow): Dyad {
  return {
    countries: [row.country_a, row.country_b],
    meetingCount: row.meeting_count,
    proposalCount: row.proposal_count,
    signedCount: row.signed_count,
    openFollowUps: row.open_follow_ups,
    overdueFollowUps: row.overdue_follow_ups,
    lastActivity: row.last_activity,
    score: row.score,
  };
}
