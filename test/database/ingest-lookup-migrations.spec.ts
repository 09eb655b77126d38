import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

// The two migrations of the ingestion lookups (17996000000000, 17996000000001): up gives the covering index of open
// follow-ups and the score cells' one-pass functions; down gives back the definitions before them, exactly.
describe('migrations OpenFollowUpCandidatesIndexOnly and ScoreCellsInOnePass', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
  });
  afterAll(() => database.drop());

  const state = async () => {
    const [{ index }] = await db.query(`SELECT pg_get_indexdef('follow_up_open_owner_origin'::regclass) AS index`);
    const [{ apply }] = await db.query(`SELECT pg_get_functiondef('rollup_score_apply'::regproc) AS apply`);
    const [{ helpers }] = await db.query(
      `SELECT count(*)::int AS helpers FROM pg_proc WHERE proname IN ('rollup_score_weight_cells', 'rollup_score_count_cells')`,
    );
    return { index, apply, helpers };
  };

  it('down restores the index and rollup_score_apply of before, up their new definitions', async () => {
    const up = await state();
    expect(up.index).toContain('INCLUDE (party_codes, id)');
    expect(up.apply).toContain('rollup_score_weight_cells');
    expect(up.helpers).toBe(2);

    await db.undoLastMigration({ transaction: 'each' });
    await db.undoLastMigration({ transaction: 'each' });
    const down = await state();
    expect(down.index).toBe(
      `CREATE INDEX follow_up_open_owner_origin ON public.follow_up_action USING btree (owner_codes, origin_date) WHERE (status = ANY (ARRAY['OPEN'::follow_up_status, 'IN_PROGRESS'::follow_up_status]))`,
    );
    expect(down.apply).toContain('generate_subscripts(g.pt, 1)');
    expect(down.apply).not.toContain('rollup_score_weight_cells');
    expect(down.helpers).toBe(0);

    await db.runMigrations({ transaction: 'each' });
    expect(await state()).toEqual(up);
  });
});
