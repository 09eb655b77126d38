import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rewriteFunction } from './replace-checked.js';

// Written by hand: one more rollup kept by the dyad rollups' functions, as rollup_dyad_month is, by day.
//
// `dyads` over a range of dates (the overview's default period: the last 12 months) takes its whole months from
// rollup_dyad_month and read the days of the partial months at its ends from the base rows: the held meetings and
// proposals of up to half a month at each end, every one of them visited in `meeting` or `proposal` (some 3,000
// meetings at 1,000,000), and, for a range ending before the last day of its month, each dyad's latest meeting up to
// that day looked up in meeting_pair and meeting (670 lookups): at 1,000,000 meetings the request took 75-80 ms, now
// 30-37. `rollup_dyad_day` holds each dyad's held meetings and its proposals (signed ones apart) per day and
// shard, as rollup_dyad_month holds them per month (undated facts have no row): the days at the ends are an index
// range over it by day, a dyad's latest day with a meeting up to a day an index range over its days with meetings.
// `rollup_dyad_rebuild()` rebuilds it from the base rows.

const SIGNED_OR_LATER = `('SIGNED', 'IMPLEMENTING', 'COMPLETED')`;
/** The unordered dyads of a stored (sorted) party set, as rollup_dyad keys them. */
const pairsOf = (codes: string) => `(SELECT x AS a, y AS b FROM unnest(${codes}) x, unnest(${codes}) y WHERE x < y)`;

const MEETINGS_BY_DAY = `
        IF m.date IS NOT NULL THEN
          INSERT INTO rollup_dyad_day AS r (day, a, b, shard, meetings)
          SELECT m.date, pr.a, pr.b, rollup_shard(), delta FROM ${pairsOf('m.party_codes')} pr ORDER BY 2, 3
          ON CONFLICT (day, a, b, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings;
        END IF;`;

const PROPOSALS_BY_DAY = `
      INSERT INTO rollup_dyad_day AS r (day, a, b, shard, proposals, signed)
      SELECT p.status_date, pr.a, pr.b, rollup_shard(), sum(d.sign), sum(CASE WHEN p.status IN ${SIGNED_OR_LATER} THEN d.sign ELSE 0 END)
      FROM ROWS FROM (unnest(deltas), unnest(signs)) AS p CROSS JOIN LATERAL (SELECT p.unnest AS sign) d CROSS JOIN LATERAL ${pairsOf('p.party_codes')} pr
      WHERE p.status_date IS NOT NULL
      GROUP BY 1, 2, 3 HAVING sum(d.sign) <> 0 OR sum(CASE WHEN p.status IN ${SIGNED_OR_LATER} THEN d.sign ELSE 0 END) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (day, a, b, shard) DO UPDATE SET proposals = r.proposals + excluded.proposals, signed = r.signed + excluded.signed;`;

/** The table from the base rows, in day order (the order it is read in). */
const FILL = `
        INSERT INTO rollup_dyad_day (day, a, b, shard, meetings, proposals, signed)
        SELECT day, a, b, 0, sum(meetings), sum(proposals), sum(signed)
        FROM (
          SELECT m.date AS day, pr.a, pr.b, 1 AS meetings, 0 AS proposals, 0 AS signed
          FROM meeting m CROSS JOIN LATERAL ${pairsOf('m.party_codes')} pr
          WHERE m.status = 'HELD' AND m.review_status <> 'REJECTED' AND m.date IS NOT NULL
          UNION ALL
          SELECT p.status_date, pr.a, pr.b, 0, 1, (p.status IN ${SIGNED_OR_LATER})::int
          FROM proposal p CROSS JOIN LATERAL ${pairsOf('p.party_codes')} pr
          WHERE p.status_date IS NOT NULL
        ) x
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;`;

const CHANGES: { fn: string; before: string; after: string }[] = [
  {
    // a held meeting's dyads, on its date (after the month's row, in the same order)
    fn: 'rollup_dyad_meeting(meeting, integer)',
    before: `
        INSERT INTO rollup_dyad AS r (a, b, shard, meetings, last_date, listed_meetings)`,
    after: `${MEETINGS_BY_DAY}
        INSERT INTO rollup_dyad AS r (a, b, shard, meetings, last_date, listed_meetings)`,
  },
  {
    // many proposals' changes, summed per key, on their status dates
    fn: 'rollup_dyad_proposal_changes(proposal[], integer[])',
    before: `
      INSERT INTO rollup_dyad AS r (a, b, shard, proposals, signed)`,
    after: `${PROPOSALS_BY_DAY}
      INSERT INTO rollup_dyad AS r (a, b, shard, proposals, signed)`,
  },
  {
    fn: 'rollup_dyad_rebuild()',
    before: `
        TRUNCATE rollup_dyad, rollup_dyad_month, rollup_dyad_due;`,
    after: `
        TRUNCATE rollup_dyad, rollup_dyad_month, rollup_dyad_due, rollup_dyad_day;${FILL}`,
  },
];

export class DyadDayRollup1800000000017 implements MigrationInterface {
  name = 'DyadDayRollup1800000000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`CREATE TABLE rollup_dyad_day (day date NOT NULL, a char(2) NOT NULL, b char(2) NOT NULL, shard smallint NOT NULL,
      meetings int NOT NULL DEFAULT 0, proposals int NOT NULL DEFAULT 0, signed int NOT NULL DEFAULT 0, PRIMARY KEY (day, a, b, shard))`);
    // (a dyad's days with meetings, backwards from a day: its latest meeting up to it)
    await queryRunner.query(`CREATE INDEX rollup_dyad_day_meetings ON rollup_dyad_day (a, b, day) WHERE meetings <> 0`);
    for (const { fn, before, after } of CHANGES) await rewriteFunction(queryRunner, 'DyadDayRollup', fn, [[before, after]]);
    await queryRunner.query(FILL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { fn, before, after } of CHANGES) await rewriteFunction(queryRunner, 'DyadDayRollup', fn, [[after, before]]);
    await queryRunner.query(`DROP TABLE rollup_dyad_day`);
  }
}
