import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase, undoMigrationsThrough } from '../support/database.js';

// The latest migrations' up and down, each run back to what was there before and forward again:
// ScoreApplyGenericPlans1799980000000 (the score rollup's apply keeps one plan per query for the session; its
// values are checked against a recomputation by rollups.spec) and FollowUpStatusDue1799990000000 (the index on
// follow-ups' status alone becomes one on status and due date; the lists it serves are checked by
// test/api/follow-ups-list.spec and list-counts.spec).
describe('the latest migrations, down and up again', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
  });
  afterAll(() => database.drop());

  const settings = async (): Promise<string[]> =>
    (await db.query(`SELECT proconfig FROM pg_proc WHERE oid = 'rollup_score_apply(uuid[], uuid[], uuid[])'::regprocedure`))[0].proconfig;
  const statusIndexes = async (): Promise<string[]> =>
    (await db.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'follow_up_action' AND indexdef ~ 'btree \\(status[,)]' ORDER BY 1`)).map(
      (row: { indexdef: string }) => row.indexdef.replace(/ ON public\.follow_up_action USING btree/, ''),
    );

  it('ScoreApplyGenericPlans sets generic plans on rollup_score_apply beside jit off, and down takes only that back', async () => {
    expect(await settings()).toEqual(['jit=off', 'plan_cache_mode=force_generic_plan']);
    await undoMigrationsThrough(db, 'ScoreApplyGenericPlans1799980000000');
    expect(await settings()).toEqual(['jit=off']);
    await db.runMigrations({ transaction: 'each' });
    expect(await settings()).toEqual(['jit=off', 'plan_cache_mode=force_generic_plan']);
  });

  it('FollowUpStatusDue replaces the index on status by one on status and due date, and down gives the first back', async () => {
    const up = ['CREATE INDEX follow_up_status_due (status, due_date)'];
    expect(await statusIndexes()).toEqual(up);
    await undoMigrationsThrough(db, 'FollowUpStatusDue1799990000000');
    expect(await statusIndexes()).toEqual(['CREATE INDEX "IDX_da95f23bd7ad890c0ef85b75d6" (status)']);
    await db.runMigrations({ transaction: 'each' });
    expect(await statusIndexes()).toEqual(up);
  });
});
