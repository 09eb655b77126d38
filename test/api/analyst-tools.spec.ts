import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { factories } from '../support/factories.js';

// What the dashboard's score panel and its source filters read.
describe('GraphQL: the score explained, meetings filtered by their sources', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    const db = await api.database.connect();
    const { createMeeting, createProposal, createFollowUp } = factories(db);
    const astana = await createMeeting({ parties: ['IR', 'KZ'], date: '2025-04-13', type: 'MEETING', sectors: ['CINEMA'] });
    const moscow = await createMeeting({ parties: ['IR', 'KZ'], date: '2024-11-02', type: 'VISIT', sectors: ['TRADE'] });
    await createMeeting({ parties: ['IR', 'KZ'], date: '2021-01-10', type: 'CALL' }); // outside the window
    await createProposal({ parties: ['IR', 'KZ'], kind: 'MOU', history: [{ status: 'AGREED', date: '2025-04-13' }, { status: 'SIGNED', date: '2025-05-20' }] });
    await createProposal({ parties: ['IR', 'KZ'], kind: 'EVENT', history: [{ status: 'AGREED', date: '2025-04-13' }] });
    await createFollowUp({ meetingId: astana.id, status: 'OPEN', horizon: 'NEAR_TERM', dueDate: '2025-05-01' });
    for (const [meeting, publisher, language] of [[astana.id, 'IRNA', 'fa'], [moscow.id, 'TASS', 'ru']]) {
      const [item] = await db.query(
        `INSERT INTO news_item (body, search_key, content_hash, language, publisher, extractor_version)
         VALUES ('text', 'text', encode(sha256(random()::text::bytea), 'hex'), $1, $2, 'test') RETURNING id`,
        [language, publisher],
      );
      await db.query(`INSERT INTO meeting_source (meeting_id, news_item_id) VALUES ($1, $2)`, [meeting, item.id]);
    }
    await db.destroy();
  });
  afterAll(() => api.close());

  it('gives each term of the score with its weight, and they add up to the score the pair list shows', async () => {
    const filter = { to: '2025-06-30' };
    const { data, errors } = await api.graphql<{ dyadScoreBreakdown: any; dyads: { nodes: { score: number }[] } }>(
      `query($f: CooperationFilterInput) {
        dyadScoreBreakdown(countries: ["KZ", "IR"], filter: $f) {
          asOf windowFrom meetings meetingsWeight signed advanced overdue raw score signedWeight advancedWeight overdueWeight scale formula }
        dyads(filter: $f, first: 1) { nodes { score } } }`,
      { f: filter },
    );
    expect(errors).toBeUndefined();
    const b = data!.dyadScoreBreakdown;
    expect(b).toMatchObject({ asOf: '2025-06-30', windowFrom: '2023-07-02', meetings: 2, signed: 1, advanced: 2, overdue: 1 });
    const age = (day: string) => (Date.parse('2025-06-30') - Date.parse(day)) / 86_400_000;
    expect(b.meetingsWeight).toBeCloseTo(0.5 ** (age('2025-04-13') / 365) + 0.5 ** (age('2024-11-02') / 365), 6);
    expect(b.raw).toBeCloseTo(b.meetingsWeight + b.signedWeight * b.signed + b.advancedWeight * b.advanced - b.overdueWeight * b.overdue, 6);
    expect(b.score).toBeCloseTo(Math.round(1000 * (1 - Math.exp(-b.raw / b.scale))) / 10, 6);
    expect(b.score).toBe(data!.dyads.nodes[0].score);
    expect(b.formula).toMatch(/^Cooperation score, 0–100/);
  });

  it('refuses a breakdown for anything but two countries', async () => {
    const { errors } = await api.graphql(`{ dyadScoreBreakdown(countries: ["IR"]) { score } }`);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    [{ publishers: ['IRNA'] }, ['2025-04-13']],
    [{ languages: ['ru'] }, ['2024-11-02']],
    [{ publishers: ['IRNA'], languages: ['ru'] }, []],
    [{ languages: ['fa', 'ru'] }, ['2025-04-13', '2024-11-02']],
  ])('filters meetings by their sources: %j', async (filter, dates) => {
    const { data, errors } = await api.graphql<{ meetings: { nodes: { date: string }[] } }>(
      `query($f: MeetingFilterInput) { meetings(filter: $f, first: 10) { nodes { date } } }`,
      { f: filter },
    );
    expect(errors).toBeUndefined();
    expect(data!.meetings.nodes.map((m) => m.date)).toEqual(dates);
  });

  it('refuses an unknown language with a message naming it', async () => {
    const { errors } = await api.graphql(`{ meetings(filter: { languages: ["de"] }) { totalCount } }`);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toMatch(/de/);
  });
});
