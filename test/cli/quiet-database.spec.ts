import { withClient } from '@dyad/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietDatabase } from '../../apps/cli/src/bench/quiet-database.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

// `bench api` with a peer waits between load slices until the database runs no statement, so that one server's
// requests left running are not counted against the next server's slice.
describe('quietDatabase', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
  });
  afterAll(() => database.drop());

  /** Runs pg_sleep(`seconds`) on the database; resolves once the server lists it running, with when it ends. */
  async function sleepOnDatabase(seconds: number): Promise<{ finished: Promise<number> }> {
    const done = withClient(database.url, (client) => client.query(`SELECT pg_sleep(${seconds})`)).then(() => performance.now());
    await withClient(database.url, async (client) => {
      const running = async () =>
        (await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%' AND state = 'active'`)).rows[0].n > 0;
      while (!(await running())) await new Promise((resolve) => setTimeout(resolve, 5));
    });
    // (wrapped: an async function returning the promise itself would wait for it)
    return { finished: done };
  }

  it('waits for a statement still running on the database, and not for its own', async () => {
    const quiet = await quietDatabase(database.url);
    try {
      const idle = performance.now();
      expect(await quiet.wait()).toBe(true);
      expect(performance.now() - idle).toBeLessThan(200);

      const { finished } = await sleepOnDatabase(0.6);
      expect(await quiet.wait()).toBe(true);
      const waited = performance.now();
      expect(waited).toBeGreaterThanOrEqual((await finished) - 50);
    } finally {
      await quiet.close();
    }
  });

  it('gives up after the time it is given, and says so', async () => {
    const quiet = await quietDatabase(database.url);
    try {
      const { finished } = await sleepOnDatabase(1.5);
      const started = performance.now();
      expect(await quiet.wait(300)).toBe(false);
      const waited = performance.now() - started;
      expect(waited).toBeGreaterThanOrEqual(290);
      expect(waited).toBeLessThan(1000);
      await finished;
    } finally {
      await quiet.close();
    }
  });
});
