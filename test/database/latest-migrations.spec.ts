import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase, undoMigrationsThrough } from '../support/database.js';

// Migration ScoreApplyGenericPlans1799980000000: the score rollup's apply keeps one plan per query for the session
// (its values are checked against a recomputation by rollups.spec); down gives back its settings of before.
describe('migration ScoreApplyGenericPlans', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
  });
  afterAll(() => database.drop());

  const settings = async (): Promise<string[]> =>
    (await db.query(`SELECT proconfig FROM pg_proc WHERE oid = 'rollup_score_apply(uuid[], uuid[], uuid[])'::regprocedure`))[0].proconfig;

  it('sets generic plans on rollup_score_apply beside jit off, and down takes only that back', async () => {
    expect(await settings()).toEqual(['jit=off', 'plan_cache_mode=force_generic_plan']);
    await undoMigrationsThrough(db, 'ScoreApplyGenericPlans1799980000000');
    expect(await settings()).toEqual(['jit=off']);
    await db.runMigrations({ transaction: 'each' });
    expect(await settings()).toEqual(['jit=off', 'plan_cache_mode=force_generic_plan']);
  });
});
