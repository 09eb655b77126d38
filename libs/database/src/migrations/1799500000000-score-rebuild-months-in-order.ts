import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildItemsAndEdges } from './1797600000000-score-rollup.js';

// Written by hand: `rollup_score_rebuild()` (in `dyad rollups rebuild` and the bench seed) gathers each month's
// cells with less work. Before, the 3.7 million day rows (at 1,000,000 meetings) were sorted by month and dyad
// (on disk), and each of the month's four arrays sorted its ~30 days again (four small sorts per cell row,
// 122,000 rows). The days come out of the running sums already in dyad order, so now they are only sorted by
// month and day within each dyad (an incremental sort, in memory) and each array takes them in that order (the
// grouping keys are the sort's leading keys and nothing is joined after it, so the rows reach each group in the
// sorted order, as PostgreSQL's manual describes for aggregates over a sorted subquery). Same cells, bit for bit
// (the sums and weights are computed as before); 28 → 20 s of PostgreSQL CPU at 1,000,000 meetings.

const sumsByChangeDay = `
    daily AS (SELECT a, b, day, sum(w) AS w, sum(adv)::int AS adv, sum(sig)::int AS sig, sum(ovd)::int AS ovd FROM edge GROUP BY 1, 2, 3),
    -- each change day with the sums from it on, held until the next change day; the last one (every range ended,
    -- the sums back at 0) holds to the end of its month
    run AS (
      SELECT a, b, day, coalesce(lead(day) OVER p, (date_trunc('month', day) + interval '1 month')::date) AS nxt,
             sum(w) OVER r AS w, (sum(adv) OVER r)::int AS adv, (sum(sig) OVER r)::int AS sig, (sum(ovd) OVER r)::int AS ovd
      FROM daily
      WINDOW p AS (PARTITION BY a, b ORDER BY day), r AS (p ROWS UNBOUNDED PRECEDING)
    ),
    days AS (
      SELECT r.a, r.b, g::date AS day, r.w * power(2::float8, ('2000-01-01'::date - g::date) / 365::float8) AS w, r.adv, r.sig, r.ovd
      FROM run r CROSS JOIN LATERAL generate_series(r.day, r.nxt - 1, interval '1 day') g
    ),`;

const cells = `
    SELECT month, a, b, array_fill(0::float8, ARRAY[before]) || w || array_fill(0::float8, ARRAY[after]),
           array_fill(0, ARRAY[before]) || adv || array_fill(0, ARRAY[after]),
           array_fill(0, ARRAY[before]) || sig || array_fill(0, ARRAY[after]),
           array_fill(0, ARRAY[before]) || ovd || array_fill(0, ARRAY[after])
    FROM months;
  END $$`;

const rebuild = `CREATE OR REPLACE FUNCTION rollup_score_rebuild() RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
${rebuildItemsAndEdges}${sumsByChangeDay}
    -- the days in dyad, month and day order (sorted within each dyad: they come in dyad order), each month's
    -- arrays filled in that order
    months AS (
      SELECT month, a, b, extract(day FROM min(day))::int - 1 AS before, 31 - extract(day FROM max(day))::int AS after,
             array_agg(CASE WHEN abs(w) < 1e-9 THEN 0 ELSE w END) AS w, array_agg(adv) AS adv, array_agg(sig) AS sig, array_agg(ovd) AS ovd
      FROM (SELECT date_trunc('month', day)::date AS month, a, b, day, w, adv, sig, ovd FROM days ORDER BY a, b, 1, day) d
      GROUP BY a, b, month
      HAVING bool_or(abs(w) >= 1e-9 OR adv <> 0 OR sig <> 0 OR ovd <> 0)
    )${cells}`;

/** ScoreRebuildByChangeDays1799200000000's definition. */
const rebuildSortingEachMonth = `CREATE OR REPLACE FUNCTION rollup_score_rebuild() RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
${rebuildItemsAndEdges}${sumsByChangeDay}
    months AS (
      SELECT date_trunc('month', day)::date AS month, a, b, extract(day FROM min(day))::int - 1 AS before,
             31 - extract(day FROM max(day))::int AS after,
             array_agg(CASE WHEN abs(w) < 1e-9 THEN 0 ELSE w END ORDER BY day) AS w, array_agg(adv ORDER BY day) AS adv,
             array_agg(sig ORDER BY day) AS sig, array_agg(ovd ORDER BY day) AS ovd
      FROM days
      GROUP BY 1, 2, 3
      HAVING bool_or(abs(w) >= 1e-9 OR adv <> 0 OR sig <> 0 OR ovd <> 0)
    )${cells}`;

export class ScoreRebuildMonthsInOrder1799500000000 implements MigrationInterface {
  name = 'ScoreRebuildMonthsInOrder1799500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(rebuild);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(rebuildSortingEachMonth);
  }
}
