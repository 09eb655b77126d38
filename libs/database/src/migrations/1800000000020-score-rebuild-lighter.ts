import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rewriteFunction, type TextChange, undoing } from './replace-checked.js';

// Written by hand: the statement that turns ranges into the score rollup's numbers and cells (ScoreWholeMonths1800000000011,
// shared by `rollup_score_apply` at commit and `rollup_score_rebuild`) does less per range, and the rebuild writes its
// items before their key. Same values on every day.
// - A range that ends in a later month than it starts counts its last month among its whole months, its cells there
//   only taking its value back from the day after it ends: one step in that month instead of two (its value from the
//   1st, taken back after its end). A day's value (the whole months' number plus its cell) is the same; the stored
//   split of the last month differs, so up and down rebuild the rollup (at 1,000,000 meetings about 25 s).
// - The steps and running sums are grouped by the dyad as one number (k) alone; its codes and a month's days are
//   computed once per (dyad, month) row instead of carried through every step.
// - A range's month bounds come from its first and last month with one interval addition each (they were five).
// - `rollup_score_rebuild` writes the items (every fact's ranges: 1.5 million rows at 1M meetings) with their primary
//   key dropped and adds it after the last: one sorted build instead of an insertion per row in the facts' id order.
// At 1M, in turn in rolled-back transactions, the statement took 15.1–15.3 s against 18.9–20.1 s before, the items
// 5.6 s against 6.9–7.4 s, the whole rebuild 19.3–20.4 s against 25.4–26.0 s; the values of every day the same (one
// checksum over all rows' days).

const NAME = 'ScoreRebuildLighter1800000000020';
/** The dyad's codes from k (the two letters of each code as bytes: see valued). */
const CODES = `(chr(k >> 24) || chr((k >> 16) & 255))::char(2) AS a, (chr((k >> 8) & 255) || chr(k & 255))::char(2) AS b`;

/** What changes in both functions' statement, before and after. */
const CELLS: TextChange[] = [
  [
    `It covers whole the months from fw (its
    -- first month if it starts on the 1st, else the next) up to lw (the month of the day after its end), lw not included.`,
    `It covers whole the months from fw (its
    -- first month if it starts on the 1st, else the next) up to lw, lw not included: the month after its last month if
    -- that is later than its first (its cells there take its value back from the day after its end), else the month of
    -- the day after its end.`,
  ],
  [
    `      SELECT a, b, (ascii(a) << 24) + (ascii(substr(a, 2)) << 16) + (ascii(b) << 8) + ascii(substr(b, 2)) AS k, term, s, e, first, last,
             (first + interval '1 month')::date - first AS first_days, (first + interval '1 month - 1 day')::date AS first_end,
             (last + interval '1 month')::date - last AS last_days, (last + interval '1 month - 1 day')::date AS last_end,
             (date_trunc('month', (s - 1)::timestamp) + interval '1 month')::date AS fw, date_trunc('month', (e + 1)::timestamp)::date AS lw,
             CASE WHEN term = 'M' THEN sign * power(2::float8, (s - '2000-01-01'::date) / 365::float8) ELSE sign END AS v
      FROM (SELECT r.*, date_trunc('month', r.s::timestamp)::date AS first, date_trunc('month', r.e::timestamp)::date AS last FROM (`,
    `      SELECT k, term, s, e, first, last, next_first - 1 AS first_end, next_last - 1 AS last_end,
             CASE WHEN s = first THEN first ELSE next_first END AS fw,
             CASE WHEN last > first OR e = next_last - 1 THEN next_last ELSE last END AS lw,
             CASE WHEN term = 'M' THEN sign * power(2::float8, (s - '2000-01-01'::date) / 365::float8) ELSE sign END AS v
      FROM (SELECT r.*, (r.first + interval '1 month')::date AS next_first, (r.last + interval '1 month')::date AS next_last
            FROM (SELECT r.term, r.s, r.e, r.sign, (ascii(r.a) << 24) + (ascii(substr(r.a, 2)) << 16) + (ascii(r.b) << 8) + ascii(substr(r.b, 2)) AS k,
                         date_trunc('month', r.s::timestamp)::date AS first, date_trunc('month', r.e::timestamp)::date AS last
                  FROM (`,
  ],
  [') r) r\n    ),\n    -- per dyad, the months where', ') r) r) r\n    ),\n    -- per dyad, the months where'],
  ['      SELECT a, b, month, lead(month) OVER p AS next,', `      SELECT ${CODES}, month, lead(month) OVER p AS next,`],
  ['      FROM (SELECT a, b, k, month, coalesce(sum(v)', '      FROM (SELECT k, month, coalesce(sum(v)'],
  [
    `            FROM (SELECT a, b, k, term, fw AS month, v FROM valued WHERE fw < lw
                  UNION ALL SELECT a, b, k, term, lw, -v FROM valued WHERE fw < lw) edge
            GROUP BY k, month, a, b) change`,
    `            FROM (SELECT k, term, fw AS month, v FROM valued WHERE fw < lw
                  UNION ALL SELECT k, term, lw, -v FROM valued WHERE fw < lw) edge
            GROUP BY k, month) change`,
  ],
  [
    `    -- the first and last months of a range that covers them in part, as steps: its value from the day it starts
    -- (an offset from the 1st), taken back from the day after it ends (none past the month's end); summed per day
    step AS (
      SELECT a, b, k, month, days, term, pos, sum(v) AS v
      FROM (SELECT a, b, k, first AS month, first_days AS days, term, s - first AS pos, v FROM valued WHERE s > first OR e < first_end
            UNION ALL SELECT a, b, k, first, first_days, term, e - first + 1, -v FROM valued WHERE e < first_end
            UNION ALL SELECT a, b, k, last, last_days, term, 0, v FROM valued WHERE last > first AND e < last_end
            UNION ALL SELECT a, b, k, last, last_days, term, e - last + 1, -v FROM valued WHERE last > first AND e < last_end) x
      GROUP BY k, month, days, term, pos, a, b`,
    `    -- the months of a range's cells, as steps: in its first month (unless it covers it whole) its value from the day
    -- it starts (an offset from the 1st), taken back from the day after it ends if that is in the month; in a later
    -- last month (counted whole) its value taken back from the day after it ends; summed per day
    step AS (
      SELECT k, month, term, pos, sum(v) AS v
      FROM (SELECT k, first AS month, term, s - first AS pos, v FROM valued WHERE s > first OR e < first_end
            UNION ALL SELECT k, first, term, e - first + 1, -v FROM valued WHERE e < first_end
            UNION ALL SELECT k, last, term, e - last + 1, -v FROM valued WHERE last > first AND e < last_end) x
      GROUP BY k, month, term, pos`,
  ],
  [
    `      SELECT a, b, month, days,
             array_agg`,
    `      SELECT ${CODES}, month, (month + interval '1 month')::date - month AS days,
             array_agg`,
  ],
  [
    `      FROM (SELECT a, b, k, month, days, term, pos, sum(v) OVER (PARTITION BY k, month, term ORDER BY pos) AS v FROM step) run
      GROUP BY k, month, days, a, b`,
    `      FROM (SELECT k, month, term, pos, sum(v) OVER (PARTITION BY k, month, term ORDER BY pos) AS v FROM step) run
      GROUP BY k, month`,
  ],
];

const TRUNCATE = 'TRUNCATE rollup_score, rollup_score_item;';
const ITEMS_WRITTEN = 'INSERT INTO rollup_score (month,';
/** What changes in the rebuild alone: the items' key dropped before they are written, added after. */
const KEY: TextChange[] = [
  [TRUNCATE, `${TRUNCATE}\n    ALTER TABLE rollup_score_item DROP CONSTRAINT rollup_score_item_pkey;`],
  [ITEMS_WRITTEN, `ALTER TABLE rollup_score_item ADD CONSTRAINT rollup_score_item_pkey PRIMARY KEY (item, term, a, b, s);\n    ${ITEMS_WRITTEN}`],
];

/** Each function with its changes, and the rollup rebuilt in their split (at 1M meetings, about 20 s). */
async function rewriteAndRebuild(queryRunner: QueryRunner, changes: { apply: TextChange[]; rebuild: TextChange[] }): Promise<void> {
  await rewriteFunction(queryRunner, NAME, 'rollup_score_apply(uuid[], uuid[], uuid[])', changes.apply);
  await rewriteFunction(queryRunner, NAME, 'rollup_score_rebuild()', changes.rebuild);
  await queryRunner.query(`SET LOCAL statement_timeout = 0`);
  await queryRunner.query(`SELECT rollup_score_rebuild()`);
}

export class ScoreRebuildLighter1800000000020 implements MigrationInterface {
  name = NAME;

  async up(queryRunner: QueryRunner): Promise<void> {
    await rewriteAndRebuild(queryRunner, { apply: CELLS, rebuild: [...CELLS, ...KEY] });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await rewriteAndRebuild(queryRunner, { apply: undoing(CELLS), rebuild: undoing([...CELLS, ...KEY]) });
  }
}
