import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/ingestion.js';
import { startTestApi, type TestApi } from '../support/api.js';

const SEED = fixture('news/fa-000-seed-iran-kazakhstan-cinema.txt');

interface Node {
  id: string;
  version: number;
  [key: string]: unknown;
}

// The analysts' API end to end: the seed ingested over GraphQL, then read and edited as analysts do.
describe('GraphQL: meetings, proposals, follow-ups and news items', () => {
  let api: TestApi;
  let viewerKey: string;
  let analystKey: string;
  let meeting: Node;

  const gql = async <T = Record<string, never>>(query: string, variables?: Record<string, unknown>, key?: string) => {
    const response = await api.graphql<T>(query, variables, key ?? analystKey);
    return response;
  };

  beforeAll(async () => {
    // The page server of the fetch-by-URL test is on loopback: the fetch guard lets the server reach exactly it.
    api = await startTestApi({ env: { DYAD_FETCH_ALLOW_PRIVATE: '127.0.0.1/32' } });
    const key = async (role: string) =>
      (await api.graphql<{ createApiKey: { key: string } }>(`mutation { createApiKey(role: ${role}, label: "${role}") { key } }`)).data!
        .createApiKey.key;
    viewerKey = await key('VIEWER');
    analystKey = await key('ANALYST');
    const ingested = await gql<{ ingestNewsItem: { status: string; meetingsCreated: number; newsItem: { id: string } } }>(
      `mutation($text: String!) { ingestNewsItem(input: {text: $text, publisher: "ICRO"}) { status meetingsCreated proposalsCreated newsItem { id } } }`,
      { text: SEED },
    );
    expect(ingested.errors).toBeUndefined();
    expect(ingested.data!.ingestNewsItem).toMatchObject({ status: 'NEW', meetingsCreated: 1 });
    const listed = await gql<{ meetings: { nodes: Node[] } }>(`{ meetings(filter: {countries: ["IR","KZ"]}) { nodes { id version } } }`);
    meeting = listed.data!.meetings.nodes[0];
  });
  afterAll(() => api.close());

  it('answers the shapes outside checks use', async () => {
    const { data, errors } = await gql<Record<string, { totalCount: number; nodes: Record<string, unknown>[] }>>(`{
      meetings(filter: {countries: ["IR","KZ"]}, first: 50) { totalCount nodes { id type date countries { code } sources { id } } }
      proposals(filter: {countries: ["IR","KZ"], kinds: [MOU]}, first: 10) { totalCount nodes { id kind status history { status date } } }
      followUps(filter: {countries: ["IR","KZ"]}, first: 50) { totalCount nodes { id description status horizon dueDate } }
      newsItems(first: 1) { totalCount }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.meetings).toMatchObject({
      totalCount: 1,
      nodes: [{ type: 'MEETING', date: '2025-04-13', countries: [{ code: 'IR' }, { code: 'KZ' }] }],
    });
    expect(data!.meetings.nodes[0].sources).toHaveLength(1);
    expect(data!.proposals).toMatchObject({
      totalCount: 1,
      nodes: [{ kind: 'MOU', status: 'AGREED', history: [{ status: 'AGREED', date: '2025-04-13' }] }],
    });
    expect(data!.followUps.totalCount).toBeGreaterThanOrEqual(2);
    expect(data!.followUps.nodes.map((f) => f.horizon)).toContain('NEAR_TERM');
    expect(data!.newsItems.totalCount).toBe(1);
  });

  it('shows evidence that quotes the exact source text', async () => {
    const { data } = await gql<{ meeting: { evidence: Node[]; proposals: { evidence: Node[] }[]; sources: { body: string }[] } }>(
      `query($id: ID!) { meeting(id: $id) {
        sources { body }
        evidence { newsItem { id title url } start end quote }
        proposals { kind evidence { newsItem { id } start end quote } }
      } }`,
      { id: meeting.id },
    );
    const body = data!.meeting.sources[0].body;
    const spans = [...data!.meeting.evidence, ...data!.meeting.proposals.flatMap((p) => p.evidence)];
    expect(spans.length).toBeGreaterThan(2);
    for (const span of spans) expect(body.slice(span.start as number, span.end as number)).toBe(span.quote);
  });

  it('pages with cursors in a stable order and validates paging', async () => {
    const first = await gql<{ followUps: { nodes: Node[]; pageInfo: { endCursor: string; hasNextPage: boolean }; edges: { cursor: string }[] } }>(
      `{ followUps(first: 1) { nodes { id } edges { cursor } pageInfo { endCursor hasNextPage } } }`,
    );
    expect(first.data!.followUps.pageInfo.hasNextPage).toBe(true);
    const second = await gql<{ followUps: { nodes: Node[]; pageInfo: { hasPreviousPage: boolean } } }>(
      `query($after: String) { followUps(first: 1, after: $after) { nodes { id } pageInfo { hasPreviousPage } } }`,
      { after: first.data!.followUps.pageInfo.endCursor },
    );
    expect(second.data!.followUps.nodes[0].id).not.toBe(first.data!.followUps.nodes[0].id);
    expect(second.data!.followUps.pageInfo.hasPreviousPage).toBe(true);
    for (const query of ['{ meetings(first: 0) { totalCount } }', '{ meetings(first: 101) { totalCount } }', '{ meetings(after: "nonsense") { totalCount } }']) {
      expect((await gql(query)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a malformed filter with BAD_USER_INPUT naming the problem', async () => {
    const response = await gql(`{ meetings(filter: {countries: ["iran"]}) { totalCount } }`);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(response.errors?.[0].message).toMatch(/countries/);
    expect((await gql(`{ proposals(filter: {from: "2025-02-30"}) { totalCount } }`)).errors?.[0].message).toMatch(/from/);
  });

  it('finds items by words whatever the ZWNJs and letter variants', async () => {
    for (const text of ['تفاهم‌نامه', 'تفاهمنامه', 'سينمايي', 'ژوماگالی']) {
      const { data } = await gql<{ search: { newsItems: Node[]; meetings: Node[] } }>(
        `query($text: String!) { search(text: $text) { newsItems { id } meetings { id } } }`,
        { text },
      );
      expect(data!.search.newsItems, text).toHaveLength(1);
      expect(data!.search.meetings, text).toHaveLength(1);
    }
    const none = await gql<{ search: { newsItems: Node[] } }>(`{ search(text: "Zimbabwe") { newsItems { id } } }`);
    expect(none.data!.search.newsItems).toEqual([]);
  });

  it('lets a viewer read but not write', async () => {
    expect((await gql(`{ meetings { totalCount } }`, undefined, viewerKey)).errors).toBeUndefined();
    const write = await gql(`mutation($id: ID!) { confirmMeeting(id: $id, expectedVersion: 1) { id } }`, { id: meeting.id }, viewerKey);
    expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('answers an unknown id with NOT_FOUND', async () => {
    const response = await gql(`{ meeting(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('confirms a meeting at the expected version; a stale version gets CONFLICT and changes nothing', async () => {
    const current = (await gql<{ meeting: Node }>(`query($id: ID!) { meeting(id: $id) { id version reviewStatus } }`, { id: meeting.id })).data!.meeting;
    const stale = await gql(`mutation($id: ID!, $v: Int!) { confirmMeeting(id: $id, expectedVersion: $v) { id } }`, {
      id: meeting.id,
      v: current.version - 1,
    });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0].message).toMatch(/reload/);
    const confirmed = await gql<{ confirmMeeting: Node }>(
      `mutation($id: ID!, $v: Int!) { confirmMeeting(id: $id, expectedVersion: $v) { reviewStatus version } }`,
      { id: meeting.id, v: current.version },
    );
    expect(confirmed.data!.confirmMeeting).toMatchObject({ reviewStatus: 'CONFIRMED', version: current.version + 1 });
  });

  it('logs an outcome with follow-ups and a proposal change in one transaction, or nothing at all', async () => {
    const read = async () =>
      (
        await gql<{ meeting: Node & { followUps: Node[]; proposals: (Node & { kind: string; status: string })[] } }>(
          `query($id: ID!) { meeting(id: $id) { id version outcome summary followUps { id } proposals { id kind status version } } }`,
          { id: meeting.id },
        )
      ).data!.meeting;
    const before = await read();
    const mou = before.proposals.find((p) => p.kind === 'MOU')!;
    const good = await gql(
      `mutation($id: ID!, $input: LogMeetingOutcomeInput!) { logMeetingOutcome(meetingId: $id, input: $input) { id } }`,
      {
        id: meeting.id,
        input: {
          expectedVersion: before.version,
          outcome: 'PROGRESS',
          summary: 'should not stick',
          followUps: [{ description: 'Exchange film lists', owners: ['IR'], horizon: 'IMMEDIATE' }],
          proposalUpdates: [{ proposalId: mou.id, expectedVersion: mou.version, status: 'NEGOTIATING' }],
        },
      },
    );
    expect(good.errors).toBeUndefined();
    const afterGood = await read();
    expect(afterGood.outcome).toBe('PROGRESS');
    expect(afterGood.followUps).toHaveLength(before.followUps.length + 1);
    expect(afterGood.proposals.find((p) => p.kind === 'MOU')!.status).toBe('NEGOTIATING');

    const refused = await gql(
      `mutation($id: ID!, $input: LogMeetingOutcomeInput!) { logMeetingOutcome(meetingId: $id, input: $input) { id } }`,
      {
        id: meeting.id,
        input: {
          expectedVersion: afterGood.version,
          outcome: 'AGREEMENT_REACHED',
          summary: 'must not be saved',
          followUps: [
            { description: 'Send the draft', owners: ['KZ'], horizon: 'NEAR_TERM' },
            { description: 'Impossible', owners: ['XX'], horizon: 'NEAR_TERM' },
          ],
        },
      },
    );
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/XX/);
    const afterRefused = await read();
    expect(afterRefused).toEqual(afterGood);
  });

  it('refuses a backwards proposal change without an override reason, and takes it with one', async () => {
    const { data } = await gql<{ proposals: { nodes: Node[] } }>(`{ proposals(filter: {kinds: [MOU]}) { nodes { id version status } } }`);
    const mou = data!.proposals.nodes[0];
    const refused = await gql(`mutation($id: ID!, $v: Int!) { setProposalStatus(id: $id, expectedVersion: $v, status: PROPOSED) { status } }`, {
      id: mou.id,
      v: mou.version,
    });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/overrideReason/);
    const forced = await gql<{ setProposalStatus: Node & { history: { status: string; byAnalyst: boolean }[] } }>(
      `mutation($id: ID!, $v: Int!) { setProposalStatus(id: $id, expectedVersion: $v, status: PROPOSED, overrideReason: "the agreement was misreported") {
        status history { status byAnalyst overrideReason } } }`,
      { id: mou.id, v: mou.version },
    );
    expect(forced.errors).toBeUndefined();
    expect(forced.data!.setProposalStatus.status).toBe('PROPOSED');
    expect(forced.data!.setProposalStatus.history.at(-1)).toMatchObject({ status: 'PROPOSED', byAnalyst: true });
  });

  it('updates a follow-up by the lifecycle rules', async () => {
    const { data } = await gql<{ followUps: { nodes: Node[] } }>(`{ followUps(filter: {statuses: [OPEN]}, first: 1) { nodes { id version } } }`);
    const followUp = data!.followUps.nodes[0];
    const done = await gql<{ updateFollowUp: Node & { history: { status: string }[] } }>(
      `mutation($id: ID!, $v: Int!) { updateFollowUp(id: $id, expectedVersion: $v, input: {status: DONE, note: "signed"}) { status version history { status } } }`,
      { id: followUp.id, v: followUp.version },
    );
    expect(done.data!.updateFollowUp).toMatchObject({ status: 'DONE', version: followUp.version + 1 });
    expect(done.data!.updateFollowUp.history.map((h) => h.status)).toEqual(['OPEN', 'DONE']);
    const illegal = await gql(`mutation($id: ID!, $v: Int!) { updateFollowUp(id: $id, expectedVersion: $v, input: {status: IN_PROGRESS}) { status } }`, {
      id: followUp.id,
      v: followUp.version + 1,
    });
    expect(illegal.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejecting a meeting takes it out of lists unless asked for', async () => {
    const created = await gql<{ createMeeting: Node }>(
      `mutation { createMeeting(input: {type: CALL, countries: ["IR","TR"], date: "2025-06-01"}) { id version reviewStatus } }`,
    );
    expect(created.data!.createMeeting.reviewStatus).toBe('CONFIRMED');
    const { id, version } = created.data!.createMeeting;
    await gql(`mutation($id: ID!, $v: Int!) { rejectMeeting(id: $id, expectedVersion: $v) { id } }`, { id, v: version });
    const visible = await gql<{ meetings: { totalCount: number } }>(`{ meetings(filter: {countries: ["IR","TR"]}) { totalCount } }`);
    expect(visible.data!.meetings.totalCount).toBe(0);
    const rejected = await gql<{ meetings: { totalCount: number } }>(`{ meetings(filter: {countries: ["IR","TR"], reviewStatuses: [REJECTED]}) { totalCount } }`);
    expect(rejected.data!.meetings.totalCount).toBe(1);
  });

  it('merges a duplicate meeting into another, keeping its sources', async () => {
    const make = async (date: string) =>
      (await gql<{ createMeeting: Node }>(`mutation($d: String!) { createMeeting(input: {type: MEETING, countries: ["IR","AM"], date: $d}) { id version } }`, { d: date }))
        .data!.createMeeting;
    const target = await make('2025-07-01');
    const duplicate = await make('2025-07-02');
    const merged = await gql<{ mergeMeetings: Node }>(
      `mutation($t: ID!, $v: Int!, $d: [ID!]!) { mergeMeetings(targetId: $t, expectedVersion: $v, duplicateIds: $d) { id } }`,
      { t: target.id, v: target.version, d: [duplicate.id] },
    );
    expect(merged.errors).toBeUndefined();
    expect((await gql(`query($id: ID!) { meeting(id: $id) { id } }`, { id: duplicate.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('writes an audit entry for every mutation, readable by admins only', async () => {
    const log = await api.graphql<{ auditLog: { totalCount: number; nodes: { action: string }[] } }>(`{ auditLog(first: 200) { totalCount nodes { action } } }`);
    const actions = log.data!.auditLog.nodes.map((entry) => entry.action);
    for (const action of ['newsItem.ingest', 'meeting.confirm', 'meeting.logOutcome', 'followUp.create', 'proposal.setStatus', 'followUp.update', 'meeting.create', 'meeting.reject', 'meeting.merge']) {
      expect(actions).toContain(action);
    }
    expect((await gql(`{ auditLog { totalCount } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('rejects an empty or oversized ingest with a clear error and stores nothing', async () => {
    const before = (await gql<{ newsItems: { totalCount: number } }>(`{ newsItems { totalCount } }`)).data!.newsItems.totalCount;
    const empty = await gql(`mutation { ingestNewsItem(input: {text: "   "}) { status } }`);
    expect(empty.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const badDate = await gql(`mutation { ingestNewsItem(input: {text: "x y z", publishedAt: "13/04/2025"}) { status } }`);
    expect(badDate.errors?.[0].message).toMatch(/publishedAt/);
    expect((await gql<{ newsItems: { totalCount: number } }>(`{ newsItems { totalCount } }`)).data!.newsItems.totalCount).toBe(before);
  });

  it('filters follow-ups by owner country', async () => {
    const { data } = await gql<{ kz: { nodes: { owners: { code: string }[] }[] }; bad: unknown }>(
      `{ kz: followUps(filter: {owners: ["KZ"]}, first: 50) { nodes { owners { code } } } }`,
    );
    expect(data!.kz.nodes.length).toBeGreaterThan(0);
    expect(data!.kz.nodes.every((node) => node.owners.some((owner) => owner.code === 'KZ'))).toBe(true);
    expect((await gql(`{ followUps(filter: {owners: ["kz"]}) { totalCount } }`)).errors?.[0].message).toMatch(/owners/);
  });

  it('ingests an item given only by URL, fetching the page', async () => {
    const page = `<!doctype html><html lang="en"><head><title>Iran, Armenia sign transport MoU</title></head><body>
      <nav>Home | World | Sport</nav><article><h1>Iran, Armenia sign transport MoU</h1>
      <p>YEREVAN, March 3, 2026 – Iran's Minister of Roads Farzaneh Sadegh and Armenia's Minister of Territorial Administration
      signed a memorandum of understanding on transport cooperation in Yerevan on 2 March 2026.</p>
      <p>The two sides agreed to hold the next meeting of the joint commission in Tehran next year.</p></article>
      <footer>© Example News</footer></body></html>`;
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/news/1`;
      const result = await gql<{ ingestNewsItem: { status: string; meetingsCreated: number; newsItem: { url: string; body: string } } }>(
        `mutation($url: String!) { ingestNewsItem(input: {url: $url}) { status meetingsCreated newsItem { url body } } }`,
        { url },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.ingestNewsItem).toMatchObject({ status: 'NEW', meetingsCreated: 1, newsItem: { url } });
      expect(result.data!.ingestNewsItem.newsItem.body).not.toMatch(/Home \| World/);
    } finally {
      server.close();
    }
  });
});
