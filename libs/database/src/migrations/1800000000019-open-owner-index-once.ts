import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: `follow_up_open_owner_codes` (open follow-ups by owner set) is dropped. Its key and condition
// are the leading column and the condition of `follow_up_open_owner_origin` (owner set, origin date, with the party
// set and id included), which serves every read by owner set: linking's open candidates look follow-ups up by owner
// set and origin date. The narrower index was kept up on every follow-up written or closed and read by nothing
// (at 1,000,000 meetings, 12 MB and about a second of the bench seed).

export class OpenOwnerIndexOnce1800000000019 implements MigrationInterface {
  name = 'OpenOwnerIndexOnce1800000000019';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX follow_up_open_owner_codes`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`CREATE INDEX follow_up_open_owner_codes ON follow_up_action (owner_codes) WHERE status IN ('OPEN', 'IN_PROGRESS')`);
  }
}
