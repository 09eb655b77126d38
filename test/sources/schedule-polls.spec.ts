import { JobQueue, scheduleDuePolls } from '@dyad/ingestion';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

// The minute's schedule queues a poll for each due source, but not beside a poll of it that is running (its next poll
// time is set only when that read commits): a long read is not followed by a second, needless poll.
describe('scheduleDuePolls', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let queue: JobQueue;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await database.connect();
    queue = await JobQueue.open(database.url);
  }, 60_000);

  afterAll(async () => {
    await queue?.close();
    await database?.drop();
  });

  const addSource = async (name: string, due: boolean): Promise<string> => {
    const [{ id }] = await dataSource.query(
      `INSERT INTO source (kind, location, publisher, poll_interval_minutes, next_poll_at, version)
       VALUES ('FEED', $1, $2, 60, now() + CASE WHEN $3 THEN interval '-1 minute' ELSE interval '1 hour' END, 1) RETURNING id::text`,
      [`https://news.example.org/${name}.rss`, name, due],
    );
    return id;
  };
  const pollJobs = (sourceId: string): Promise<{ locked: boolean; available: boolean }[]> =>
    dataSource.query(
      `SELECT j.locked_at IS NOT NULL AS locked, j.is_available AS available FROM graphile_worker._private_jobs j
        WHERE j.payload->>'sourceId' = $1 ORDER BY j.id`,
      [sourceId],
    );

  it('polls due sources, none beside a running poll, and again after a poll that used up its tries', async () => {
    const idle = await addSource('idle', true);
    const running = await addSource('running', true);
    const failed = await addSource('failed', true);
    const notDue = await addSource('later', false);
    await JobQueue.addPollJob(dataSource, running);
    await dataSource.query(`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'worker-1' WHERE payload->>'sourceId' = $1`, [running]);
    await JobQueue.addPollJob(dataSource, failed);
    await dataSource.query(`UPDATE graphile_worker._private_jobs SET attempts = max_attempts WHERE payload->>'sourceId' = $1`, [failed]);

    expect(await scheduleDuePolls(dataSource)).toBe(2);
    expect(await pollJobs(idle)).toEqual([{ locked: false, available: true }]);
    expect(await pollJobs(running), 'only the running poll').toEqual([{ locked: true, available: false }]);
    // the failed job is kept (failedJobs lists it) and a fresh poll waits beside it
    expect(await pollJobs(failed)).toEqual([{ locked: false, available: false }, { locked: false, available: true }]);
    expect(await pollJobs(notDue)).toEqual([]);

    // Asked again before anything ran: still one waiting poll per source.
    expect(await scheduleDuePolls(dataSource)).toBe(2);
    expect((await pollJobs(idle)).length).toBe(1);
    expect((await pollJobs(failed)).length).toBe(2);
  });
});
