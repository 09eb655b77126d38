import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rollupRebuild } from './1800000000000-actor-meeting-rollup.js';

// Written by hand: the news items list (newest first) at 1,000,000 meetings (1,200,053 items) took 370–460 ms a
// page: its count read every item, and its order (published_at DESC NULLS LAST, ingested_at DESC, id) had no index,
// so the page was a top-N sort of the whole table.
// - `news_item_listed` is that order, so a page is the first entries of the index (or of its range, for a date
//   filter); it serves the date-range filters the index on published_at alone did, which it replaces.
// - `rollup_news_item` counts items per language and day of publication ('-infinity': undated), per shard as the
//   other rollups, kept by statement triggers in the same transaction as every insert, delete and date or language
//   change: a count over languages and any dates is a sum over days (about 11,000 rows at 1,200,053 items: 1–3 ms
//   for all of them; by month, the days of a range starting mid-month were counted from the index and the items,
//   33 ms for half a month in one language). `rollup_rebuild()` recomputes it with the rest.

// each item of `rows` (language, published_at, d: +1 added, -1 taken back) summed into its day's row
const ADD = (rows: string) => `
          INSERT INTO rollup_news_item AS r (language, day, shard, items)
          SELECT language, coalesce(published_at, '-infinity'), rollup_shard(), sum(d) FROM (${rows}) x
          GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2
          ON CONFLICT (language, day, shard) DO UPDATE SET items = r.items + excluded.items;`;
const TAKEN = `SELECT language, published_at, -1 AS d FROM old_rows`;
const ADDED = `SELECT language, published_at, 1 AS d FROM new_rows`;

export class NewsItemList1800000000001 implements MigrationInterface {
  name = 'NewsItemList1800000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`SET LOCAL statement_timeout = 0`);
    await q(`CREATE INDEX news_item_listed ON news_item (published_at DESC NULLS LAST, ingested_at DESC, id)`);
    await q(`DROP INDEX "IDX_fe35ddfc03768d34e038c42cb5"`);
    await q(`CREATE TABLE rollup_news_item (language varchar(2) NOT NULL, day date NOT NULL, shard smallint NOT NULL, items integer NOT NULL,
      PRIMARY KEY (language, day, shard))`);
    await q(`
      CREATE FUNCTION news_item_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN${ADD(ADDED)}
        ELSIF TG_OP = 'DELETE' THEN${ADD(TAKEN)}
        ELSE${ADD(`${TAKEN} UNION ALL ${ADDED}`)}
        END IF;
        RETURN NULL;
      END $$`);
    await q(`CREATE TRIGGER news_item_rollup_insert AFTER INSERT ON news_item REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION news_item_rollup()`);
    await q(`CREATE TRIGGER news_item_rollup_delete AFTER DELETE ON news_item REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION news_item_rollup()`);
    // (a trigger with transition tables cannot name columns: it runs on every update, and writes nothing where
    // the keys stayed, as the old and new rows cancel)
    await q(`CREATE TRIGGER news_item_rollup_update AFTER UPDATE ON news_item REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION news_item_rollup()`);
    await q(`
      CREATE FUNCTION rollup_news_item_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE rollup_news_item;
        INSERT INTO rollup_news_item (language, day, shard, items)
        SELECT language, coalesce(published_at, '-infinity'), 0, count(*) FROM news_item GROUP BY 1, 2 ORDER BY 1, 2;
      $$`);
    await q(rollupRebuild(`\n        PERFORM rollup_actor_rebuild();\n        PERFORM rollup_news_item_rebuild();`));
    await q(`SELECT rollup_news_item_rebuild()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`SET LOCAL statement_timeout = 0`);
    await q(rollupRebuild(`\n        PERFORM rollup_actor_rebuild();`));
    for (const op of ['insert', 'delete', 'update']) await q(`DROP TRIGGER news_item_rollup_${op} ON news_item`);
    await q(`DROP FUNCTION news_item_rollup()`);
    await q(`DROP FUNCTION rollup_news_item_rebuild()`);
    await q(`DROP TABLE rollup_news_item`);
    await q(`CREATE INDEX "IDX_fe35ddfc03768d34e038c42cb5" ON news_item (published_at)`);
    await q(`DROP INDEX news_item_listed`);
  }
}
