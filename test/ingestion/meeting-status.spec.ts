import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RequestContext } from '@dyad/domain';
import type { NewsItemInput } from '@dyad/ingestion';
import type { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { factories } from '../support/factories.js';
import { fixture, ingestionServiceFor, permutations } from '../support/ingestion.js';

// Real news texts (test/fixtures/status) through the real extraction and ingestion into PostgreSQL:
// announced → held in either order and across languages, a cancellation, a dateline, no date at all.
const ITEMS = {
  astana: { text: fixture('status/01-astana-dateline-en.txt'), publisher: 'Example Wire', origin: 'astana' },
  announced: { text: fixture('status/02-visit-announced-en.txt'), publishedAt: '2025-05-05', publisher: 'Example Wire', origin: 'announced' },
  held: { text: fixture('status/03-visit-held-fa.txt'), publishedAt: '2025-05-13', publisher: 'IRNA', origin: 'held' },
  talksAnnounced: { text: fixture('status/04-talks-announced-ru.txt'), publishedAt: '2025-06-02', publisher: 'RIA', origin: 'talksAnnounced' },
  talksCancelled: { text: fixture('status/05-talks-cancelled-en.txt'), publishedAt: '2025-06-08', publisher: 'Example Wire', origin: 'talksCancelled' },
  undated: { text: fixture('status/06-undated-en.txt'), publisher: 'Example Wire', origin: 'undated' },
  nextSession: { text: fixture('status/07-commission-next-session-en.txt'), publisher: 'Example Wire', origin: 'nextSession' },
  metAgain: { text: fixture('status/08-commission-session-held-en.txt'), publisher: 'Example Wire', origin: 'metAgain' },
  talksContinue: { text: fixture('status/09-talks-continue-statement-en.txt'), publisher: 'Example Wire', origin: 'talksContinue' },
  talksHeld: { text: fixture('status/10-talks-held-astana-en.txt'), publisher: 'Example Wire', origin: 'talksHeld' },
} satisfies Record<string, NewsItemInput>;
type Name = keyof typeof ITEMS;

interface MeetingRow {
  status: string;
  date: string | null;
  date_source: string | null;
  location: string | null;
  sources: string[];
}

describe('meeting status and dates, from real texts through ingestion', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await database.connect();
  });
  afterAll(() => database.drop());
  const reset = () => dataSource.query(`TRUNCATE news_item, meeting, proposal, follow_up_action, actor, evidence, audit_entry CASCADE`);
  beforeEach(reset);

  async function ingest(...names: Name[]): Promise<void> {
    const ingestion = ingestionServiceFor(dataSource);
    for (const name of names) expect((await ingestion.ingest(RequestContext.system(), ITEMS[name])).status).toBe('NEW');
  }

  /** The meetings of exactly these parties, with the origins of their sources. */
  async function meetingsOf(parties: string[]): Promise<MeetingRow[]> {
    return dataSource.query(
      `SELECT m.status, m.date::text AS date, m.date_source, m.location_country_code AS location,
              array(SELECT n.publisher || ':' || left(n.body, 12) FROM meeting_source ms JOIN news_item n ON n.id = ms.news_item_id
                    WHERE ms.meeting_id = m.id ORDER BY n.published_at NULLS LAST) AS sources
       FROM meeting m
       WHERE m.id IN (SELECT meeting_id FROM meeting_party GROUP BY meeting_id
                      HAVING array_agg(country_code::text ORDER BY country_code) = $1::text[])
       ORDER BY m.date NULLS LAST`,
      [parties],
    );
  }

  const visitFollowUp = async () =>
    (await dataSource.query(`SELECT f.status, c.note FROM follow_up_action f
       LEFT JOIN follow_up_status_change c ON c.follow_up_id = f.id AND c.status = 'DONE'
       WHERE f.description ILIKE '%visit%'`)) as { status: string; note: string | null }[];

  it.each(permutations<Name>(['announced', 'held']).map((order) => [order.join(' → '), order]))(
    'an English announcement and a Persian report that the visit took place are one HELD meeting: %s',
    async (_name, order) => {
      await ingest(...(order as Name[]));
      const [meeting, ...others] = await meetingsOf(['IR', 'KZ']);
      expect(others).toEqual([]);
      expect(meeting).toMatchObject({ status: 'HELD', date: '2025-05-12', date_source: 'RELATIVE', location: 'IR' });
      expect(meeting.sources).toHaveLength(2);
    },
  );

  it('a report that a visit took place is HELD on the day it says, with evidence of both parties', async () => {
    await ingest('held');
    expect(await meetingsOf(['IR', 'KZ'])).toEqual([
      { status: 'HELD', date: '2025-05-12', date_source: 'RELATIVE', location: 'IR', sources: ['IRNA:دیدار وزیر ف'] },
    ]);
  });

  it('an announced visit is upcoming and fulfils the invitation only once it is reported held, in every order', async () => {
    const astana = { ...ITEMS.astana, publishedAt: '2025-04-13' };
    for (const order of permutations<Name>(['astana', 'announced', 'held'])) {
      await reset();
      const ingestion = ingestionServiceFor(dataSource);
      for (const name of order) await ingestion.ingest(RequestContext.system(), name === 'astana' ? astana : ITEMS[name]);
      expect((await meetingsOf(['IR', 'KZ'])).map((m) => [m.status, m.date, m.location]), order.join(' → ')).toEqual([
        ['HELD', '2025-04-13', 'KZ'],
        ['HELD', '2025-05-12', 'IR'],
      ]);
      expect(await visitFollowUp(), order.join(' → ')).toEqual([{ status: 'DONE', note: 'closed automatically: the visit took place' }]);
    }
    await reset();
    const ingestion = ingestionServiceFor(dataSource);
    await ingestion.ingest(RequestContext.system(), astana);
    await ingest('announced');
    expect((await meetingsOf(['IR', 'KZ'])).map((m) => m.status)).toEqual(['HELD', 'SCHEDULED']);
    expect((await visitFollowUp()).map((f) => f.status)).toEqual(['OPEN']); // announced is not done
  });

  it.each(permutations<Name>(['nextSession', 'metAgain']).map((order) => [order.join(' → '), order]))(
    'a next session agreed closes when the parties next meet in person, wherever: %s',
    async (_name, order) => {
      await ingest(...(order as Name[]));
      const rows = await dataSource.query(
        `SELECT f.status, c.effective_date::text AS day, c.note, n.body LIKE '%Almaty%' AS from_that_report
         FROM follow_up_action f JOIN follow_up_status_change c ON c.follow_up_id = f.id AND c.status = f.status
         LEFT JOIN news_item n ON n.id = c.news_item_id`,
      );
      expect(rows).toEqual([{ status: 'DONE', day: '2025-09-19', note: 'closed automatically: the parties met again', from_that_report: true }]);
    },
  );

  // A statement creates no meeting: its follow-ups count from the day it was published.
  it.each(permutations<Name>(['talksContinue', 'talksHeld']).map((order) => [order.join(' → '), order]))(
    'a next round of talks a statement announces closes when the parties next meet: %s',
    async (_name, order) => {
      await ingest(...(order as Name[]));
      const rows = await dataSource.query(
        `SELECT f.meeting_id IS NULL AS of_a_statement, f.origin_date::text AS origin, f.status, c.effective_date::text AS day, c.note
         FROM follow_up_action f JOIN follow_up_status_change c ON c.follow_up_id = f.id AND c.status = f.status`,
      );
      expect(rows).toEqual([
        { of_a_statement: true, origin: '2025-03-03', status: 'DONE', day: '2025-04-21', note: 'closed automatically: the parties met again' },
      ]);
    },
  );

  // A statement's follow-up owned by some of its parties (in the real corpus, fars-5-094: the United States and
  // Venezuela to travel to Brazil, stated in a report on the three). None of the English statements written here
  // gives one, so linking is handed that extraction: the statement of talksContinue with its follow-up split into a
  // visit by Russia and a next meeting owned by Kazakhstan.
  async function ingestStatementOwnedBySides(): Promise<void> {
    const ingestion = ingestionServiceFor(dataSource);
    const prepared = await ingestion.prepare(ITEMS.talksContinue);
    if (!('result' in prepared)) throw new Error('talksContinue is stored already');
    const [event] = prepared.result.events;
    expect(event).toMatchObject({ type: 'STATEMENT', countries: ['KZ', 'RU'] });
    const [stated] = event.followUps;
    const followUps = [
      { ...stated, description: 'Russia: visit Kazakhstan for the next round of talks', owners: ['RU'] },
      { ...stated, description: 'Kazakhstan: hold the next round of talks', owners: ['KZ'] },
    ];
    const [outcome] = await ingestion.ingestPrepared(RequestContext.system(), [{ ...prepared, result: { ...prepared.result, events: [{ ...event, followUps }] } }]);
    expect(outcome.ok).toBe(true);
  }

  it.each([['statement first', true], ['meeting first', false]])(
    'a statement\'s follow-ups owned by one side take the statement\'s parties, and close when the sides meet: %s',
    async (_name, statementFirst) => {
      if (statementFirst) {
        await ingestStatementOwnedBySides();
        // listed under the pair (a rebuild gives the same sets), and open while the sides have not met
        await dataSource.query(`SELECT rollup_rebuild()`);
        expect(await dataSource.query(`SELECT owner_codes, party_codes, status FROM follow_up_action ORDER BY owner_codes`)).toEqual([
          { owner_codes: ['KZ'], party_codes: ['KZ', 'RU'], status: 'OPEN' },
          { owner_codes: ['RU'], party_codes: ['KZ', 'RU'], status: 'OPEN' },
        ]);
        await ingest('talksHeld');
      } else {
        await ingest('talksHeld');
        await ingestStatementOwnedBySides();
      }
      expect(
        await dataSource.query(
          `SELECT f.owner_codes, f.party_codes, f.status, c.effective_date::text AS day, c.note
           FROM follow_up_action f JOIN follow_up_status_change c ON c.follow_up_id = f.id AND c.status = f.status ORDER BY f.owner_codes`,
        ),
      ).toEqual([
        { owner_codes: ['KZ'], party_codes: ['KZ', 'RU'], status: 'DONE', day: '2025-04-21', note: 'closed automatically: the parties met again' },
        { owner_codes: ['RU'], party_codes: ['KZ', 'RU'], status: 'DONE', day: '2025-04-21', note: 'closed automatically: the visit took place' },
      ]);
    },
  );

  it('a next meeting with one country for its parties (a statement\'s, owned by one side) is not closed by any meeting of that country', async () => {
    const { id } = await factories(dataSource).createFollowUp({ description: 'hold the next round of talks', owners: ['RU'] });
    await ingest('talksHeld');
    expect(await dataSource.query(`SELECT status, origin_date::text AS origin, party_codes FROM follow_up_action WHERE id = $1`, [id])).toEqual([
      { status: 'OPEN', origin: '2025-01-01', party_codes: ['RU'] },
    ]);
  });

  it('a next round of talks a statement announces stays open, counting from the statement, while the parties have not met', async () => {
    await ingest('talksContinue');
    expect(await dataSource.query(`SELECT status, origin_date::text AS origin FROM follow_up_action`)).toEqual([{ status: 'OPEN', origin: '2025-03-03' }]);
  });

  it('a next session agreed stays open while the parties have not met since', async () => {
    await ingest('nextSession');
    expect(await dataSource.query(`SELECT status FROM follow_up_action`)).toEqual([{ status: 'OPEN' }]);
  });

  it('an invitation to visit closes when the visit is reported held (the meeting need not be announced)', async () => {
    const ingestion = ingestionServiceFor(dataSource);
    await ingestion.ingest(RequestContext.system(), { ...ITEMS.astana, publishedAt: '2025-04-13' });
    expect((await visitFollowUp()).map((f) => f.status)).toEqual(['OPEN']);
    await ingest('held');
    expect(await visitFollowUp()).toEqual([{ status: 'DONE', note: 'closed automatically: the visit took place' }]);
  });

  it.each(permutations<Name>(['talksAnnounced', 'talksCancelled']).map((order) => [order.join(' → '), order]))(
    'a Russian announcement and an English cancellation are one CANCELLED meeting on the planned day: %s',
    async (_name, order) => {
      await ingest(...(order as Name[]));
      const [meeting, ...others] = await meetingsOf(['IR', 'RU']);
      expect(others).toEqual([]);
      expect(meeting).toMatchObject({ status: 'CANCELLED', date: '2025-06-10', location: 'RU' });
      expect(meeting.sources).toHaveLength(2);
    },
  );

  it('dates an item with no publication date given by its dateline', async () => {
    await ingest('astana');
    const [item] = await dataSource.query(`SELECT published_at::text AS published_at FROM news_item`);
    expect(item.published_at).toBe('2025-04-13');
    expect(await meetingsOf(['IR', 'KZ'])).toMatchObject([{ status: 'HELD', date: '2025-04-13', date_source: 'PUBLISHED', location: 'KZ' }]);
  });

  it('stores a meeting from an item with no date undated, with undated readings and no guessed due date', async () => {
    await ingest('undated');
    expect(await meetingsOf(['IR', 'TM'])).toEqual([{ status: 'HELD', date: null, date_source: null, location: 'IR', sources: [expect.any(String)] }]);
    const readings = await dataSource.query(`SELECT status, date, reported_on FROM meeting_reading`);
    expect(readings).toEqual([{ status: 'HELD', date: null, reported_on: null }]);
    const stamped = await dataSource.query(
      `SELECT effective_date FROM proposal_status_change UNION ALL SELECT effective_date FROM follow_up_status_change
       UNION ALL SELECT due_date FROM follow_up_action`,
    );
    expect(stamped.every((row: { effective_date: string | null }) => row.effective_date === null)).toBe(true);
  });

  it('never merges two different meetings held days apart, nor an undated report with a dated one', async () => {
    const held = (day: number, minister: string) => ({
      text: `TEHRAN, May ${day}, 2025 – Iran's Foreign Minister Abbas Araghchi met Kazakhstan's ${minister} in Tehran on May ${day}, 2025 to discuss trade.`,
      publishedAt: `2025-05-${day}`,
    });
    const ingestion = ingestionServiceFor(dataSource);
    for (const input of [held(10, 'Minister of Trade Arman Shakkaliyev'), held(13, 'Minister of Energy Almasadam Satkaliyev')]) {
      await ingestion.ingest(RequestContext.system(), input);
    }
    const undated = "Iran's Foreign Minister Abbas Araghchi met Kazakhstan's Minister of Trade Arman Shakkaliyev in Tehran to discuss trade.";
    await ingestion.ingest(RequestContext.system(), { text: undated });
    expect((await meetingsOf(['IR', 'KZ'])).map((m) => [m.status, m.date])).toEqual([
      ['HELD', '2025-05-10'],
      ['HELD', '2025-05-13'],
      ['HELD', null],
    ]);
  });
});

describe('an undated meeting through the API', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  }, 120_000);
  afterAll(() => api?.close());

  it('is null-dated in GraphQL, in no chart period, and counted as left out', async () => {
    const ingested = await api.graphql<{ ingestNewsItem: { status: string; meetingsCreated: number; undatedEvents: number } }>(
      `mutation($text: String!) { ingestNewsItem(input: { text: $text }) { status meetingsCreated undatedEvents } }`,
      { text: ITEMS.undated.text },
    );
    expect(ingested.errors).toBeUndefined();
    expect(ingested.data!.ingestNewsItem).toEqual({ status: 'NEW', meetingsCreated: 1, undatedEvents: 1 });
    const { data, errors } = await api.graphql<{
      meetings: { nodes: { status: string; date: string | null; dateSource: string | null }[] };
      undated: { totalCount: number };
      timeline: { periods: unknown[]; undatedMeetings: number };
      trend: { points: unknown[]; undatedMeetings: number };
    }>(`{
      meetings(filter: { countries: ["IR", "TM"] }) { nodes { status date dateSource } }
      undated: meetings(filter: { undated: true }) { totalCount }
      timeline: cooperationTimeline(granularity: MONTH) { periods { label } undatedMeetings }
      trend: dyadScoreTrend(countries: ["IR", "TM"]) { points { score } undatedMeetings }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.meetings.nodes).toEqual([{ status: 'HELD', date: null, dateSource: null }]);
    expect(data!.undated.totalCount).toBe(1);
    expect(data!.timeline).toEqual({ periods: [], undatedMeetings: 1 });
    expect(data!.trend.undatedMeetings).toBe(1);
  });
});
