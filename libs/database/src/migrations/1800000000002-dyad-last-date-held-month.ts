import type { MigrationInterface, QueryRunner } from 'typeorm';
import { meetingFunction } from './1798700000001-dyad-listed-meetings.js';

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

export class DyadLastDateHeldMonth1800000000002 implements MigrationInterface {
  name = 'DyadLastDateHeldMonth1800000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(meetingFunction(true, ' AND y.last_date IS NOT NULL'));
    // dates already wrong: the rollup of each dyad's totals again from the rollups it sums
    await queryRunner.query(`SELECT rollup_dyad_rebuild()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(meetingFunction(true));
  }
}
