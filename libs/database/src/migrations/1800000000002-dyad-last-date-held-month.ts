import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: a dyad's last meeting date (`rollup_dyad.last_date`, the dyads list's lastActivity) could go
// back to an older date, or to none, when a meeting that held it left the dyad (an edit of its date, parties or
// status, a delete) on another connection than the one that added it.
//
// Where the removed meeting held the dyad's latest date, rollup_dyad_meeting takes the latest of the dyad's
// latest month in rollup_meeting. That month was the latest with any row, but a month the meeting alone was in
// keeps its rows after it leaves, whenever they are in two shards: +1 where it was added, -1 where it left (rows go
// only once each shard's is at zero). Their latest date is none, so the dyad's became none, or the latest of that
// month's other rows. Found by the rollups test after random writes (IR-KZ kept 2023-07-26, its meetings' latest
// was 2023-12-24). The month is now the latest whose rows hold a latest date: a row's latest date is that of a
// meeting still in its key, or none, as rollup_meeting_apply recomputes it whenever such a meeting leaves.

const pairsOf = (codes: string) => `(SELECT x AS a, y AS b FROM unnest(${codes}) x, unnest(${codes}) y WHERE x < y)`;

/** rollup_dyad_meeting as DyadListedMeetings1798700000001 wrote it, with `held` added to the latest month's lookup. */
const dyadMeeting = (held: string) => `CREATE OR REPLACE FUNCTION rollup_dyad_meeting(m meeting, delta int) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE mon date := rollup_month(m.date, '-infinity');
      BEGIN
        IF m.review_status = 'REJECTED' OR cardinality(m.party_codes) < 2 THEN RETURN; END IF;
        IF m.status <> 'HELD' THEN
          INSERT INTO rollup_dyad AS r (a, b, shard, listed_meetings)
          SELECT pr.a, pr.b, rollup_shard(), delta FROM ${pairsOf('m.party_codes')} pr ORDER BY 1, 2
          ON CONFLICT (a, b, shard) DO UPDATE SET listed_meetings = r.listed_meetings + excluded.listed_meetings;
          RETURN;
        END IF;
        INSERT INTO rollup_dyad_month AS r (month, a, b, shard, meetings, last_date)
        SELECT mon, pr.a, pr.b, rollup_shard(), delta, CASE WHEN delta > 0 THEN m.date END FROM ${pairsOf('m.party_codes')} pr ORDER BY 2, 3
        ON CONFLICT (month, a, b, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings, last_date = greatest(r.last_date, excluded.last_date);
        INSERT INTO rollup_dyad AS r (a, b, shard, meetings, last_date, listed_meetings)
        SELECT pr.a, pr.b, rollup_shard(), delta, CASE WHEN delta > 0 THEN m.date END, delta FROM ${pairsOf('m.party_codes')} pr ORDER BY 1, 2
        ON CONFLICT (a, b, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings, last_date = greatest(r.last_date, excluded.last_date),
          listed_meetings = r.listed_meetings + excluded.listed_meetings;
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

export class DyadLastDateHeldMonth1800000000002 implements MigrationInterface {
  name = 'DyadLastDateHeldMonth1800000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(dyadMeeting(' AND y.last_date IS NOT NULL'));
    // dates already wrong: the rollup of each dyad's totals again from the rollups it sums
    await queryRunner.query(`SELECT rollup_dyad_rebuild()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(dyadMeeting(''));
  }
}
