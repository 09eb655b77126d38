import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: `rollup_score_apply` (the score rollup's pass at commit, ScoreRollupMonthCells1799000000000)
// builds each (dyad, month)'s 31 cells of each term in one pass over the month's parts instead of one subquery per
// cell.
//
// Before, every cell of the four terms was a subquery over the month's parts (the first and last months of the
// changed ranges): 124 subqueries per (dyad, month), about 2,400 of them for the facts of 50 items, so about 300,000
// subqueries a batch, most over no part at all; with the weights' decay it was the largest single cost of a
// `dyad ingest` batch into an empty database (75 ms of CPU a flush of 50 items). Now two functions fill a month's
// cells: the whole months' sum on every day, each part added to its days, then (weights) each day scaled by its
// decay. For the same changed ranges (a batch's 640 ranges over 2,416 (dyad, month) keys), the statement's CPU
// went from 105–120 ms to 75–85 ms. The cells are the same: the counts exactly, the weights to rounding (a part is
// added to the whole months' sum one at a time, not summed first; test/database/rollups.spec.ts compares the
// cells to a rebuild to 6 decimals).

// a month's weight cells (31, the days past its end 0): on day k the whole months' sum plus the meeting parts
// covering k, scaled by 2^((2000-01-01 - day) / 365) as in rollup_score_rebuild, rounding dust (below 1e-12) 0
const weightCells = `CREATE OR REPLACE FUNCTION rollup_score_weight_cells(month date, days int, base float8, pt char(1)[], pl int[], ph int[], pv float8[])
  RETURNS float8[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
  DECLARE
    c float8[] := array_fill(base, ARRAY[31]);
    x float8;
  BEGIN
    IF pt IS NOT NULL THEN
      FOR j IN 1..cardinality(pt) LOOP
        IF pt[j] = 'M' THEN
          FOR k IN pl[j]..ph[j] LOOP c[k + 1] := c[k + 1] + pv[j]; END LOOP;
        END IF;
      END LOOP;
    END IF;
    FOR k IN 0..30 LOOP
      IF k >= days THEN
        c[k + 1] := 0;
      ELSIF c[k + 1] <> 0 THEN
        x := c[k + 1] * power(2::float8, ('2000-01-01'::date - (month + k)) / 365::float8);
        c[k + 1] := CASE WHEN abs(x) < 1e-12 THEN 0 ELSE x END;
      END IF;
    END LOOP;
    RETURN c;
  END $$`;

// a month's cells of a counted term (31, the days past its end 0): the whole months' count plus the parts of
// this term covering each day
const countCells = `CREATE OR REPLACE FUNCTION rollup_score_count_cells(days int, base int, term char(1), pt char(1)[], pl int[], ph int[], pv float8[])
  RETURNS int[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
  DECLARE
    c int[] := array_fill(base, ARRAY[days]) || array_fill(0, ARRAY[31 - days]);
  BEGIN
    IF pt IS NOT NULL THEN
      FOR j IN 1..cardinality(pt) LOOP
        IF pt[j] = term THEN
          FOR k IN pl[j]..ph[j] LOOP c[k + 1] := c[k + 1] + pv[j]::int; END LOOP;
        END IF;
      END LOOP;
    END IF;
    RETURN c;
  END $$`;

const applyFunction = `CREATE OR REPLACE FUNCTION rollup_score_apply(meetings uuid[], proposals uuid[], follow_ups uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    fresh rollup_score_item[];
    stored rollup_score_item[];
    removed rollup_score_item[];
    added rollup_score_item[];
  BEGIN
    SELECT array_agg(x) INTO fresh FROM (
      SELECT * FROM rollup_score_items_meeting(coalesce(meetings, '{}'))
      UNION ALL SELECT * FROM rollup_score_items_proposal(coalesce(proposals, '{}'))
      UNION ALL SELECT * FROM rollup_score_items_follow_up(coalesce(follow_ups, '{}'))) x;
    -- three index lookups (an OR of the three read the whole table at 1,500,000 items)
    SELECT array_agg(o) INTO stored FROM (
      SELECT * FROM rollup_score_item WHERE item = ANY(meetings) AND term = 'M'
      UNION ALL SELECT * FROM rollup_score_item WHERE item = ANY(proposals) AND term IN ('A', 'S')
      UNION ALL SELECT * FROM rollup_score_item WHERE item = ANY(follow_ups) AND term = 'O') o;
    SELECT array_agg(x) INTO removed FROM (SELECT * FROM unnest(stored) EXCEPT SELECT * FROM unnest(fresh)) x;
    SELECT array_agg(x) INTO added FROM (SELECT * FROM unnest(fresh) EXCEPT SELECT * FROM unnest(stored)) x;
    IF removed IS NULL AND added IS NULL THEN RETURN; END IF;
    IF removed IS NOT NULL THEN
      DELETE FROM rollup_score_item o USING unnest(removed) r
      WHERE o.item = r.item AND o.term = r.term AND o.a = r.a AND o.b = r.b AND o.s = r.s;
    END IF;
    IF added IS NOT NULL THEN
      INSERT INTO rollup_score_item SELECT * FROM unnest(added) ORDER BY 1, 2, 3, 4, 5;
    END IF;
    -- each changed range month by month: whole months summed per (dyad, month), the parts of its first and last
    -- months listed (day offsets lo..hi from the 1st); a meeting's value is its weight 2^((s - 2000-01-01)/365),
    -- scaled on each day d by 2^((2000-01-01 - d)/365), as in rollup_score_rebuild
    WITH change AS (
      SELECT r.*, -1 AS sign FROM unnest(removed) r UNION ALL SELECT a.*, 1 FROM unnest(added) a
    ),
    part AS (
      SELECT c.a, c.b, m.month, c.term,
             greatest(c.s, m.month) - m.month AS lo, least(c.e, m.last) - m.month AS hi,
             c.s <= m.month AND c.e >= m.last AS whole,
             CASE WHEN c.term = 'M' THEN c.sign * power(2::float8, (c.s - '2000-01-01'::date) / 365::float8) ELSE c.sign END AS v
      FROM change c
      CROSS JOIN LATERAL (SELECT g::date AS month, (g + interval '1 month - 1 day')::date AS last
                          FROM generate_series(date_trunc('month', c.s::timestamp), date_trunc('month', c.e::timestamp), interval '1 month') g) m
    ),
    grp AS (
      SELECT a, b, month, (month + interval '1 month')::date - month AS days,
             coalesce(sum(v) FILTER (WHERE whole AND term = 'M'), 0) AS wm,
             coalesce(sum(v) FILTER (WHERE whole AND term = 'A'), 0)::int AS adv,
             coalesce(sum(v) FILTER (WHERE whole AND term = 'S'), 0)::int AS sig,
             coalesce(sum(v) FILTER (WHERE whole AND term = 'O'), 0)::int AS ovd,
             array_agg(term) FILTER (WHERE NOT whole) AS pt, array_agg(lo) FILTER (WHERE NOT whole) AS pl,
             array_agg(hi) FILTER (WHERE NOT whole) AS ph, array_agg(v) FILTER (WHERE NOT whole) AS pv
      FROM part GROUP BY a COLLATE "C", b COLLATE "C", month, a, b
    ),
    cells AS MATERIALIZED (
      SELECT g.month, g.a, g.b, rollup_score_weight_cells(g.month, g.days, g.wm, g.pt, g.pl, g.ph, g.pv) AS w,
             rollup_score_count_cells(g.days, g.adv, 'A', g.pt, g.pl, g.ph, g.pv) AS adv,
             rollup_score_count_cells(g.days, g.sig, 'S', g.pt, g.pl, g.ph, g.pv) AS sig,
             rollup_score_count_cells(g.days, g.ovd, 'O', g.pt, g.pl, g.ph, g.pv) AS ovd
      FROM grp g
    )
    INSERT INTO rollup_score AS r (month, a, b, shard, meetings, advanced, signed, overdue)
    SELECT month, a, b, rollup_shard(), w, adv, sig, ovd FROM cells
    WHERE NOT (0 = ALL(w) AND 0 = ALL(adv) AND 0 = ALL(sig) AND 0 = ALL(ovd))
    ORDER BY 1, 2, 3
    ON CONFLICT (month, a, b, shard) DO UPDATE SET
      meetings = CASE WHEN 0 = ALL(excluded.meetings) THEN r.meetings ELSE rollup_cells_add(r.meetings, excluded.meetings) END,
      advanced = CASE WHEN 0 = ALL(excluded.advanced) THEN r.advanced ELSE rollup_cells_add(r.advanced, excluded.advanced) END,
      signed = CASE WHEN 0 = ALL(excluded.signed) THEN r.signed ELSE rollup_cells_add(r.signed, excluded.signed) END,
      overdue = CASE WHEN 0 = ALL(excluded.overdue) THEN r.overdue ELSE rollup_cells_add(r.overdue, excluded.overdue) END;
    IF removed IS NOT NULL THEN
      -- a month left with nothing goes (weights taken back may leave rounding dust below any real weight, 0.25)
      DELETE FROM rollup_score r
      USING (SELECT DISTINCT x.a, x.b, g::date AS month
             FROM unnest(removed) x, generate_series(date_trunc('month', x.s), date_trunc('month', x.e), interval '1 month') g) k
      WHERE r.a = k.a AND r.b = k.b AND r.month = k.month AND r.shard = rollup_shard()
        AND 0 = ALL(r.advanced) AND 0 = ALL(r.signed) AND 0 = ALL(r.overdue) AND 1e-9 > ALL(SELECT abs(w) FROM unnest(r.meetings) w);
    END IF;
  END $$
  -- no JIT (estimates of a thousand rows per generate_series); grouping by sort: a hash table of array states per
  -- dyad-month cost more than sorting a few thousand rows
  SET jit = off SET enable_hashagg = off`;


// The previous definition (ScoreRollupMonthCells1799000000000), restored by down: a month's cells, one subquery
// per cell.
// the sum of a month's parts of one term that cover day offset k (0 for a month with no parts)
const previousParts = (term: string) =>
  `CASE WHEN g.pt IS NULL THEN 0 ELSE coalesce((SELECT sum(g.pv[j]) FROM generate_subscripts(g.pt, 1) j
     WHERE g.pt[j] = '${term}' AND g.pl[j] <= k AND k <= g.ph[j]), 0) END`;
// a counted term's cells: the whole months' count every day, plus the parts on their days
const previousCountCells = (column: string, term: string) =>
  `CASE WHEN g.pt IS NULL THEN array_fill(g.${column}, ARRAY[g.days])
     ELSE ARRAY(SELECT g.${column} + (${previousParts(term)})::int FROM generate_series(0, g.days - 1) k) END || array_fill(0, ARRAY[31 - g.days])`;

const previousApply = `CREATE OR REPLACE FUNCTION rollup_score_apply(meetings uuid[], proposals uuid[], follow_ups uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    fresh rollup_score_item[];
    stored rollup_score_item[];
    removed rollup_score_item[];
    added rollup_score_item[];
  BEGIN
    SELECT array_agg(x) INTO fresh FROM (
      SELECT * FROM rollup_score_items_meeting(coalesce(meetings, '{}'))
      UNION ALL SELECT * FROM rollup_score_items_proposal(coalesce(proposals, '{}'))
      UNION ALL SELECT * FROM rollup_score_items_follow_up(coalesce(follow_ups, '{}'))) x;
    -- three index lookups (an OR of the three read the whole table at 1,500,000 items)
    SELECT array_agg(o) INTO stored FROM (
      SELECT * FROM rollup_score_item WHERE item = ANY(meetings) AND term = 'M'
      UNION ALL SELECT * FROM rollup_score_item WHERE item = ANY(proposals) AND term IN ('A', 'S')
      UNION ALL SELECT * FROM rollup_score_item WHERE item = ANY(follow_ups) AND term = 'O') o;
    SELECT array_agg(x) INTO removed FROM (SELECT * FROM unnest(stored) EXCEPT SELECT * FROM unnest(fresh)) x;
    SELECT array_agg(x) INTO added FROM (SELECT * FROM unnest(fresh) EXCEPT SELECT * FROM unnest(stored)) x;
    IF removed IS NULL AND added IS NULL THEN RETURN; END IF;
    IF removed IS NOT NULL THEN
      DELETE FROM rollup_score_item o USING unnest(removed) r
      WHERE o.item = r.item AND o.term = r.term AND o.a = r.a AND o.b = r.b AND o.s = r.s;
    END IF;
    IF added IS NOT NULL THEN
      INSERT INTO rollup_score_item SELECT * FROM unnest(added) ORDER BY 1, 2, 3, 4, 5;
    END IF;
    -- each changed range month by month: whole months summed per (dyad, month), the parts of its first and last
    -- months listed (day offsets lo..hi from the 1st); a meeting's value is its weight 2^((s - 2000-01-01)/365),
    -- scaled on each day d by 2^((2000-01-01 - d)/365), as in rollup_score_rebuild
    WITH change AS (
      SELECT r.*, -1 AS sign FROM unnest(removed) r UNION ALL SELECT a.*, 1 FROM unnest(added) a
    ),
    part AS (
      SELECT c.a, c.b, m.month, c.term,
             greatest(c.s, m.month) - m.month AS lo, least(c.e, m.last) - m.month AS hi,
             c.s <= m.month AND c.e >= m.last AS whole,
             CASE WHEN c.term = 'M' THEN c.sign * power(2::float8, (c.s - '2000-01-01'::date) / 365::float8) ELSE c.sign END AS v
      FROM change c
      CROSS JOIN LATERAL (SELECT g::date AS month, (g + interval '1 month - 1 day')::date AS last
                          FROM generate_series(date_trunc('month', c.s::timestamp), date_trunc('month', c.e::timestamp), interval '1 month') g) m
    ),
    grp AS (
      SELECT a, b, month, (month + interval '1 month')::date - month AS days,
             coalesce(sum(v) FILTER (WHERE whole AND term = 'M'), 0) AS wm,
             coalesce(sum(v) FILTER (WHERE whole AND term = 'A'), 0)::int AS adv,
             coalesce(sum(v) FILTER (WHERE whole AND term = 'S'), 0)::int AS sig,
             coalesce(sum(v) FILTER (WHERE whole AND term = 'O'), 0)::int AS ovd,
             array_agg(term) FILTER (WHERE NOT whole) AS pt, array_agg(lo) FILTER (WHERE NOT whole) AS pl,
             array_agg(hi) FILTER (WHERE NOT whole) AS ph, array_agg(v) FILTER (WHERE NOT whole) AS pv
      FROM part GROUP BY a COLLATE "C", b COLLATE "C", month, a, b
    ),
    cells AS MATERIALIZED (
      SELECT g.month, g.a, g.b,
             ARRAY(SELECT CASE WHEN abs(x) < 1e-12 THEN 0 ELSE x END
                   FROM (SELECT (g.wm + ${previousParts('M')}) * power(2::float8, ('2000-01-01'::date - (g.month + k)) / 365::float8) AS x
                         FROM generate_series(0, g.days - 1) k) d) || array_fill(0::float8, ARRAY[31 - g.days]) AS w,
             ${previousCountCells('adv', 'A')} AS adv, ${previousCountCells('sig', 'S')} AS sig, ${previousCountCells('ovd', 'O')} AS ovd
      FROM grp g
    )
    INSERT INTO rollup_score AS r (month, a, b, shard, meetings, advanced, signed, overdue)
    SELECT month, a, b, rollup_shard(), w, adv, sig, ovd FROM cells
    WHERE NOT (0 = ALL(w) AND 0 = ALL(adv) AND 0 = ALL(sig) AND 0 = ALL(ovd))
    ORDER BY 1, 2, 3
    ON CONFLICT (month, a, b, shard) DO UPDATE SET
      meetings = CASE WHEN 0 = ALL(excluded.meetings) THEN r.meetings ELSE rollup_cells_add(r.meetings, excluded.meetings) END,
      advanced = CASE WHEN 0 = ALL(excluded.advanced) THEN r.advanced ELSE rollup_cells_add(r.advanced, excluded.advanced) END,
      signed = CASE WHEN 0 = ALL(excluded.signed) THEN r.signed ELSE rollup_cells_add(r.signed, excluded.signed) END,
      overdue = CASE WHEN 0 = ALL(excluded.overdue) THEN r.overdue ELSE rollup_cells_add(r.overdue, excluded.overdue) END;
    IF removed IS NOT NULL THEN
      -- a month left with nothing goes (weights taken back may leave rounding dust below any real weight, 0.25)
      DELETE FROM rollup_score r
      USING (SELECT DISTINCT x.a, x.b, g::date AS month
             FROM unnest(removed) x, generate_series(date_trunc('month', x.s), date_trunc('month', x.e), interval '1 month') g) k
      WHERE r.a = k.a AND r.b = k.b AND r.month = k.month AND r.shard = rollup_shard()
        AND 0 = ALL(r.advanced) AND 0 = ALL(r.signed) AND 0 = ALL(r.overdue) AND 1e-9 > ALL(SELECT abs(w) FROM unnest(r.meetings) w);
    END IF;
  END $$
  -- no JIT (estimates of a thousand rows per generate_series); grouping by sort: a hash table of array states per
  -- dyad-month cost more than sorting a few thousand rows
  SET jit = off SET enable_hashagg = off`;


export class ScoreCellsInOnePass17996000000001 implements MigrationInterface {
  name = 'ScoreCellsInOnePass17996000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(weightCells);
    await queryRunner.query(countCells);
    await queryRunner.query(applyFunction);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(previousApply);
    await queryRunner.query(`DROP FUNCTION rollup_score_count_cells(int, int, char(1), char(1)[], int[], int[], float8[])`);
    await queryRunner.query(`DROP FUNCTION rollup_score_weight_cells(date, int, float8, char(1)[], int[], int[], float8[])`);
  }
}
