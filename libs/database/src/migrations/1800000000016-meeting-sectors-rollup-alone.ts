import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rewriteFunction } from './replace-checked.js';

// Written by hand: a meeting whose only change is its sectors (a second report adding a sector, an analyst's edit)
// moves only the sector rollup, by the sectors added and taken away.
//
// Before, the meeting's AFTER UPDATE trigger (meeting_rollup) took the whole meeting out of its rollups and put it
// back: four rollup_meeting rows taken down and up again, each sector's row too, and, because a latest date cannot be
// taken back, the latest meeting of each of its scopes looked up again in meeting_pair and meeting, a lookup that
// grows with the data. At 1,000,000 meetings the trigger took about 1.1 ms of a merged report's 3.7 ms; an update
// of sectors alone took 3.5–5.1 ms, now 0.74–1.03 (400 updates each way in rolled-back transactions, in turn).
//
// The sector rows' upsert moves from rollup_meeting_apply into rollup_meeting_sectors_apply, which both call. Each
// change is made on the text the database has, which must hold the part it replaces.

const SECTORS_APPLY = `
  CREATE FUNCTION rollup_meeting_sectors_apply(sectors sector[], mon date, st event_status, delta int) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO rollup_meeting_sector AS r (sector, month, status, shard, meetings)
    SELECT DISTINCT x, mon, st, rollup_shard(), delta FROM unnest(sectors) x ORDER BY 1
    ON CONFLICT (sector, month, status, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings;
    IF delta < 0 THEN
      DELETE FROM rollup_meeting_sector r WHERE r.sector = ANY(sectors) AND r.month = mon AND r.status = st AND r.meetings = 0;
    END IF;
  END $$`;

const CHANGES: { fn: string; before: string; after: string }[] = [
  {
    fn: 'rollup_meeting_apply(meeting, integer)',
    before: `        INSERT INTO rollup_meeting_sector AS r (sector, month, status, shard, meetings)
        SELECT DISTINCT x, mon, m.status, rollup_shard(), delta FROM unnest(m.sectors) x ORDER BY 1
        ON CONFLICT (sector, month, status, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings;
        IF delta < 0 THEN
        DELETE FROM rollup_meeting_sector r WHERE r.sector = ANY(m.sectors) AND r.month = mon AND r.status = m.status AND r.meetings = 0;
        END IF;`,
    after: `        PERFORM rollup_meeting_sectors_apply(m.sectors, mon, m.status, delta);`,
  },
  {
    fn: 'meeting_rollup()',
    before: `        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM rollup_meeting_apply(OLD, -1); END IF;`,
    after: `        BEGIN
          -- only the sectors changed (the update trigger fires on them too): the sectors added and taken away
          IF TG_OP = 'UPDATE' AND (OLD.party_codes, OLD.date, OLD.status, OLD.type, OLD.review_status)
                                  IS NOT DISTINCT FROM (NEW.party_codes, NEW.date, NEW.status, NEW.type, NEW.review_status) THEN
            IF NEW.review_status <> 'REJECTED' THEN
              PERFORM rollup_meeting_sectors_apply(ARRAY(SELECT unnest(OLD.sectors) EXCEPT SELECT unnest(NEW.sectors)), rollup_month(NEW.date, '-infinity'), NEW.status, -1);
              PERFORM rollup_meeting_sectors_apply(ARRAY(SELECT unnest(NEW.sectors) EXCEPT SELECT unnest(OLD.sectors)), rollup_month(NEW.date, '-infinity'), NEW.status, 1);
            END IF;
            RETURN NULL;
          END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM rollup_meeting_apply(OLD, -1); END IF;`,
  },
];

export class MeetingSectorsRollupAlone1800000000016 implements MigrationInterface {
  name = 'MeetingSectorsRollupAlone1800000000016';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(SECTORS_APPLY);
    for (const { fn, before, after } of CHANGES) await rewriteFunction(queryRunner, 'MeetingSectorsRollupAlone', fn, [[before, after]]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { fn, before, after } of CHANGES) await rewriteFunction(queryRunner, 'MeetingSectorsRollupAlone', fn, [[after, before]]);
    await queryRunner.query(`DROP FUNCTION rollup_meeting_sectors_apply(sector[], date, event_status, int)`);
  }
}
