import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: the two lists on the overview, read by a range of a small partial index instead of every row.
// - Overdue follow-ups (`followUps(filter: { overdue: true })`, the to-do list in due-date order): the open ones
//   by due date. At 1,000,000 meetings (400,000 follow-ups, 96,000 overdue) the list read and sorted every open
//   follow-up's row: 0.5–4 s.
// - Upcoming meetings (`meetings(filter: { upcoming: true })`, soonest first): the scheduled ones by date, a few
//   among a million held ones, which the list found through the index of all dates from today on.

export class OverviewListIndexes1798800000000 implements MigrationInterface {
  name = 'OverviewListIndexes1798800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`CREATE INDEX follow_up_open_due ON follow_up_action (due_date, id) WHERE status IN ('OPEN', 'IN_PROGRESS')`);
    await queryRunner.query(`CREATE INDEX meeting_scheduled_date ON meeting (date, id) WHERE status = 'SCHEDULED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX meeting_scheduled_date`);
    await queryRunner.query(`DROP INDEX follow_up_open_due`);
  }
}
