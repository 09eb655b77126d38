import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: a meeting's sources are listed oldest publication first (then by ingestion, then by id). That
// order came from each source's news item: a list page of 50 meetings looked up some 60 news items one by one and
// sorted each meeting's few, half the database time of the meetings page. Each meeting_source row now holds its
// item's publication date and ingestion time, copied by a trigger from any statement that adds a source, and
// `meeting_source_listed` gives a meeting's sources in order from one index range. A news item's two times are
// never changed by Dyad; should a statement change them, a trigger copies them onto its sources.

export class MeetingSourceOrder1799800000000 implements MigrationInterface {
  name = 'MeetingSourceOrder1799800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`ALTER TABLE meeting_source ADD COLUMN published_at date, ADD COLUMN ingested_at timestamptz`);
    await queryRunner.query(
      `UPDATE meeting_source ms SET published_at = n.published_at, ingested_at = n.ingested_at FROM news_item n WHERE n.id = ms.news_item_id`,
    );
    await queryRunner.query(`ALTER TABLE meeting_source ALTER COLUMN ingested_at SET NOT NULL`);
    await queryRunner.query(`CREATE FUNCTION meeting_source_order() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT n.published_at, n.ingested_at INTO NEW.published_at, NEW.ingested_at FROM news_item n WHERE n.id = NEW.news_item_id;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER meeting_source_order BEFORE INSERT OR UPDATE OF news_item_id ON meeting_source FOR EACH ROW EXECUTE FUNCTION meeting_source_order()`,
    );
    await queryRunner.query(`CREATE FUNCTION news_item_source_order() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE meeting_source SET published_at = NEW.published_at, ingested_at = NEW.ingested_at WHERE news_item_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER news_item_source_order AFTER UPDATE OF published_at, ingested_at ON news_item FOR EACH ROW
      WHEN (OLD.published_at IS DISTINCT FROM NEW.published_at OR OLD.ingested_at IS DISTINCT FROM NEW.ingested_at)
      EXECUTE FUNCTION news_item_source_order()`);
    await queryRunner.query(`CREATE INDEX meeting_source_listed ON meeting_source (meeting_id, published_at NULLS LAST, ingested_at, news_item_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX meeting_source_listed`);
    await queryRunner.query(`DROP TRIGGER news_item_source_order ON news_item`);
    await queryRunner.query(`DROP FUNCTION news_item_source_order()`);
    await queryRunner.query(`DROP TRIGGER meeting_source_order ON meeting_source`);
    await queryRunner.query(`DROP FUNCTION meeting_source_order()`);
    await queryRunner.query(`ALTER TABLE meeting_source DROP COLUMN ingested_at, DROP COLUMN published_at`);
  }
}
