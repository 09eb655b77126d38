import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { type FeedServer, newsItem, rss, startFeedServer } from '../support/feed-server.js';

// `npm start` is one process: the server runs a job worker of its own unless DYAD_WORKER=off, and its
// per-minute schedule polls a newly added source with no one asking.
describe('the server with its in-process worker', () => {
  let api: TestApi;
  let feeds: FeedServer;

  beforeAll(async () => {
    feeds = await startFeedServer('127.0.0.1');
    feeds.routes.set('/feed', { body: () => ({ type: 'application/rss+xml', body: rss([newsItem(1, 'inproc'), newsItem(2, 'inproc')]) }) });
    api = await startTestApi({ env: { DYAD_WORKER: 'on', DYAD_FETCH_ALLOW_PRIVATE: '127.0.0.1/32' } });
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await feeds?.close();
  });

  it('polls a new source on schedule and ingests it, in one process', async () => {
    expect(api.server.worker).not.toBeNull();
    const added = await api.graphql<{ addSource: { id: string } }>(
      `mutation($u: String!) { addSource(input: { kind: FEED, location: $u, publisher: "In process" }) { id } }`,
      { u: `${feeds.url}/feed` },
    );
    expect(added.errors).toBeUndefined();
    await expect
      .poll(
        async () =>
          (await api.graphql<{ source: { lastPoll: { new: number; pending: number } | null } }>(
            `query($id: ID!) { source(id: $id) { lastPoll { new pending } } }`,
            { id: added.data!.addSource.id },
          )).data!.source.lastPoll,
        { timeout: 100_000, interval: 1000 },
      )
      .toEqual({ new: 2, pending: 0 });
  }, 120_000);
});
