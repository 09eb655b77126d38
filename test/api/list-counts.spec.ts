import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { factories } from '../support/factories.js';

// The proposals and follow-ups lists take their totalCount from the rollups when the filter narrows by nothing
// they do not hold (at most two countries, kinds or horizons, statuses), else from the base rows; the news items
// list from its rollup's days for languages and dates. Each count here must equal the number of rows the list
// itself gives (all on one page), whichever way it was read.

const KINDS = ['MOU', 'AGREEMENT', 'EVENT'] as const;
const PROPOSAL_STATUSES = ['PROPOSED', 'AGREED', 'SIGNED'] as const;
const FOLLOW_UP_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
const HORIZONS = ['IMMEDIATE', 'NEAR_TERM', 'LONG_TERM'] as const;

describe('GraphQL: the proposals, follow-ups and news items lists count what they list', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    const db = await api.database.connect();
    const { createMeeting, createProposal, createFollowUp } = factories(db);
    const sets = [['IR', 'KZ'], ['IR', 'KZ', 'RU'], ['KZ', 'RU'], ['IR', 'TR'], ['IR', 'KZ']];
    const proposals: string[] = [];
    for (let k = 0; k < 15; k++) {
      const parties = sets[k % sets.length];
      const { id: meetingId } = await createMeeting({ parties, date: `2024-0${1 + (k % 9)}-1${k % 10}` });
      const { id } = await createProposal({
        parties, kind: KINDS[k % KINDS.length], status: PROPOSAL_STATUSES[k % PROPOSAL_STATUSES.length], statusDate: `2024-0${1 + (k % 9)}-20`, originMeetingId: meetingId,
      });
      proposals.push(id);
      // a follow-up of the meeting, of the proposal alone, or of its owners alone (its party set is theirs)
      await createFollowUp({
        meetingId: k % 3 === 0 ? meetingId : null,
        proposalId: k % 3 === 1 ? id : null,
        owners: k % 3 === 2 ? parties.slice(0, 2) : [parties[0]],
        status: FOLLOW_UP_STATUSES[k % FOLLOW_UP_STATUSES.length],
        horizon: HORIZONS[k % HORIZONS.length],
        dueDate: k % 4 === 3 ? null : `2025-0${1 + (k % 9)}-05`,
      });
    }
    // undated proposals are counted too (kept in the rollup under no month)
    await db.query(`UPDATE proposal SET status_date = NULL WHERE id = ANY($1)`, [proposals.filter((_, k) => k % 5 === 2)]);
    // news items from November 2023 to April 2024, on first, middle and last days of months, in three languages,
    // some undated; then one deleted and one re-dated, as the rollup must follow
    await db.query(`INSERT INTO news_item (title, body, search_key, language, published_at, content_hash, extractor_version)
      SELECT 'Item ' || k, 'Body ' || k, 'body ' || k, (ARRAY['fa', 'en', 'ru'])[1 + k % 3],
             CASE WHEN k % 7 = 6 THEN NULL ELSE date '2023-11-01' + (k * 173 % 182) END, md5('item' || k) || md5('x' || k), 'test'
      FROM generate_series(1, 60) k`);
    await db.query(`INSERT INTO news_item (title, body, search_key, language, published_at, content_hash, extractor_version)
      SELECT 'Edge ' || d, 'Edge ' || d, 'edge ' || d, 'en', d::date, md5('edge' || d) || md5(d), 'test'
      FROM unnest(ARRAY['2023-11-30', '2023-12-01', '2023-12-31', '2024-01-01', '2024-02-29', '2024-03-01']) d`);
    await db.query(`DELETE FROM news_item WHERE title = 'Item 5'`);
    await db.query(`UPDATE news_item SET published_at = '2024-04-30' WHERE title = 'Item 8'`);
  }, 120_000);
  afterAll(() => api?.close());

  const listed = async (field: 'proposals' | 'followUps' | 'newsItems', type: string, filter: Record<string, unknown>) => {
    const { data, errors } = await api.graphql<Record<string, { totalCount: number; nodes: { id: string }[] }>>(
      `query($f: ${type}) { list: ${field}(filter: $f, first: 100) { totalCount nodes { id } } }`,
      { f: filter },
    );
    expect(errors, JSON.stringify(filter)).toBeUndefined();
    return data!.list;
  };

  it('proposals', async () => {
    const filters = [
      {}, { countries: ['IR'] }, { countries: ['KZ', 'IR'] }, { countries: ['RU', 'KZ', 'RU'] }, { countries: ['DE'] },
      { kinds: ['MOU', 'EVENT'] }, { countries: ['IR', 'KZ'], statuses: ['SIGNED'] }, { countries: ['IR'], kinds: ['AGREEMENT'], statuses: ['PROPOSED', 'AGREED'] },
      // answered from the base rows
      { countries: ['IR', 'KZ', 'RU'] }, { from: '2024-03-01' }, { text: 'MOU' },
    ];
    for (const filter of filters) {
      const list = await listed('proposals', 'ProposalFilterInput', filter);
      expect(list.totalCount, JSON.stringify(filter)).toBe(list.nodes.length);
    }
    expect((await listed('proposals', 'ProposalFilterInput', { countries: ['IR', 'KZ'] })).totalCount).toBeGreaterThan(3);
  });

  it('follow-ups', async () => {
    const filters = [
      {}, { countries: ['IR'] }, { countries: ['IR', 'KZ'] }, { countries: ['RU', 'KZ'] }, { countries: ['DE'] },
      { statuses: ['OPEN', 'IN_PROGRESS'] }, { horizons: ['LONG_TERM'] }, { countries: ['KZ'], statuses: ['DONE'], horizons: ['IMMEDIATE', 'NEAR_TERM'] },
      // answered from the base rows
      { countries: ['IR', 'KZ', 'RU'] }, { overdue: true }, { owners: ['IR'] }, { from: '2025-03-01' },
    ];
    for (const filter of filters) {
      const list = await listed('followUps', 'FollowUpFilterInput', filter);
      expect(list.totalCount, JSON.stringify(filter)).toBe(list.nodes.length);
    }
    expect((await listed('followUps', 'FollowUpFilterInput', { countries: ['IR', 'KZ'] })).totalCount).toBeGreaterThan(3);
  });

  it('news items', async () => {
    const filters = [
      // answered from the rollup
      {}, { languages: ['en'] }, { languages: ['fa', 'ru'] }, { from: '2023-12-01' }, { from: '2023-12-02' }, { to: '2024-02-29' },
      { to: '2024-02-28' }, { from: '2023-11-30', to: '2024-03-01' }, { from: '2023-12-01', to: '2024-01-31', languages: ['en'] },
      { from: '2023-11-15', to: '2024-04-15', languages: ['fa'] }, { from: '2024-05-01' }, { to: '2023-10-31' },
      { from: '2024-01-10', to: '2024-02-20' }, { from: '2024-03-01', to: '2024-02-01' },
      // answered from the base rows
      { text: 'edge' }, { publisher: 'Nobody' }, { text: 'edge', from: '2023-12-01' },
    ];
    for (const filter of filters) {
      const list = await listed('newsItems', 'NewsItemFilterInput', filter);
      expect(list.totalCount, JSON.stringify(filter)).toBe(list.nodes.length);
    }
    expect((await listed('newsItems', 'NewsItemFilterInput', {})).totalCount).toBe(65);
    expect((await listed('newsItems', 'NewsItemFilterInput', { from: '2023-11-30', to: '2024-03-01' })).totalCount).toBeGreaterThan(25);
  });
});
