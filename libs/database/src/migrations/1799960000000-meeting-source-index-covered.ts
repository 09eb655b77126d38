import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: `meeting_source` had an index on `meeting_id` alone, which its primary key (meeting_id,
// news_item_id) and `meeting_source_listed` (meeting_id, published_at, ingested_at, news_item_id) both begin with: every
// lookup by meeting uses one of those, and each source row written by ingestion paid an insert into a third.

export class MeetingSourceIndexCovered1799960000000 implements MigrationInterface {
  name = 'MeetingSourceIndexCovered1799960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_c268e063627c5f078530fb2665"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`CREATE INDEX "IDX_c268e063627c5f078530fb2665" ON "meeting_source" ("meeting_id")`);
  }
}
