import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestContext } from '@dyad/domain';
import type { NewsItemInput } from '@dyad/ingestion';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { fixture, ingestionServiceFor, permutations } from '../support/ingestion.js';

// The acceptance storyline of the ingestion issue: one IR–KZ MoU from agreed (April 2025) through its
// text being finalised in Tehran (February 2026) to its signing (May 2026), reported by four items.
const REPORTS: Record<string, NewsItemInput> = {
  seed: { text: fixture('storyline/01-seed-fa.txt'), publisher: 'ICRO', origin: 'seed' },
  english: {
    text: fixture('storyline/02-same-meeting-en.txt'),
    publishedAt: '2025-04-14',
    publisher: 'Example Times',
    url: 'https://news.example/iran-kazakhstan-cinema',
    origin: 'english',
  },
  visit: { text: fixture('storyline/03-visit-tehran-en.txt'), publishedAt: '2026-02-10', publisher: 'Example Times', origin: 'visit' },
  signing: { text: fixture('storyline/04-signing-fa.txt'), publisher: 'ICRO', origin: 'signing' },
};

interface FinalState {
  meetings: { type: string; date: string; location: string | null; sources: number }[];
  mous: { status: string; history: string[] }[];
  followUps: { description: string; status: string }[];
}

async function finalState(dataSource: DataSource): Promise<FinalState> {
  const meetings = await dataSource.query(
    `SELECT m.type, m.date::text AS date, m.location_country_code AS location, count(ms.news_item_id)::int AS sources FROM meeting m
     JOIN meeting_source ms ON ms.meeting_id = m.id
     WHERE m.id IN (SELECT meeting_id FROM meeting_party GROUP BY meeting_id
                    HAVING array_agg(country_code::text ORDER BY country_code) = '{IR,KZ}')
     GROUP BY m.id ORDER BY m.date`,
  );
  const mous = await dataSource.query(
    `SELECT p.status, array(SELECT c.status::text FROM proposal_status_change c WHERE c.proposal_id = p.id AND c.accepted
                            ORDER BY c.effective_date) AS history
     FROM proposal p WHERE p.kind = 'MOU'`,
  );
  const followUps = await dataSource.query(
    `SELECT f.description, f.status FROM follow_up_action f JOIN meeting m ON m.id = f.meeting_id
     WHERE m.date = '2025-04-13' ORDER BY f.description`,
  );
  return { meetings, mous, followUps };
}

describe('ingestion storyline: IR–KZ cinema MoU, in every ingestion order', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await database.connect();
  });
  afterAll(() => database.drop());

  const orders = permutations(Object.keys(REPORTS));

  it.each(orders.map((order) => [order.join(' → '), order]))('%s', async (_name, order) => {
    await dataSource.query(
      `TRUNCATE news_item, meeting, proposal, follow_up_action, actor, evidence, audit_entry CASCADE`,
    );
    const ingestion = ingestionServiceFor(dataSource);
    for (const name of order as string[]) {
      expect((await ingestion.ingest(RequestContext.system(), REPORTS[name])).status).toBe('NEW');
    }
    const state = await finalState(dataSource);

    expect(state.meetings).toEqual([
      { type: 'MEETING', date: '2025-04-13', location: 'KZ', sources: 2 },
      { type: 'VISIT', date: '2026-02-10', location: 'IR', sources: 1 },
      { type: 'SIGNING', date: '2026-05-11', location: 'KZ', sources: 1 }, // «روز گذشته» of 1405/02/22
    ]);
    expect(state.mous).toEqual([{ status: 'SIGNED', history: ['AGREED', 'NEGOTIATING', 'SIGNED'] }]);
    // labels are in the language of the report that first named the step
    const signing = state.followUps.find((f) => /sign|امضا/i.test(f.description));
    const visit = state.followUps.find((f) => /visit|سفر/i.test(f.description));
    expect(signing?.status).toBe('DONE');
    expect(visit?.status).toBe('DONE');
  });

  it('recognises the same items again and changes nothing', async () => {
    const ingestion = ingestionServiceFor(dataSource);
    const before = await finalState(dataSource);
    for (const input of Object.values(REPORTS)) {
      expect((await ingestion.ingest(RequestContext.system(), input)).status).toBe('DUPLICATE');
    }
    // The same text with other ZWNJs and Persian digits is the same item.
    const variant = REPORTS.seed.text!.replace(/1404/g, '۱۴۰۴').replace(/همکاریها/g, 'همکاری‌ها');
    expect((await ingestion.ingest(RequestContext.system(), { text: variant })).status).toBe('DUPLICATE');
    expect(await finalState(dataSource)).toEqual(before);
  });
});
