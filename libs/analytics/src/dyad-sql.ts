import {
  type CooperationFilter, followUpConditions, meetingConditions, proposalConditions, type SqlParams,
} from '@dyad/domain';

// SQL pieces for facts seen per dyad (an unordered country pair, a < b).

/**
 * Which dyads a countries filter keeps: with one code, the dyads that include it; with two or more, the
 * dyads made of the listed countries (whose facts, by the filter, have all of them as parties).
 */
export function dyadCondition(countries: readonly string[] | null | undefined, a: string, b: string, params: SqlParams): string {
  const codes = [...new Set(countries ?? [])];
  if (codes.length === 0) return 'true';
  if (codes.length === 1) {
    const code = params.param(codes[0]);
    return `(${a} = ${code} OR ${b} = ${code})`;
  }
  const list = params.param(codes);
  return `(${a} = ANY(${list}::char(2)[]) AND ${b} = ANY(${list}::char(2)[]))`;
}

/** The filter's inclusive from/to on `column`, as the shared filter conditions apply them. */
export function dateRange(filter: CooperationFilter, column: string, params: SqlParams): string {
  const where: string[] = [];
  if (filter.from) where.push(`${column} >= ${params.param(filter.from)}`);
  if (filter.to) where.push(`${column} <= ${params.param(filter.to)}`);
  return where.join(' AND ') || 'true';
}

export interface FactCteOptions {
  filter: CooperationFilter;
  params: SqlParams;
  /** SQL condition on two country-code columns: the dyads kept. */
  pair: (a: string, b: string) => string;
  today: string;
  /** A CTE with one column `r` (date): the reference dates a score is taken on. */
  refs: string;
  /** Window (days) before each reference date that follow-ups are read for. */
  windowDays: number;
  /** Also read every open follow-up (for the open/overdue counts), not only those due in a window. */
  openFollowUps: boolean;
  /** Read only the facts the score can count (in a window of a reference date): when the counts come from rollups. */
  scoreOnly?: boolean;
}

/**
 * The facts of each dyad, read once and shared by the counts and the score; narrowed by the filter minus its
 * dates (each use applies its own date range):
 * - `held_meeting_pair (id, date, a, b)`: HELD meetings only;
 * - `proposal_pair (id, kind, status, status_date, a, b)`;
 * - `follow_up_pair (id, status, due_date, closed_on, a, b)`: a follow-up's parties are its meeting's, else its
 *   proposal's, else its owners, as in the shared follow-up filter; `closed_on` is when it became DONE or
 *   CANCELLED (null while open).
 */
export function factCtes({ filter, params, pair, today, refs, windowDays, openFollowUps, scoreOnly }: FactCteOptions): string {
  const undated = { ...filter, from: null, to: null };
  // Meetings count once held: a scheduled one has not happened, a cancelled one never did.
  const inWindow = (column: string) => `(${column} > (SELECT min(r) FROM ${refs}) - ${windowDays} AND ${column} <= (SELECT max(r) FROM ${refs}))`;
  const meetingWhere = [
    ...meetingConditions({ ...undated, statuses: ['HELD'] }, 'm', params),
    ...(scoreOnly ? [inWindow('m.date')] : []),
  ].join(' AND ');
  const proposalWhere = [
    ...proposalConditions(undated, 'p', params),
    ...(scoreOnly ? [`EXISTS (SELECT 1 FROM proposal_status_change h WHERE h.proposal_id = p.id AND ${inWindow('h.effective_date')})`] : []),
  ].join(' AND ') || 'true';
  const followUpWhere = followUpConditions(undated, 'f', params, today).join(' AND ') || 'true';
  const dueInWindow = `(f.due_date > (SELECT min(r) FROM ${refs}) - ${windowDays} AND f.due_date < (SELECT max(r) FROM ${refs}))`;
  // the dyads of a stored party set (kept by database triggers; a follow-up's is its meeting's, else its
  // proposal's, else its owners)
  const pairsOf = (codes: string) => `(SELECT x AS a, y AS b FROM unnest(${codes}) x, unnest(${codes}) y WHERE x < y)`;
  return `
  held_meeting_pair AS (
    SELECT m.id, m.date, pr.a, pr.b
    FROM meeting m CROSS JOIN LATERAL ${pairsOf('m.party_codes')} pr
    WHERE ${meetingWhere} AND ${pair('pr.a', 'pr.b')}
  ),
  proposal_pair AS MATERIALIZED (
    SELECT p.id, p.kind, p.status, p.status_date, pr.a, pr.b
    FROM proposal p CROSS JOIN LATERAL ${pairsOf('p.party_codes')} pr
    WHERE ${proposalWhere} AND ${pair('pr.a', 'pr.b')}
  ),
  follow_up_pair AS MATERIALIZED (
    SELECT f.id, f.status, f.due_date, x.a, x.b,
           CASE WHEN f.status IN ('DONE', 'CANCELLED') THEN
             coalesce((SELECT min(c.effective_date) FROM follow_up_status_change c
                       WHERE c.follow_up_id = f.id AND c.status IN ('DONE', 'CANCELLED')), '-infinity'::date)
           END AS closed_on
    FROM follow_up_action f CROSS JOIN LATERAL ${pairsOf('f.party_codes')} x
    WHERE ${followUpWhere} AND ${openFollowUps ? `(f.status IN ('OPEN', 'IN_PROGRESS') OR ${dueInWindow})` : dueInWindow}
      AND ${pair('x.a', 'x.b')}
  )`;
}
