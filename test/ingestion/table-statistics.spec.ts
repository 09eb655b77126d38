import { RequestContext } from '@dyad/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { makeCorpus } from '../../apps/cli/src/bench/extract-corpus.js';
import { createTestDatabase, tableStatistics, type TestDatabase } from '../support/database.js';
import { ingestionServiceFor } from '../support/ingestion.js';

// A database filled from empty outgrows the plans made while its tables were small well before autovacuum
// looks again (about once a minute): ingestion analyzes the tables it grows as they double (StatisticsKeeper),
// which makes those plans again. Measured with `bench ingest` at 2,000 items: 18.7 items/s without, 61 with.
describe('ingestion into a new database', () => {
  let database: TestDatabase;
  let db: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
    // only ingestion analyzes it here
    await db.query('ALTER TABLE evidence SET (autovacuum_enabled = false)');
    await db.query('ANALYZE evidence');
  });
  afterAll(() => database?.drop());

  const evidenceStatistics = async () => ({
    ...(await tableStatistics(db, 'evidence')),
    stored: (await db.query('SELECT count(*)::int AS n FROM evidence'))[0].n as number,
  });

  it('analyzes the tables it grows, as they grow', async () => {
    const ingestion = ingestionServiceFor(db);
    const ctx = RequestContext.system();
    const texts = makeCorpus(400, 1024, 3072, 5);
    let statistics = await evidenceStatistics();
    expect(statistics).toMatchObject({ analyzed: 1, rows: 0, stored: 0 });
    // (a backend reports how many rows it wrote within about a second: items are stored until that shows)
    for (let at = 0; at < texts.length && statistics.analyzed === 1; at += 20) {
      const prepared = await Promise.all(texts.slice(at, at + 20).map((text) => ingestion.prepare({ text })));
      const outcomes = await ingestion.ingestPrepared(ctx, prepared);
      expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
      statistics = await evidenceStatistics();
    }
    expect(statistics.analyzed).toBe(2);
    // analyzed again once it had rows (it was analyzed empty), with what the first batches stored
    expect(statistics.rows).toBeGreaterThan(0);
    expect(statistics.rows).toBeLessThanOrEqual(statistics.stored);
  }, 120_000);
});
