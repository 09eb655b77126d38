import type { MigrationInterface, QueryRunner } from 'typeorm';
import { itemsSql } from './1797600000000-score-rollup.js';
import { applyFunction, scoreApplyBySteps } from './1799900000000-score-apply-by-steps.js';
import { scoreRebuildGroupedByDyad } from './1799970000001-score-rebuild-grouped-by-dyad.js';

// Written by hand: `rollup_score` keeps what covers a month whole as one number per term, and cells (31 days) only
// for what covers it in part.
//
// A fact counts on a range of days (730 for a meeting), which covers every month it touches whole but its first
// and last. Before, each month of the range had its 31 cells of each term computed and added to the stored row:
// for the facts of 50 ingested items, about 2,000 (dyad, month) rows, each with up to four arrays built by
// subqueries and four more to add them to the row, 40–50 ms at commit, the largest single cost of an ingested item
// (about 1 ms of its 7). Now a whole month adds a number to each term's `whole_` column, and only the first and
// last months of a range touch cells. A day's value is the whole months' number (for the meetings, times that
// day's decay, as the cells hold it) plus the day's cell; a term no range covers in part in that month has no
// cells (NULL).
//
// The two parts are a function of the ranges alone: the same facts give the same numbers and cells whether added
// one by one (`rollup_score_apply`, at commit) or all at once (`rollup_score_rebuild`), which share the statement
// that computes them. The whole months' sums are running sums over the months where ranges start and end (a range
// adds its value from its first whole month and takes it back from the month after its last), as the rebuild did
// over days. Rows written before are computed again by up (the rebuild): at 1,000,000 meetings about half a minute.

/** What a meeting weight stored as of 2000-01-01 counts on `day` (the cells hold weights scaled so). */
const decayOn = (day: string) => `power(2::float8, ('2000-01-01'::date - (${day})) / 365::float8)`;

/** A stored row has nothing left: every number 0 (a meeting weight's rounding dust aside) and every cell 0 or none. */
const nothingIn = (r: string) =>
  `${r}.whole_advanced = 0 AND ${r}.whole_signed = 0 AND ${r}.whole_overdue = 0
         AND abs(${r}.whole_meetings) * ${decayOn(`${r}.month`)} < 1e-9
         AND (${r}.advanced IS NULL OR 0 = ALL(${r}.advanced)) AND (${r}.signed IS NULL OR 0 = ALL(${r}.signed))
         AND (${r}.overdue IS NULL OR 0 = ALL(${r}.overdue)) AND (${r}.meetings IS NULL OR 1e-9 > ALL(SELECT abs(w) FROM unnest(${r}.meetings) w))`;

// cells of nothing (steps that cancel out: a range taken back and one added with the same part of a month) are none
const orNone = (cells: string, type: 'int' | 'float8') => `nullif(${cells}, array_fill(0::${type}, ARRAY[31]))`;
// a counted term's cells in a month where it has steps: the running sum of the last step on or before day k
const countCells = (t: string) =>
  `CASE WHEN p.${t}p IS NOT NULL THEN ${orNone(`ARRAY(SELECT CASE WHEN k < p.days THEN coalesce(p.${t}v[width_bucket(k, p.${t}p)], 0) ELSE 0 END
                                              FROM generate_series(0, 30) k)`, 'int')} END`;

/**
 * The statement's CTEs from `ranges` (rows a, b, term, s, e, sign: each range added, 1, or taken back, -1) to
 * `cells` (month, a, b, wm, adv, sig, ovd: the whole months' numbers; mc, ac, sc, oc: the cells, or NULL).
 */
const cellsCtes = (ranges: string) => `WITH
    -- each range with its value: a meeting's weight 2^((s - 2000-01-01)/365), scaled on each day d by
    -- 2^((2000-01-01 - d)/365); 1 for an advanced, signed or overdue day. It covers whole the months from fw (its
    -- first month if it starts on the 1st, else the next) up to lw (the month of the day after its end), lw not included.
    -- (k: the dyad as one number, which sorts several times faster than its codes: 4.5 million steps in a rebuild)
    valued AS (
      SELECT a, b, (ascii(a) << 24) + (ascii(substr(a, 2)) << 16) + (ascii(b) << 8) + ascii(substr(b, 2)) AS k, term, s, e, first, last,
             (first + interval '1 month')::date - first AS first_days, (first + interval '1 month - 1 day')::date AS first_end,
             (last + interval '1 month')::date - last AS last_days, (last + interval '1 month - 1 day')::date AS last_end,
             (date_trunc('month', (s - 1)::timestamp) + interval '1 month')::date AS fw, date_trunc('month', (e + 1)::timestamp)::date AS lw,
             CASE WHEN term = 'M' THEN sign * power(2::float8, (s - '2000-01-01'::date) / 365::float8) ELSE sign END AS v
      FROM (SELECT r.*, date_trunc('month', r.s::timestamp)::date AS first, date_trunc('month', r.e::timestamp)::date AS last FROM (${ranges}) r) r
    ),
    -- per dyad, the months where whole-month sums change, with the sums from each on, held until the next such month
    -- (after the last one every range has ended: nothing)
    whole_run AS (
      SELECT a, b, month, lead(month) OVER p AS next,
             sum(wm) OVER r AS wm, (sum(adv) OVER r)::int AS adv, (sum(sig) OVER r)::int AS sig, (sum(ovd) OVER r)::int AS ovd
      FROM (SELECT a, b, k, month, coalesce(sum(v) FILTER (WHERE term = 'M'), 0) AS wm, coalesce(sum(v) FILTER (WHERE term = 'A'), 0) AS adv,
                   coalesce(sum(v) FILTER (WHERE term = 'S'), 0) AS sig, coalesce(sum(v) FILTER (WHERE term = 'O'), 0) AS ovd
            FROM (SELECT a, b, k, term, fw AS month, v FROM valued WHERE fw < lw
                  UNION ALL SELECT a, b, k, term, lw, -v FROM valued WHERE fw < lw) edge
            GROUP BY k, month, a, b) change
      WINDOW p AS (PARTITION BY k ORDER BY month), r AS (p ROWS UNBOUNDED PRECEDING)
    ),
    whole AS (
      SELECT w.a, w.b, g::date AS month, w.wm, w.adv, w.sig, w.ovd
      FROM whole_run w CROSS JOIN LATERAL generate_series(w.month::timestamp, w.next::timestamp - interval '1 month', interval '1 month') g
      WHERE w.next IS NOT NULL
        AND (abs(w.wm) * ${decayOn('w.month')} >= 1e-12 OR w.adv <> 0 OR w.sig <> 0 OR w.ovd <> 0)
    ),
    -- the first and last months of a range that covers them in part, as steps: its value from the day it starts
    -- (an offset from the 1st), taken back from the day after it ends (none past the month's end); summed per day
    step AS (
      SELECT a, b, k, month, days, term, pos, sum(v) AS v
      FROM (SELECT a, b, k, first AS month, first_days AS days, term, s - first AS pos, v FROM valued WHERE s > first OR e < first_end
            UNION ALL SELECT a, b, k, first, first_days, term, e - first + 1, -v FROM valued WHERE e < first_end
            UNION ALL SELECT a, b, k, last, last_days, term, 0, v FROM valued WHERE last > first AND e < last_end
            UNION ALL SELECT a, b, k, last, last_days, term, e - last + 1, -v FROM valued WHERE last > first AND e < last_end) x
      GROUP BY k, month, days, term, pos, a, b
    ),
    -- per (dyad, month) and term, the step days and the running sums from each on
    parts AS (
      SELECT a, b, month, days,
             array_agg(pos ORDER BY pos) FILTER (WHERE term = 'M') AS mp, array_agg(v ORDER BY pos) FILTER (WHERE term = 'M') AS mv,
             array_agg(pos ORDER BY pos) FILTER (WHERE term = 'A') AS ap, array_agg(v::int ORDER BY pos) FILTER (WHERE term = 'A') AS av,
             array_agg(pos ORDER BY pos) FILTER (WHERE term = 'S') AS sp, array_agg(v::int ORDER BY pos) FILTER (WHERE term = 'S') AS sv,
             array_agg(pos ORDER BY pos) FILTER (WHERE term = 'O') AS op, array_agg(v::int ORDER BY pos) FILTER (WHERE term = 'O') AS ov
      FROM (SELECT a, b, k, month, days, term, pos, sum(v) OVER (PARTITION BY k, month, term ORDER BY pos) AS v FROM step) run
      GROUP BY k, month, days, a, b
    ),
    -- each such month's decay on its days (0 on the days it does not have), computed once per month
    decay AS MATERIALIZED (
      SELECT month, ARRAY(SELECT CASE WHEN k < days THEN ${decayOn('month + k')} ELSE 0 END
                          FROM generate_series(0, 30) k) AS d
      FROM (SELECT DISTINCT month, days FROM parts WHERE mp IS NOT NULL) m
    ),
    cells AS MATERIALIZED (
      SELECT coalesce(w.month, p.month) AS month, coalesce(w.a, p.a) AS a, coalesce(w.b, p.b) AS b,
             coalesce(w.wm, 0) AS wm, coalesce(w.adv, 0) AS adv, coalesce(w.sig, 0) AS sig, coalesce(w.ovd, 0) AS ovd,
             CASE WHEN p.mp IS NOT NULL THEN
               ${orNone(`ARRAY(SELECT CASE WHEN abs(x) < 1e-12 THEN 0 ELSE x END
                     FROM (SELECT coalesce(p.mv[width_bucket(k, p.mp)], 0) * p.d[k + 1] AS x FROM generate_series(0, 30) k) z)`, 'float8')} END AS mc,
             ${countCells('a')} AS ac,
             ${countCells('s')} AS sc,
             ${countCells('o')} AS oc
      FROM whole w
      FULL JOIN (SELECT parts.*, decay.d FROM parts LEFT JOIN decay USING (month)) p ON p.a = w.a AND p.b = w.b AND p.month = w.month
    )`;

const COLUMNS = 'month, a, b, whole_meetings, whole_advanced, whole_signed, whole_overdue, meetings, advanced, signed, overdue';
const SOMETHING = 'wm <> 0 OR adv <> 0 OR sig <> 0 OR ovd <> 0 OR mc IS NOT NULL OR ac IS NOT NULL OR sc IS NOT NULL OR oc IS NOT NULL';
// a stored array plus new cells, where there are new cells (a weight's cells back at 0 but for rounding dust: 0)
const addCells = (column: string, type: 'int' | 'float8') => {
  const sum = `r.${column}[i] + excluded.${column}[i]`;
  return `${column} = CASE WHEN excluded.${column} IS NULL THEN r.${column} WHEN r.${column} IS NULL THEN excluded.${column}
          ELSE ${orNone(`ARRAY(SELECT ${type === 'int' ? sum : `CASE WHEN abs(${sum}) < 1e-9 THEN 0 ELSE ${sum} END`} FROM generate_series(1, 31) i)`, type)} END`;
};

// (the items' part, finding the ranges removed and added, is ScoreApplyBySteps1799900000000's)
const apply = applyFunction(
  `
    emptied_month date[];
    emptied_a char(2)[];
    emptied_b char(2)[];`,
  `    ${cellsCtes(`SELECT a, b, term, s, e, -1 AS sign FROM unnest(removed) UNION ALL SELECT a, b, term, s, e, 1 FROM unnest(added)`)},`,
  `    -- a month left with nothing goes, whatever emptied it: a range taken back, or one added where an earlier one was
    -- taken back (this shard's row then went below 0, its other shards holding what was taken back)
    written AS (
      INSERT INTO rollup_score AS r (${COLUMNS}, shard)
      SELECT month, a, b, wm, adv, sig, ovd, mc, ac, sc, oc, rollup_shard() FROM cells
      WHERE ${SOMETHING}
      ORDER BY 1, 2, 3
      ON CONFLICT (month, a, b, shard) DO UPDATE SET
        whole_meetings = r.whole_meetings + excluded.whole_meetings, whole_advanced = r.whole_advanced + excluded.whole_advanced,
        whole_signed = r.whole_signed + excluded.whole_signed, whole_overdue = r.whole_overdue + excluded.whole_overdue,
        ${addCells('meetings', 'float8')}, ${addCells('advanced', 'int')},
        ${addCells('signed', 'int')}, ${addCells('overdue', 'int')}
      RETURNING r.month, r.a, r.b, ${nothingIn('r')} AS emptied
    )
    SELECT array_agg(month), array_agg(a), array_agg(b) INTO emptied_month, emptied_a, emptied_b FROM written WHERE emptied;
    IF emptied_month IS NOT NULL THEN
      -- rows this transaction has just written (and holds)
      DELETE FROM rollup_score r USING unnest(emptied_month, emptied_a, emptied_b) k(month, a, b)
      WHERE r.month = k.month AND r.a = k.a AND r.b = k.b AND r.shard = rollup_shard();
    END IF;`,
  // no JIT (estimates of a thousand rows per generate_series); one plan per query for the session
  'SET jit = off SET plan_cache_mode = force_generic_plan',
);

const rebuild = `CREATE OR REPLACE FUNCTION rollup_score_rebuild() RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    TRUNCATE rollup_score, rollup_score_item;
    INSERT INTO rollup_score_item ${itemsSql('meeting', () => 'true', true)};
    INSERT INTO rollup_score_item ${itemsSql('proposal', () => 'true', true)};
    INSERT INTO rollup_score_item ${itemsSql('follow_up', () => 'true', true)};
    INSERT INTO rollup_score (${COLUMNS})
    ${cellsCtes(`SELECT a, b, term, s, e, 1 AS sign FROM rollup_score_item`)}
    SELECT month, a, b, wm, adv, sig, ovd, mc, ac, sc, oc FROM cells
    WHERE ${SOMETHING}
    ORDER BY month, a, b;
  END $$`;

const WHOLE = { whole_meetings: 'float8', whole_advanced: 'int', whole_signed: 'int', whole_overdue: 'int' };
const CELLS = ['meetings', 'advanced', 'signed', 'overdue'];

export class ScoreWholeMonths1800000000011 implements MigrationInterface {
  name = 'ScoreWholeMonths1800000000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    // (no statistics on the numbers either: nothing reads them by value, see ScoreCellsWithoutStatistics1800000000010)
    await queryRunner.query(`ALTER TABLE rollup_score
      ${Object.entries(WHOLE).map(([column, type]) => `ADD COLUMN ${column} ${type} NOT NULL DEFAULT 0`).join(', ')},
      ${Object.keys(WHOLE).map((column) => `ALTER COLUMN ${column} SET STATISTICS 0`).join(', ')},
      ${CELLS.map((column) => `ALTER COLUMN ${column} DROP NOT NULL`).join(', ')}`);
    await queryRunner.query(apply);
    await queryRunner.query(rebuild);
    await queryRunner.query(`SELECT rollup_score_rebuild()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(scoreApplyBySteps);
    await queryRunner.query(`ALTER FUNCTION rollup_score_apply(uuid[], uuid[], uuid[]) SET plan_cache_mode = force_generic_plan`);
    await queryRunner.query(scoreRebuildGroupedByDyad);
    await queryRunner.query(`TRUNCATE rollup_score`);
    await queryRunner.query(`ALTER TABLE rollup_score
      ${Object.keys(WHOLE).map((column) => `DROP COLUMN ${column}`).join(', ')},
      ${CELLS.map((column) => `ALTER COLUMN ${column} SET NOT NULL`).join(', ')}`);
    await queryRunner.query(`SELECT rollup_score_rebuild()`);
  }
}
