import { RequestContext } from '@dyad/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { makeCorpus } from '../../apps/cli/src/bench/extract-corpus.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { ingestionServiceFor } from '../support/ingestion.js';

// Linking's statements are planned once per connection (generic plans), not with each call's values: at
// 1,000,000 meetings that took the database's CPU per item from 11.0-11.9 ms to 9.4-9.8 (bench ingest). They
// are costed for data in memory (random_page_cost 1.1): a plan made while a table is small then reads its index.
// The settings are read where linking's statements run: in a trigger on the meetings it writes.
describe('linking transactions', () => {
  let database: TestDatabase;
  let db: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
    await db.query(`CREATE TABLE seen_settings (plan_cache_mode text, jit text, parallel text, random_page_cost text)`);
    await db.query(`CREATE FUNCTION record_settings() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO seen_settings VALUES (current_setting('plan_cache_mode'), current_setting('jit'), current_setting('max_parallel_workers_per_gather'),
          current_setting('random_page_cost'));
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER record_settings AFTER INSERT ON meeting FOR EACH ROW EXECUTE FUNCTION record_settings()`);
  });
  afterAll(() => database?.drop());

  it('use generic plans, costed for data in memory, with JIT and parallel workers off, in batches and alone, and leave the connection as it was', async () => {
    const ingestion = ingestionServiceFor(db);
    const ctx = RequestContext.system();
    const [first, ...rest] = makeCorpus(6, 1024, 2048, 11);
    await ingestion.ingest(ctx, { text: first });
    const outcomes = await ingestion.ingestPrepared(ctx, await Promise.all(rest.map((text) => ingestion.prepare({ text }))));
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    const seen: { plan_cache_mode: string; jit: string; parallel: string; random_page_cost: string }[] = await db.query(`SELECT DISTINCT * FROM seen_settings`);
    expect(seen).toEqual([{ plan_cache_mode: 'force_generic_plan', jit: 'off', parallel: '0', random_page_cost: '1.1' }]);
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM seen_settings`);
    expect(count).toBeGreaterThan(1);
    // set for the transaction only (set_config(..., true)): the pool's connections keep the server's default
    const [connection] = await db.query(`SELECT current_setting('plan_cache_mode') AS mode, current_setting('random_page_cost') AS cost`);
    expect(connection).toEqual({ mode: 'auto', cost: '4' });
  }, 60_000);
});
