import type { SqlParams } from '@dyad/domain';

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

/**
 * Two CTEs, `<name>_party (id, country_code)` and `<name>_pair (id, a, b)`, for the follow-ups in CTE
 * `source` (which has id, meeting_id, proposal_id). A follow-up's parties are its meeting's, else its
 * proposal's, else its owners, as in the shared follow-up filter.
 */
export function followUpPairCtes(name: string, source: string, pairCondition: (a: string, b: string) => string): string {
  return `${name}_party AS (
    SELECT f.id, mp.country_code FROM ${source} f JOIN meeting_party mp ON mp.meeting_id = f.meeting_id
    UNION ALL
    SELECT f.id, pp.country_code FROM ${source} f JOIN proposal_party pp ON pp.proposal_id = f.proposal_id
      WHERE f.meeting_id IS NULL
    UNION ALL
    SELECT f.id, o.country_code FROM ${source} f JOIN follow_up_owner o ON o.follow_up_id = f.id
      WHERE f.meeting_id IS NULL AND f.proposal_id IS NULL
  ),
  ${name}_pair AS (
    SELECT pa.id, pa.country_code AS a, pb.country_code AS b
    FROM ${name}_party pa JOIN ${name}_party pb ON pb.id = pa.id AND pa.country_code < pb.country_code
    WHERE ${pairCondition('pa.country_code', 'pb.country_code')}
  )`;
}
