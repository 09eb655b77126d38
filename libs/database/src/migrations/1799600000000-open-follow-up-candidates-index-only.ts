import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: linking's lookup of open follow-ups a meeting may show done (FollowUpRepository.openCandidates)
// reads a range of the index of open follow-ups by owner set and origin date, then keeps those whose party set
// fits the meeting. The party set was on the row only: every follow-up of the range was read from the table to
// be dropped (at 1,000,000 meetings, 170 rows and about 500 pages for a pair with no earlier meeting at the
// place, 70 ms cold, 2.8 ms a call on average in `dyad bench ingest`). The index now carries the party set and
// the id, so the range is filtered in the index alone (33 pages, 2.4 ms cold for the same call). Same keys, same
// name: every other reader of the index is unchanged.

export class OpenFollowUpCandidatesIndexOnly1799600000000 implements MigrationInterface {
  name = 'OpenFollowUpCandidatesIndexOnly1799600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`DROP INDEX follow_up_open_owner_origin`);
    await queryRunner.query(
      `CREATE INDEX follow_up_open_owner_origin ON follow_up_action (owner_codes, origin_date) INCLUDE (party_codes, id) WHERE status IN ('OPEN', 'IN_PROGRESS')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`DROP INDEX follow_up_open_owner_origin`);
    await queryRunner.query(`CREATE INDEX follow_up_open_owner_origin ON follow_up_action (owner_codes, origin_date) WHERE status IN ('OPEN', 'IN_PROGRESS')`);
  }
}
