import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: one more rollup kept by the follow-up row trigger, as in DyadRollup1798100000000.
//
// `dyads` without dates gave each dyad of a page its overdue follow-ups as its open ones (rollup_dyad) less those due
// from this month on (rollup_follow_up, some 20 rows per dyad over as many pages) plus those due this month before
// today, read from the base rows for every dyad: at 1,000,000 meetings about 300 follow-ups fall due a day, so late
// in a month that read alone visited some 9,000 rows (35 ms of CPU). `rollup_dyad_due` holds each dyad's open
// follow-ups (OPEN, IN_PROGRESS) per due day and shard (no due date under infinity): a dyad's overdue ones are its
// open ones less its rows due from today on, one index range per dyad whatever the day of the month. `dyads` with
// dates reads the days of a partial month at either end of its range from it too (by its due-date index), where it
// read the base rows (up to half a month of follow-ups).
// `rollup_dyad_rebuild()` rebuilds it from the base rows (the chart rollups it reads for the rest are by month).

const OPEN = `('OPEN', 'IN_PROGRESS')`;
const SIGNED_OR_LATER = `('SIGNED', 'IMPLEMENTING', 'COMPLETED')`;
/** The unordered dyads of a stored (sorted) party set, as rollup_dyad keys them. */
const pairsOf = (codes: string) => `(SELECT x AS a, y AS b FROM unnest(${codes}) x, unnest(${codes}) y WHERE x < y)`;

const followUpFunction = (withDue: boolean) => `CREATE OR REPLACE FUNCTION rollup_dyad_follow_up(f follow_up_action, delta int) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF f.status NOT IN ${OPEN} OR cardinality(f.party_codes) < 2 THEN RETURN; END IF;
        INSERT INTO rollup_dyad_month AS r (month, a, b, shard, open_follow_ups)
        SELECT rollup_month(f.due_date, 'infinity'), pr.a, pr.b, rollup_shard(), delta FROM ${pairsOf('f.party_codes')} pr ORDER BY 2, 3
        ON CONFLICT (month, a, b, shard) DO UPDATE SET open_follow_ups = r.open_follow_ups + excluded.open_follow_ups;
        INSERT INTO rollup_dyad AS r (a, b, shard, open_follow_ups)
        SELECT pr.a, pr.b, rollup_shard(), delta FROM ${pairsOf('f.party_codes')} pr ORDER BY 1, 2
        ON CONFLICT (a, b, shard) DO UPDATE SET open_follow_ups = r.open_follow_ups + excluded.open_follow_ups;${withDue ? `
        INSERT INTO rollup_dyad_due AS r (a, b, due_date, shard, open_follow_ups)
        SELECT pr.a, pr.b, coalesce(f.due_date, 'infinity'), rollup_shard(), delta FROM ${pairsOf('f.party_codes')} pr ORDER BY 1, 2
        ON CONFLICT (a, b, due_date, shard) DO UPDATE SET open_follow_ups = r.open_follow_ups + excluded.open_follow_ups;` : ''}
      END $$`;

const rebuildFunction = (withDue: boolean) => `CREATE OR REPLACE FUNCTION rollup_dyad_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE rollup_dyad, rollup_dyad_month${withDue ? ', rollup_dyad_due' : ''};
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
        SELECT a, b, 0, sum(meetings), max(last_date), sum(proposals), sum(signed), sum(open_follow_ups) FROM rollup_dyad_month GROUP BY 1, 2;${withDue ? `
        INSERT INTO rollup_dyad_due (a, b, due_date, shard, open_follow_ups)
        SELECT pr.a, pr.b, coalesce(f.due_date, 'infinity'), 0, count(*)
        FROM follow_up_action f CROSS JOIN LATERAL ${pairsOf('f.party_codes')} pr
        WHERE f.status IN ${OPEN}
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;` : ''}
      END $$`;

export class DyadDueRollup1798700000000 implements MigrationInterface {
  name = 'DyadDueRollup1798700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE TABLE rollup_dyad_due (a char(2) NOT NULL, b char(2) NOT NULL, due_date date NOT NULL, shard smallint NOT NULL,
      open_follow_ups int NOT NULL DEFAULT 0, PRIMARY KEY (a, b, due_date, shard))`);
    // (the days of a partial month, for every dyad: `dyads` with dates)
    await q(`CREATE INDEX rollup_dyad_due_date ON rollup_dyad_due (due_date)`);
    await q(followUpFunction(true));
    await q(rebuildFunction(true));
    await q(`INSERT INTO rollup_dyad_due (a, b, due_date, shard, open_follow_ups)
      SELECT pr.a, pr.b, coalesce(f.due_date, 'infinity'), 0, count(*)
      FROM follow_up_action f CROSS JOIN LATERAL ${pairsOf('f.party_codes')} pr
      WHERE f.status IN ${OPEN}
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(rebuildFunction(false));
    await q(followUpFunction(false));
    await q(`DROP TABLE rollup_dyad_due`);
  }
}
