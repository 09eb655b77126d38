import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: a rollup kept by triggers, as in PartySetsAndRollups1797000000000.
//
// `rollup_dyad`: each dyad's totals over all time, one row per dyad and shard, so `dyads` without dates reads
// a few rows per dyad instead of summing every month of rollup_meeting, rollup_proposal and rollup_follow_up:
// HELD meetings (rejected ones left out) and the latest date of one, proposals and those SIGNED or later, and
// open follow-ups (OPEN, IN_PROGRESS). `rollup_dyad_month`: the same per month (of the meeting's date, the
// proposal's status date, the follow-up's due date; undated ones under -infinity, follow-ups with no due date
// under infinity), for `dyads` with dates: one row per dyad, month and shard instead of one per status, type,
// kind, step or horizon as well. Overdue depends on today: `dyads` without dates reads it from rollup_follow_up
// (the open follow-ups due from this month on, for the dyads of one page).
// The same row triggers keep both (the functions they call are replaced here to add the dyad's part, after the
// chart rollups, whose latest dates it reads when the latest meeting goes), and `rollup_rebuild()` rebuilds them
// from the chart rollups.

const OPEN = `('OPEN', 'IN_PROGRESS')`;
const SIGNED_OR_LATER = `('SIGNED', 'IMPLEMENTING', 'COMPLETED')`;
/** The unordered dyads of a stored (sorted) party set. */
const pairsOf = (codes: string) => `(SELECT x AS a, y AS b FROM unnest(${codes}) x, unnest(${codes}) y WHERE x < y)`;

/** The row trigger functions on the facts, as PartySetsAndRollups1797000000000 made them (for `down`). */
const chartsOnly = (table: string, fn: string) => `CREATE OR REPLACE FUNCTION ${table}_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM ${fn}(OLD, -1); END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM ${fn}(NEW, 1); END IF;
    RETURN NULL;
  END $$`;

export class DyadRollup1798100000000 implements MigrationInterface {
  name = 'DyadRollup1798100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE TABLE rollup_dyad (a char(2) NOT NULL, b char(2) NOT NULL, shard smallint NOT NULL,
      meetings int NOT NULL DEFAULT 0, last_date date, proposals int NOT NULL DEFAULT 0, signed int NOT NULL DEFAULT 0,
      open_follow_ups int NOT NULL DEFAULT 0, PRIMARY KEY (a, b, shard))`);
    await q(`CREATE TABLE rollup_dyad_month (month date NOT NULL, a char(2) NOT NULL, b char(2) NOT NULL, shard smallint NOT NULL,
      meetings int NOT NULL DEFAULT 0, last_date date, proposals int NOT NULL DEFAULT 0, signed int NOT NULL DEFAULT 0,
      open_follow_ups int NOT NULL DEFAULT 0, PRIMARY KEY (month, a, b, shard))`);

    await q(`CREATE FUNCTION rollup_dyad_meeting(m meeting, delta int) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE mon date := rollup_month(m.date, '-infinity');
      BEGIN
        IF m.status <> 'HELD' OR m.review_status = 'REJECTED' OR cardinality(m.party_codes) < 2 THEN RETURN; END IF;
        INSERT INTO rollup_dyad_month AS r (month, a, b, shard, meetings, last_date)
        SELECT mon, pr.a, pr.b, rollup_shard(), delta, CASE WHEN delta > 0 THEN m.date END FROM ${pairsOf('m.party_codes')} pr ORDER BY 2, 3
        ON CONFLICT (month, a, b, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings, last_date = greatest(r.last_date, excluded.last_date);
        INSERT INTO rollup_dyad AS r (a, b, shard, meetings, last_date)
        SELECT pr.a, pr.b, rollup_shard(), delta, CASE WHEN delta > 0 THEN m.date END FROM ${pairsOf('m.party_codes')} pr ORDER BY 1, 2
        ON CONFLICT (a, b, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings, last_date = greatest(r.last_date, excluded.last_date);
        IF delta < 0 AND m.date IS NOT NULL THEN
          -- a max cannot be taken back: where the removed meeting held it, the latest of the dyad's month (or of
          -- its latest month) in rollup_meeting (already without it)
          UPDATE rollup_dyad_month r SET last_date = (
            SELECT max(x.last_date) FROM rollup_meeting x WHERE x.a = r.a::text AND x.b = r.b::text AND x.status = 'HELD' AND x.month = r.month)
          FROM ${pairsOf('m.party_codes')} pr
          WHERE r.month = mon AND r.a = pr.a AND r.b = pr.b AND r.last_date = m.date;
          UPDATE rollup_dyad r SET last_date = (
            SELECT max(x.last_date) FROM rollup_meeting x
            WHERE x.a = r.a::text AND x.b = r.b::text AND x.status = 'HELD' AND x.month = (
              SELECT max(y.month) FROM rollup_meeting y WHERE y.a = r.a::text AND y.b = r.b::text AND y.status = 'HELD' AND y.month > '-infinity'))
          FROM ${pairsOf('m.party_codes')} pr
          WHERE r.a = pr.a AND r.b = pr.b AND r.last_date = m.date;
        END IF;
      END $$`);
    await q(`CREATE FUNCTION rollup_dyad_proposal(p proposal, delta int) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF cardinality(p.party_codes) < 2 THEN RETURN; END IF;
        INSERT INTO rollup_dyad_month AS r (month, a, b, shard, proposals, signed)
        SELECT rollup_month(p.status_date, '-infinity'), pr.a, pr.b, rollup_shard(), delta, CASE WHEN p.status IN ${SIGNED_OR_LATER} THEN delta ELSE 0 END
        FROM ${pairsOf('p.party_codes')} pr ORDER BY 2, 3
        ON CONFLICT (month, a, b, shard) DO UPDATE SET proposals = r.proposals + excluded.proposals, signed = r.signed + excluded.signed;
        INSERT INTO rollup_dyad AS r (a, b, shard, proposals, signed)
        SELECT pr.a, pr.b, rollup_shard(), delta, CASE WHEN p.status IN ${SIGNED_OR_LATER} THEN delta ELSE 0 END
        FROM ${pairsOf('p.party_codes')} pr ORDER BY 1, 2
        ON CONFLICT (a, b, shard) DO UPDATE SET proposals = r.proposals + excluded.proposals, signed = r.signed + excluded.signed;
      END $$`);
    await q(`CREATE FUNCTION rollup_dyad_follow_up(f follow_up_action, delta int) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF f.status NOT IN ${OPEN} OR cardinality(f.party_codes) < 2 THEN RETURN; END IF;
        INSERT INTO rollup_dyad_month AS r (month, a, b, shard, open_follow_ups)
        SELECT rollup_month(f.due_date, 'infinity'), pr.a, pr.b, rollup_shard(), delta FROM ${pairsOf('f.party_codes')} pr ORDER BY 2, 3
        ON CONFLICT (month, a, b, shard) DO UPDATE SET open_follow_ups = r.open_follow_ups + excluded.open_follow_ups;
        INSERT INTO rollup_dyad AS r (a, b, shard, open_follow_ups)
        SELECT pr.a, pr.b, rollup_shard(), delta FROM ${pairsOf('f.party_codes')} pr ORDER BY 1, 2
        ON CONFLICT (a, b, shard) DO UPDATE SET open_follow_ups = r.open_follow_ups + excluded.open_follow_ups;
      END $$`);

    // the same triggers (and WHEN conditions, which cover these columns) call the dyad's part after the charts';
    // an update that leaves the columns the dyad keys on as they were skips it
    for (const [table, fn, kind, row] of [
      ['meeting', 'rollup_meeting_apply', 'meeting', (r: string) => `(${r}.party_codes, ${r}.date, ${r}.status, ${r}.review_status)`],
      ['proposal', 'rollup_proposal_apply', 'proposal', (r: string) => `(${r}.party_codes, ${r}.status, ${r}.status_date)`],
      ['follow_up_action', 'rollup_follow_up_apply', 'follow_up', (r: string) => `(${r}.party_codes, ${r}.status IN ${OPEN}, ${r}.due_date)`],
    ] as const) {
      await q(`CREATE OR REPLACE FUNCTION ${table}_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM ${fn}(OLD, -1); END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM ${fn}(NEW, 1); END IF;
          IF TG_OP = 'UPDATE' AND ${row('OLD')} IS NOT DISTINCT FROM ${row('NEW')} THEN RETURN NULL; END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM rollup_dyad_${kind}(OLD, -1); END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM rollup_dyad_${kind}(NEW, 1); END IF;
          RETURN NULL;
        END $$`);
    }

    // from the chart rollups, which rollup_rebuild_charts has just rebuilt
    await q(`CREATE FUNCTION rollup_dyad_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE rollup_dyad, rollup_dyad_month;
        INSERT INTO rollup_dyad_month (month, a, b, shard, meetings, last_date, proposals, signed, open_follow_ups)
        SELECT month, a, b, 0, sum(meetings), max(last_date), sum(proposals), sum(signed), sum(open_follow_ups)
        FROM (
          SELECT r.month, r.a, r.b, r.meetings, r.last_date, 0 AS proposals, 0 AS signed, 0 AS open_follow_ups
          FROM rollup_meeting r WHERE r.b <> '' AND r.status = 'HELD'
          UNION ALL
          SELECT r.month, r.a, r.b, 0, null, r.proposals, CASE WHEN r.status IN ${SIGNED_OR_LATER} THEN r.proposals ELSE 0 END, 0
          FROM rollup_proposal r WHERE r.b <> ''
          UNION ALL
          SELECT r.due_month, r.a, r.b, 0, null, 0, 0, r.follow_ups FROM rollup_follow_up r WHERE r.b <> '' AND r.status IN ${OPEN}
        ) x
        GROUP BY 1, 2, 3;
        INSERT INTO rollup_dyad (a, b, shard, meetings, last_date, proposals, signed, open_follow_ups)
        SELECT a, b, 0, sum(meetings), max(last_date), sum(proposals), sum(signed), sum(open_follow_ups) FROM rollup_dyad_month GROUP BY 1, 2;
      END $$`);
    await q(`CREATE OR REPLACE FUNCTION rollup_rebuild(with_party_sets boolean DEFAULT true) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM rollup_rebuild_charts(with_party_sets);
        PERFORM rollup_dyad_rebuild();
        PERFORM rollup_score_rebuild();
      END $$`);
    await q(`SELECT rollup_dyad_rebuild()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE OR REPLACE FUNCTION rollup_rebuild(with_party_sets boolean DEFAULT true) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM rollup_rebuild_charts(with_party_sets);
        PERFORM rollup_score_rebuild();
      END $$`);
    await q(chartsOnly('meeting', 'rollup_meeting_apply'));
    await q(chartsOnly('proposal', 'rollup_proposal_apply'));
    await q(chartsOnly('follow_up_action', 'rollup_follow_up_apply'));
    await q(`DROP FUNCTION rollup_dyad_rebuild()`);
    await q(`DROP FUNCTION rollup_dyad_meeting(meeting, int)`);
    await q(`DROP FUNCTION rollup_dyad_proposal(proposal, int)`);
    await q(`DROP FUNCTION rollup_dyad_follow_up(follow_up_action, int)`);
    await q(`DROP TABLE rollup_dyad, rollup_dyad_month`);
  }
}
