import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildItemsAndEdges, scoreRebuildByDay } from './1797600000000-score-rollup.js';

// Written by hand: `rollup_score_rebuild()` (in `dyad rollups rebuild` and the bench seed) computes the same cells
// with less work. Before, it made a row for every day of each dyad's months, sorted them and merge-joined them to
// the days something changed, then ran the running sums over every day, in numeric (a sum of bigints): at
// 1,000,000 meetings 3.7 million day rows, 58 s of a 150 s seed. Now the running sums run over the change days
// only (1.7 million, in integers), and each change day is spread over the days until the next one; a month's
// cells start after the days before its first change (zeros) and end at the month's end. Same cells, bit for bit
// (the weights are summed in the same order).

export const scoreRebuildByChangeDays = `CREATE OR REPLACE FUNCTION rollup_score_rebuild() RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
${rebuildItemsAndEdges}
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
    ),
    months AS (
      SELECT date_trunc('month', day)::date AS month, a, b, extract(day FROM min(day))::int - 1 AS before,
             31 - extract(day FROM max(day))::int AS after,
             array_agg(CASE WHEN abs(w) < 1e-9 THEN 0 ELSE w END ORDER BY day) AS w, array_agg(adv ORDER BY day) AS adv,
             array_agg(sig ORDER BY day) AS sig, array_agg(ovd ORDER BY day) AS ovd
      FROM days
      GROUP BY 1, 2, 3
      HAVING bool_or(abs(w) >= 1e-9 OR adv <> 0 OR sig <> 0 OR ovd <> 0)
    )
    SELECT month, a, b, array_fill(0::float8, ARRAY[before]) || w || array_fill(0::float8, ARRAY[after]),
           array_fill(0, ARRAY[before]) || adv || array_fill(0, ARRAY[after]),
           array_fill(0, ARRAY[before]) || sig || array_fill(0, ARRAY[after]),
           array_fill(0, ARRAY[before]) || ovd || array_fill(0, ARRAY[after])
    FROM months;
  END $$`;

export class ScoreRebuildByChangeDays1799200000000 implements MigrationInterface {
  name = 'ScoreRebuildByChangeDays1799200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(scoreRebuildByChangeDays);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(scoreRebuildByDay);
  }
}
