import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: one more column of rollup_dyad, kept by the meeting row trigger, as in DyadRollup1798100000000.
//
// The meetings list of two countries took its total from rollup_meeting: every month, status, type and shard row of
// the pair (at 1,000,000 meetings some 480 rows over as many pages for IR and KZ, 40% of the page's statement).
// `rollup_dyad.listed_meetings` holds the pair's meetings the list shows by default (any status, rejected ones left
// out): that total is a sum over at most one row per shard. `rollup_dyad_rebuild()` rebuilds it from rollup_meeting.

const SIGNED_OR_LATER = `('SIGNED', 'IMPLEMENTING', 'COMPLETED')`;
const OPEN = `('OPEN', 'IN_PROGRESS')`;
/** The unordered dyads of a stored (sorted) party set, as rollup_dyad keys them. */
const pairsOf = (codes: string) => `(SELECT x AS a, y AS b FROM unnest(${codes}) x, unnest(${codes}) y WHERE x < y)`;

/** rollup_dyad_meeting; `held`, added to its lookup of the dyad's latest month, by DyadLastDateHeldMonth1800000000002. */
export const meetingFunction = (listed: boolean, held = '') => `CREATE OR REPLACE FUNCTION rollup_dyad_meeting(m meeting, delta int) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE mon date := rollup_month(m.date, '-infinity');
      BEGIN${listed ? `
        IF m.review_status = 'REJECTED' OR cardinality(m.party_codes) < 2 THEN RETURN; END IF;
        IF m.status <> 'HELD' THEN
          INSERT INTO rollup_dyad AS r (a, b, shard, listed_meetings)
          SELECT pr.a, pr.b, rollup_shard(), delta FROM ${pairsOf('m.party_codes')} pr ORDER BY 1, 2
          ON CONFLICT (a, b, shard) DO UPDATE SET listed_meetings = r.listed_meetings + excluded.listed_meetings;
          RETURN;
        END IF;` : `
        IF m.status <> 'HELD' OR m.review_status = 'REJECTED' OR cardinality(m.party_codes) < 2 THEN RETURN; END IF;`}
        INSERT INTO rollup_dyad_month AS r (month, a, b, shard, meetings, last_date)
        SELECT mon, pr.a, pr.b, rollup_shard(), delta, CASE WHEN delta > 0 THEN m.date END FROM ${pairsOf('m.party_codes')} pr ORDER BY 2, 3
        ON CONFLICT (month, a, b, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings, last_date = greatest(r.last_date, excluded.last_date);
        INSERT INTO rollup_dyad AS r (a, b, shard, meetings, last_date${listed ? ', listed_meetings' : ''})
        SELECT pr.a, pr.b, rollup_shard(), delta, CASE WHEN delta > 0 THEN m.date END${listed ? ', delta' : ''} FROM ${pairsOf('m.party_codes')} pr ORDER BY 1, 2
        ON CONFLICT (a, b, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings, last_date = greatest(r.last_date, excluded.last_date)${listed ? `,
          listed_meetings = r.listed_meetings + excluded.listed_meetings` : ''};
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
              SELECT max(y.month) FROM rollup_meeting y WHERE y.a = r.a::text AND y.b = r.b::text AND y.status = 'HELD' AND y.month > '-infinity'${held}))
          FROM ${pairsOf('m.party_codes')} pr
          WHERE r.a = pr.a AND r.b = pr.b AND r.last_date = m.date;
        END IF;
      END $$`;

const rebuildFunction = (listed: boolean) => `CREATE OR REPLACE FUNCTION rollup_dyad_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE rollup_dyad, rollup_dyad_month, rollup_dyad_due;
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
        GROUP BY 1, 2, 3;${listed ? `
        INSERT INTO rollup_dyad (a, b, shard, meetings, last_date, proposals, signed, open_follow_ups, listed_meetings)
        SELECT a, b, 0, sum(meetings), max(last_date), sum(proposals), sum(signed), sum(open_follow_ups), sum(listed)
        FROM (
          SELECT d.a, d.b, d.meetings, d.last_date, d.proposals, d.signed, d.open_follow_ups, 0 AS listed FROM rollup_dyad_month d
          UNION ALL
          SELECT r.a, r.b, 0, null, 0, 0, 0, r.meetings FROM rollup_meeting r WHERE r.b <> ''
        ) x
        GROUP BY 1, 2;` : `
        INSERT INTO rollup_dyad (a, b, shard, meetings, last_date, proposals, signed, open_follow_ups)
        SELECT a, b, 0, sum(meetings), max(last_date), sum(proposals), sum(signed), sum(open_follow_ups) FROM rollup_dyad_month GROUP BY 1, 2;`}
        INSERT INTO rollup_dyad_due (a, b, due_date, shard, open_follow_ups)
        SELECT pr.a, pr.b, coalesce(f.due_date, 'infinity'), 0, count(*)
        FROM follow_up_action f CROSS JOIN LATERAL ${pairsOf('f.party_codes')} pr
        WHERE f.status IN ${OPEN}
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
      END $$`;

export class DyadListedMeetings1798700000001 implements MigrationInterface {
  name = 'DyadListedMeetings1798700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE rollup_dyad ADD listed_meetings int NOT NULL DEFAULT 0`);
    await q(meetingFunction(true));
    await q(rebuildFunction(true));
    // the pairs' totals from the chart rollups, as the rebuild makes them (a pair with no row yet gets one)
    await q(`INSERT INTO rollup_dyad AS d (a, b, shard, listed_meetings)
      SELECT r.a, r.b, 0, sum(r.meetings) FROM rollup_meeting r WHERE r.b <> '' GROUP BY 1, 2
      ON CONFLICT (a, b, shard) DO UPDATE SET listed_meetings = excluded.listed_meetings`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(rebuildFunction(false));
    await q(meetingFunction(false));
    await q(`ALTER TABLE rollup_dyad DROP COLUMN listed_meetings`);
  }
}
