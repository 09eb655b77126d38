import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: the score rollup (ScoreRollup1797600000000, ScoreRollupShards1798100000001) is brought up to
// date once per transaction, at commit, for every fact the transaction touched, instead of once per trigger call.
//
// Before, every write of a meeting, proposal, proposal history, follow-up or follow-up history recomputed the
// fact's score items and, for each item that changed, added or took back its 730-day range month by month (25
// upserts of `rollup_score` rows per item): about 11 calls per ingested item, 60% of an item's statement time
// into an empty database. A fact written several times in one transaction (a proposal, then its history) was
// recomputed each time, and the facts of a `dyad ingest` batch each wrote the same months of the same dyad.
//
// Now `rollup_score_refresh` only notes the facts (`rollup_score_pending`, an unlogged table: its rows never
// outlive their transaction, so a crash that empties it loses nothing), and a deferred constraint trigger runs
// `rollup_score_apply` once before commit: one recomputation of all the noted facts' items, one diff against
// the stored items, and one upsert of the summed day deltas per (month, dyad). A savepoint rolled back takes
// its notes (and its queued trigger) with it. Readers inside the writing transaction see the score inputs as of
// its start until it commits; no write path reads them.

export const applyFunction = `CREATE OR REPLACE FUNCTION rollup_score_apply(meetings uuid[], proposals uuid[], follow_ups uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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
    -- the changed items as steps (a range adds its value from its first day and takes it back after its last),
    -- summed day by day over the days of the months they touch (each dyad's month once, however many items
    -- touch it), then one row of 31 cells per dyad and month: a weight is 2^((s - 2000-01-01)/365) from day s
    -- on, times 2^((2000-01-01 - day)/365) on the day, as in rollup_score_rebuild
    WITH change AS (
      SELECT r.*, -1 AS sign FROM unnest(removed) r UNION ALL SELECT a.*, 1 FROM unnest(added) a
    ),
    step AS (
      SELECT a, b, s AS day, 0 AS dense, sign * CASE WHEN term = 'M' THEN power(2::float8, (s - '2000-01-01'::date) / 365::float8) ELSE 0 END AS w,
             sign * (term = 'A')::int AS adv, sign * (term = 'S')::int AS sig, sign * (term = 'O')::int AS ovd
      FROM change
      UNION ALL
      SELECT a, b, e + 1, 0, -sign * CASE WHEN term = 'M' THEN power(2::float8, (s - '2000-01-01'::date) / 365::float8) ELSE 0 END,
             -sign * (term = 'A')::int, -sign * (term = 'S')::int, -sign * (term = 'O')::int
      FROM change
      UNION ALL
      SELECT k.a, k.b, g::date, 1, 0, 0, 0, 0
      FROM (SELECT DISTINCT c.a, c.b, m FROM change c, generate_series(date_trunc('month', c.s::timestamp), date_trunc('month', c.e::timestamp), interval '1 month') m) k
      CROSS JOIN LATERAL generate_series(k.m, k.m + interval '1 month - 1 day', interval '1 day') g
    ),
    daily AS (
      SELECT a, b, day, dense,
             sum(w) OVER run * power(2::float8, ('2000-01-01'::date - day) / 365::float8) AS w,
             sum(adv) OVER run AS adv, sum(sig) OVER run AS sig, sum(ovd) OVER run AS ovd
      FROM step
      WINDOW run AS (PARTITION BY a COLLATE "C", b COLLATE "C" ORDER BY day, dense ROWS UNBOUNDED PRECEDING)
    ),
    cells AS (
      SELECT date_trunc('month', day::timestamp)::date AS month, a, b,
             array_agg(CASE WHEN abs(w) < 1e-12 THEN 0 ELSE w END ORDER BY day) || array_fill(0::float8, ARRAY[31 - count(*)::int]) AS w,
             array_agg(adv::int ORDER BY day) || array_fill(0, ARRAY[31 - count(*)::int]) AS adv,
             array_agg(sig::int ORDER BY day) || array_fill(0, ARRAY[31 - count(*)::int]) AS sig,
             array_agg(ovd::int ORDER BY day) || array_fill(0, ARRAY[31 - count(*)::int]) AS ovd
      FROM daily WHERE dense = 1 GROUP BY a COLLATE "C", b COLLATE "C", 1, a, b
      HAVING bool_or(abs(w) >= 1e-12 OR adv <> 0 OR sig <> 0 OR ovd <> 0)
    )
    INSERT INTO rollup_score AS r (month, a, b, shard, meetings, advanced, signed, overdue)
    SELECT month, a, b, rollup_shard(), w, adv, sig, ovd FROM cells ORDER BY 1, 2, 3
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
  -- its estimates (a thousand rows per generate_series) would have a statement JIT-compiled: 0.8 s for 0.3 s of work
  SET jit = off`;

const refreshNow = `CREATE OR REPLACE FUNCTION rollup_score_refresh(kind text, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        terms char(1)[] := CASE kind WHEN 'meeting' THEN '{M}' WHEN 'proposal' THEN '{A,S}' ELSE '{O}' END;
        it rollup_score_item;
        fresh rollup_score_item[];
      BEGIN
        IF kind = 'meeting' THEN SELECT array_agg(x) INTO fresh FROM rollup_score_items_meeting(ids) x;
        ELSIF kind = 'proposal' THEN SELECT array_agg(x) INTO fresh FROM rollup_score_items_proposal(ids) x;
        ELSE SELECT array_agg(x) INTO fresh FROM rollup_score_items_follow_up(ids) x;
        END IF;
        FOR it IN SELECT o.* FROM rollup_score_item o WHERE o.item = ANY(ids) AND o.term = ANY(terms)
                  EXCEPT SELECT * FROM unnest(fresh) ORDER BY 3, 4, 5 LOOP
          PERFORM rollup_score_add(it, -1);
          DELETE FROM rollup_score_item o WHERE o.item = it.item AND o.term = it.term AND o.a = it.a AND o.b = it.b AND o.s = it.s;
        END LOOP;
        FOR it IN SELECT * FROM unnest(fresh)
                  EXCEPT SELECT o.* FROM rollup_score_item o WHERE o.item = ANY(ids) AND o.term = ANY(terms) ORDER BY 3, 4, 5 LOOP
          PERFORM rollup_score_add(it, 1);
          INSERT INTO rollup_score_item SELECT it.*;
        END LOOP;
      END $$`;

export class ScoreRollupAtCommit1798400000000 implements MigrationInterface {
  name = 'ScoreRollupAtCommit1798400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE UNLOGGED TABLE rollup_score_pending (
      xid xid8 NOT NULL, kind char(1) NOT NULL, id uuid NOT NULL, PRIMARY KEY (xid, kind, id))`);
    await q(applyFunction);
    // the facts noted by this transaction, taken and applied at once (later calls of the same commit find none)
    await q(`CREATE FUNCTION rollup_score_flush() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE m uuid[]; p uuid[]; f uuid[];
      BEGIN
        WITH taken AS (DELETE FROM rollup_score_pending WHERE xid = pg_current_xact_id() RETURNING kind, id)
        SELECT array_agg(id) FILTER (WHERE kind = 'M'), array_agg(id) FILTER (WHERE kind = 'P'), array_agg(id) FILTER (WHERE kind = 'F')
        INTO m, p, f FROM taken;
        IF m IS NOT NULL OR p IS NOT NULL OR f IS NOT NULL THEN PERFORM rollup_score_apply(m, p, f); END IF;
        RETURN NULL;
      END $$`);
    // one queued trigger per transaction: only the first note of a transaction inserts the marker row ('*')
    await q(`CREATE CONSTRAINT TRIGGER rollup_score_flush AFTER INSERT ON rollup_score_pending DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW WHEN (NEW.kind = '*') EXECUTE FUNCTION rollup_score_flush()`);
    await q(`CREATE OR REPLACE FUNCTION rollup_score_refresh(kind text, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE x xid8 := pg_current_xact_id();
      BEGIN
        IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
        INSERT INTO rollup_score_pending (xid, kind, id)
        SELECT x, '*', '00000000-0000-0000-0000-000000000000'::uuid
        UNION ALL SELECT DISTINCT x, CASE kind WHEN 'meeting' THEN 'M' WHEN 'proposal' THEN 'P' ELSE 'F' END, i FROM unnest(ids) i WHERE i IS NOT NULL
        ON CONFLICT DO NOTHING;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(refreshNow);
    await q(`DROP TRIGGER rollup_score_flush ON rollup_score_pending`);
    await q(`DROP FUNCTION rollup_score_flush()`);
    await q(`DROP FUNCTION rollup_score_apply(uuid[], uuid[], uuid[])`);
    await q(`DROP TABLE rollup_score_pending`);
  }
}
