import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: `rollup_score_apply`, which every writing transaction runs once at commit, keeps one plan per
// query for the session instead of planning its queries again at each call.
//
// PL/pgSQL plans a query with parameters (here the function's arrays of ids, and the arrays it computes) afresh at
// each call until a generic plan is estimated no dearer than the custom ones, which for these never happened: the
// query of the fresh score items inlines three SQL functions (a meeting's pairs, a proposal's advanced and signed
// days, a follow-up's overdue days) and took about 1 ms to plan against 0.2 ms to run; the query of the cells
// 0.4 ms. Their generic plans are the custom ones: lookups by primary key of the ids given, the upsert by the
// rollup's key. Measured with `pgbench` (the items of two meetings, two follow-ups and a proposal applied again,
// rolled back), in turn twice: 6.3–7.0 ms a call before, 4.5–4.9 ms after; at 1,000,000 meetings, see README Speed.

const SIGNATURE = 'rollup_score_apply(uuid[], uuid[], uuid[])';

export class ScoreApplyGenericPlans1799980000000 implements MigrationInterface {
  name = 'ScoreApplyGenericPlans1799980000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER FUNCTION ${SIGNATURE} SET plan_cache_mode = force_generic_plan`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER FUNCTION ${SIGNATURE} RESET plan_cache_mode`);
  }
}
