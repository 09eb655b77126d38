import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rollupRebuild } from './1800000000000-actor-meeting-rollup.js';

// Written by hand: the follow-ups list's filter by sector (a follow-up's sectors are its meeting's) looked up each
// follow-up's meeting: at 1,000,000 meetings a sector took 0.28 s, alone or with a country, most of it reading every
// meeting's sectors. Each follow-up now carries its meeting's sectors (none without a meeting), GIN-indexed:
// - a follow-up inserted or moved to another meeting (a merge) copies them, before the row is written;
// - a meeting whose sectors change (a report adding one, an analyst's edit) passes them on to its follow-ups.
// `rollup_rebuild()` (`dyad rollups rebuild`) recomputes them with the party sets.

const rebuild = `CREATE FUNCTION follow_up_meeting_sectors_rebuild() RETURNS void LANGUAGE sql AS $$
  UPDATE follow_up_action t SET meeting_sectors = x.sectors
  FROM (SELECT f.id, coalesce(m.sectors, '{}') AS sectors FROM follow_up_action f LEFT JOIN meeting m ON m.id = f.meeting_id) x
  WHERE t.id = x.id AND t.meeting_sectors IS DISTINCT FROM x.sectors $$`;

const REBUILT_BEFORE = `
        PERFORM rollup_actor_rebuild();
        PERFORM rollup_news_item_rebuild();`;

export class FollowUpMeetingSectors1800000000006 implements MigrationInterface {
  name = 'FollowUpMeetingSectors1800000000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`SET LOCAL statement_timeout = 0`);
    await q(`ALTER TABLE follow_up_action ADD COLUMN meeting_sectors sector[] NOT NULL DEFAULT '{}'`);
    await q(rebuild);
    await q(`SELECT follow_up_meeting_sectors_rebuild()`);
    await q(`CREATE FUNCTION follow_up_action_meeting_sectors() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.meeting_sectors := CASE WHEN NEW.meeting_id IS NULL THEN '{}' ELSE (SELECT m.sectors FROM meeting m WHERE m.id = NEW.meeting_id) END;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER follow_up_action_meeting_sectors BEFORE INSERT OR UPDATE OF meeting_id, meeting_sectors ON follow_up_action
      FOR EACH ROW EXECUTE FUNCTION follow_up_action_meeting_sectors()`);
    await q(`CREATE FUNCTION meeting_sectors_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE follow_up_action SET meeting_sectors = NEW.sectors WHERE meeting_id = NEW.id; RETURN NULL; END $$`);
    await q(`CREATE TRIGGER meeting_sectors_cascade AFTER UPDATE OF sectors ON meeting FOR EACH ROW
      WHEN (OLD.sectors IS DISTINCT FROM NEW.sectors) EXECUTE FUNCTION meeting_sectors_cascade()`);
    await q(`CREATE INDEX follow_up_action_meeting_sectors_gin ON follow_up_action USING gin (meeting_sectors)`);
    await q(rollupRebuild(`${REBUILT_BEFORE}
        IF with_party_sets THEN PERFORM follow_up_meeting_sectors_rebuild(); END IF;`));
    await q(`ANALYZE follow_up_action`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(rollupRebuild(REBUILT_BEFORE));
    await q(`DROP INDEX follow_up_action_meeting_sectors_gin`);
    await q(`DROP TRIGGER meeting_sectors_cascade ON meeting`);
    await q(`DROP FUNCTION meeting_sectors_cascade()`);
    await q(`DROP TRIGGER follow_up_action_meeting_sectors ON follow_up_action`);
    await q(`DROP FUNCTION follow_up_action_meeting_sectors()`);
    await q(`DROP FUNCTION follow_up_meeting_sectors_rebuild()`);
    await q(`ALTER TABLE follow_up_action DROP COLUMN meeting_sectors`);
  }
}
