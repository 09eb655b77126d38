import type { MigrationInterface, QueryRunner } from 'typeorm';
import { followUpOriginRebuild } from './1798400000002-follow-up-origin-date.js';
import { followUpOriginDatePlpgsql } from './1799950000000-derived-value-plans-kept.js';

// Written by hand: a follow-up of a statement (an event with no meeting: "the two sides will hold the next round of
// talks soon") counts from the first day it was recorded open, the day the report that stated it was published, as
// a follow-up of a meeting not yet held does.
//
// Its origin date was left empty (FollowUpOriginDate1798400000002 took it from the follow-up's meeting, and a
// statement has none), and linking looks only at follow-ups with a day to count from: the parties meeting again, or
// the agreement being signed, never closed it. In the real articles of ../shared/corpus, 10 of the 19 statements
// have follow-ups (next meetings, a visit, signings). Up gives the follow-ups stored before their origin dates;
// facts stored before are not looked at again (the next fact about the parties closes them).

const originDate = `CREATE OR REPLACE FUNCTION follow_up_origin_date(for_meeting uuid, for_id uuid) RETURNS date LANGUAGE plpgsql STABLE AS $$
      BEGIN RETURN (
  SELECT CASE WHEN m.status = 'HELD' AND m.date IS NOT NULL THEN m.date
              ELSE (SELECT min(s.effective_date) FROM follow_up_status_change s WHERE s.follow_up_id = for_id AND s.status = 'OPEN') END
  FROM (SELECT) one LEFT JOIN meeting m ON m.id = for_meeting WHERE for_meeting IS NULL OR m.id IS NOT NULL ); END $$`;

const originRebuild = `CREATE OR REPLACE FUNCTION follow_up_origin_rebuild() RETURNS void LANGUAGE sql AS $$
  UPDATE follow_up_action t SET origin_date = x.d
  FROM (SELECT f.id, CASE WHEN m.status = 'HELD' AND m.date IS NOT NULL THEN m.date ELSE s.d END AS d
        FROM follow_up_action f LEFT JOIN meeting m ON m.id = f.meeting_id
        LEFT JOIN (SELECT follow_up_id, min(effective_date) AS d FROM follow_up_status_change WHERE status = 'OPEN' GROUP BY 1) s
          ON s.follow_up_id = f.id) x
  WHERE t.id = x.id AND t.origin_date IS DISTINCT FROM x.d $$`;

export class StatementFollowUpOrigins1800000000012 implements MigrationInterface {
  name = 'StatementFollowUpOrigins1800000000012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(originDate);
    await queryRunner.query(originRebuild);
    await queryRunner.query(`SELECT follow_up_origin_rebuild()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(followUpOriginDatePlpgsql);
    await queryRunner.query(followUpOriginRebuild);
    await queryRunner.query(`SELECT follow_up_origin_rebuild()`);
  }
}
