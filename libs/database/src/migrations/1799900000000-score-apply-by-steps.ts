import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: `rollup_score_apply` (ScoreRollupMonthCells1799000000000) builds each dyad-month's 31 cells
// from per-month sums and short step lists instead of a sum over the month's parts for every day.
//
// Before, each (dyad, month) a changed range touched summed, for each of its 31 days and each of the four terms,
// the parts covering that day (a subquery per day and term wherever the month had a part), computed the day's
// decay again for every dyad, and added the cells to the stored row through `rollup_cells_add` (an SQL function
// call per array): 2,000 to 3,000 dyad-months and 70 ms for the facts of 50 ingested items.
//
// Now a range adds one number to the months it covers whole (summed by hashing); only its first and last months
// can be covered in part, and those parts become steps (its value from the first day it covers, taken back after
// the last), whose running sums give each day's value by a binary search (`width_bucket`) over the step days. A
// term with no part in the month is a constant: `array_fill` for the counts, the month's decay (computed once per
// month) times the sum for the meetings. Only the meetings' cells and a month's counts with parts are computed day
// by day, and the cells are added to the stored row inline. The cells are the same as before to the last bit or
// two (the same sums, some added in another order, times the same decay; a running sum that has taken a part back
// may leave dust below 1e-12, zeroed as before).
//
// A month left with nothing goes whatever emptied it. Before, only the months of the ranges taken back were looked
// at: a shard's row that a range taken back had put below 0 (the range counted in another shard) and that a range
// added later brought back to 0 stayed, a row a rebuild does not write (12 rows after a `dyad bench ingest` of 300
// items into a copy of the 100,000-meeting database). Now every row the upsert leaves with nothing is deleted.

const ZEROS = (type: string) => `array_fill(0::${type}, ARRAY[31])`;

// the counted term's cells: its whole months' count on every day of the month, plus the running sum of its steps
const countCells = (column: string, t: string) => `CASE WHEN p.${t}p IS NOT NULL THEN
                    ARRAY(SELECT CASE WHEN k < dc.days THEN w.${column} + coalesce(p.${t}v[width_bucket(k, p.${t}p)], 0) ELSE 0 END
                          FROM generate_series(0, 30) k)
                  WHEN w.${column} <> 0 THEN array_fill(w.${column}, ARRAY[dc.days]) || array_fill(0, ARRAY[31 - dc.days])
                  ELSE ${ZEROS('int')} END AS ${column}`;
// a stored array plus the new cells (left as it is where they are all 0)
const addCells = (column: string, add: (stored: string, fresh: string) => string) =>
  `${column} = CASE WHEN 0 = ALL(excluded.${column}) THEN r.${column} ELSE ${add(`r.${column}`, `excluded.${column}`)} END`;
const addInline = (stored: string, fresh: string) => `ARRAY(SELECT ${stored}[i] + ${fresh}[i] FROM generate_series(1, 31) i)`;
const addByFunction = (stored: string, fresh: string) => `rollup_cells_add(${stored}, ${fresh})`;

const NOTHING_LEFT = (r: string) =>
  `0 = ALL(${r}.advanced) AND 0 = ALL(${r}.signed) AND 0 = ALL(${r}.overdue) AND 1e-9 > ALL(SELECT abs(w) FROM unnest(${r}.meetings) w)`;
/** The upsert of the cells, its lines after the first indented by `indent`. */
const upsert = (add: (stored: string, fresh: string) => string, indent = '    ') => [
  'INSERT INTO rollup_score AS r (month, a, b, shard, meetings, advanced, signed, overdue)',
  'SELECT month, a, b, rollup_shard(), w, adv, sig, ovd FROM cells',
  'WHERE NOT (0 = ALL(w) AND 0 = ALL(adv) AND 0 = ALL(sig) AND 0 = ALL(ovd))',
  'ORDER BY 1, 2, 3',
  'ON CONFLICT (month, a, b, shard) DO UPDATE SET',
  ['meetings', 'advanced', 'signed', 'overdue'].map((column) => `  ${addCells(column, add)}`).join(`,\n${indent}`),
].join(`\n${indent}`);

/**
 * The function: its declarations beyond the items', its cells statement (the CTEs up to `cells`), its writes.
 * (ScoreWholeMonths1800000000011 writes its own with it.)
 */
export const applyFunction = (declare: string, cells: string, write: string, settings: string) =>
  `CREATE OR REPLACE FUNCTION rollup_score_apply(meetings uuid[], proposals uuid[], follow_ups uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    fresh rollup_score_item[];
    stored rollup_score_item[];
    removed rollup_score_item[];
    added rollup_score_item[];${declare}
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
${cells}
${write}
  END $$
  ${settings}`;

const stepCells = `    -- each changed range with its value: a meeting's weight 2^((s - 2000-01-01)/365), scaled on each day d by
    -- 2^((2000-01-01 - d)/365) as in rollup_score_rebuild; 1 for an advanced, signed or overdue day
    WITH change AS (
      SELECT r.*, -1 AS sign FROM unnest(removed) r UNION ALL SELECT a.*, 1 FROM unnest(added) a
    ),
    valued AS (
      SELECT a, b, term, s, e, date_trunc('month', s::timestamp)::date AS first, date_trunc('month', e::timestamp)::date AS last,
             CASE WHEN term = 'M' THEN sign * power(2::float8, (s - '2000-01-01'::date) / 365::float8) ELSE sign END AS v
      FROM change
    ),
    -- every (dyad, month) a range touches, with the sums of the ranges that cover it whole
    whole AS (
      SELECT c.a, c.b, m.month,
             coalesce(sum(c.v) FILTER (WHERE m.whole AND c.term = 'M'), 0) AS wm,
             coalesce(sum(c.v) FILTER (WHERE m.whole AND c.term = 'A'), 0)::int AS adv,
             coalesce(sum(c.v) FILTER (WHERE m.whole AND c.term = 'S'), 0)::int AS sig,
             coalesce(sum(c.v) FILTER (WHERE m.whole AND c.term = 'O'), 0)::int AS ovd
      FROM valued c
      CROSS JOIN LATERAL (SELECT g::date AS month, c.s <= g AND c.e >= (g + interval '1 month - 1 day')::date AS whole
                          FROM generate_series(c.first::timestamp, c.last::timestamp, interval '1 month') g) m
      GROUP BY c.a, c.b, m.month
    ),
    -- a range's first and last months, days lo..hi of them (offsets from the 1st)
    piece AS (
      SELECT c.a, c.b, c.term, c.v, m.month, m.days,
             greatest(c.s, m.month) - m.month AS lo, least(c.e, m.month + m.days - 1) - m.month AS hi
      FROM valued c
      CROSS JOIN LATERAL (SELECT x AS month, (x + interval '1 month')::date - x AS days
                          FROM unnest(CASE WHEN c.first = c.last THEN ARRAY[c.first] ELSE ARRAY[c.first, c.last] END) x) m
    ),
    -- those covered in part as steps: the value from day lo on, taken back from hi + 1 (none past the month's end)
    step AS (
      SELECT a, b, month, term, lo AS pos, v FROM piece WHERE lo > 0 OR hi < days - 1
      UNION ALL SELECT a, b, month, term, hi + 1, -v FROM piece WHERE hi < days - 1
    ),
    -- per (dyad, month) and term, the step days and the running sums from each on (steps on one day share theirs)
    parts AS (
      SELECT a, b, month,
             array_agg(pos ORDER BY pos) FILTER (WHERE term = 'M') AS mp, array_agg(v ORDER BY pos) FILTER (WHERE term = 'M') AS mv,
             array_agg(pos ORDER BY pos) FILTER (WHERE term = 'A') AS ap, array_agg(v::int ORDER BY pos) FILTER (WHERE term = 'A') AS av,
             array_agg(pos ORDER BY pos) FILTER (WHERE term = 'S') AS sp, array_agg(v::int ORDER BY pos) FILTER (WHERE term = 'S') AS sv,
             array_agg(pos ORDER BY pos) FILTER (WHERE term = 'O') AS op, array_agg(v::int ORDER BY pos) FILTER (WHERE term = 'O') AS ov
      FROM (SELECT a, b, month, term, pos, sum(v) OVER (PARTITION BY a, b, month, term ORDER BY pos) AS v FROM step) run
      GROUP BY a, b, month
    ),
    -- each month's decay on its days (0 on the days it does not have)
    decay AS (
      SELECT month, days, ARRAY(SELECT CASE WHEN k < days THEN power(2::float8, ('2000-01-01'::date - (month + k)) / 365::float8) ELSE 0 END
                                FROM generate_series(0, 30) k) AS d
      FROM (SELECT DISTINCT month, (month + interval '1 month')::date - month AS days FROM whole) m
    ),
    -- the cells of day k: the whole months' sum plus the running sum of the last step on or before k (none: 0)
    cells AS MATERIALIZED (
      SELECT w.month, w.a, w.b,
             CASE WHEN p.mp IS NOT NULL THEN
                    ARRAY(SELECT CASE WHEN abs(x) < 1e-12 THEN 0 ELSE x END
                          FROM (SELECT (w.wm + coalesce(p.mv[width_bucket(k, p.mp)], 0)) * dc.d[k + 1] AS x FROM generate_series(0, 30) k) z)
                  WHEN w.wm <> 0 THEN ARRAY(SELECT CASE WHEN abs(x) < 1e-12 THEN 0 ELSE x END FROM (SELECT w.wm * y AS x FROM unnest(dc.d) y) z)
                  ELSE ${ZEROS('float8')} END AS w,
             ${countCells('adv', 'a')},
             ${countCells('sig', 's')},
             ${countCells('ovd', 'o')}
      FROM whole w JOIN decay dc ON dc.month = w.month LEFT JOIN parts p ON p.a = w.a AND p.b = w.b AND p.month = w.month
    )`;

// ScoreRollupMonthCells1799000000000's statement, restored by down (the same function text, byte for byte)
const previousParts = (term: string) =>
  `CASE WHEN g.pt IS NULL THEN 0 ELSE coalesce((SELECT sum(g.pv[j]) FROM generate_subscripts(g.pt, 1) j
     WHERE g.pt[j] = '${term}' AND g.pl[j] <= k AND k <= g.ph[j]), 0) END`;
const previousCountCells = (column: string, term: string) =>
  `CASE WHEN g.pt IS NULL THEN array_fill(g.${column}, ARRAY[g.days])
     ELSE ARRAY(SELECT g.${column} + (${previousParts(term)})::int FROM generate_series(0, g.days - 1) k) END || array_fill(0, ARRAY[31 - g.days])`;
const monthCells = `    -- each changed range month by month: whole months summed per (dyad, month), the parts of its first and last
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
    )`;

// (ScoreWholeMonths1800000000011 replaced it; its down restores this one)
export const scoreApplyBySteps = applyFunction(
  `
    emptied_month date[];
    emptied_a char(2)[];
    emptied_b char(2)[];`,
  stepCells,
  // a month left with nothing goes (weights taken back may leave rounding dust below any real weight, 0.25),
  // whatever emptied it: a range taken back, or one added where an earlier one was taken back (this shard's row
  // then went below 0, its other shards holding what was taken back)
  `    , written AS (
      ${upsert(addInline, '      ')}
      RETURNING r.month, r.a, r.b, ${NOTHING_LEFT('r')} AS emptied
    )
    SELECT array_agg(month), array_agg(a), array_agg(b) INTO emptied_month, emptied_a, emptied_b FROM written WHERE emptied;
    IF emptied_month IS NOT NULL THEN
      -- rows this transaction has just written (and holds)
      DELETE FROM rollup_score r USING unnest(emptied_month, emptied_a, emptied_b) k(month, a, b)
      WHERE r.month = k.month AND r.a = k.a AND r.b = k.b AND r.shard = rollup_shard();
    END IF;`,
  // no JIT (estimates of a thousand rows per generate_series); the whole months' sums are grouped by hashing (a
  // few thousand rows of four numbers), the few steps by sorting
  'SET jit = off',
);
const previous = applyFunction(
  '',
  monthCells,
  `    ${upsert(addByFunction)};
    IF removed IS NOT NULL THEN
      -- a month left with nothing goes (weights taken back may leave rounding dust below any real weight, 0.25)
      DELETE FROM rollup_score r
      USING (SELECT DISTINCT x.a, x.b, g::date AS month
             FROM unnest(removed) x, generate_series(date_trunc('month', x.s), date_trunc('month', x.e), interval '1 month') g) k
      WHERE r.a = k.a AND r.b = k.b AND r.month = k.month AND r.shard = rollup_shard()
        AND ${NOTHING_LEFT('r')};
    END IF;`,
  `-- no JIT (estimates of a thousand rows per generate_series); grouping by sort: a hash table of array states per
  -- dyad-month cost more than sorting a few thousand rows
  SET jit = off SET enable_hashagg = off`,
);

export class ScoreApplyBySteps1799900000000 implements MigrationInterface {
  name = 'ScoreApplyBySteps1799900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(scoreApplyBySteps);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(previous);
  }
}
