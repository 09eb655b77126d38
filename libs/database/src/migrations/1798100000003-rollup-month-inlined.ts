import type { MigrationInterface, QueryRunner } from 'typeorm';

// `rollup_month` (PartySetsAndRollups1797000000000) truncated a date through timestamptz, whose date_trunc is
// only STABLE: the IMMUTABLE SQL function could then not be inlined and ran as a function call for every row
// (9 million calls, 28 s of a `rollup_rebuild()` at 1,000,000 meetings; 2.3 s against 0.3 s for 1,000,000
// calls). Through timestamp it is inlined; the month is the same.
const monthFunction = (cast: string) =>
  `CREATE OR REPLACE FUNCTION rollup_month(d date, missing date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(date_trunc('month', d${cast})::date, missing) $$`;

export class RollupMonthInlined1798100000003 implements MigrationInterface {
  name = 'RollupMonthInlined1798100000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(monthFunction('::timestamp'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(monthFunction(''));
  }
}
