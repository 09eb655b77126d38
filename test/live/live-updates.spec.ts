import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltServer, startBuiltServer } from '../support/built-server.js';
import { envWithout, spawnNode } from '../support/processes.js';

// Live updates across processes: the built server (API only) has a subscriber; a separate `dyad ingest`
// process stores a news item about a meeting; the server hears of it through PostgreSQL NOTIFY and the
// subscriber receives the meeting with its countries.
const CLI = 'bin/dyad.js';
const FIXTURE = 'test/fixtures/news/en-001-iran-kazakhstan-will-sign-trade-mou.txt';
const LATER_FIXTURE = 'test/fixtures/news/en-002-iran-russia-oil-gas-agreement-signed.txt';

interface Received<T> {
  next: Promise<T>;
  all: T[];
  errors: unknown[];
}

describe('GraphQL subscriptions fed by other processes', () => {
  let api: BuiltServer;
  let viewerKey: string;
  let viewerKeyId: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    api = await startBuiltServer({ env: { DYAD_WORKER: 'off' } });
    const created = await api.graphql<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      `mutation { createApiKey(label: "live viewer", role: VIEWER) { key apiKey { id } } }`,
    );
    viewerKey = created.data!.createApiKey.key;
    viewerKeyId = created.data!.createApiKey.apiKey.id;
  }, 180_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await api?.close();
  });

  const wsUrl = (query = '') => `${api.url.replace(/^http/, 'ws')}/graphql${query}`;

  const connect = (connectionParams?: Record<string, unknown>, url = wsUrl()) => {
    const closed: { code: number; reason: string }[] = [];
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams,
      retryAttempts: 0,
      lazy: true,
      on: {
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string | Buffer };
          closed.push({ code, reason: String(reason) });
        },
      },
    });
    clients.push(client);
    return { client, closed };
  };

  const subscribe = <T>(client: Client, query: string): Received<T> => {
    const all: T[] = [];
    const errors: unknown[] = [];
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const next = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
    next.catch(() => undefined); // a subscription nobody awaits may end with its socket
    client.subscribe<T>(
      { query },
      {
        next: (value) => {
          all.push(value.data as T);
          if (value.errors) errors.push(...value.errors);
          resolve(value.data as T);
        },
        error: (error) => {
          errors.push(error);
          reject(error);
        },
        complete: () => undefined,
      },
    );
    return { next, all, errors };
  };

  const refusal = async (connectionParams?: Record<string, unknown>, url?: string) => {
    const { client, closed } = connect(connectionParams, url);
    const received = subscribe(client, 'subscription { newsItemAdded { id } }');
    const error = await received.next.then(
      () => null,
      (failure: unknown) => failure,
    );
    return { error, closed };
  };

  it('refuses a missing, unknown or revoked key with the reason, and a bad key on the upgrade request with 401', async () => {
    const missing = await refusal();
    expect(missing.closed).toEqual([{ code: 4403, reason: expect.stringContaining('missing API key') }]);

    const unknown = await refusal({ authorization: 'Bearer not-a-key-of-this-server' });
    expect(unknown.closed).toEqual([{ code: 4403, reason: 'unknown or revoked API key' }]);

    const made = await api.graphql<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      `mutation { createApiKey(label: "to revoke", role: VIEWER) { key apiKey { id } } }`,
    );
    await api.graphql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: made.data!.createApiKey.apiKey.id });
    const revoked = await refusal({ authorization: `Bearer ${made.data!.createApiKey.key}` });
    expect(revoked.closed).toEqual([{ code: 4403, reason: 'unknown or revoked API key' }]);

    const upgrade = await refusal(undefined, wsUrl('?key=not-a-key-of-this-server'));
    expect(String((upgrade.error as { message?: string })?.message ?? upgrade.error)).toMatch(/401/);
  });

  it('applies the query limits to a subscription', async () => {
    const { client } = connect({ authorization: `Bearer ${viewerKey}` });
    const tooDeep = subscribe(client, `subscription { meetingChanged { meeting { sources { meetings { sources { meetings { sources {
      meetings { sources { meetings { id } } } } } } } } } } }`);
    const error = (await tooDeep.next.catch((failure: unknown) => failure)) as { message: string; extensions: Record<string, unknown> }[];
    expect(error[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'depth' });
  });

  it("delivers a meeting another process ingests, with its countries, to a VIEWER's matching subscription only, until the key is revoked", async () => {
    const { client, closed } = connect({ authorization: `Bearer ${viewerKey}` });
    type Change = { meetingChanged: { created: boolean; meeting: { id: string; countries: { code: string }[]; sources: { title: string }[] } } };
    const selection = '{ created meeting { id countries { code } sources { title } } }';
    const pair = subscribe<Change>(client, `subscription { meetingChanged(countries: ["KZ", "IR"]) ${selection} }`);
    const other = subscribe<Change>(client, `subscription { meetingChanged(countries: ["RU"]) ${selection} }`);
    const items = subscribe<{ newsItemAdded: { title: string } }>(client, 'subscription { newsItemAdded { title } }');
    // the subscriptions are in place once the socket is (the upgrade-key variant: ?key=)
    const byQueryKey = connect(undefined, wsUrl(`?key=${encodeURIComponent(viewerKey)}`));
    const queryKeyItems = subscribe<{ newsItemAdded: { title: string } }>(byQueryKey.client, 'subscription { newsItemAdded { title } }');
    await new Promise((resolve) => setTimeout(resolve, 500));

    const ingest = spawnNode([CLI, 'ingest', FIXTURE], envWithout(['NODE_ENV'], { DATABASE_URL: api.database!.url }));
    expect(await ingest.exited).toBe(0);

    const change = await pair.next;
    expect(change.meetingChanged.created).toBe(true);
    expect(change.meetingChanged.meeting.countries.map((country) => country.code).sort()).toEqual(['IR', 'KZ']);
    expect(change.meetingChanged.meeting.sources).toEqual([{ title: 'Iran, Kazakhstan to sign trade facilitation MoU next month' }]);
    expect((await items.next).newsItemAdded.title).toBe('Iran, Kazakhstan to sign trade facilitation MoU next month');
    expect((await queryKeyItems.next).newsItemAdded.title).toBe('Iran, Kazakhstan to sign trade facilitation MoU next month');
    // one commit, one announcement per meeting; nothing for a subscription of other countries
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(pair.all).toHaveLength(1);
    expect(other.all).toEqual([]);
    expect([...pair.errors, ...items.errors]).toEqual([]);

    // revoked: the next event closes the connection instead of reaching it
    await api.graphql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: viewerKeyId });
    const later = spawnNode([CLI, 'ingest', LATER_FIXTURE], envWithout(['NODE_ENV'], { DATABASE_URL: api.database!.url }));
    expect(await later.exited).toBe(0);
    await expect.poll(() => closed, { timeout: 10_000 }).toEqual([{ code: 4403, reason: 'unknown or revoked API key' }]);
    expect(items.all).toHaveLength(1);
  }, 120_000);

  it('listens again after its connection is cut, and says so in the log', async () => {
    const db = await api.database!.connect();
    const listeners = async () =>
      (await db.query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'dyad live' AND datname = current_database()`)) as { pid: number }[];
    // the listener may be between connections when the test starts (a busy machine): wait for it first
    await expect.poll(async () => (await listeners()).length, { timeout: 15_000, interval: 200 }).toBe(1);
    const [before] = await listeners();
    await db.query('SELECT pg_terminate_backend($1)', [before.pid]);
    // one listener again, on a new connection (the cut one can still be listed for a moment while it ends, and then
    // none until the new one connects)
    const reconnected = async () => {
      const pids = (await listeners()).map((row) => row.pid);
      return pids.length === 1 && pids[0] !== before.pid;
    };
    await expect.poll(reconnected, { timeout: 15_000, interval: 200 }).toBe(true);
    await expect.poll(() => api.process.stdout() + api.process.stderr(), { timeout: 5_000 }).toMatch(/listening for live updates again/);
    expect(api.process.stdout() + api.process.stderr()).toMatch(/live updates connection lost/);

    const { client } = connect({ authorization: `Bearer ${api.adminKey}` });
    const items = subscribe<{ newsItemAdded: { title: string } }>(client, 'subscription { newsItemAdded { title } }');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // any writer counts, a plain SQL session too
    await db.query(
      `INSERT INTO news_item (title, body, search_key, language, content_hash, extractor_version)
       VALUES ('Written by psql', 'text', 'text', 'en', repeat('b', 64), 'test')`,
    );
    expect((await items.next).newsItemAdded.title).toBe('Written by psql');
  }, 60_000);
});
