import {
  addDays, type CooperationFilter, DomainError, DomainErrorCode, meetingConditions, RequestContext, SqlParams, todayInTehran,
  whereClause,
} from '@dyad/domain';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { factories } from '../../../../test/support/factories.js';
import { AnalyticsService } from '../analytics.service.js';
import type { Dyad } from '../analytics.types.js';

const ctx = RequestContext.system();
const ALL = { limit: 100, offset: 0 };

/** The score formula of cooperation-score.ts, restated for expectations. */
const recency = (ageDays: number) => 0.5 ** (ageDays / 365);
const scoreOf = (raw: number) => Math.round(1000 * (1 - Math.exp(-Math.max(raw, 0) / 10))) / 10;

const summary = (dyad: Dyad) => ({
  pair: dyad.countries.map((country) => country.code).join('-'),
  meetings: dyad.meetingCount,
  proposals: dyad.proposalCount,
  signed: dyad.signedCount,
  open: dyad.openFollowUps,
  overdue: dyad.overdueFollowUps,
  last: dyad.lastActivity,
});

async function expectInvalid(work: Promise<unknown>, field: string) {
  const error = await work.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code: DomainErrorCode.InvalidInput, details: { field } });
}

describe('AnalyticsService on a small hand-built dataset', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let analytics: AnalyticsService;
  const today = todayInTehran();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await database.connect();
    analytics = new AnalyticsService(dataSource);
    const { createMeeting, createProposal, createFollowUp } = factories(dataSource);

    const m1 = await createMeeting({ parties: ['IR', 'KZ'], date: '2025-04-13', type: 'MEETING', sectors: ['CINEMA', 'CULTURE'] });
    await createMeeting({ parties: ['IR', 'KZ'], date: '2025-05-20', type: 'VISIT', sectors: ['CULTURE'] });
    const m3 = await createMeeting({ parties: ['IR', 'KZ', 'RU'], date: '2025-06-10', type: 'MEETING', sectors: ['TRADE'] });
    await createMeeting({ parties: ['IR', 'TR'], date: '2024-12-01', type: 'CALL', sectors: ['ENERGY'] });
    await createMeeting({ parties: ['IR', 'KZ'], date: '2025-06-01', sectors: ['CINEMA'], reviewStatus: 'REJECTED' });
    await createMeeting({ parties: ['RU', 'TR'], date: null, sectors: ['TRADE'] });
    // Not held: no chart, count or score takes them (every expectation below would change if one did).
    await createMeeting({ parties: ['IR', 'KZ'], date: '2025-06-20', type: 'VISIT', status: 'SCHEDULED', sectors: ['CINEMA'] });
    await createMeeting({ parties: ['IR', 'KZ'], date: '2025-05-02', status: 'CANCELLED', sectors: ['CULTURE'] });
    await createMeeting({ parties: ['RU', 'TR'], date: null, status: 'SCHEDULED', sectors: ['TRADE'] });

    await createProposal({
      parties: ['IR', 'KZ'], kind: 'MOU', sectors: ['CINEMA'],
      history: [{ status: 'PROPOSED', date: '2025-04-13' }, { status: 'AGREED', date: '2025-04-13' }, { status: 'SIGNED', date: '2025-05-20' }],
    });
    await createProposal({ parties: ['IR', 'KZ'], kind: 'EVENT', sectors: ['CINEMA'], history: [{ status: 'PROPOSED', date: '2025-04-13' }] });
    await createProposal({
      parties: ['IR', 'KZ', 'RU'], kind: 'AGREEMENT', sectors: ['TRADE'],
      history: [{ status: 'PROPOSED', date: '2025-06-10' }, { status: 'IMPLEMENTING', date: '2025-09-01' }],
    });
    const p4 = await createProposal({
      parties: ['IR', 'TR'], kind: 'MOU', sectors: ['ENERGY'],
      history: [{ status: 'PROPOSED', date: '2024-12-01' }, { status: 'STALLED', date: '2025-03-01' }],
    });
    await createProposal({
      parties: ['IR', 'TR'], kind: 'JOINT_PROJECT', sectors: ['ENERGY'],
      history: [{ status: 'PROPOSED', date: '2024-12-01' }, { status: 'AGREED', date: '2025-01-10' }, { status: 'WITHDRAWN', date: '2025-02-01' }],
    });

    await createFollowUp({ meetingId: m1.id, status: 'OPEN', horizon: 'NEAR_TERM', dueDate: '2020-01-01' });
    await createFollowUp({ meetingId: m3.id, status: 'IN_PROGRESS', horizon: 'LONG_TERM', dueDate: '2099-01-01' });
    await createFollowUp({ proposalId: p4.id, status: 'OPEN', horizon: 'UNSPECIFIED', dueDate: null });
    await createFollowUp({ owners: ['RU', 'TR'], status: 'DONE', horizon: 'NEAR_TERM', dueDate: '2020-02-01' });
    await createFollowUp({ meetingId: m1.id, status: 'CANCELLED', horizon: 'NEAR_TERM', dueDate: '2020-01-01' });
    await createFollowUp({ owners: ['IR', 'KZ'], status: 'OPEN', horizon: 'IMMEDIATE', dueDate: addDays(today, 10) });
  });
  afterAll(() => database.drop());

  describe('dyads', () => {
    it('counts every dyad of a meeting, three-party meetings for each of their three pairs', async () => {
      const page = await analytics.dyads(ctx, {}, ALL);
      expect(page.totalCount).toBe(5);
      expect(page.nodes.map(summary).sort((a, b) => a.pair.localeCompare(b.pair))).toEqual([
        { pair: 'IR-KZ', meetings: 3, proposals: 3, signed: 2, open: 3, overdue: 1, last: '2025-06-10' },
        { pair: 'IR-RU', meetings: 1, proposals: 1, signed: 1, open: 1, overdue: 0, last: '2025-06-10' },
        { pair: 'IR-TR', meetings: 1, proposals: 2, signed: 0, open: 1, overdue: 0, last: '2024-12-01' },
        { pair: 'KZ-RU', meetings: 1, proposals: 1, signed: 1, open: 1, overdue: 0, last: '2025-06-10' },
        { pair: 'RU-TR', meetings: 1, proposals: 0, signed: 0, open: 0, overdue: 0, last: null },
      ]);
    });

    it('gives countries as whole country rows', async () => {
      const [first] = (await analytics.dyads(ctx, { countries: ['IR', 'KZ'] }, ALL)).nodes;
      expect(first.countries).toEqual([
        expect.objectContaining({ code: 'IR', alpha3: 'IRN', nameFa: 'ایران', nameRu: 'Иран' }),
        expect.objectContaining({ code: 'KZ', alpha3: 'KAZ', nameEn: 'Kazakhstan' }),
      ]);
    });

    it('with one country keeps its dyads; with two, the dyad of those two', async () => {
      const withIran = await analytics.dyads(ctx, { countries: ['IR'] }, ALL);
      expect(withIran.nodes.map(summary).map((d) => d.pair).sort()).toEqual(['IR-KZ', 'IR-RU', 'IR-TR']);
      const kzRu = await analytics.dyads(ctx, { countries: ['KZ', 'RU'] }, ALL);
      expect(kzRu.nodes.map(summary)).toEqual([
        { pair: 'KZ-RU', meetings: 1, proposals: 1, signed: 1, open: 1, overdue: 0, last: '2025-06-10' },
      ]);
    });

    it('narrows by sector and by date range as the lists do', async () => {
      // a follow-up's sectors are its meeting's: the one owned by IR and KZ with no meeting drops out
      const cinema = await analytics.dyads(ctx, { sectors: ['CINEMA'] }, ALL);
      expect(cinema.nodes.map(summary)).toEqual([
        { pair: 'IR-KZ', meetings: 1, proposals: 2, signed: 1, open: 1, overdue: 1, last: '2025-04-13' },
      ]);
      // proposals by their status date, follow-ups by their due date (the IN_PROGRESS one is due in 2099)
      const range = await analytics.dyads(ctx, { from: '2025-05-01', to: '2025-12-31' }, ALL);
      expect(range.totalCount).toBe(3);
      expect(range.nodes.map(summary).find((d) => d.pair === 'IR-KZ')).toEqual({
        pair: 'IR-KZ', meetings: 2, proposals: 2, signed: 2, open: 0, overdue: 0, last: '2025-06-10',
      });
    });

    it('agrees with the meetings list (of HELD meetings) opened for each dyad', async () => {
      for (const filter of [{}, { sectors: ['CULTURE'] }, { from: '2025-05-01' }] as CooperationFilter[]) {
        for (const dyad of (await analytics.dyads(ctx, filter, ALL)).nodes) {
          const params = new SqlParams();
          const codes = dyad.countries.map((country) => country.code);
          const where = whereClause(meetingConditions({ ...filter, countries: codes, statuses: ['HELD'] }, 'm', params));
          const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM meeting m ${where}`, params.values);
          expect(dyad.meetingCount, `${codes.join('-')} ${JSON.stringify(filter)}`).toBe(count);
        }
      }
    });

    it('scores as of `to` and sorts by score, then by pair', async () => {
      const asOf = '2025-06-10';
      const page = await analytics.dyads(ctx, { to: asOf }, ALL);
      // IR-KZ: three meetings, the MoU signed (3) and advanced (1); the agreement moved on after `to`
      const irKz = recency(58) + recency(21) + recency(0) + 3 + 1;
      // IR-TR: the call, and the joint project agreed (advanced) in the window; the MoU only proposed and stalled
      const irTr = recency(191) + 1;
      expect(page.nodes.map((d) => [summary(d).pair, d.score])).toEqual([
        ['IR-KZ', scoreOf(irKz)],
        ['IR-TR', scoreOf(irTr)],
        ['IR-RU', scoreOf(1)],
        ['KZ-RU', scoreOf(1)],
      ]);
    });

    it('pages with a stable total', async () => {
      const first = await analytics.dyads(ctx, {}, { limit: 2, offset: 0 });
      const second = await analytics.dyads(ctx, {}, { limit: 2, offset: 2 });
      const beyond = await analytics.dyads(ctx, {}, { limit: 2, offset: 10 });
      expect([first.totalCount, second.totalCount, beyond.totalCount]).toEqual([5, 5, 5]);
      expect(first.nodes).toHaveLength(2);
      expect(beyond.nodes).toEqual([]);
      const pairs = [...first.nodes, ...second.nodes].map((d) => summary(d).pair);
      expect(new Set(pairs).size).toBe(4);
    });

    it('refuses a bad filter', async () => {
      await expectInvalid(analytics.dyads(ctx, { countries: ['iran'] }, ALL), 'countries');
      await expectInvalid(analytics.dyads(ctx, { from: '2025-13-01' }, ALL), 'from');
    });
  });

  describe('cooperationTimeline', () => {
    it('counts meetings per month and type, empty months filled in, rejected and undated ones left out', async () => {
      const { periods: timeline, undatedMeetings } = await analytics.cooperationTimeline(ctx, {}, 'MONTH');
      expect(timeline.map((p) => [p.period, p.label, p.total])).toEqual([
        ['2024-12-01', '2024-12', 1],
        ['2025-01-01', '2025-01', 0],
        ['2025-02-01', '2025-02', 0],
        ['2025-03-01', '2025-03', 0],
        ['2025-04-01', '2025-04', 1],
        ['2025-05-01', '2025-05', 1],
        ['2025-06-01', '2025-06', 1],
      ]);
      expect(timeline[0].byType).toEqual([
        { type: 'MEETING', count: 0 }, { type: 'VISIT', count: 0 }, { type: 'CALL', count: 1 },
        { type: 'SIGNING', count: 0 }, { type: 'STATEMENT', count: 0 },
      ]);
      expect(timeline[5].byType.find((t) => t.type === 'VISIT')!.count).toBe(1);
      expect(undatedMeetings).toBe(1); // RU–TR, no date
    });

    it('groups by quarter and by year', async () => {
      const { periods: quarters } = await analytics.cooperationTimeline(ctx, {}, 'QUARTER');
      expect(quarters.map((p) => [p.period, p.label, p.total])).toEqual([
        ['2024-10-01', '2024-Q4', 1],
        ['2025-01-01', '2025-Q1', 0],
        ['2025-04-01', '2025-Q2', 3],
      ]);
      const { periods: years } = await analytics.cooperationTimeline(ctx, {}, 'YEAR');
      expect(years.map((p) => [p.period, p.label, p.total])).toEqual([
        ['2024-01-01', '2024', 1],
        ['2025-01-01', '2025', 3],
      ]);
    });

    it('takes the meeting filter', async () => {
      const { periods: meetings } = await analytics.cooperationTimeline(ctx, { types: ['MEETING'] }, 'MONTH');
      expect(meetings.map((p) => [p.label, p.total])).toEqual([['2025-04', 1], ['2025-05', 0], ['2025-06', 1]]);
      const { periods: kzRu } = await analytics.cooperationTimeline(ctx, { countries: ['KZ', 'RU'] }, 'MONTH');
      expect(kzRu.map((p) => [p.label, p.total])).toEqual([['2025-06', 1]]);
      expect(await analytics.cooperationTimeline(ctx, { countries: ['AM'] }, 'MONTH')).toEqual({ periods: [], undatedMeetings: 0 });
    });

    it('counts the statuses asked for instead of HELD, and the undated ones among them', async () => {
      const planned = await analytics.cooperationTimeline(ctx, { statuses: ['SCHEDULED', 'CANCELLED'] }, 'MONTH');
      expect(planned.periods.map((p) => [p.label, p.total])).toEqual([['2025-05', 1], ['2025-06', 1]]);
      expect(planned.undatedMeetings).toBe(1);
      const undatedTrade = await analytics.cooperationTimeline(ctx, { sectors: ['TRADE'], from: '2025-01-01' }, 'MONTH');
      expect(undatedTrade.undatedMeetings).toBe(1); // the period does not hide that a meeting has no date
    });

    it('refuses an unknown granularity', async () => {
      await expectInvalid(analytics.cooperationTimeline(ctx, {}, 'WEEK' as never), 'granularity');
    });
  });

  describe('proposalFunnel', () => {
    it('counts every status in lifecycle order and how many proposals reached each step', async () => {
      const funnel = await analytics.proposalFunnel(ctx, {});
      expect(funnel.total).toBe(5);
      expect(funnel.byStatus).toEqual([
        { status: 'PROPOSED', count: 1 }, { status: 'AGREED', count: 0 }, { status: 'NEGOTIATING', count: 0 },
        { status: 'SIGNED', count: 1 }, { status: 'IMPLEMENTING', count: 1 }, { status: 'COMPLETED', count: 0 },
        { status: 'STALLED', count: 1 }, { status: 'WITHDRAWN', count: 1 },
      ]);
      // a skipped step counts as reached: the agreement went from PROPOSED straight to IMPLEMENTING
      expect(funnel.steps).toEqual([
        { status: 'PROPOSED', reached: 5 }, { status: 'AGREED', reached: 3 }, { status: 'NEGOTIATING', reached: 2 },
        { status: 'SIGNED', reached: 2 }, { status: 'IMPLEMENTING', reached: 1 }, { status: 'COMPLETED', reached: 0 },
      ]);
    });

    it('takes the proposal filter', async () => {
      const mous = await analytics.proposalFunnel(ctx, { kinds: ['MOU'] });
      expect(mous.total).toBe(2);
      expect(mous.steps.map((s) => s.reached)).toEqual([2, 1, 1, 1, 0, 0]);
      const trade = await analytics.proposalFunnel(ctx, { sectors: ['TRADE'], countries: ['RU'] });
      expect(trade.byStatus.filter((s) => s.count).map((s) => s.status)).toEqual(['IMPLEMENTING']);
    });
  });

  describe('followUpSummary', () => {
    it('counts statuses, overdue, due in the next 30 days and horizons', async () => {
      expect(await analytics.followUpSummary(ctx, {})).toEqual({
        total: 6,
        byStatus: [
          { status: 'OPEN', count: 3 }, { status: 'IN_PROGRESS', count: 1 }, { status: 'DONE', count: 1 }, { status: 'CANCELLED', count: 1 },
        ],
        overdue: 1,
        dueNext30Days: 1,
        byHorizon: [
          { horizon: 'IMMEDIATE', count: 1, open: 1, overdue: 0 },
          { horizon: 'NEAR_TERM', count: 3, open: 1, overdue: 1 },
          { horizon: 'LONG_TERM', count: 1, open: 1, overdue: 0 },
          { horizon: 'UNSPECIFIED', count: 1, open: 1, overdue: 0 },
        ],
      });
    });

    it('takes the follow-up filter, parties from the meeting, the proposal or the owners', async () => {
      expect((await analytics.followUpSummary(ctx, { overdue: true })).total).toBe(1);
      const ruTr = await analytics.followUpSummary(ctx, { countries: ['RU', 'TR'] });
      expect(ruTr.byStatus.filter((s) => s.count)).toEqual([{ status: 'DONE', count: 1 }]);
      expect((await analytics.followUpSummary(ctx, { countries: ['TR'] })).total).toBe(2);
      expect((await analytics.followUpSummary(ctx, { countries: ['IR', 'KZ'] })).total).toBe(4);
    });
  });

  describe('sectorBreakdown', () => {
    it('counts meetings, proposals and signed proposals per sector, busiest first, every sector listed', async () => {
      const sectors = await analytics.sectorBreakdown(ctx, {});
      expect(sectors).toHaveLength(20);
      expect(sectors.slice(0, 5)).toEqual([
        { sector: 'TRADE', meetings: 2, proposals: 1, signed: 1 },
        { sector: 'CULTURE', meetings: 2, proposals: 0, signed: 0 },
        { sector: 'CINEMA', meetings: 1, proposals: 2, signed: 1 },
        { sector: 'ENERGY', meetings: 1, proposals: 2, signed: 0 },
        { sector: 'AGRICULTURE', meetings: 0, proposals: 0, signed: 0 },
      ]);
    });

    it('with a sectors filter lists only those sectors', async () => {
      expect(await analytics.sectorBreakdown(ctx, { sectors: ['CINEMA'] })).toEqual([
        { sector: 'CINEMA', meetings: 1, proposals: 2, signed: 1 },
      ]);
      expect(await analytics.sectorBreakdown(ctx, { sectors: ['TRADE'], countries: ['IR', 'KZ'] })).toEqual([
        { sector: 'TRADE', meetings: 1, proposals: 1, signed: 1 },
      ]);
    });
  });
});

describe('AnalyticsService.dyadScoreTrend', () => {
  let database: TestDatabase;
  let analytics: AnalyticsService;

  beforeAll(async () => {
    database = await createTestDatabase();
    const dataSource = await database.connect();
    analytics = new AnalyticsService(dataSource);
    const { createMeeting, createFollowUp } = factories(dataSource);
    const meeting = await createMeeting({ parties: ['AM', 'GE'], date: '2025-01-01' });
    await createFollowUp({ meetingId: meeting.id, status: 'OPEN', dueDate: '2025-03-01' });
    await createFollowUp({
      meetingId: meeting.id, status: 'DONE', dueDate: '2025-03-01',
      history: [{ status: 'OPEN', date: '2025-01-01' }, { status: 'DONE', date: '2025-05-01' }],
    });
    await createMeeting({ parties: ['AM', 'IR'], date: '2025-02-01' });
    // Neither counts: one has not taken place, the other has no date to place it in a period.
    await createMeeting({ parties: ['AM', 'GE'], date: '2025-02-10', status: 'SCHEDULED' });
    await createMeeting({ parties: ['AM', 'GE'], date: null });
  });
  afterAll(() => database.drop());

  it('reports the pair\'s undated meetings, which no score counts', async () => {
    expect((await analytics.dyadScoreTrend(ctx, ['AM', 'GE'], 'MONTH', { to: '2025-01-31' })).undatedMeetings).toBe(1);
    expect((await analytics.dyadScoreTrend(ctx, ['AM', 'IR'], 'MONTH', { to: '2025-02-28' })).undatedMeetings).toBe(0);
  });

  it('scores each period on its last day: overdue follow-ups weigh until they are done', async () => {
    const { points: trend } = await analytics.dyadScoreTrend(ctx, ['GE', 'AM'], 'MONTH', { from: '2025-01-01', to: '2025-06-15' });
    expect(trend.map((p) => [p.label, p.asOf])).toEqual([
      ['2025-01', '2025-01-31'], ['2025-02', '2025-02-28'], ['2025-03', '2025-03-31'],
      ['2025-04', '2025-04-30'], ['2025-05', '2025-05-31'], ['2025-06', '2025-06-15'],
    ]);
    expect(trend.map((p) => p.score)).toEqual([
      scoreOf(recency(30)),
      scoreOf(recency(58)),
      scoreOf(recency(89) - 1),
      scoreOf(recency(119) - 1),
      scoreOf(recency(150) - 0.5),
      scoreOf(recency(165) - 0.5),
    ]);
    expect(trend[3].score).toBe(0);
  });

  it('starts at the pair\'s first meeting when no from is given', async () => {
    const { points: trend } = await analytics.dyadScoreTrend(ctx, ['AM', 'GE'], 'QUARTER', { to: '2025-03-10' });
    expect(trend).toEqual([{ period: '2025-01-01', label: '2025-Q1', asOf: '2025-03-10', score: scoreOf(recency(68) - 1) }]);
    expect(await analytics.dyadScoreTrend(ctx, ['AM', 'KZ'], 'MONTH', {})).toEqual({ points: [], undatedMeetings: 0 });
  });

  it('needs two different countries', async () => {
    await expectInvalid(analytics.dyadScoreTrend(ctx, ['AM'], 'MONTH'), 'countries');
    await expectInvalid(analytics.dyadScoreTrend(ctx, ['AM', 'AM'], 'MONTH'), 'countries');
    await expectInvalid(analytics.dyadScoreTrend(ctx, ['AM', 'ge'], 'MONTH'), 'countries');
  });
});
