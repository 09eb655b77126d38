import { type ReplicaStatus, withClient } from '@dyad/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphqlResponse, startTestApi, type TestApi } from '../support/api.js';
import { testDatabaseAt } from '../support/database.js';
import { fixture } from '../support/ingestion.js';
import { machinePostgresBin, type ReplicatedCluster, startReplicatedCluster } from '../support/replica-cluster.js';

const BIN = machinePostgresBin();
const MAX_LAG_S = 15;
const READ_AFTER_WRITE_MS = 2000;

// What a dashboard reads: a list, relations through DataLoader batches (sources, participants, parties), a count.
const DASHBOARD_READ = `{
  meetings(first: 20) { totalCount nodes { id countries { code } sources { id } participants { name } } }
  newsItems { totalCount }
}`;
// What reads a meeting's sources in order (the list's page, and the DataLoader batch behind `sources`; only a read runs it), and ingestion's write.
const SOURCES_BATCH = 'ORDER BY ms.published_at NULLS LAST, ms.ingested_at, ms.news_item_id';
const NEWS_ITEM_INSERT = 'INSERT INTO news_item';

// Two streaming replicas made with pg_basebackup serve the read-only GraphQL queries; the primary takes every write.
// Where each statement ran is read from each server's own pg_stat_statements.
describe.skipIf(!BIN)('read replicas: hot standbys from pg_basebackup serve the queries', () => {
  let cluster: ReplicatedCluster;
  let api: TestApi;
  let viewerKey: string;
  let analystKey: string;
  const log: string[] = [];
  let adminWroteAt = 0;

  const gql = <T = Record<string, unknown>>(key: string, query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>> =>
    api.graphql<T>(query, variables, key);
  const newsCount = async (key: string) => {
    const result = await gql<{ newsItems: { totalCount: number } }>(key, '{ newsItems { totalCount } }');
    expect(result.errors).toBeUndefined();
    return result.data!.newsItems.totalCount;
  };
  const ingest = async (text: string) => {
    const result = await gql<{ ingestNewsItem: { status: string } }>(analystKey, 'mutation($text: String!) { ingestNewsItem(input: {text: $text}) { status } }', { text });
    expect(result.errors).toBeUndefined();
    expect(result.data!.ingestNewsItem.status).toBe('NEW');
  };
  const health = async (key?: string) => {
    const response = await fetch(`${api.url}/health`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    return { status: response.status, body: (await response.json()) as { status: string; database?: string; replicas?: ReplicaStatus[] } };
  };
  const replicaReports = async () => (await health(api.adminKey)).body.replicas!;
  const onStandbys = (sql: string) => Promise.all(cluster.standbys.map((standby) => withClient(standby.url, (client) => client.query(sql))));
  // Calls of statements whose text contains `fragment`, as the server that ran them counts them.
  const calls = (url: string, fragment: string) =>
    withClient(url, async (client) => {
      const { rows } = await client.query(`SELECT coalesce(sum(calls), 0)::int AS calls FROM pg_stat_statements WHERE strpos(query, $1) > 0`, [fragment]);
      return rows[0].calls as number;
    });
  const standbyCalls = (fragment: string) => Promise.all(cluster.standbys.map((standby) => calls(standby.url, fragment)));
  const resetStatistics = () =>
    Promise.all([cluster.primaryUrl, ...cluster.standbys.map((standby) => standby.url)].map((url) =>
      withClient(url, (client) => client.query('SELECT pg_stat_statements_reset()')),
    ));
  const dashboardReads = async (times: number) => {
    for (let i = 0; i < times; i++) {
      const read = await gql<{ meetings: { totalCount: number; nodes: { sources: unknown[] }[] } }>(viewerKey, DASHBOARD_READ);
      expect(read.errors).toBeUndefined();
      expect(read.data!.meetings.totalCount).toBeGreaterThan(0);
      expect(read.data!.meetings.nodes[0].sources).toHaveLength(1);
    }
  };
  const until = async <T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000, everyMs = 250): Promise<T> => {
    const started = Date.now();
    for (;;) {
      const value = await probe();
      if (done(value)) return value;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  };
  // Median milliseconds of `times` dashboard reads by the viewer, one after another (for the figures printed).
  const medianReadMs = async (times: number) => {
    const durations: number[] = [];
    for (let i = 0; i < times; i++) {
      const started = performance.now();
      expect((await gql(viewerKey, DASHBOARD_READ)).errors).toBeUndefined();
      durations.push(performance.now() - started);
    }
    return durations.sort((a, b) => a - b)[Math.floor(times / 2)];
  };
  const figures: string[] = [];

  beforeAll(async () => {
    cluster = await startReplicatedCluster(BIN!, 2);
    // migrations run on the primary and reach the standby by streaming
    api = await startTestApi({
      database: testDatabaseAt(cluster.primaryUrl, async () => undefined),
      env: {
        // a password in the URL (trust auth ignores it) that /health must not show
        DATABASE_REPLICA_URLS: [cluster.standbys[0].url.replace('postgres@', 'postgres:replica-secret@'), cluster.standbys[1].url].join(','),
        DYAD_REPLICA_MAX_LAG_S: String(MAX_LAG_S),
        DYAD_READ_AFTER_WRITE_MS: String(READ_AFTER_WRITE_MS),
      },
      log: (line) => log.push(line),
    });
    const key = async (role: string) =>
      (await gql<{ createApiKey: { key: string } }>(api.adminKey, `mutation { createApiKey(role: ${role}, label: "${role}") { key } }`)).data!.createApiKey.key;
    viewerKey = await key('VIEWER');
    analystKey = await key('ANALYST');
    adminWroteAt = Date.now();
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await cluster?.destroy();
  }, 60_000);

  it('serves read-only queries, DataLoader batches included, from the replicas in turn; writes run on the primary', async () => {
    expect(log).toContain('read replicas: 2 of 2 in use');
    await resetStatistics();
    await ingest(fixture('news/fa-000-seed-iran-kazakhstan-cinema.txt'));
    const wroteAt = performance.now();
    // what the primary stored becomes visible through queries the replica serves
    await until('the viewer to see the ingested item', () => newsCount(viewerKey), (count) => count === 1, 10_000, 5);
    figures.push(`visible through the replica ${Math.round(performance.now() - wroteAt)} ms after the mutation returned`);
    expect(await calls(cluster.primaryUrl, NEWS_ITEM_INSERT)).toBe(1);
    expect(await standbyCalls(NEWS_ITEM_INSERT)).toEqual([0, 0]);
    await resetStatistics();
    await dashboardReads(6);
    // round-robin: three requests each, every statement of a request on its replica
    expect(await standbyCalls(SOURCES_BATCH)).toEqual([3, 3]);
    expect(await calls(cluster.primaryUrl, SOURCES_BATCH)).toBe(0);
    expect(Math.min(...(await standbyCalls('FROM news_item')))).toBeGreaterThanOrEqual(3);
    expect(await calls(cluster.primaryUrl, 'FROM news_item')).toBe(0);
    figures.push(`dashboard read median ${(await medianReadMs(21)).toFixed(1)} ms on the replica`);
  });

  it('answers every query field that needs no argument from the replicas, without an error (none of them writes)', async () => {
    type TypeRef = { kind: string; ofType: TypeRef | null };
    type Field = { name: string; args: { type: { kind: string } }[]; type: TypeRef };
    const schema = await gql<{ __schema: { queryType: { fields: Field[] } } }>(
      api.adminKey, '{ __schema { queryType { fields { name args { type { kind } } type { kind ofType { kind ofType { kind ofType { kind } } } } } } } }',
    );
    const leaf = (type: TypeRef): boolean => (type.ofType ? leaf(type.ofType) : type.kind === 'SCALAR' || type.kind === 'ENUM');
    const fields = schema.data!.__schema.queryType.fields.filter((field) => field.args.every((arg) => arg.type.kind !== 'NON_NULL'));
    expect(fields.length).toBeGreaterThan(10);
    // the admin key created the other keys: past its read-after-write window, its queries read the replica
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, adminWroteAt + READ_AFTER_WRITE_MS + 100 - Date.now())));
    await resetStatistics();
    for (const field of fields) {
      const result = await gql(api.adminKey, `{ ${field.name}${leaf(field.type) ? '' : ' { __typename }'} }`);
      expect(result.errors, field.name).toBeUndefined();
    }
    // reads of Dyad's tables (not the checks' pg_… functions, not the key lookup of authentication)
    const reads = (url: string) =>
      withClient(url, async (client) => {
        const { rows } = await client.query(
          `SELECT coalesce(sum(calls), 0)::int AS calls FROM pg_stat_statements WHERE query ~* '^\\s*(WITH|SELECT)' AND query !~ 'pg_|api_key'`,
        );
        return rows[0].calls as number;
      });
    const [first, second] = await Promise.all(cluster.standbys.map((standby) => reads(standby.url)));
    expect(first + second).toBeGreaterThanOrEqual(fields.length - 2);
    expect(await reads(cluster.primaryUrl)).toBe(0);
  });

  it('/health reports each replica, its lag and whether it is in use, without its password', async () => {
    const open = await health();
    expect(open).toEqual({ status: 200, body: { status: 'ok' } });
    // idle for longer than a check interval: an idle primary is not lag
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const detailed = await health(api.adminKey);
    expect(detailed.status).toBe(200);
    expect(detailed.body).toMatchObject({ status: 'ok', database: 'up' });
    expect(detailed.body.replicas).toEqual(
      cluster.standbys.map((standby) => ({
        url: `postgres://postgres@127.0.0.1:${standby.port}/dyad`, reachable: true, lagSeconds: 0, lagBytes: 0, inUse: true, checkedAt: expect.any(String),
      })),
    );
    expect(JSON.stringify(detailed.body)).not.toContain('replica-secret');
  });

  it('a read right after one’s own write reads the primary, other keys read the replicas; past the window the writer reads them too', async () => {
    const before = await newsCount(viewerKey);
    // the standbys stop applying WAL: what they serve from now on is visibly older than the primary
    await onStandbys('SELECT pg_wal_replay_pause()');
    await ingest(fixture('news/en-002-iran-russia-oil-gas-agreement-signed.txt'));
    const wroteAt = Date.now();
    await resetStatistics();
    expect(await newsCount(analystKey)).toBe(before + 1);
    expect(Date.now() - wroteAt).toBeLessThan(READ_AFTER_WRITE_MS);
    expect(await calls(cluster.primaryUrl, 'FROM news_item')).toBeGreaterThan(0);
    expect(await standbyCalls('FROM news_item')).toEqual([0, 0]);
    expect(await newsCount(viewerKey)).toBe(before);

    await new Promise((resolve) => setTimeout(resolve, READ_AFTER_WRITE_MS + 200 - (Date.now() - wroteAt)));
    expect(await newsCount(analystKey)).toBe(before);
  });

  it(`skips replicas more than DYAD_REPLICA_MAX_LAG_S behind, and uses them again once they caught up`, async () => {
    // replay is still paused: the lag grows past the limit
    const skipped = await until('the replicas to be skipped', replicaReports, (replicas) => replicas.every((replica) => !replica.inUse), (MAX_LAG_S + 15) * 1000);
    for (const replica of skipped) {
      expect(replica).toMatchObject({ reachable: true, inUse: false, reason: expect.stringMatching(/^lag .* is over DYAD_REPLICA_MAX_LAG_S/) });
      expect(replica.lagSeconds).toBeGreaterThan(MAX_LAG_S);
      expect(replica.lagBytes).toBeGreaterThan(0);
    }
    const current = await newsCount(analystKey);
    expect(await newsCount(viewerKey)).toBe(current);

    await onStandbys('SELECT pg_wal_replay_resume()');
    const back = await until('the replicas to be back in use', replicaReports, (replicas) => replicas.every((replica) => replica.inUse), 15_000);
    for (const replica of back) expect(replica).toMatchObject({ reachable: true, lagSeconds: 0, lagBytes: 0 });
    await resetStatistics();
    expect(await newsCount(viewerKey)).toBe(current);
    expect(await newsCount(viewerKey)).toBe(current);
    expect(await standbyCalls('FROM news_item')).toEqual([1, 1]);
    expect(await calls(cluster.primaryUrl, 'FROM news_item')).toBe(0);
  });

  it('reads go to the replica left when one stops, and to the primary when both have, without errors', async () => {
    const current = await newsCount(analystKey);
    await cluster.standbys[1].stop();
    const reset = (url: string) => withClient(url, (client) => client.query('SELECT pg_stat_statements_reset()'));
    await Promise.all([reset(cluster.primaryUrl), reset(cluster.standbys[0].url)]);
    await dashboardReads(4);
    const left = await calls(cluster.standbys[0].url, SOURCES_BATCH);
    expect(left).toBeGreaterThanOrEqual(2);
    expect(left + (await calls(cluster.primaryUrl, SOURCES_BATCH))).toBe(4);
    expect((await replicaReports())[1]).toMatchObject({ reachable: false, inUse: false });

    await cluster.standbys[0].stop();
    await reset(cluster.primaryUrl);
    await dashboardReads(5);
    expect(await newsCount(viewerKey)).toBe(current);
    expect(await calls(cluster.primaryUrl, SOURCES_BATCH)).toBe(5);
    figures.push(`${(await medianReadMs(21)).toFixed(1)} ms on the primary (replicas stopped)`);
    process.stdout.write(`[read replicas] ${figures.join('; ')}\n`);
    const down = await health(api.adminKey);
    expect(down.status).toBe(200);
    expect(down.body.status).toBe('ok');
    for (const replica of down.body.replicas!) {
      expect(replica).toMatchObject({ reachable: false, inUse: false, lagSeconds: null, reason: expect.stringMatching(/^unreachable/) });
    }
  });
});
