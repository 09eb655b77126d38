import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: an index of the meetings held in person (not rejected), by party set and date, with their
// place. Linking bounds the open follow-ups a held meeting may close by the previous such meeting of the same
// parties (`FollowUpRepository.openCandidates`); read from the index of all meetings by party set and date,
// a pair with no earlier one (or none at the place) read every meeting of the pair from the heap, 190 ms for a
// busy pair of the 1,000,000-meeting database.

export class MeetingInPersonIndex1798400000004 implements MigrationInterface {
  name = 'MeetingInPersonIndex1798400000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`CREATE INDEX meeting_held_in_person ON meeting (party_codes, date) INCLUDE (location_country_code)
      WHERE status = 'HELD' AND review_status <> 'REJECTED' AND type IN ('MEETING', 'VISIT', 'SIGNING')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX meeting_held_in_person`);
  }
}
