import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltServer, startBuiltServer } from '../support/built-server.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { atom, type FeedServer, newsItem, rss, startFeedServer } from '../support/feed-server.js';
import { envWithout, spawnNode, type Spawned } from '../support/processes.js';
import type { DataSource } from 'typeorm';

// The whole scale-out path with real processes: one API-only server (DYAD_WORKER=off) and two `dyad worker`
// processes on one database, a local HTTP server serving the feeds; one worker is killed with SIGKILL while
// the 1,000-item feed is being ingested. At the end every item is stored exactly once, and a subscriber on the
// API heard of every news item and every new meeting the workers stored.
const CLI = 'dist/apps/cli/src/main.js';
const BIG = 1000;

interface SourceNode {
  id: string;
  publisher: string;
  health: string;
  consecutiveFailures: number;
  lastPoll: { fetched: number; new: number; duplicate: number; failed: number; pending: number; notModified: boolean; error: string | null } | null;
  failedEntries: { origin: string; error: string }[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watched sources on two worker processes and an API-only server', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let api: BuiltServer;
  let feeds: FeedServer;
  const workers: Spawned[] = [];
  let flakyFailing = true;
  let subscriber: Client;
  const heard = { newsItems: new Set<string>(), createdMeetings: new Set<string>(), errors: [] as unknown[] };

  const big = Array.from({ length: BIG }, (_, i) => newsItem(i, 'big'));
  const atomItems = Array.from({ length: 30 }, (_, i) => newsItem(i, 'atom'));
  const flakyItems = Array.from({ length: 20 }, (_, i) => newsItem(i, 'flaky'));
  const goodOfBad = Array.from({ length: 10 }, (_, i) => newsItem(i, 'mixed'));

  beforeAll(async () => {
    feeds = await startFeedServer('127.0.0.1');
    feeds.routes.set('/big.rss', { body: () => ({ type: 'application/rss+xml', body: rss(big) }), etag: true });
    feeds.routes.set('/news.atom', { body: () => ({ type: 'application/atom+xml', body: atom(atomItems) }), etag: true });
    feeds.routes.set('/flaky.rss', { body: () => (flakyFailing ? 502 : { type: 'application/rss+xml', body: rss(flakyItems) }) });
    feeds.routes.set('/mixed.rss', {
      body: () => ({
        type: 'application/rss+xml',
        body: rss(goodOfBad).replace(
          '</channel>',
          `<item><title>Empty</title><link>https://news.example.org/e1</link></item>
           <item><title>Empty too</title><link>https://news.example.org/e2</link><description>   </description></item>
           <item><title>Ancient</title><link>https://news.example.org/old</link><description>Iran and Armenia met in Yerevan.</description><pubDate>1 Jan 1700 10:00:00 GMT</pubDate></item>
           </channel>`,
        ),
      }),
    });
    database = await createTestDatabase();
    dataSource = await database.connect();
    api = await startBuiltServer({ database, env: { DYAD_WORKER: 'off', DYAD_FETCH_ALLOW_PRIVATE: '127.0.0.1/32' } });
    // Subscribed before any source exists; the workers' writes reach it through NOTIFY.
    subscriber = createClient({
      url: `${api.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${api.adminKey}` },
      retryAttempts: 0,
    });
    const listen = <T>(query: string, onData: (data: T) => void) =>
      new Promise<void>((subscribed, failed) => {
        let first = true;
        subscriber.subscribe<T>({ query }, {
          next: (value) => (value.errors ? heard.errors.push(...value.errors) : onData(value.data as T)),
          error: (error) => (first ? failed(error) : heard.errors.push(error)),
          complete: () => undefined,
        });
        // graphql-ws has no 'subscribed' event: the socket is up once it acknowledged the connection.
        subscriber.on('connected', () => ((first = false), subscribed()));
      });
    await Promise.all([
      listen<{ newsItemAdded: { id: string } }>(`subscription { newsItemAdded { id } }`, (d) => heard.newsItems.add(d.newsItemAdded.id)),
      listen<{ meetingChanged: { created: boolean; meeting: { id: string } } }>(
        `subscription { meetingChanged { created meeting { id } } }`,
        (d) => d.meetingChanged.created && heard.createdMeetings.add(d.meetingChanged.meeting.id),
      ),
    ]);
  }, 300_000);

  afterAll(async () => {
    await subscriber?.dispose();
    for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    await api?.close();
    await database?.drop();
    await feeds?.close();
  });

  const startWorker = async () => {
    const worker = spawnNode(
      [CLI, 'worker', '--concurrency', '2'],
      envWithout(['NODE_ENV'], { DATABASE_URL: database.url, DYAD_FETCH_ALLOW_PRIVATE: '127.0.0.1/32', DYAD_WORKER_DEAD_AFTER_S: '4' }),
    );
    workers.push(worker);
    await worker.waitFor(/worker running/, 60_000);
    return worker;
  };

  const sources = async () => {
    const { data, errors } = await api.graphql<{ sources: { nodes: SourceNode[] } }>(`{ sources(first: 10) { nodes {
      id publisher health consecutiveFailures lastPoll { fetched new duplicate failed pending notModified error } failedEntries { origin error } } } }`);
    expect(errors).toBeUndefined();
    return Object.fromEntries(data!.sources.nodes.map((node) => [node.publisher, node]));
  };
  const entryCounts = async () =>
    Object.fromEntries(
      (await dataSource.query(`SELECT s.publisher || ':' || e.status AS k, count(*)::int AS n FROM source_entry e JOIN source s ON s.id = e.source_id GROUP BY 1`))
        .map((row: { k: string; n: number }) => [row.k, row.n]),
    );

  it('ingests every item exactly once, reports the failures, and counts right, with one worker killed mid-poll', async () => {
    for (const [publisher, path] of [['Big', '/big.rss'], ['Atom', '/news.atom'], ['Flaky', '/flaky.rss'], ['Mixed', '/mixed.rss']]) {
      const { errors } = await api.graphql(
        `mutation($i: AddSourceInput!) { addSource(input: $i) { id } }`,
        { i: { kind: 'FEED', location: `${feeds.url}${path}`, publisher, pollIntervalMinutes: 60 } },
      );
      expect(errors).toBeUndefined();
    }
    // Both workers poll the due sources at start and share the jobs.
    const doomed = await startWorker();
    await startWorker();

    // Mid-poll: the big feed is read and partly ingested.
    for (let started = Date.now(); ; await sleep(100)) {
      const counts = await entryCounts();
      if ((counts['Big:NEW'] ?? 0) >= 60) break;
      expect(Date.now() - started, 'the big feed is being ingested').toBeLessThan(180_000);
    }
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const atKill = await entryCounts();
    expect(atKill['Big:PENDING'], 'killed while entries were still waiting').toBeGreaterThan(0);

    // The flaky feed failed its first poll; it recovers, and an analyst polls it again.
    await expect.poll(async () => (await sources()).Flaky?.health, { timeout: 60_000, interval: 500 }).toBe('FAILING');
    expect((await sources()).Flaky.consecutiveFailures).toBeGreaterThanOrEqual(1);
    flakyFailing = false;
    const repoll = await api.graphql(`mutation($id: ID!) { pollSource(id: $id) { id } }`, { id: (await sources()).Flaky.id });
    expect(repoll.errors).toBeUndefined();

    // A third worker joins; the killed one's jobs are released to the living after DYAD_WORKER_DEAD_AFTER_S.
    await startWorker();
    await expect
      .poll(async () => Object.values(await sources()).every((s) => s.lastPoll && s.lastPoll.pending === 0 && !s.lastPoll.error), {
        timeout: 400_000,
        interval: 1000,
      })
      .toBe(true);

    const counts = await entryCounts();
    expect(counts).toEqual({ 'Big:NEW': BIG, 'Atom:NEW': 30, 'Flaky:NEW': 20, 'Mixed:NEW': 10, 'Mixed:FAILED': 3 });
    // Exactly once: one news item per entry, none without an entry, no URL twice.
    const [{ items, urls, unclaimed }] = await dataSource.query(`SELECT count(*)::int AS items, count(DISTINCT url)::int AS urls,
      count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM source_entry e WHERE e.news_item_id = n.id))::int AS unclaimed FROM news_item n`);
    expect({ items, urls, unclaimed }).toEqual({ items: BIG + 30 + 20 + 10, urls: BIG + 30 + 20 + 10, unclaimed: 0 });
    const [{ doubly }] = await dataSource.query(`SELECT count(*)::int AS doubly FROM (SELECT news_item_id FROM source_entry WHERE news_item_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d`);
    expect(doubly).toBe(0);

    const final = await sources();
    // One poll of the big feed, though its read takes seconds: the minute's schedule queues none beside a running poll.
    expect(final.Big.lastPoll).toMatchObject({ fetched: BIG, new: BIG, duplicate: 0, failed: 0, pending: 0 });
    expect(final.Atom.lastPoll).toMatchObject({ fetched: 30, new: 30 });
    expect(final.Flaky).toMatchObject({ health: 'OK', consecutiveFailures: 0 });
    expect(final.Flaky.lastPoll).toMatchObject({ fetched: 20, new: 20 });
    expect(final.Mixed.lastPoll).toMatchObject({ fetched: 13, new: 10, failed: 3 });
    expect(final.Mixed.failedEntries.map((e) => e.error).sort()).toEqual([
      expect.stringMatching(/no text/),
      expect.stringMatching(/no text/),
      expect.stringMatching(/publishedAt|1700|date/),
    ]);
    // Each item kept its own publication date.
    const dates: { url: string; published_at: string }[] = await dataSource.query(`SELECT url, published_at::text FROM news_item WHERE url LIKE '%/big/%'`);
    const byUrl = new Map(big.map((item) => [item.url, item.date]));
    expect(dates.every((row) => byUrl.get(row.url) === row.published_at)).toBe(true);

    // Polled again: the server answers 304 to the ETag, and nothing is ingested.
    const again = await api.graphql<{ pollSource: SourceNode }>(`mutation($id: ID!) { pollSource(id: $id) { lastPoll { notModified fetched } } }`, { id: final.Atom.id });
    expect(again.data!.pollSource.lastPoll).toMatchObject({ notModified: true, fetched: 0 });
    const failedJobs = await api.graphql<{ failedJobs: unknown[] }>(`{ failedJobs { id } }`);
    expect(failedJobs.data!.failedJobs).toEqual([]);

    // The subscriber on the API heard of every item and every new meeting the worker processes stored.
    const ids = async (table: string) => (await dataSource.query(`SELECT id::text FROM ${table} ORDER BY id`)).map((row: { id: string }) => row.id);
    const meetingIds = await ids('meeting');
    expect(meetingIds.length, 'the feeds report meetings').toBeGreaterThan(BIG / 2);
    await expect.poll(() => [...heard.createdMeetings].sort(), { timeout: 30_000, interval: 500 }).toEqual([...meetingIds].sort());
    await expect.poll(() => [...heard.newsItems].sort(), { timeout: 30_000, interval: 500 }).toEqual([...(await ids('news_item'))].sort());
    expect(heard.errors).toEqual([]);
  }, 600_000);
});
