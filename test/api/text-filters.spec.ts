import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeForSearch } from '@dyad/extraction';
import { startTestApi, type TestApi } from '../support/api.js';
import { factories } from '../support/factories.js';

// The text filter of the meetings list: a meeting matches by a word of a news item reporting it, or of its summary
// (an analyst's), each found by its trigram index and then the meetings by id; of the follow-ups list: by a word of
// the description. Each list gives exactly the matching rows, once, and counts what it gives.
describe('GraphQL: the text filters of the meetings and follow-ups lists', () => {
  let api: TestApi;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    const db = await api.database.connect();
    const { createMeeting, createFollowUp } = factories(db);
    const item = async (text: string) =>
      (await db.query(
        `INSERT INTO news_item (body, search_key, language, published_at, content_hash, extractor_version)
         VALUES ($1, $2, 'en', '2025-03-01', encode(sha256(convert_to($1, 'UTF8')), 'hex'), 'test') RETURNING id`,
        [text, normalizeForSearch(text).toLowerCase()],
      ))[0].id as string;
    const meeting = async (name: string, parties: string[], items: string[], extra: { summary?: string; reviewStatus?: 'REJECTED' } = {}) => {
      ids[name] = (await createMeeting({ parties, summary: extra.summary ?? null, reviewStatus: extra.reviewStatus ?? 'EXTRACTED' })).id;
      for (const text of items) await db.query(`INSERT INTO meeting_source (meeting_id, news_item_id) VALUES ($1, $2)`, [ids[name], await item(text)]);
    };
    await meeting('reported', ['IR', 'KZ'], ['Kazakh film week opens in Tehran', 'Trade talks in Astana']);
    await meeting('twice', ['IR', 'KZ'], ['A film festival is planned', 'The film festival programme was agreed']);
    await meeting('summarised', ['IR', 'TR'], ['Talks in Ankara'], { summary: 'Agreed a joint FILM production' });
    await meeting('persian', ['IR', 'RU'], ['هفته فیلم ایران در مسکو برگزار شد']);
    await meeting('rejected', ['IR', 'KZ'], ['Film week misread'], { reviewStatus: 'REJECTED' });
    await meeting('other', ['IR', 'KZ'], ['Railway talks'], { summary: 'Railways' });
    ids.followUpFilm = (await createFollowUp({ description: 'Hold the FILM week in Almaty', owners: ['KZ'] })).id;
    ids.followUpOther = (await createFollowUp({ description: 'Open the rail link', owners: ['KZ'] })).id;
  }, 120_000);
  afterAll(() => api?.close());

  const meetings = async (filter: Record<string, unknown>) => {
    const { data, errors } = await api.graphql<{ meetings: { totalCount: number; nodes: { id: string }[] } }>(
      `query($f: MeetingFilterInput) { meetings(filter: $f, first: 50) { totalCount nodes { id } } }`,
      { f: filter },
    );
    expect(errors, JSON.stringify(filter)).toBeUndefined();
    const found = data!.meetings.nodes.map((node) => Object.keys(ids).find((name) => ids[name] === node.id)!);
    expect(data!.meetings.totalCount, JSON.stringify(filter)).toBe(found.length);
    return found.sort();
  };

  it('finds meetings by a word of their news items or summary, each once, rejected ones only when asked', async () => {
    expect(await meetings({ text: 'film' })).toEqual(['reported', 'summarised', 'twice']);
    expect(await meetings({ text: 'FILM festival' })).toEqual(['twice']);
    expect(await meetings({ text: 'joint film' })).toEqual(['summarised']);
    expect(await meetings({ text: 'film', countries: ['KZ', 'IR'] })).toEqual(['reported', 'twice']);
    expect(await meetings({ text: 'film', reviewStatuses: ['REJECTED'] })).toEqual(['rejected']);
    expect(await meetings({ text: 'astana' })).toEqual(['reported']);
    expect(await meetings({ text: 'nowhere' })).toEqual([]);
  });

  it('matches a Persian word however its letters and spaces are written', async () => {
    // Arabic yeh and a space where the item has Persian yeh: the same key
    expect(await meetings({ text: 'فيلم  ايران' })).toEqual(['persian']);
  });

  it('finds follow-ups by a word of their description', async () => {
    const { data, errors } = await api.graphql<{ followUps: { totalCount: number; nodes: { id: string }[] } }>(
      `{ followUps(filter: { text: "film week" }, first: 50) { totalCount nodes { id } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.followUps).toEqual({ totalCount: 1, nodes: [{ id: ids.followUpFilm }] });
  });
});
