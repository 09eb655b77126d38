import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: the text filters of the meetings and follow-ups lists found their matches by testing every row.
// At 1,000,000 meetings (400,000 follow-ups), a word took 0.4–0.7 s on the follow-ups list and 0.9–2.6 s on the
// meetings list, whose test also looked up each meeting's news items. A follow-up's description and a meeting's
// summary (written by analysts; ingested meetings have none) now have trigram indexes, as the news items' and
// proposals' search keys have; the meetings list takes the meetings of the matching items and summaries by id.

export class TextSearchIndexes1800000000004 implements MigrationInterface {
  name = 'TextSearchIndexes1800000000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`CREATE INDEX meeting_summary_trgm ON meeting USING gin (lower(summary) gin_trgm_ops) WHERE summary IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX follow_up_description_trgm ON follow_up_action USING gin (lower(description) gin_trgm_ops)`);
    // statistics of the indexed expressions: without them a word's matches are guessed, and the follow-ups list
    // walked its order index instead (0.5 s at 1,000,000 meetings until the next ANALYZE)
    await queryRunner.query(`ANALYZE meeting, follow_up_action`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX follow_up_description_trgm`);
    await queryRunner.query(`DROP INDEX meeting_summary_trgm`);
  }
}
