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

  it('waits for a statement still running on the database, and not for its own', async () => {
    const quiet = await quietDatabase(database.url);
    try {
      const idle = performance.now();
      await quiet.wait();
      expect(performance.now() - idle).toBeLessThan(200);

      let finished = 0;
      const sleeping = withClient(database.url, (client) => client.query('SELECT pg_sleep(0.6)')).then(() => (finished = performance.now()));
      // (the statement has started once the server lists it)
      await new Promise((resolve) => setTimeout(resolve, 150));
      await quiet.wait();
      const waited = performance.now();
      await sleeping;
      expect(waited).toBeGreaterThanOrEqual(finished - 50);
    } finally {
      await quiet.close();
    }
  });

  it('gives up after the time it is given', async () => {
    const quiet = await quietDatabase(database.url);
    try {
      const sleeping = withClient(database.url, (client) => client.query('SELECT pg_sleep(1.5)'));
      await new Promise((resolve) => setTimeout(resolve, 150));
      const started = performance.now();
      await quiet.wait(300);
      const waited = performance.now() - started;
      expect(waited).toBeGreaterThanOrEqual(290);
      expect(waited).toBeLessThan(1000);
      await sleeping;
    } finally {
      await quiet.close();
    }
  });
});
