import { connect, createServer, type Server, type Socket } from 'node:net';
import { freePort } from '@dyad/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltServer, startBuiltServer } from '../support/built-server.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const cursor = (text: string) => Buffer.from(text).toString('base64url');

// Finding 5: ordinary bad input gave INTERNAL_SERVER_ERROR from the database. Finding 7: outcome logging.
describe('bad input is BAD_USER_INPUT, not an internal error (built server)', () => {
  let api: BuiltServer;
  let meeting: { id: string; version: number };

  beforeAll(async () => {
    api = await startBuiltServer({ env: { NODE_ENV: 'production' } });
    const created = await api.graphql<{ createMeeting: { id: string; version: number } }>(
      'mutation { createMeeting(input: {type: MEETING, countries: ["IR","KZ"], date: "2025-04-13"}) { id version } }',
    );
    meeting = created.data!.createMeeting;
  }, 180_000);
  afterAll(() => api?.close());

  const NUL = 'a\u0000b';
  it.each([
    ['ingest title', 'mutation($v: String!) { ingestNewsItem(input: {text: "Iran and Kazakhstan met.", title: $v}) { status } }'],
    ['ingest publisher', 'mutation($v: String!) { ingestNewsItem(input: {text: "Iran and Kazakhstan met.", publisher: $v}) { status } }'],
    ['ingest url', 'mutation($v: String!) { ingestNewsItem(input: {text: "Iran and Kazakhstan met.", url: $v}) { status } }'],
    ['search text', 'query($v: String!) { search(text: $v) { newsItems { id } } }'],
    ['filter text', 'query($v: String!) { meetings(filter: {text: $v}) { totalCount } }'],
    ['news filter publisher', 'query($v: String!) { newsItems(filter: {publisher: $v}) { totalCount } }'],
    ['key label', 'mutation($v: String!) { createApiKey(role: VIEWER, label: $v) { key } }'],
    ['meeting summary', 'mutation($v: String!) { createMeeting(input: {type: MEETING, countries: ["IR","KZ"], summary: $v}) { id } }'],
    ['meeting locationName', 'mutation($v: String!) { createMeeting(input: {type: MEETING, countries: ["IR","KZ"], locationName: $v}) { id } }'],
  ])('a NUL character in %s', async (_name, query) => {
    const answer = await api.graphql(query, { v: NUL });
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/NUL character/) });
  });

  it('a NUL character in outcome notes, written in the query itself', async () => {
    const answer = await api.graphql(
      `mutation { logMeetingOutcome(meetingId: "${meeting.id}", input: {expectedVersion: ${meeting.version}, outcome: PROGRESS, notes: "x\\u0000y"}) { id } }`,
    );
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/NUL character/) });
  });

  it.each([['o:1e308'], ['o:-1'], ['o:0x10'], ['o:1.5'], ['o:99999999999999999999'], ['o:'], ['x:1'], ['\u0000']])(
    'a cursor decoding to %j',
    async (text) => {
      const answer = await api.graphql('query($after: String) { meetings(after: $after) { totalCount } }', { after: cursor(text) });
      expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    },
  );

  it('dates outside 1900–2100 are refused where they are given and where they are stored', async () => {
    for (const query of [
      'mutation { createMeeting(input: {type: MEETING, countries: ["IR","KZ"], date: "1000-01-01"}) { id } }',
      'mutation { createMeeting(input: {type: MEETING, countries: ["IR","KZ"], date: "9999-12-31"}) { id } }',
      '{ meetings(filter: {from: "1000-01-01"}) { totalCount } }',
      '{ cooperationTimeline(filter: {to: "9999-12-31"}) { periods { period } } }',
    ]) {
      const answer = await api.graphql(query);
      expect(answer.errors?.[0], query).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/between 1900-01-01 and 2100-12-31/) });
    }
  });

  describe('logMeetingOutcome', () => {
    const log = (id: string, version: number, followUps: unknown[]) =>
      api.graphql<{ logMeetingOutcome: { version: number; followUps: { id: string }[] } }>(
        `mutation($id: ID!, $input: LogMeetingOutcomeInput!) { logMeetingOutcome(meetingId: $id, input: $input) { version followUps { id } } }`,
        { id, input: { expectedVersion: version, outcome: 'PROGRESS', followUps } },
      );
    const followUp = (n: number) => ({ description: `send the draft ${n}`, owners: ['IR'], horizon: 'NEAR_TERM' });

    it('moves the version when it only adds follow-ups, so a second analyst with the same version gets CONFLICT', async () => {
      const fresh = (await api.graphql<{ createMeeting: { id: string; version: number } }>(
        'mutation { createMeeting(input: {type: CALL, countries: ["IR","RU"], date: "2025-05-01"}) { id version } }',
      )).data!.createMeeting;
      await log(fresh.id, fresh.version, []); // sets the outcome: the version moves
      const read = (await api.graphql<{ meeting: { version: number } }>(`{ meeting(id: "${fresh.id}") { version } }`)).data!.meeting.version;
      const [first, second] = await Promise.all([log(fresh.id, read, [followUp(1)]), log(fresh.id, read, [followUp(1)])]);
      const codes = [first, second].map((answer) => answer.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      const done = [first, second].find((answer) => !answer.errors)!;
      expect(done.data!.logMeetingOutcome.version).toBe(read + 1);
      expect(done.data!.logMeetingOutcome.followUps).toHaveLength(1);
    });

    it('takes at most 50 follow-ups per call, and no repeats within one', async () => {
      const over = await log(meeting.id, meeting.version, Array.from({ length: 51 }, (_, n) => followUp(n)));
      expect(over.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/at most 50/) });
      const repeated = await log(meeting.id, meeting.version, [followUp(1), followUp(2), followUp(1)]);
      expect(repeated.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: 'followUps[2] repeats followUps[0]' });
      const unchanged = await api.graphql<{ meeting: { version: number; followUps: unknown[] } }>(`{ meeting(id: "${meeting.id}") { version followUps { id } } }`);
      expect(unchanged.data!.meeting).toEqual({ version: meeting.version, followUps: [] });
    });
  });
});

// Finding 6: with the database down every call answered a raw 500 naming the database's address.
describe('the database going away (built server, through a proxy the test can cut)', () => {
  let database: TestDatabase;
  let api: BuiltServer;
  let proxy: Server | null = null;
  let proxyPort: number;
  const sockets = new Set<Socket>();
  const target = new URL(process.env.DATABASE_URL!);

  const openProxy = () =>
    new Promise<void>((resolve) => {
      proxy = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      proxy.listen(proxyPort, '127.0.0.1', resolve);
    });
  const cutProxy = async () => {
    const closed = new Promise((resolve) => proxy!.close(resolve));
    for (const socket of sockets) socket.destroy();
    await closed;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    proxyPort = await freePort();
    await openProxy();
    const url = new URL(database.url);
    url.port = String(proxyPort);
    api = await startBuiltServer({ database: { ...database, url: url.toString() }, env: { NODE_ENV: 'production' } });
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    proxy?.close();
    await database?.drop();
  });

  it('answers 503 SERVICE_UNAVAILABLE with no internal detail, /health says only down, and recovers', async () => {
    expect((await api.graphql('{ countries(codes: ["IR"]) { code } }')).status).toBe(200);
    await cutProxy();
    for (const query of ['{ countries(codes: ["IR"]) { code } }', '{ meetings { totalCount } }']) {
      const answer = await api.graphql(query);
      expect(answer.status, JSON.stringify(answer)).toBe(503);
      // (the key may come from the server's short-lived cache, so the error can arise in a field: it then has a path)
      expect(answer.errors).toEqual([expect.objectContaining({ message: expect.any(String), extensions: { code: 'SERVICE_UNAVAILABLE' } })]);
      expect(JSON.stringify(answer)).not.toMatch(new RegExp(`${proxyPort}|ECONN|127\\.0\\.0\\.1|terminated`));
    }
    const anonymous = await fetch(`${api.url}/health`);
    expect(anonymous.status).toBe(503);
    expect(await anonymous.json()).toEqual({ status: 'down' });
    const operator = await fetch(`${api.url}/health`, { headers: { authorization: `Bearer ${api.adminKey}` } });
    expect(await operator.json()).toMatchObject({ status: 'down', database: 'down', reason: expect.any(String) });

    await openProxy();
    await expect.poll(async () => (await fetch(`${api.url}/health`)).status, { timeout: 15_000 }).toBe(200);
    expect((await api.graphql('{ meetings { totalCount } }')).status).toBe(200);
  }, 60_000);
});

