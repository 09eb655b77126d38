import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: the three references to a meeting that had no index are indexed, where they are set.
//
// Merging meetings moves the duplicates' proposal readings, follow-up changes and proposals' origin onto the target
// (`UPDATE … WHERE meeting_id = ANY(…)`), and deleting a meeting sets those references to NULL (their foreign keys'
// ON DELETE SET NULL). With no index each was a scan of its whole table: at 1,000,000 meetings a merge of one duplicate
// took about 390 ms (three scans of 0.3–0.8 million rows for the moves, three more for the deletion's foreign keys),
// and removing demo data scanned them once per meeting removed. The indexes are partial: most rows have no meeting,
// and `meeting_id = ANY(…)` and the foreign keys' lookups imply that it is not null.

const INDEXES = [
  ['proposal_status_change_meeting', 'proposal_status_change', 'meeting_id'],
  ['follow_up_status_change_meeting', 'follow_up_status_change', 'meeting_id'],
  ['proposal_origin_meeting', 'proposal', 'origin_meeting_id'],
] as const;

export class MeetingReferencesIndexed1800000000023 implements MigrationInterface {
  name = 'MeetingReferencesIndexed1800000000023';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, table, column] of INDEXES) await queryRunner.query(`CREATE INDEX ${name} ON ${table} (${column}) WHERE ${column} IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of INDEXES) await queryRunner.query(`DROP INDEX ${name}`);
  }
}
