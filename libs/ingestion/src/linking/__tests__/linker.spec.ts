import { NewsItem, resolveProposalHistory, type ProposalStatus } from '@dyad/domain';
import type { ExtractedEvent } from '@dyad/extraction';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/database.js';
import { permutations } from '../../../../../test/support/ingestion.js';
import { Linker } from '../linker.js';

// The Linker on events as extraction hands them over (status, date, several per item), on real PostgreSQL:
// what linking does with SCHEDULED and CANCELLED readings, whatever the extraction of the day reads.

const event = (overrides: Partial<ExtractedEvent>): ExtractedEvent => ({
  type: 'VISIT',
  status: 'HELD',
  date: null,
  dateSource: null,
  countries: ['IR', 'KZ'],
  location: { name: 'Tehran', country: 'IR' },
  sectors: ['CINEMA'],
  participants: [],
  proposals: [],
  followUps: [],
  evidence: [],
  confidence: 0.9,
  ...overrides,
});

interface Report {
  publishedAt: string | null;
  events: ExtractedEvent[];
}

const REPORTS: Record<string, Report> = {
  announced: { publishedAt: '2025-05-05', events: [event({ status: 'SCHEDULED', date: '2025-05-12', dateSource: 'RELATIVE' })] },
  announcedUndated: { publishedAt: '2025-05-05', events: [event({ status: 'SCHEDULED' })] },
  held: { publishedAt: '2025-05-15', events: [event({ type: 'MEETING', date: '2025-05-14', dateSource: 'RELATIVE' })] },
  cancelled: { publishedAt: '2025-05-09', events: [event({ status: 'CANCELLED' })] },
  reannounced: { publishedAt: '2025-05-10', events: [event({ status: 'SCHEDULED', date: '2025-05-16', dateSource: 'TEXT' })] },
};

describe('Linker: scheduled, held and cancelled readings', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await database.connect();
  });
  afterAll(() => database.drop());
  beforeEach(() => dataSource.query(`TRUNCATE news_item, meeting, proposal, follow_up_action, actor, evidence CASCADE`));

  let n = 0;
  async function link(report: Report): Promise<void> {
    await dataSource.transaction(async (manager) => {
      const item = await manager.save(
        manager.create(NewsItem, {
          body: `report ${++n}`, searchKey: `report ${n}`, language: 'en', publishedAt: report.publishedAt, contentHash: `hash ${n}`,
          extractorVersion: 'test',
        }),
      );
      const linker = new Linker(manager, item, new Set(['IR', 'KZ', 'RU']));
      for (const e of report.events) await linker.linkEvent(e);
      await linker.finish();
    });
  }

  const meetings = async () =>
    (await dataSource.query(
      `SELECT m.status, m.date::text AS date, (SELECT count(*)::int FROM meeting_source s WHERE s.meeting_id = m.id) AS sources
       FROM meeting m ORDER BY m.date NULLS LAST, m.status`,
    )) as { status: string; date: string | null; sources: number }[];

  const inEveryOrder = (names: string[]) => permutations(names).map((order) => [order.join(' → '), order] as const);

  it.each(inEveryOrder(['announced', 'held']))('announced then held (slipped two days) is one HELD meeting: %s', async (_, order) => {
    for (const name of order) await link(REPORTS[name]);
    expect(await meetings()).toEqual([{ status: 'HELD', date: '2025-05-14', sources: 2 }]);
  });

  it.each(inEveryOrder(['announcedUndated', 'held']))('an undated announcement joins the meeting held after it: %s', async (_, order) => {
    for (const name of order) await link(REPORTS[name]);
    expect(await meetings()).toEqual([{ status: 'HELD', date: '2025-05-14', sources: 2 }]);
  });

  it.each(inEveryOrder(['announced', 'cancelled']))('a cancellation marks the announced meeting CANCELLED: %s', async (_, order) => {
    for (const name of order) await link(REPORTS[name]);
    expect(await meetings()).toEqual([{ status: 'CANCELLED', date: '2025-05-12', sources: 2 }]);
  });

  it.each(inEveryOrder(['announced', 'cancelled', 'reannounced']))('announced again after a cancellation, on the new date: %s', async (_, order) => {
    for (const name of order) await link(REPORTS[name]);
    expect(await meetings()).toEqual([{ status: 'SCHEDULED', date: '2025-05-16', sources: 3 }]);
  });

  it.each(inEveryOrder(['announced', 'cancelled', 'held']))('a report that it took place outweighs the cancellation: %s', async (_, order) => {
    for (const name of order) await link(REPORTS[name]);
    expect(await meetings()).toEqual([{ status: 'HELD', date: '2025-05-14', sources: 3 }]);
  });

  it.each(inEveryOrder(['announced', 'held', 'otherHeld']))('never merges two meetings held days apart, whichever the announcement joins: %s', async (_, order) => {
    const reports: Record<string, Report> = {
      ...REPORTS,
      held: { publishedAt: '2025-05-12', events: [event({ type: 'MEETING', date: '2025-05-12' })] },
      otherHeld: { publishedAt: '2025-05-16', events: [event({ type: 'MEETING', date: '2025-05-16' })] },
    };
    for (const name of order) await link(reports[name]);
    const found = await meetings();
    expect(found.map((m) => [m.status, m.date])).toEqual([['HELD', '2025-05-12'], ['HELD', '2025-05-16']]);
    expect(found.reduce((total, m) => total + m.sources, 0)).toBe(3);
  });

  it('keeps apart an announcement and a meeting held more than a week after its date, or before it was made', async () => {
    await link(REPORTS.announced);
    await link({ publishedAt: '2025-05-21', events: [event({ type: 'MEETING', date: '2025-05-20' })] });
    await link({ publishedAt: '2025-05-01', events: [event({ type: 'MEETING', date: '2025-05-01' })] });
    await link(REPORTS.announcedUndated);
    expect((await meetings()).map((m) => [m.status, m.date, m.sources])).toEqual([
      ['HELD', '2025-05-01', 1],
      ['SCHEDULED', '2025-05-12', 2], // the undated announcement of the same week joins the dated one
      ['HELD', '2025-05-20', 1],
    ]);
  });

  it('links each event of one item with its own parties and date', async () => {
    await link({
      publishedAt: '2025-05-15',
      events: [
        event({ type: 'MEETING', date: '2025-05-14' }),
        event({ countries: ['IR', 'RU'], location: { name: 'Moscow', country: 'RU' }, status: 'SCHEDULED', date: '2025-06-10' }),
      ],
    });
    const rows = await dataSource.query(
      `SELECT m.status, m.date::text AS date, array(SELECT country_code::text FROM meeting_party p WHERE p.meeting_id = m.id ORDER BY 1) AS parties
       FROM meeting m ORDER BY m.date`,
    );
    expect(rows).toEqual([
      { status: 'HELD', date: '2025-05-14', parties: ['IR', 'KZ'] },
      { status: 'SCHEDULED', date: '2025-06-10', parties: ['IR', 'RU'] },
    ]);
  });

  it('dates what an announcement states on its publication day, not the planned day', async () => {
    await link({
      publishedAt: '2025-05-05',
      events: [
        event({
          status: 'SCHEDULED', date: '2025-05-12',
          proposals: [{ kind: 'MOU', status: 'AGREED', description: 'MoU on cinema', evidence: [] }],
          followUps: [{ description: 'sign the MoU', owners: ['IR', 'KZ'], horizon: 'IMMEDIATE', dueDate: null, evidence: [] }],
        }),
      ],
    });
    expect(await dataSource.query(`SELECT effective_date::text AS date FROM proposal_status_change`)).toEqual([{ date: '2025-05-05' }]);
    expect(await dataSource.query(`SELECT due_date::text AS due FROM follow_up_action`)).toEqual([{ due: '2025-05-19' }]);
  });

  // The history of a known proposal is read by the statement that stores a report's readings of it; an item whose
  // second event reads the same proposal on another day has it read again (the first read lacks the second's readings).
  it('resolves a known proposal read by two events of one item, on two days, from all of their readings', async () => {
    const mou = (status: 'PROPOSED' | 'AGREED' | 'SIGNED') => [{ kind: 'MOU' as const, status, description: 'MoU on cinema', evidence: [] }];
    await link({ publishedAt: '2025-03-02', events: [event({ type: 'MEETING', date: '2025-03-01', proposals: mou('PROPOSED') })] });
    await link({
      publishedAt: '2025-05-02',
      events: [
        event({ type: 'MEETING', date: '2025-05-01', proposals: mou('SIGNED') }),
        event({ type: 'MEETING', date: '2025-04-01', location: { name: 'Astana', country: 'KZ' }, proposals: mou('AGREED') }),
      ],
    });
    const [proposal] = await dataSource.query(`SELECT id, status, status_date::text AS date FROM proposal`);
    expect(proposal).toMatchObject({ status: 'SIGNED', date: '2025-05-01' });
    const readings: { id: string; status: ProposalStatus; date: string; recorded: Date; accepted: boolean }[] = await dataSource.query(
      `SELECT id, status, effective_date::text AS date, recorded_at AS recorded, accepted FROM proposal_status_change WHERE proposal_id = $1`,
      [proposal.id],
    );
    const { accepted } = resolveProposalHistory(readings.map((r) => ({ ...r, effectiveDate: r.date, byAnalyst: false, recordedAt: r.recorded })));
    expect(readings.filter((r) => r.accepted).map((r) => r.status).sort()).toEqual(['AGREED', 'PROPOSED', 'SIGNED']);
    expect(readings.filter((r) => r.accepted).map((r) => r.id).sort()).toEqual(accepted.map((r) => r.id).sort());
  });
});
