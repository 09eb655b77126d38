import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: the meetings list's filters by the sources' languages and publishers looked up each meeting's
// sources and then each source's news item: at 1,000,000 meetings a language took 1.2 s and a publisher 0.56 s
// (even one with no item), most of it counting. Each meeting_source row now carries its item's language and
// publisher too, copied by the triggers that copy its times (MeetingSourceOrder1799800000000), and indexes by
// language and by publisher give the meetings of either from meeting_source alone.

const copyOnInsert = (columns: string[]) => `CREATE OR REPLACE FUNCTION meeting_source_order() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT ${columns.map((c) => `n.${c}`).join(', ')} INTO ${columns.map((c) => `NEW.${c}`).join(', ')} FROM news_item n WHERE n.id = NEW.news_item_id;
        RETURN NEW;
      END $$`;
const copyOnChange = (columns: string[]) => `CREATE OR REPLACE FUNCTION news_item_source_order() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE meeting_source SET ${columns.map((c) => `${c} = NEW.${c}`).join(', ')} WHERE news_item_id = NEW.id;
        RETURN NULL;
      END $$`;
const changeTrigger = (columns: string[]) => `CREATE TRIGGER news_item_source_order AFTER UPDATE OF ${columns.join(', ')} ON news_item FOR EACH ROW
      WHEN (${columns.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')})
      EXECUTE FUNCTION news_item_source_order()`;

const BEFORE = ['published_at', 'ingested_at'];
const AFTER = [...BEFORE, 'language', 'publisher'];

export class MeetingSourceLanguagePublisher1800000000005 implements MigrationInterface {
  name = 'MeetingSourceLanguagePublisher1800000000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`SET LOCAL statement_timeout = 0`);
    await q(`ALTER TABLE meeting_source ADD COLUMN language character varying(2), ADD COLUMN publisher text`);
    await q(`UPDATE meeting_source ms SET language = n.language, publisher = n.publisher FROM news_item n WHERE n.id = ms.news_item_id`);
    await q(`ALTER TABLE meeting_source ALTER COLUMN language SET NOT NULL`);
    await q(copyOnInsert(AFTER));
    await q(copyOnChange(AFTER));
    await q(`DROP TRIGGER news_item_source_order ON news_item`);
    await q(changeTrigger(AFTER));
    await q(`CREATE INDEX meeting_source_language ON meeting_source (language, meeting_id)`);
    await q(`CREATE INDEX meeting_source_publisher ON meeting_source (publisher, meeting_id) WHERE publisher IS NOT NULL`);
    await q(`ANALYZE meeting_source`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP INDEX meeting_source_publisher`);
    await q(`DROP INDEX meeting_source_language`);
    await q(`DROP TRIGGER news_item_source_order ON news_item`);
    await q(changeTrigger(BEFORE));
    await q(copyOnChange(BEFORE));
    await q(copyOnInsert(BEFORE));
    await q(`ALTER TABLE meeting_source DROP COLUMN publisher, DROP COLUMN language`);
  }
}
