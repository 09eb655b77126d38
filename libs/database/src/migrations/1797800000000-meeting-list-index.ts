import type { MigrationInterface, QueryRunner } from 'typeorm';

// The meetings list walks `meeting_date_desc_id` newest first and keeps the rows whose party set holds the
// filter's countries. With the party set and review status in the index, that walk reads the index alone
// (no visit to each skipped meeting's row): the IR+KZ page at a million meetings reads a few dozen index pages.
export class MeetingListIndex1797800000000 implements MigrationInterface {
  name = 'MeetingListIndex1797800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX meeting_date_desc_id`);
    await queryRunner.query(`CREATE INDEX meeting_date_desc_id ON meeting (date DESC NULLS LAST, id) INCLUDE (party_codes, review_status)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX meeting_date_desc_id`);
    await queryRunner.query(`CREATE INDEX meeting_date_desc_id ON meeting (date DESC NULLS LAST, id)`);
  }
}
