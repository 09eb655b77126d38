import { addDays, RequestContext, todayInTehran, EVENT_STATUSES, EVENT_TYPES, SECTORS, PROPOSAL_STATUSES } from '@dyad/domain';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { factories } from '../../../../test/support/factories.js';
import { seededRandom as random } from '../../../../test/support/random.js';
import { AnalyticsService } from '../analytics.service.js';

// Every chart the rollups answer gives what the same chart computed from the base rows gives, on random data
// that straddles today (overdue this month, due in the next 30 days) and under the filters the rollups take.

const ctx = RequestContext.system();
const CODES = ['IR', 'KZ', 'RU', 'CN', 'TR'];

describe('charts from rollups', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let rollups: AnalyticsService;
  let base: AnalyticsService;
  const today = todayInTehran();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await database.connect();
    rollups = new AnalyticsService(dataSource);
    base = new AnalyticsService(dataSource, { rollups: false });
    const next = random(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    const parties = () => [...new Set([pick(CODES), pick(CODES), ...(next() < 0.2 ? [pick(CODES)] : [])])];
    const date = () => (next() < 0.08 ? null : addDays(today, Math.floor(-1200 * next() ** 2) + 40));
    const { createMeeting, createProposal, createFollowUp } = factories(dataSource);
    const meetings: string[] = [];
    for (let i = 0; i < 250; i++) {
      const codes = parties();
      if (codes.length < 2) codes.push(codes[0] === 'IR' ? 'KZ' : 'IR');
      const { id } = await createMeeting({
        parties: codes, date: date(), type: pick(EVENT_TYPES), status: next() < 0.8 ? 'HELD' : pick(EVENT_STATUSES),
        sectors: [...new Set([pick(SECTORS), pick(SECTORS)])], reviewStatus: next() < 0.05 ? 'REJECTED' : 'EXTRACTED',
      });
      meetings.push(id);
      if (next() < 0.4) {
        const d = date() ?? today;
        await createProposal({
          parties: codes, kind: pick(['MOU', 'AGREEMENT', 'EVENT'] as const), sectors: [pick(SECTORS)], originMeetingId: id,
          history: [{ status: 'PROPOSED', date: d }, ...(next() < 0.6 ? [{ status: pick(PROPOSAL_STATUSES), date: addDays(d, 30) }] : [])],
        });
      }
      if (next() < 0.5) {
        const due = next() < 0.3 ? addDays(today, Math.floor(next() * 70) - 35) : date();
        await createFollowUp({
          meetingId: next() < 0.9 ? id : null, owners: codes, dueDate: due,
          status: pick(['OPEN', 'OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const), horizon: pick(['IMMEDIATE', 'NEAR_TERM', 'UNSPECIFIED'] as const),
        });
      }
    }
  }, 120_000);
  afterAll(() => database.drop());

  const monthStart = `${addDays(today, -400).slice(0, 7)}-01`;
  // whole months, and ranges that cut months (the dashboard's "last 12 months" ends today), at both ends or in one
  const filters = [
    {}, { countries: ['IR'] }, { countries: ['KZ', 'IR'] }, { from: monthStart }, { countries: ['IR'], to: addDays(`${today.slice(0, 7)}-01`, -1) },
    { from: addDays(today, -365), to: today }, { countries: ['IR', 'KZ'], from: addDays(today, -91), to: today },
    { from: addDays(today, -20), to: addDays(today, 25) }, { from: `${today.slice(0, 7)}-03`, to: `${today.slice(0, 7)}-09` }, { to: addDays(today, -40) },
    { from: addDays(today, -368), to: addDays(today, -3) },
  ];

  it.each(filters)('dyads (%j)', async (filter) => {
    const page = { limit: 100, offset: 0 };
    expect(await rollups.dyads(ctx, filter, page)).toEqual(await base.dyads(ctx, filter, page));
    expect((await rollups.dyads(ctx, filter, page)).nodes.length).toBeGreaterThan(0);
  });

  it.each(filters)('cooperationTimeline, proposalFunnel, followUpSummary and sectorBreakdown (%j)', async (filter) => {
    const monthly: typeof filter = filter;
    for (const granularity of ['MONTH', 'QUARTER', 'YEAR'] as const) {
      expect(await rollups.cooperationTimeline(ctx, monthly, granularity)).toEqual(await base.cooperationTimeline(ctx, monthly, granularity));
    }
    expect(await rollups.cooperationTimeline(ctx, { ...monthly, statuses: ['SCHEDULED', 'CANCELLED'], types: ['VISIT'] }, 'MONTH')).toEqual(
      await base.cooperationTimeline(ctx, { ...monthly, statuses: ['SCHEDULED', 'CANCELLED'], types: ['VISIT'] }, 'MONTH'),
    );
    expect(await rollups.proposalFunnel(ctx, monthly)).toEqual(await base.proposalFunnel(ctx, monthly));
    expect(await rollups.proposalFunnel(ctx, { ...monthly, kinds: ['MOU'] })).toEqual(await base.proposalFunnel(ctx, { ...monthly, kinds: ['MOU'] }));
    expect(await rollups.followUpSummary(ctx, monthly)).toEqual(await base.followUpSummary(ctx, monthly));
    expect(await rollups.followUpSummary(ctx, { ...monthly, statuses: ['OPEN'] })).toEqual(await base.followUpSummary(ctx, { ...monthly, statuses: ['OPEN'] }));
    if (!('countries' in filter)) {
      expect(await rollups.sectorBreakdown(ctx, monthly)).toEqual(await base.sectorBreakdown(ctx, monthly));
      expect(await rollups.sectorBreakdown(ctx, { ...monthly, sectors: ['TRADE', 'CINEMA'] })).toEqual(
        await base.sectorBreakdown(ctx, { ...monthly, sectors: ['TRADE', 'CINEMA'] }),
      );
    }
  });

  it('dyadScoreTrend counts the undated meetings from the rollups as from the base rows', async () => {
    const filter = { from: monthStart };
    expect(await rollups.dyadScoreTrend(ctx, ['IR', 'KZ'], 'MONTH', filter)).toEqual(await base.dyadScoreTrend(ctx, ['IR', 'KZ'], 'MONTH', filter));
  });

  it.each([
    {}, { from: monthStart }, { from: monthStart, to: addDays(today, -17) }, { countries: ['IR'], from: addDays(today, -700), to: addDays(today, 20) },
    { countries: ['KZ', 'IR'], from: addDays(today, -1000) },
  ])('dyadScoreTrend from the stored score inputs equals the score from the facts (%j)', async (filter) => {
    let scored = 0;
    for (const pair of [['IR', 'KZ'], ['RU', 'KZ'], ['CN', 'TR']]) {
      for (const granularity of ['MONTH', 'QUARTER'] as const) {
        const trend = await rollups.dyadScoreTrend(ctx, pair, granularity, filter);
        expect(trend).toEqual(await base.dyadScoreTrend(ctx, pair, granularity, filter));
        scored += trend.points.filter((point) => point.score > 0).length;
      }
    }
    expect(scored).toBeGreaterThan(0);
  });

  it.each([{}, { to: addDays(today, -17) }, { countries: ['IR'], to: addDays(today, 20) }, { countries: ['KZ', 'IR'], from: addDays(today, -400), to: addDays(today, -100) }])(
    'dyadScoreBreakdown from the stored score inputs equals the one from the facts (%j)',
    async (filter) => {
      let scored = 0;
      for (const pair of [['IR', 'KZ'], ['RU', 'KZ'], ['CN', 'TR']]) {
        const { meetingsWeight, raw, ...stored } = await rollups.dyadScoreBreakdown(ctx, pair, filter);
        const { meetingsWeight: baseWeight, raw: baseRaw, ...fromFacts } = await base.dyadScoreBreakdown(ctx, pair, filter);
        // (the weights are float sums taken in another order)
        expect(stored).toEqual(fromFacts);
        expect(meetingsWeight).toBeCloseTo(baseWeight, 9);
        expect(raw).toBeCloseTo(baseRaw, 9);
        if (stored.score > 0 && stored.meetings > 0) scored++;
      }
      expect(scored).toBeGreaterThan(0);
    },
  );

  it('dyads up to a day mid-month: the pair\'s latest meeting up to that day, not one later in the month', async () => {
    // a month of the past, cut on the 20th and on the 25th: the month from the rollups less its last days, the latest
    // date looked up (on the 25th, the day the range ends)
    const month = `${addDays(`${today.slice(0, 7)}-01`, -70).slice(0, 7)}`;
    const { createMeeting } = factories(dataSource);
    for (const [day, reviewStatus] of [['05', 'EXTRACTED'], ['12', 'EXTRACTED'], ['16', 'REJECTED'], ['25', 'EXTRACTED'], ['27', 'EXTRACTED']] as const) {
      await createMeeting({ parties: ['AM', 'GE'], date: `${month}-${day}`, reviewStatus });
    }
    await createMeeting({ parties: ['AM', 'GE'], date: `${month}-14`, status: 'SCHEDULED' });
    const page = { limit: 10, offset: 0 };
    for (const [to, count, last] of [['20', 2, '12'], ['25', 3, '25']] as const) {
      const filter = { countries: ['AM', 'GE'], from: addDays(`${month}-01`, -400), to: `${month}-${to}` };
      const read = await rollups.dyads(ctx, filter, page);
      expect(read.nodes.map((dyad) => [...dyad.countries.map((country) => country.code), dyad.meetingCount, dyad.lastActivity])).toEqual([['AM', 'GE', count, `${month}-${last}`]]);
      expect(read).toEqual(await base.dyads(ctx, filter, page));
    }
  });

  it('has data that exercises the cases: overdue this month, due soon, undated, rejected', async () => {
    const summary = await base.followUpSummary(ctx, {});
    expect(summary.overdue).toBeGreaterThan(0);
    expect(summary.dueNext30Days).toBeGreaterThan(0);
    expect((await base.cooperationTimeline(ctx, {}, 'MONTH')).undatedMeetings).toBeGreaterThan(0);
  });

  it('reads the rollups indeed: with them emptied, the answers change (and a rebuild restores them)', async () => {
    const before = await rollups.dyads(ctx, {}, { limit: 5, offset: 0 });
    expect(before.nodes.some((dyad) => dyad.score > 0)).toBe(true);
    await dataSource.query(`TRUNCATE rollup_score`);
    expect((await rollups.dyads(ctx, {}, { limit: 5, offset: 0 })).nodes.map((dyad) => dyad.score)).toEqual([0, 0, 0, 0, 0]);
    await dataSource.query(`TRUNCATE rollup_meeting, rollup_meeting_sector, rollup_proposal, rollup_proposal_sector, rollup_follow_up, rollup_dyad, rollup_dyad_month`);
    expect((await rollups.cooperationTimeline(ctx, {}, 'MONTH')).periods).toEqual([]);
    expect((await rollups.proposalFunnel(ctx, {})).total).toBe(0);
    expect((await rollups.dyads(ctx, {}, { limit: 5, offset: 0 })).totalCount).toBe(0);
    expect((await base.proposalFunnel(ctx, {})).total).toBeGreaterThan(0);
    await dataSource.query(`SELECT rollup_rebuild()`);
    expect(await rollups.dyads(ctx, {}, { limit: 5, offset: 0 })).toEqual(before);
  });
});
