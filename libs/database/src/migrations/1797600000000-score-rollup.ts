import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: a rollup kept by triggers, as in PartySetsAndRollups1797000000000.
//
// The cooperation score's inputs per dyad and day, so `dyads` and `dyadScoreTrend` read one row per dyad (or per
// point) instead of the facts of a 24-month window. The score on a reference date r counts facts in the window
// (r − 730, r] (see libs/analytics/src/cooperation-score.ts); each fact therefore counts on a range of days r:
//   - a HELD, not rejected meeting on day d: on r in [d, d + 729], with the weight 0.5^((r − d) / 365);
//   - a proposal that moved past PROPOSED (term A), or an MoU/agreement signed or later (term S): on the days
//     within 729 days after any of its qualifying status dates (their ranges merged, so it counts once);
//   - a follow-up due on day u: overdue on r in [u + 1, u + 729] while not yet closed (r before its closing day).
// `rollup_score_item` holds these ranges per fact and dyad (what each fact adds now), and `rollup_score` their
// sums for each dyad and month: one value per day of the month (31 cells, unused ones 0) for each term. A write
// to a fact recomputes its ranges and adds only the difference, in the same transaction. `rollup_rebuild()`
// (the `dyad rollups rebuild` command) recomputes both tables set-based (running sums over days).

const AGREED_OR_LATER = `('AGREED', 'NEGOTIATING', 'SIGNED', 'IMPLEMENTING', 'COMPLETED')`;
const SIGNED_OR_LATER = `('SIGNED', 'IMPLEMENTING', 'COMPLETED')`;
/** The unordered dyads of a stored (sorted) party set. */
const pairsOf = (codes: string) => `(SELECT x AS a, y AS b FROM unnest(${codes}) x, unnest(${codes}) y WHERE x < y)`;

/**
 * The ranges of the facts `which` selects (a condition on the fact's id column), as rollup_score_item rows.
 * `setBased`: for every fact at once (the rebuild, which may run before a bulk load has built its indexes), a
 * follow-up's closing day comes from one grouped pass over the histories instead of one lookup per follow-up.
 */
export function itemsSql(kind: 'meeting' | 'proposal' | 'follow_up', which: (id: string) => string, setBased = false): string {
  switch (kind) {
    case 'meeting':
      return `SELECT m.id AS item, 'M'::char(1) AS term, pr.a, pr.b, m.date AS s, m.date + 729 AS e
        FROM meeting m CROSS JOIN LATERAL ${pairsOf('m.party_codes')} pr
        WHERE ${which('m.id')} AND m.status = 'HELD' AND m.review_status <> 'REJECTED' AND m.date IS NOT NULL`;
    case 'proposal':
      return `SELECT g.id AS item, g.term, pr.a, pr.b, min(g.d) AS s, max(g.d) + 729 AS e
        FROM (
          SELECT q.*, sum(q.fresh) OVER (PARTITION BY q.id, q.term ORDER BY q.d) AS island
          FROM (
            SELECT p.id, t.term, c.effective_date AS d, p.party_codes,
                   CASE WHEN c.effective_date <= lag(c.effective_date) OVER (PARTITION BY p.id, t.term ORDER BY c.effective_date) + 730
                        THEN 0 ELSE 1 END AS fresh
            FROM proposal p
            JOIN proposal_status_change c ON c.proposal_id = p.id AND c.effective_date IS NOT NULL
            CROSS JOIN (VALUES ('A'::char(1)), ('S'::char(1))) t(term)
            WHERE ${which('p.id')}
              AND ((t.term = 'A' AND c.status IN ${AGREED_OR_LATER})
                OR (t.term = 'S' AND p.kind IN ('MOU', 'AGREEMENT') AND c.status IN ${SIGNED_OR_LATER}))
          ) q
        ) g CROSS JOIN LATERAL ${pairsOf('g.party_codes')} pr
        GROUP BY g.id, g.term, g.island, pr.a, pr.b`;
    case 'follow_up':
      return `SELECT f.id AS item, 'O'::char(1) AS term, pr.a, pr.b, f.due_date + 1 AS s,
               CASE WHEN k.closed IS NULL THEN f.due_date + 729 ELSE least(f.due_date + 729, k.closed - 1) END AS e
        FROM follow_up_action f
        ${setBased
          ? `LEFT JOIN (SELECT c.follow_up_id, min(c.effective_date) AS closed_on FROM follow_up_status_change c
                       WHERE c.status IN ('DONE', 'CANCELLED') GROUP BY 1) h ON h.follow_up_id = f.id
             CROSS JOIN LATERAL (SELECT CASE WHEN f.status IN ('DONE', 'CANCELLED') THEN coalesce(h.closed_on, '-infinity'::date) END AS closed) k`
          : `CROSS JOIN LATERAL (SELECT CASE WHEN f.status IN ('DONE', 'CANCELLED') THEN
                             coalesce((SELECT min(c.effective_date) FROM follow_up_status_change c
                                       WHERE c.follow_up_id = f.id AND c.status IN ('DONE', 'CANCELLED')), '-infinity'::date) END AS closed) k`}
        CROSS JOIN LATERAL ${pairsOf('f.party_codes')} pr
        WHERE ${which('f.id')} AND f.due_date IS NOT NULL
          AND (k.closed IS NULL OR (k.closed > '-infinity'::date AND k.closed - 1 >= f.due_date + 1))`;
  }
}

/** The rebuild's start: every fact's ranges anew, and the statement that sums them from the days they start and end. */
export const rebuildItemsAndEdges = `      TRUNCATE rollup_score, rollup_score_item;
      INSERT INTO rollup_score_item ${itemsSql('meeting', () => 'true', true)};
      INSERT INTO rollup_score_item ${itemsSql('proposal', () => 'true', true)};
      INSERT INTO rollup_score_item ${itemsSql('follow_up', () => 'true', true)};
      INSERT INTO rollup_score (month, a, b, meetings, advanced, signed, overdue)
      WITH edge AS (
        SELECT a, b, s AS day, CASE WHEN term = 'M' THEN power(2::float8, (s - '2000-01-01'::date) / 365::float8) ELSE 0 END AS w,
               (term = 'A')::int AS adv, (term = 'S')::int AS sig, (term = 'O')::int AS ovd
        FROM rollup_score_item
        UNION ALL
        SELECT a, b, e + 1, CASE WHEN term = 'M' THEN -power(2::float8, (s - '2000-01-01'::date) / 365::float8) ELSE 0 END,
               -(term = 'A')::int, -(term = 'S')::int, -(term = 'O')::int
        FROM rollup_score_item
      ),`;

// Set-based: every fact's ranges, then per dyad and day the running sums of the ranges that start and end
// (a meeting's weight as 2^((d − 2000-01-01) / 365), scaled back on each day r by 2^((2000-01-01 − r) / 365)).
// ScoreRebuildByChangeDays1799200000000 replaced it; its down restores this one.
export const scoreRebuildByDay = `CREATE OR REPLACE FUNCTION rollup_score_rebuild() RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
${rebuildItemsAndEdges}
      daily AS (SELECT a, b, day, sum(w) AS w, sum(adv) AS adv, sum(sig) AS sig, sum(ovd) AS ovd FROM edge GROUP BY 1, 2, 3),
      span AS (SELECT a, b, date_trunc('month', min(day)) AS lo, date_trunc('month', max(day)) + interval '1 month - 1 day' AS hi FROM daily GROUP BY 1, 2),
      -- every day of each dyad's months, joined to its day's changes on all three keys (a join on the dyad alone
      -- that filtered the days after would grow with the square of the days)
      dense AS MATERIALIZED (SELECT sp.a, sp.b, g::date AS day FROM span sp CROSS JOIN LATERAL generate_series(sp.lo, sp.hi, interval '1 day') g),
      running AS (
        SELECT d.a, d.b, d.day,
               sum(coalesce(v.w, 0)) OVER run * power(2::float8, ('2000-01-01'::date - d.day) / 365::float8) AS w,
               sum(coalesce(v.adv, 0)) OVER run AS adv, sum(coalesce(v.sig, 0)) OVER run AS sig, sum(coalesce(v.ovd, 0)) OVER run AS ovd
        FROM dense d LEFT JOIN daily v ON v.a = d.a AND v.b = d.b AND v.day = d.day
        WINDOW run AS (PARTITION BY d.a, d.b ORDER BY d.day ROWS UNBOUNDED PRECEDING)
      )
      SELECT date_trunc('month', day)::date, a, b,
             array_agg(CASE WHEN abs(w) < 1e-9 THEN 0 ELSE w END ORDER BY day) || array_fill(0::float8, ARRAY[31 - count(*)::int]),
             array_agg(adv::int ORDER BY day) || array_fill(0, ARRAY[31 - count(*)::int]),
             array_agg(sig::int ORDER BY day) || array_fill(0, ARRAY[31 - count(*)::int]),
             array_agg(ovd::int ORDER BY day) || array_fill(0, ARRAY[31 - count(*)::int])
      FROM running
      GROUP BY 1, 2, 3
      HAVING bool_or(abs(w) >= 1e-9 OR adv <> 0 OR sig <> 0 OR ovd <> 0);
    END $$`;

export class ScoreRollup1797600000000 implements MigrationInterface {
  name = 'ScoreRollup1797600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE TABLE rollup_score_item (item uuid NOT NULL, term char(1) NOT NULL, a char(2) NOT NULL, b char(2) NOT NULL,
      s date NOT NULL, e date NOT NULL, PRIMARY KEY (item, term, a, b, s))`);
    // cells: day 1 of the month is [1]; days a month does not have stay 0
    await q(`CREATE TABLE rollup_score (month date NOT NULL, a char(2) NOT NULL, b char(2) NOT NULL,
      meetings float8[] NOT NULL, advanced int[] NOT NULL, signed int[] NOT NULL, overdue int[] NOT NULL,
      PRIMARY KEY (month, a, b))`);
    await q(`CREATE INDEX rollup_score_pair ON rollup_score (a, b, month)`);

    await q(`CREATE FUNCTION rollup_cells_add(x anyarray, y anyarray) RETURNS anyarray LANGUAGE sql IMMUTABLE AS $$
      SELECT array_agg(x[i] + y[i] ORDER BY i) FROM generate_subscripts(x, 1) i $$`);
    // adds (sign 1) or takes back (sign -1) one item's range, month by month, in one statement
    await q(`CREATE FUNCTION rollup_score_add(it rollup_score_item, sign int) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO rollup_score AS r (month, a, b, meetings, advanced, signed, overdue)
        SELECT mo, it.a, it.b,
          ARRAY(SELECT CASE WHEN it.term = 'M' AND mo + k BETWEEN it.s AND it.e AND mo + k < nxt
                            THEN sign * power(0.5::float8, ((mo + k) - it.s) / 365::float8) ELSE 0 END FROM generate_series(0, 30) k ORDER BY k),
          ARRAY(SELECT CASE WHEN it.term = 'A' AND mo + k BETWEEN it.s AND it.e AND mo + k < nxt THEN sign ELSE 0 END FROM generate_series(0, 30) k ORDER BY k),
          ARRAY(SELECT CASE WHEN it.term = 'S' AND mo + k BETWEEN it.s AND it.e AND mo + k < nxt THEN sign ELSE 0 END FROM generate_series(0, 30) k ORDER BY k),
          ARRAY(SELECT CASE WHEN it.term = 'O' AND mo + k BETWEEN it.s AND it.e AND mo + k < nxt THEN sign ELSE 0 END FROM generate_series(0, 30) k ORDER BY k)
        FROM (SELECT g::date AS mo, (g + interval '1 month')::date AS nxt
              FROM generate_series(date_trunc('month', it.s), date_trunc('month', it.e), interval '1 month') g) months
        ORDER BY mo
        ON CONFLICT (month, a, b) DO UPDATE SET meetings = rollup_cells_add(r.meetings, excluded.meetings),
          advanced = rollup_cells_add(r.advanced, excluded.advanced), signed = rollup_cells_add(r.signed, excluded.signed),
          overdue = rollup_cells_add(r.overdue, excluded.overdue);
        IF sign < 0 THEN
          -- a month left with nothing goes (weights taken back may leave rounding dust below any real weight, 0.25)
          DELETE FROM rollup_score r WHERE r.a = it.a AND r.b = it.b
            AND r.month BETWEEN date_trunc('month', it.s)::date AND date_trunc('month', it.e)::date
            AND 0 = ALL(r.advanced) AND 0 = ALL(r.signed) AND 0 = ALL(r.overdue) AND 1e-9 > ALL(SELECT abs(w) FROM unnest(r.meetings) w);
        END IF;
      END $$`);
    for (const kind of ['meeting', 'proposal', 'follow_up'] as const) {
      await q(`CREATE FUNCTION rollup_score_items_${kind}(ids uuid[]) RETURNS SETOF rollup_score_item LANGUAGE sql STABLE AS $$
        ${itemsSql(kind, (id) => `${id} = ANY(ids)`)} $$`);
    }
    // recomputes the ranges of some facts of one kind and applies the difference to the rollup
    await q(`CREATE FUNCTION rollup_score_refresh(kind text, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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
      END $$`);

    // row triggers on the facts, statement triggers on the histories
    for (const [table, kind, columns] of [
      ['meeting', 'meeting', 'party_codes, date, status, review_status'],
      ['proposal', 'proposal', 'party_codes, kind'],
      ['follow_up_action', 'follow_up', 'party_codes, due_date, status'],
    ] as const) {
      const changed = columns.split(', ').map((column) => `OLD.${column} IS DISTINCT FROM NEW.${column}`).join(' OR ');
      await q(`CREATE FUNCTION ${table}_score_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM rollup_score_refresh('${kind}', ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END]);
          RETURN NULL;
        END $$`);
      await q(`CREATE TRIGGER ${table}_score_rollup AFTER INSERT OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_score_rollup()`);
      await q(`CREATE TRIGGER ${table}_score_rollup_update AFTER UPDATE ON ${table} FOR EACH ROW WHEN (${changed})
        EXECUTE FUNCTION ${table}_score_rollup()`);
    }
    for (const [table, kind, column] of [
      ['proposal_status_change', 'proposal', 'proposal_id'],
      ['follow_up_status_change', 'follow_up', 'follow_up_id'],
    ] as const) {
      await q(`CREATE FUNCTION ${table}_score_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            PERFORM rollup_score_refresh('${kind}', (SELECT array_agg(DISTINCT ${column}) FROM new_rows));
          END IF;
          IF TG_OP IN ('DELETE', 'UPDATE') THEN
            PERFORM rollup_score_refresh('${kind}', (SELECT array_agg(DISTINCT ${column}) FROM old_rows));
          END IF;
          RETURN NULL;
        END $$`);
      await q(`CREATE TRIGGER ${table}_score_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_score_rollup()`);
      await q(`CREATE TRIGGER ${table}_score_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_score_rollup()`);
      await q(`CREATE TRIGGER ${table}_score_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_score_rollup()`);
    }

    await q(scoreRebuildByDay);
    // rollup_rebuild() (the command, the bench seed) rebuilds the score rollup too
    await q(`ALTER FUNCTION rollup_rebuild(boolean) RENAME TO rollup_rebuild_charts`);
    await q(`CREATE FUNCTION rollup_rebuild(with_party_sets boolean DEFAULT true) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM rollup_rebuild_charts(with_party_sets);
        PERFORM rollup_score_rebuild();
      END $$`);
    // the backfill: one long set-based pass on a large database (migrations run in a transaction)
    await q(`SET LOCAL statement_timeout = 0`);
    await q(`SET LOCAL work_mem = '256MB'`);
    await q(`SELECT rollup_score_rebuild()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP FUNCTION rollup_rebuild(boolean)`);
    await q(`ALTER FUNCTION rollup_rebuild_charts(boolean) RENAME TO rollup_rebuild`);
    for (const table of ['meeting', 'proposal', 'follow_up_action']) {
      await q(`DROP TRIGGER ${table}_score_rollup ON ${table}`);
      await q(`DROP TRIGGER ${table}_score_rollup_update ON ${table}`);
      await q(`DROP FUNCTION ${table}_score_rollup()`);
    }
    for (const table of ['proposal_status_change', 'follow_up_status_change']) {
      for (const event of ['insert', 'update', 'delete']) await q(`DROP TRIGGER ${table}_score_${event} ON ${table}`);
      await q(`DROP FUNCTION ${table}_score_rollup()`);
    }
    await q(`DROP FUNCTION rollup_score_rebuild()`);
    await q(`DROP FUNCTION rollup_score_refresh(text, uuid[])`);
    for (const kind of ['meeting', 'proposal', 'follow_up']) await q(`DROP FUNCTION rollup_score_items_${kind}(uuid[])`);
    await q(`DROP FUNCTION rollup_score_add(rollup_score_item, int)`);
    await q(`DROP FUNCTION rollup_cells_add(anyarray, anyarray)`);
    await q(`DROP TABLE rollup_score, rollup_score_item`);
  }
}
