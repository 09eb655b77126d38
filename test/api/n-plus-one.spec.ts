import { MeetingService, RequestContext } from '@dyad/domain';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCounter, startTestApi, type TestApi } from '../support/api.js';
import { factories } from '../support/factories.js';

// A nested page of 50 meetings must cost a constant number of statements (DataLoaders), not one per row.
describe('no N+1 queries', () => {
  let api: TestApi;
  const counter = new QueryCounter();
  let db: DataSource;

  beforeAll(async () => {
    api = await startTestApi({ queryCounter: counter });
    db = await api.database.connect();
    const make = factories(db);
    const pairs = [['IR', 'KZ'], ['IR', 'TJ'], ['IR', 'RU', 'TR']];
    for (let i = 0; i < 50; i++) {
      const parties = pairs[i % pairs.length];
      const meeting = await make.createMeeting({ parties, date: `2025-0${1 + (i % 9)}-1${i % 10}`, sectors: ['CULTURE'] });
      const [item] = await db.query(
        `INSERT INTO news_item (title, body, search_key, language, content_hash, extractor_version)
         VALUES ($1, 'Body of report', 'body of report', 'en', md5($1) || md5($1 || 'x'), 't') RETURNING id`,
        [`Report ${i}`],
      );
      await db.query(`INSERT INTO meeting_source (meeting_id, news_item_id) VALUES ($1, $2)`, [meeting.id, item.id]);
      await db.query(`INSERT INTO evidence (news_item_id, start, "end", quote, meeting_id) VALUES ($1, 0, 4, 'Body', $2)`, [item.id, meeting.id]);
      for (const [name, country] of [[`Minister ${i}`, parties[0]], [`Envoy ${i}`, parties[1]]]) {
        const [actor] = await db.query(`INSERT INTO actor (kind, name, name_key, country_code) VALUES ('PERSON', $1, lower($1), $2) RETURNING id`, [name, country]);
        await db.query(`INSERT INTO meeting_participant (meeting_id, actor_id, title) VALUES ($1, $2, 'minister')`, [meeting.id, actor.id]);
      }
      const proposal = await make.createProposal({ parties, originMeetingId: meeting.id, history: [{ status: 'AGREED', date: '2025-01-01' }] });
      await make.createFollowUp({ meetingId: meeting.id, proposalId: proposal.id, owners: [parties[0]] });
    }
  });
  afterAll(() => api.close());

  it('reads 50 meetings with parties, participants, proposals, sources, evidence and follow-ups in a bounded number of statements', async () => {
    const before = counter.count;
    const response = await api.graphql<{ meetings: { nodes: { participants: unknown[]; proposals: unknown[]; sources: unknown[] }[] } }>(`{
      meetings(first: 50) { totalCount nodes {
        id type date location { name country { code } }
        countries { code name }
        participants { name title country { code nameFa } }
        proposals { kind status countries { code } history { status date source { id } } }
        sources { id title publisherCountry { code } }
        evidence { quote newsItem { id title } }
        followUps { description owners { code } proposal { id } }
      } }
    }`);
    const statements = counter.count - before;
    expect(response.errors).toBeUndefined();
    const nodes = response.data!.meetings.nodes;
    expect(nodes).toHaveLength(50);
    expect(nodes.every((n) => n.participants.length === 2 && n.proposals.length === 1 && n.sources.length === 1)).toBe(true);
    // Authentication, count and page, then one batch per relation: independent of the page size.
    expect(statements).toBeLessThanOrEqual(20);
  });

  it('reads 100 actors with their countries, meeting counts and participants’ actors in a bounded number of statements', async () => {
    const before = counter.count;
    const response = await api.graphql<{ actors: { nodes: { meetingCount: number; country: { code: string } }[] } }>(`{
      actors(first: 100) { totalCount nodes { id name aliases meetingCount country { code nameFa } } }
      meetings(first: 50) { nodes { participants { actor { id name meetingCount country { code } } } } }
    }`);
    const statements = counter.count - before;
    expect(response.errors).toBeUndefined();
    expect(response.data!.actors.nodes).toHaveLength(100);
    expect(response.data!.actors.nodes.every((actor) => actor.meetingCount === 1 && actor.country.code)).toBe(true);
    expect(statements).toBeLessThanOrEqual(20);
  });

  it('reads meetings asked for by id at the same moment in one statement, each caller getting its own row', async () => {
    const { data } = await api.graphql<{ meetings: { nodes: { id: string; date: string }[] } }>(`{ meetings(first: 8) { nodes { id date } } }`);
    const meetings = data!.meetings.nodes;
    const service = api.server.app.get(MeetingService);
    const ctx = RequestContext.system();
    const missing = '00000000-0000-4000-8000-000000000000';
    const before = counter.count;
    // one turn of the event loop: the ids (one twice, one in upper case, one unknown) are read together
    const answers = await Promise.allSettled([
      ...meetings.map((meeting) => service.get(ctx, meeting.id)),
      service.get(ctx, meetings[0].id),
      service.get(ctx, meetings[1].id.toUpperCase()),
      service.get(ctx, missing),
    ]);
    expect(counter.count - before).toBe(1);
    const ids = answers.slice(0, -1).map((answer) => (answer.status === 'fulfilled' ? answer.value.id : answer.reason));
    expect(ids).toEqual([...meetings.map((meeting) => meeting.id), meetings[0].id, meetings[1].id]);
    expect(answers.at(-1)).toMatchObject({ status: 'rejected', reason: { code: 'NOT_FOUND' } });

    // over HTTP, concurrent requests each get their own meeting and its parties
    const responses = await Promise.all(
      meetings.map((meeting) => api.graphql<{ meeting: { id: string; date: string; countries: { code: string }[] } }>(`{ meeting(id: "${meeting.id}") { id date countries { code } } }`)),
    );
    expect(responses.map((response) => response.data?.meeting.id)).toEqual(meetings.map((meeting) => meeting.id));
    expect(responses.map((response) => response.data?.meeting.date)).toEqual(meetings.map((meeting) => meeting.date));
    expect(responses.every((response) => response.data!.meeting.countries.length >= 2)).toBe(true);
  });

  it('reads the stored news item back after ingestNewsItem only when the mutation asks for it', async () => {
    const ingest = async (text: string, selection: string) => {
      const start = counter.texts.length;
      const response = await api.graphql<{ ingestNewsItem: { status: string; newsItem?: { id: string; title: string; body: string } } }>(
        `mutation($text: String!) { ingestNewsItem(input: {text: $text}) { ${selection} } }`,
        { text },
      );
      expect(response.errors).toBeUndefined();
      const readsBack = counter.texts.slice(start).some((text) => /\bFROM news_item e\b/.test(text));
      return { result: response.data!.ingestNewsItem, readsBack };
    };
    const alone = await ingest('ASTANA, April 13, 2025 – The foreign ministers of Iran and Kazakhstan met in Astana on Sunday.', 'status');
    expect(alone).toEqual({ result: { status: 'NEW' }, readsBack: false });
    const text = 'MOSCOW, May 12, 2025 – The foreign ministers of Russia and China met in Moscow on Monday.';
    const withItem = await ingest(text, 'status newsItem { id title body }');
    expect(withItem.readsBack).toBe(true);
    expect(withItem.result).toMatchObject({ status: 'NEW', newsItem: { body: text } });
    const [{ id }] = await db.query(`SELECT id FROM news_item WHERE body = $1`, [text]);
    expect(withItem.result.newsItem!.id).toBe(id);
  });
});
