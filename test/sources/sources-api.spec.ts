import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FETCH_FAILED, JobWorker, SourcePoller } from '@dyad/ingestion';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { atom, type FeedServer, jsonFeed, jsonLines, newsItem, rss, startFeedServer } from '../support/feed-server.js';

const SOURCE_FIELDS = `id kind location publisher language publisherCountry pollIntervalMinutes state health consecutiveFailures
  nextPollAt lastDeliveredAt version lastPoll { at fetched new duplicate failed pending notModified error }`;

interface SourceNode {
  id: string;
  kind: string;
  location: string;
  state: string;
  health: string;
  consecutiveFailures: number;
  nextPollAt: string | null;
  lastDeliveredAt: string | null;
  version: number;
  pollIntervalMinutes: number;
  lastPoll: { fetched: number; new: number; duplicate: number; failed: number; pending: number; notModified: boolean; error: string | null } | null;
}

describe('watched sources over GraphQL', () => {
  let api: TestApi;
  let feeds: FeedServer;
  let folders: string;
  let analystKey: string;
  let viewerKey: string;
  let worker: JobWorker;

  beforeAll(async () => {
    feeds = await startFeedServer('127.0.0.1');
    folders = await mkdtemp(join(tmpdir(), 'dyad-folders-'));
    // 127.0.0.1 stands for an intranet feed host the operator allowed; 127.0.0.3 is not allowed.
    api = await startTestApi({ env: { DYAD_FETCH_ALLOW_PRIVATE: '127.0.0.1/32', DYAD_SOURCE_FOLDERS: folders, DYAD_WORKER: 'off' } });
    // A worker that runs the ingestion jobs polls queue, but schedules no polls of its own: each test polls when it says.
    const dataSource = await api.database.connect();
    worker = await JobWorker.start({
      dataSource, connectionString: api.database.url, poller: api.server.app.get(SourcePoller), concurrency: 2, schedule: false,
    });
    const key = async (role: string) =>
      (await api.graphql<{ createApiKey: { key: string } }>(`mutation { createApiKey(role: ${role}, label: "t") { key } }`)).data!.createApiKey.key;
    analystKey = await key('ANALYST');
    viewerKey = await key('VIEWER');
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await feeds?.close();
    if (folders) await rm(folders, { recursive: true, force: true });
  });

  const add = (input: Record<string, unknown>, key = analystKey) =>
    api.graphql<{ addSource: SourceNode }>(`mutation($i: AddSourceInput!) { addSource(input: $i) { ${SOURCE_FIELDS} } }`, { i: input }, key);
  // Polls now, then waits for the workers to ingest what the poll read.
  const poll = async (id: string, key = analystKey) => {
    const result = await api.graphql<{ pollSource: SourceNode }>(`mutation($id: ID!) { pollSource(id: $id) { ${SOURCE_FIELDS} } }`, { id }, key);
    expect(result.errors).toBeUndefined();
    for (let source = result.data!.pollSource; ; ) {
      if (!source.lastPoll?.pending) return source;
      await new Promise((resolve) => setTimeout(resolve, 200));
      source = (await api.graphql<{ source: SourceNode }>(`query($id: ID!) { source(id: $id) { ${SOURCE_FIELDS} } }`, { id })).data!.source;
    }
  };
  const newsItemsOf = async (publisher: string) =>
    (
      await api.graphql<{ newsItems: { totalCount: number; nodes: { url: string | null; publishedAt: string | null; publisher: string }[] } }>(
        `query($p: String) { newsItems(first: 100, filter: { publisher: $p }) { totalCount nodes { url publishedAt publisher } } }`,
        { p: publisher },
      )
    ).data!.newsItems;
  const sourceCount = async () => (await api.graphql<{ sources: { totalCount: number } }>('{ sources { totalCount } }')).data!.sources.totalCount;

  it('refuses bad sources with a specific error and stores nothing', async () => {
    const before = await sourceCount();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ kind: 'FEED', location: 'not a url', publisher: 'X' }, 'BAD_USER_INPUT', /location is not a URL/],
      [{ kind: 'FEED', location: 'ftp://example.org/feed', publisher: 'X' }, 'BAD_USER_INPUT', /http or https/],
      [{ kind: 'FEED', location: 'https://user:pw@example.org/feed', publisher: 'X' }, 'BAD_USER_INPUT', /user name or password/],
      [{ kind: 'FEED', location: 'https://example.org/feed', publisher: '  ' }, 'BAD_USER_INPUT', /publisher is empty/],
      [{ kind: 'FEED', location: 'https://example.org/feed', publisher: 'X', language: 'de' }, 'BAD_USER_INPUT', /language must be one of fa, en, ru/],
      [{ kind: 'FEED', location: 'https://example.org/feed', publisher: 'X', publisherCountry: 'XX' }, 'BAD_USER_INPUT', /not ISO 3166-1 countries: XX/],
      [{ kind: 'FEED', location: 'https://example.org/feed', publisher: 'X', publisherCountry: 'ir' }, 'BAD_USER_INPUT', /upper case/],
      [{ kind: 'FEED', location: 'https://example.org/feed', publisher: 'X', pollIntervalMinutes: 0 }, 'BAD_USER_INPUT', /pollIntervalMinutes must be a whole number from 1 to 10080/],
      [{ kind: 'FOLDER', location: folders, publisher: 'X' }, 'FORBIDDEN', /needs the ADMIN role/],
    ];
    for (const [input, code, message] of cases) {
      const { errors } = await add(input);
      expect(errors?.[0].extensions?.code, JSON.stringify(input)).toBe(code);
      expect(errors?.[0].message).toMatch(message);
    }
    const asViewer = await add({ kind: 'FEED', location: 'https://example.org/feed', publisher: 'X' }, viewerKey);
    expect(asViewer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outside = await add({ kind: 'FOLDER', location: tmpdir(), publisher: 'X' }, api.adminKey);
    expect(outside.errors?.[0].message).toMatch(/outside the folders allowed by DYAD_SOURCE_FOLDERS/);
    expect(await sourceCount()).toBe(before);
  });

  it('polls an RSS feed with ETag: every item once with its own date, then 304s, then only what is new', async () => {
    let items = [newsItem(1, 'rss'), newsItem(2, 'rss'), newsItem(40, 'rss')];
    feeds.routes.set('/rss.xml', { body: () => ({ type: 'application/rss+xml', body: rss(items) }), etag: true });
    const { data, errors } = await add({ kind: 'FEED', location: `${feeds.url}/rss.xml`, publisher: 'RSS Agency', publisherCountry: 'IR' });
    expect(errors).toBeUndefined();
    expect(data!.addSource).toMatchObject({ kind: 'FEED', state: 'ACTIVE', health: 'NEW', lastPoll: null, pollIntervalMinutes: 60 });
    const id = data!.addSource.id;

    const first = await poll(id);
    expect(first.lastPoll).toMatchObject({ fetched: 3, new: 3, duplicate: 0, failed: 0, pending: 0, notModified: false, error: null });
    expect(first.health).toBe('OK');
    expect(first.lastDeliveredAt).not.toBeNull();
    expect(new Date(first.nextPollAt!).getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    const stored = await newsItemsOf('RSS Agency');
    expect(stored.nodes.map((n) => [n.url, n.publishedAt]).sort()).toEqual(items.map((i) => [i.url, i.date]).sort());

    const second = await poll(id);
    expect(second.lastPoll).toMatchObject({ fetched: 0, new: 0, notModified: true });
    expect(feeds.requests.filter((r) => r.path === '/rss.xml').at(-1)).toMatchObject({ status: 304 });
    expect(feeds.requests.filter((r) => r.path === '/rss.xml').at(-1)!.headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/);

    items = [newsItem(3, 'rss'), ...items];
    const third = await poll(id);
    expect(third.lastPoll).toMatchObject({ fetched: 4, new: 1, duplicate: 3, failed: 0 });
    expect((await newsItemsOf('RSS Agency')).totalCount).toBe(4);
  });

  it('reads Atom (Last-Modified), JSON Feed and JSON Lines, and never stores an item two sources share twice', async () => {
    const shared = newsItem(7, 'shared');
    feeds.routes.set('/atom', { body: () => ({ type: 'application/atom+xml', body: atom([newsItem(1, 'atom'), shared]) }), lastModified: true });
    feeds.routes.set('/feed.json', { body: () => ({ type: 'application/feed+json', body: jsonFeed([newsItem(2, 'json'), shared]) }) });
    feeds.routes.set('/items', { body: () => ({ type: 'text/plain', body: jsonLines([newsItem(3, 'jsonl'), shared]) }) });

    const atomSource = (await add({ kind: 'FEED', location: `${feeds.url}/atom`, publisher: 'Atom Agency' })).data!.addSource;
    expect((await poll(atomSource.id)).lastPoll).toMatchObject({ fetched: 2, new: 2 });
    expect((await poll(atomSource.id)).lastPoll).toMatchObject({ notModified: true });
    expect(feeds.requests.filter((r) => r.path === '/atom').at(-1)!.headers['if-modified-since']).toMatch(/GMT$/);

    const json = (await add({ kind: 'FEED', location: `${feeds.url}/feed.json`, publisher: 'JSON Agency' })).data!.addSource;
    expect((await poll(json.id)).lastPoll).toMatchObject({ fetched: 2, new: 1, duplicate: 1 });
    const lines = (await add({ kind: 'JSON_LINES', location: `${feeds.url}/items`, publisher: 'Lines Agency' })).data!.addSource;
    expect((await poll(lines.id)).lastPoll).toMatchObject({ fetched: 2, new: 1, duplicate: 1 });

    expect((await newsItemsOf('JSON Agency')).nodes.map((n) => n.publishedAt)).toEqual([newsItem(2, 'json').date]);
    expect((await newsItemsOf('Lines Agency')).nodes.map((n) => n.publishedAt)).toEqual([newsItem(3, 'jsonl').date]);
    const all = await api.graphql<{ newsItems: { totalCount: number } }>(`{ newsItems(filter: { text: "report number shared-7" }) { totalCount } }`);
    expect(all.data!.newsItems.totalCount).toBe(1);
  });

  it('backs off a failing feed and recovers', async () => {
    let failing = true;
    feeds.routes.set('/flaky', { body: () => (failing ? 503 : { type: 'application/rss+xml', body: rss([newsItem(5, 'flaky')]) }) });
    const source = (await add({ kind: 'FEED', location: `${feeds.url}/flaky`, publisher: 'Flaky', pollIntervalMinutes: 10 })).data!.addSource;

    const once = await poll(source.id);
    expect(once).toMatchObject({ health: 'FAILING', consecutiveFailures: 1 });
    expect(once.lastPoll!.error).toBe(FETCH_FAILED);
    const wait1 = new Date(once.nextPollAt!).getTime() - Date.now();
    const twice = await poll(source.id);
    expect(twice.consecutiveFailures).toBe(2);
    const wait2 = new Date(twice.nextPollAt!).getTime() - Date.now();
    expect(wait1).toBeGreaterThan(9 * 60_000);
    expect(wait2).toBeGreaterThan(19 * 60_000); // doubled

    failing = false;
    const recovered = await poll(source.id);
    expect(recovered).toMatchObject({ health: 'OK', consecutiveFailures: 0 });
    expect(recovered.lastPoll).toMatchObject({ new: 1, error: null });
  });

  it('reports bad entries with their errors and ingests the good ones', async () => {
    const good = newsItem(9, 'mixed');
    const body = rss([good]).replace(
      '</channel>',
      `<item><title>No text</title><link>https://news.example.org/empty</link></item>
       <item><title>Bad date</title><link>https://news.example.org/baddate</link><description>${'Iran and Iraq met. '.repeat(3)}</description><pubDate>1 Jan 1066 10:00:00 GMT</pubDate></item>
       </channel>`,
    );
    feeds.routes.set('/mixed', { body: () => ({ type: 'application/rss+xml', body }) });
    const source = (await add({ kind: 'FEED', location: `${feeds.url}/mixed`, publisher: 'Mixed' })).data!.addSource;
    const polled = await poll(source.id);
    expect(polled.lastPoll).toMatchObject({ fetched: 3, new: 1, failed: 2 });
    const { data } = await api.graphql<{ source: { failedEntries: { origin: string; error: string }[] } }>(
      `query($id: ID!) { source(id: $id) { failedEntries { origin error } } }`,
      { id: source.id },
    );
    const failed = data!.source.failedEntries.sort((a, b) => a.origin.localeCompare(b.origin));
    expect(failed).toEqual([
      { origin: `${feeds.url}/mixed#2`, error: expect.stringMatching(/no text/) },
      { origin: `${feeds.url}/mixed#3`, error: expect.stringMatching(/publishedAt/) },
    ]);
    // Known bad entries are not reported again by the next poll.
    expect((await poll(source.id)).lastPoll).toMatchObject({ fetched: 3, new: 0, failed: 0, duplicate: 3 });
  });

  it('fetches only through the outbound-request guard: an address the operator did not allow is refused', async () => {
    const other = await startFeedServer('127.0.0.3');
    other.routes.set('/feed', { body: () => ({ type: 'application/rss+xml', body: rss([newsItem(1, 'private')]) }) });
    try {
      const source = (await add({ kind: 'FEED', location: `${other.url}/feed`, publisher: 'Private' })).data!.addSource;
      const polled = await poll(source.id);
      expect(polled.lastPoll!.error).toBe(FETCH_FAILED);
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('lets an ADMIN watch a folder under DYAD_SOURCE_FOLDERS', async () => {
    const dir = join(folders, 'drop');
    await mkdir(dir);
    await writeFile(join(dir, 'a.jsonl'), jsonLines([newsItem(11, 'folder')]));
    const added = await add({ kind: 'FOLDER', location: dir, publisher: 'Drop folder' }, api.adminKey);
    expect(added.errors).toBeUndefined();
    const id = added.data!.addSource.id;
    for (const mutation of ['pauseSource', 'pollSource']) {
      const asAnalyst = await api.graphql(`mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id }, analystKey);
      expect(asAnalyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await poll(id, api.adminKey)).lastPoll).toMatchObject({ new: 1 });
    await writeFile(join(dir, 'b.txt'), newsItem(12, 'folder').text);
    expect((await poll(id, api.adminKey)).lastPoll).toMatchObject({ fetched: 2, new: 1, duplicate: 1 });
  });

  it('updates with a version check, pauses, resumes and removes, each audited', async () => {
    const source = (await add({ kind: 'FEED', location: 'https://example.org/edit.xml', publisher: 'Edit me' })).data!.addSource;
    const stale = await api.graphql(
      `mutation($id: ID!) { updateSource(id: $id, expectedVersion: 99, input: { publisher: "New" }) { id } }`, { id: source.id }, analystKey,
    );
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const updated = await api.graphql<{ updateSource: SourceNode & { publisher: string } }>(
      `mutation($id: ID!, $v: Int!) { updateSource(id: $id, expectedVersion: $v, input: { publisher: "New", pollIntervalMinutes: 15, language: "fa" }) { publisher pollIntervalMinutes language version } }`,
      { id: source.id, v: source.version },
      analystKey,
    );
    expect(updated.data!.updateSource).toMatchObject({ publisher: 'New', pollIntervalMinutes: 15, language: 'fa', version: source.version + 1 });
    const dup = await add({ kind: 'FEED', location: 'https://example.org/edit.xml', publisher: 'Again' });
    expect(dup.errors?.[0].extensions?.code).toBe('CONFLICT');

    const paused = await api.graphql<{ pauseSource: SourceNode }>(`mutation($id: ID!) { pauseSource(id: $id) { state health nextPollAt } }`, { id: source.id }, analystKey);
    expect(paused.data!.pauseSource).toEqual({ state: 'PAUSED', health: 'PAUSED', nextPollAt: null });
    const listed = await api.graphql<{ sources: { nodes: { id: string }[] } }>(`{ sources(filter: { states: [PAUSED] }) { nodes { id } } }`, {}, viewerKey);
    expect(listed.data!.sources.nodes.map((n) => n.id)).toEqual([source.id]);
    const resumed = await api.graphql<{ resumeSource: SourceNode }>(`mutation($id: ID!) { resumeSource(id: $id) { state } }`, { id: source.id }, analystKey);
    expect(resumed.data!.resumeSource.state).toBe('ACTIVE');
    const removed = await api.graphql<{ removeSource: string }>(`mutation($id: ID!) { removeSource(id: $id) }`, { id: source.id }, analystKey);
    expect(removed.data!.removeSource).toBe(source.id);
    const gone = await api.graphql(`query($id: ID!) { source(id: $id) { id } }`, { id: source.id });
    expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const log = await api.graphql<{ auditLog: { nodes: { action: string; entityId: string }[] } }>(`{ auditLog(first: 100) { nodes { action entityId } } }`);
    const actions = log.data!.auditLog.nodes.filter((n) => n.entityId === source.id).map((n) => n.action);
    expect(actions.sort()).toEqual(['source.add', 'source.pause', 'source.remove', 'source.resume', 'source.update']);
  });

  it('keeps a job that failed its last try, with its error, for an ADMIN to see and retry', async () => {
    const dataSource = await api.database.connect();
    // An ingestion job for a source that does not exist, allowed one try: it fails for good.
    await dataSource.query(
      `SELECT graphile_worker.add_job('dyad_ingest_entries', json_build_object('sourceId', 'not-a-uuid', 'keys', json_build_array('k')), max_attempts := 1)`,
    );
    const failedJobs = async (key = api.adminKey) =>
      api.graphql<{ failedJobs: { id: string; task: string; attempts: number; maxAttempts: number; lastError: string; payload: { sourceId: string }; updatedAt: string }[] }>(
        `{ failedJobs { id task attempts maxAttempts lastError payload updatedAt } }`, {}, key,
      );
    await expect.poll(async () => (await failedJobs()).data!.failedJobs.length, { timeout: 20_000 }).toBe(1);
    const [job] = (await failedJobs()).data!.failedJobs;
    expect(job).toMatchObject({ task: 'dyad_ingest_entries', attempts: 1, maxAttempts: 1, payload: { sourceId: 'not-a-uuid' } });
    expect(job.lastError).toMatch(/uuid/);
    expect((await failedJobs(analystKey)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const retried = await api.graphql<{ retryJob: string }>(`mutation($id: ID!) { retryJob(id: $id) }`, { id: job.id });
    expect(retried.data!.retryJob).toBe(job.id);
    // It runs again (and, its source still missing, fails again: later than before).
    await expect
      .poll(async () => (await failedJobs()).data!.failedJobs.filter((j) => j.id === job.id && j.updatedAt > job.updatedAt).length, { timeout: 20_000 })
      .toBe(1);
    const unknown = await api.graphql(`mutation { retryJob(id: "999999") }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const bad = await api.graphql(`mutation { retryJob(id: "x; drop") }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
