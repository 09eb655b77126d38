import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: changes to the score rollup of ScoreRollup1797600000000.
//
// - `rollup_score` is split over the 8 shards of the other rollups (by backend): two writers adding facts of
//   the same dyad no longer wait on the same month rows until the first commits. Readers sum the shards' cells.
// - Adding one fact's range writes only the term's cells (a meeting's weights, a proposal's advanced or signed
//   days, a follow-up's overdue days), not all four arrays of each month, and cells are added by one pass over
//   both arrays: the score rollup was most of the trigger time of an ingested item.

const addCells = (body: string) => `CREATE OR REPLACE FUNCTION rollup_cells_add(x anyarray, y anyarray) RETURNS anyarray LANGUAGE sql IMMUTABLE AS $$ ${body} $$`;

/** rollup_score_add: one item's range added (sign 1) or taken back (-1), month by month, in one statement. */
function scoreAdd(sharded: boolean): string {
  const cells = (value: string) =>
    `ARRAY(SELECT CASE WHEN mo + k BETWEEN it.s AND it.e AND mo + k < nxt THEN ${value} ELSE 0 END FROM generate_series(0, 30) k ORDER BY k)`;
  const months = `(SELECT g::date AS mo, (g + interval '1 month')::date AS nxt
              FROM generate_series(date_trunc('month', it.s), date_trunc('month', it.e), interval '1 month') g) months`;
  const key = sharded ? 'month, a, b, shard' : 'month, a, b';
  const term = (column: string, letter: string) => `${column} = CASE WHEN it.term = '${letter}' THEN rollup_cells_add(r.${column}, excluded.${column}) ELSE r.${column} END`;
  return `CREATE OR REPLACE FUNCTION rollup_score_add(it rollup_score_item, sign int) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      none int[] := array_fill(0, ARRAY[31]);
    BEGIN
      IF it.term = 'M' THEN
        INSERT INTO rollup_score AS r (${key}, meetings, advanced, signed, overdue)
        SELECT mo, it.a, it.b, ${sharded ? 'rollup_shard(), ' : ''}${cells(`sign * power(0.5::float8, ((mo + k) - it.s) / 365::float8)`)}, none, none, none
        FROM ${months} ORDER BY mo
        ON CONFLICT (${key}) DO UPDATE SET meetings = rollup_cells_add(r.meetings, excluded.meetings);
      ELSE
        INSERT INTO rollup_score AS r (${key}, meetings, advanced, signed, overdue)
        SELECT mo, it.a, it.b, ${sharded ? 'rollup_shard(), ' : ''}array_fill(0::float8, ARRAY[31]),
               CASE WHEN it.term = 'A' THEN c ELSE none END, CASE WHEN it.term = 'S' THEN c ELSE none END, CASE WHEN it.term = 'O' THEN c ELSE none END
        FROM ${months} CROSS JOIN LATERAL (SELECT ${cells('sign')} AS c) x ORDER BY mo
        ON CONFLICT (${key}) DO UPDATE SET ${term('advanced', 'A')}, ${term('signed', 'S')}, ${term('overdue', 'O')};
      END IF;
      IF sign < 0 THEN
        -- a month left with nothing goes (weights taken back may leave rounding dust below any real weight, 0.25)
        DELETE FROM rollup_score r WHERE r.a = it.a AND r.b = it.b${sharded ? ' AND r.shard = rollup_shard()' : ''}
          AND r.month BETWEEN date_trunc('month', it.s)::date AND date_trunc('month', it.e)::date
          AND 0 = ALL(r.advanced) AND 0 = ALL(r.signed) AND 0 = ALL(r.overdue) AND 1e-9 > ALL(SELECT abs(w) FROM unnest(r.meetings) w);
      END IF;
    END $$`;
}

export class ScoreRollupShards1798100000001 implements MigrationInterface {
  name = 'ScoreRollupShards1798100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    // (the rebuild writes every row in shard 0, the default)
    await q(`ALTER TABLE rollup_score ADD shard smallint NOT NULL DEFAULT 0`);
    await q(`ALTER TABLE rollup_score DROP CONSTRAINT rollup_score_pkey, ADD PRIMARY KEY (month, a, b, shard)`);
    // (a function scan of unnest yields the elements in order)
    await q(addCells(`SELECT ARRAY(SELECT u.x + u.y FROM unnest(x, y) u(x, y))`));
    await q(scoreAdd(true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(addCells(`SELECT array_agg(x[i] + y[i] ORDER BY i) FROM generate_subscripts(x, 1) i`));
    // one row per dyad and month again, recomputed (the narrower add stays: it writes the same cells)
    await q(`TRUNCATE rollup_score`);
    await q(`ALTER TABLE rollup_score DROP CONSTRAINT rollup_score_pkey, ADD PRIMARY KEY (month, a, b), DROP COLUMN shard`);
    await q(scoreAdd(false));
    await q(`SET LOCAL statement_timeout = 0`);
    await q(`SELECT rollup_score_rebuild()`);
  }
}
