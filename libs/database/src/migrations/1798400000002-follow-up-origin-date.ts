import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: a follow-up's origin date (the day it counts from: its meeting's, once held with a date, else
// the first day it was recorded open) stored on the row, and an index of open follow-ups by owner set and that
// date, so linking's lookup of the open follow-ups a held meeting may close reads only those in its date window.
//
// Before, `FollowUpRepository.openCandidates` read every open follow-up of the owner set (2,400 for a busy pair
// of the 1,000,000-meeting database), each with its meeting and history to find its day, and then applied the
// window: about 70 ms a call there, the largest cost of an item ingested into that database.
//
// Kept by triggers: a follow-up's own (new row, or its meeting changed), its history's (an OPEN entry added,
// changed or removed), and its meeting's (status or date changed). `rollup_rebuild()` recomputes them too (after
// a bulk load with triggers off).

const originOf = `CREATE OR REPLACE FUNCTION follow_up_origin_date(for_meeting uuid, for_id uuid) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN m.status = 'HELD' AND m.date IS NOT NULL THEN m.date
              ELSE (SELECT min(s.effective_date) FROM follow_up_status_change s WHERE s.follow_up_id = for_id AND s.status = 'OPEN') END
  FROM meeting m WHERE m.id = for_meeting $$`;

// (StatementFollowUpOrigins1800000000012 replaced it; its down restores this one)
export const followUpOriginRebuild = `CREATE OR REPLACE FUNCTION follow_up_origin_rebuild() RETURNS void LANGUAGE sql AS $$
  UPDATE follow_up_action t SET origin_date = x.d
  FROM (SELECT f.id, CASE WHEN m.status = 'HELD' AND m.date IS NOT NULL THEN m.date ELSE s.d END AS d
        FROM follow_up_action f LEFT JOIN meeting m ON m.id = f.meeting_id
        LEFT JOIN (SELECT follow_up_id, min(effective_date) AS d FROM follow_up_status_change WHERE status = 'OPEN' GROUP BY 1) s
          ON s.follow_up_id = f.id AND m.id IS NOT NULL) x
  WHERE t.id = x.id AND t.origin_date IS DISTINCT FROM x.d $$`;

const rebuildAll = (withOrigins: boolean) => `CREATE OR REPLACE FUNCTION rollup_rebuild(with_party_sets boolean DEFAULT true) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ${withOrigins ? 'PERFORM follow_up_origin_rebuild();' : ''}
        PERFORM rollup_rebuild_charts(with_party_sets);
        PERFORM rollup_dyad_rebuild();
        PERFORM rollup_score_rebuild();
      END $$`;

export class FollowUpOriginDate1798400000002 implements MigrationInterface {
  name = 'FollowUpOriginDate1798400000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    // the first fill reads every follow-up (400,000 in the 1,000,000-meeting bench database)
    await q(`SET LOCAL statement_timeout = 0`);
    await q(`ALTER TABLE follow_up_action ADD COLUMN origin_date date`);
    await q(originOf);
    await q(followUpOriginRebuild);
    await q(`SELECT follow_up_origin_rebuild()`);
    await q(`CREATE INDEX follow_up_open_owner_origin ON follow_up_action (owner_codes, origin_date) WHERE status IN ('OPEN', 'IN_PROGRESS')`);
    await q(`CREATE FUNCTION follow_up_action_origin() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.origin_date := follow_up_origin_date(NEW.meeting_id, NEW.id);
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER follow_up_action_origin BEFORE INSERT OR UPDATE OF meeting_id ON follow_up_action
      FOR EACH ROW EXECUTE FUNCTION follow_up_action_origin()`);
    await q(`CREATE FUNCTION follow_up_status_change_origin() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE follow_up_action t SET origin_date = x.d
        FROM (SELECT f.id, follow_up_origin_date(f.meeting_id, f.id) AS d FROM follow_up_action f
              WHERE f.id IN (SELECT follow_up_id FROM new_rows WHERE status = 'OPEN'
                             UNION SELECT follow_up_id FROM old_rows WHERE status = 'OPEN') OFFSET 0) x
        WHERE t.id = x.id AND t.origin_date IS DISTINCT FROM x.d;
        RETURN NULL;
      END $$`);
    // a statement trigger needs both transition tables named: INSERT and DELETE get an empty one for the other
    await q(`CREATE FUNCTION follow_up_status_change_origin_one_side() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE follow_up_action t SET origin_date = x.d
        FROM (SELECT f.id, follow_up_origin_date(f.meeting_id, f.id) AS d FROM follow_up_action f
              WHERE f.id IN (SELECT follow_up_id FROM changed_rows WHERE status = 'OPEN') OFFSET 0) x
        WHERE t.id = x.id AND t.origin_date IS DISTINCT FROM x.d;
        RETURN NULL;
      END $$`);
    await q(`CREATE TRIGGER follow_up_status_change_origin_insert AFTER INSERT ON follow_up_status_change
      REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION follow_up_status_change_origin_one_side()`);
    await q(`CREATE TRIGGER follow_up_status_change_origin_delete AFTER DELETE ON follow_up_status_change
      REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION follow_up_status_change_origin_one_side()`);
    await q(`CREATE TRIGGER follow_up_status_change_origin_update AFTER UPDATE ON follow_up_status_change
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION follow_up_status_change_origin()`);
    await q(`CREATE FUNCTION meeting_follow_up_origin() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE follow_up_action t SET origin_date = x.d
        FROM (SELECT f.id, follow_up_origin_date(f.meeting_id, f.id) AS d FROM follow_up_action f WHERE f.meeting_id = NEW.id OFFSET 0) x
        WHERE t.id = x.id AND t.origin_date IS DISTINCT FROM x.d;
        RETURN NULL;
      END $$`);
    await q(`CREATE TRIGGER meeting_follow_up_origin AFTER UPDATE ON meeting FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.date IS DISTINCT FROM NEW.date) EXECUTE FUNCTION meeting_follow_up_origin()`);
    await q(rebuildAll(true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(rebuildAll(false));
    await q(`DROP TRIGGER meeting_follow_up_origin ON meeting`);
    await q(`DROP FUNCTION meeting_follow_up_origin()`);
    for (const op of ['insert', 'delete', 'update']) await q(`DROP TRIGGER follow_up_status_change_origin_${op} ON follow_up_status_change`);
    await q(`DROP FUNCTION follow_up_status_change_origin()`);
    await q(`DROP FUNCTION follow_up_status_change_origin_one_side()`);
    await q(`DROP TRIGGER follow_up_action_origin ON follow_up_action`);
    await q(`DROP FUNCTION follow_up_action_origin()`);
    await q(`DROP FUNCTION follow_up_origin_rebuild()`);
    await q(`DROP FUNCTION follow_up_origin_date(uuid, uuid)`);
    await q(`ALTER TABLE follow_up_action DROP COLUMN origin_date`);
  }
}
