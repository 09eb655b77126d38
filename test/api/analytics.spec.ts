import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { factories } from '../support/factories.js';

describe('GraphQL over HTTP: dashboard aggregates', () => {
  let api: TestApi;
  let viewerKey: string;

  beforeAll(async () => {
    api = await startTestApi();
    const created = await api.graphql<{ createApiKey: { key: string } }>(`mutation { createApiKey(role: VIEWER, label: "charts") { key } }`);
    viewerKey = created.data!.createApiKey.key;
    const { createMeeting, createProposal, createFollowUp } = factories(await api.database.connect());
    const astana = await createMeeting({ parties: ['IR', 'KZ'], date: '2025-04-13', type: 'MEETING', sectors: ['CINEMA', 'CULTURE'] });
    await createMeeting({ parties: ['IR', 'KZ', 'RU'], date: '2025-06-10', type: 'VISIT', sectors: ['TRADE'] });
    await createProposal({
      parties: ['IR', 'KZ'], kind: 'MOU', sectors: ['CINEMA'],
      history: [{ status: 'AGREED', date: '2025-04-13' }, { status: 'SIGNED', date: '2025-05-20' }],
    });
    await createProposal({ parties: ['IR', 'KZ'], kind: 'EVENT', sectors: ['CINEMA'], status: 'PROPOSED', statusDate: '2025-04-13' });
    await createFollowUp({ meetingId: astana.id, status: 'OPEN', horizon: 'NEAR_TERM', dueDate: '2020-06-01' });
  });
  afterAll(() => api.close());

  it('lists dyads as a connection, countries as objects, to a viewer', async () => {
    const response = await api.graphql<{ dyads: any }>(
      `query($first: Int) { dyads(first: $first) {
         totalCount pageInfo { hasNextPage endCursor }
         nodes { countries { code name } meetingCount proposalCount signedCount openFollowUps overdueFollowUps lastActivity score } } }`,
      { first: 1 },
      viewerKey,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.dyads.totalCount).toBe(3);
    expect(response.data!.dyads.pageInfo.hasNextPage).toBe(true);
    expect(response.data!.dyads.nodes).toEqual([
      {
        countries: [{ code: 'IR', name: expect.stringContaining('Iran') }, { code: 'KZ', name: 'Kazakhstan' }],
        meetingCount: 2, proposalCount: 2, signedCount: 1, openFollowUps: 1, overdueFollowUps: 1, lastActivity: '2025-06-10',
        score: expect.any(Number),
      },
    ]);
    const next = await api.graphql<{ dyads: any }>(
      `query($after: String) { dyads(first: 5, after: $after) { nodes { countries { code } } } }`,
      { after: response.data!.dyads.pageInfo.endCursor },
    );
    expect(next.data!.dyads.nodes.map((d: any) => d.countries.map((c: any) => c.code).join('-'))).toEqual(['IR-RU', 'KZ-RU']);
  });

  it('documents the score formula in the schema', async () => {
    const response = await api.graphql<{ __type: { fields: { name: string; description: string }[] } }>(
      `{ __type(name: "Dyad") { fields { name description } } }`,
    );
    const score = response.data!.__type.fields.find((field) => field.name === 'score')!;
    expect(score.description).toMatch(/0\.5\^\(age in days \/ 365\)/);
    expect(score.description).toMatch(/3 × MoUs and agreements signed/);
  });

  it("gives each listed dyad its score trend over the list's filter, as dyadScoreTrend answers it", async () => {
    for (const filter of ['{ to: "2025-09-30" }', '{ from: "2025-05-01", to: "2025-08-31", countries: ["KZ"] }']) {
      const listed = await api.graphql<{ dyads: { nodes: { countries: { code: string }[]; scoreTrend: unknown }[] } }>(
        `{ dyads(first: 3, filter: ${filter}) { nodes { countries { code } scoreTrend(granularity: QUARTER) { points { period label asOf score } undatedMeetings } } } }`,
        undefined,
        viewerKey,
      );
      expect(listed.errors).toBeUndefined();
      expect(listed.data!.dyads.nodes.length).toBeGreaterThan(0);
      for (const node of listed.data!.dyads.nodes) {
        const codes = JSON.stringify(node.countries.map((c) => c.code));
        const alone = await api.graphql<{ dyadScoreTrend: unknown }>(
          `{ dyadScoreTrend(countries: ${codes}, granularity: QUARTER, filter: ${filter}) { points { period label asOf score } undatedMeetings } }`,
        );
        expect(node.scoreTrend).toEqual(alone.data!.dyadScoreTrend);
      }
    }
  });

  it('serves the score trend of one dyad', async () => {
    const response = await api.graphql<{ dyadScoreTrend: { points: any[]; undatedMeetings: number } }>(
      `{ dyadScoreTrend(countries: ["KZ", "IR"], granularity: QUARTER, filter: { to: "2025-09-30" }) { points { period label asOf score } undatedMeetings } }`,
    );
    expect(response.errors).toBeUndefined();
    const { points, undatedMeetings } = response.data!.dyadScoreTrend;
    expect(points.map((p) => p.label)).toEqual(['2025-Q2', '2025-Q3']);
    expect(points[1]).toMatchObject({ period: '2025-07-01', asOf: '2025-09-30' });
    expect(points[1].score).toBeGreaterThan(0);
    expect(undatedMeetings).toBe(0);
  });

  it('serves the timeline with the month granularity by default and empty months filled', async () => {
    const response = await api.graphql<{ cooperationTimeline: { periods: any[]; undatedMeetings: number } }>(
      `{ cooperationTimeline(filter: { countries: ["IR"] }) { periods { period label total byType { type count } } undatedMeetings } }`,
    );
    expect(response.errors).toBeUndefined();
    const { periods } = response.data!.cooperationTimeline;
    expect(periods.map((p) => [p.label, p.total])).toEqual([['2025-04', 1], ['2025-05', 0], ['2025-06', 1]]);
    expect(periods[2].byType).toContainEqual({ type: 'VISIT', count: 1 });
  });

  it('serves the proposal funnel, the follow-up summary and the sector breakdown', async () => {
    const response = await api.graphql<any>(`{
      proposalFunnel(filter: { kinds: [MOU, EVENT] }) { total byStatus { status count } steps { status reached } }
      followUpSummary(filter: { countries: ["IR", "KZ"] }) { total overdue dueNext30Days byStatus { status count } byHorizon { horizon count open overdue } }
      sectorBreakdown(filter: { sectors: [CINEMA, TRADE] }) { sector meetings proposals signed }
    }`);
    expect(response.errors).toBeUndefined();
    const { proposalFunnel, followUpSummary, sectorBreakdown } = response.data;
    expect(proposalFunnel.total).toBe(2);
    expect(proposalFunnel.byStatus.map((s: any) => s.status)).toEqual([
      'PROPOSED', 'AGREED', 'NEGOTIATING', 'SIGNED', 'IMPLEMENTING', 'COMPLETED', 'STALLED', 'WITHDRAWN',
    ]);
    expect(proposalFunnel.steps.map((s: any) => s.reached)).toEqual([2, 1, 1, 1, 0, 0]);
    expect(followUpSummary).toMatchObject({ total: 1, overdue: 1, dueNext30Days: 0 });
    expect(followUpSummary.byHorizon).toContainEqual({ horizon: 'NEAR_TERM', count: 1, open: 1, overdue: 1 });
    expect(sectorBreakdown).toEqual([
      { sector: 'CINEMA', meetings: 1, proposals: 2, signed: 1 },
      { sector: 'TRADE', meetings: 1, proposals: 0, signed: 0 },
    ]);
  });

  it('answers bad input with BAD_USER_INPUT naming the field', async () => {
    const badFilter = await api.graphql(`{ dyads(filter: { countries: ["iran"] }) { totalCount } }`);
    expect(badFilter.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'countries' } });
    const badPair = await api.graphql(`{ dyadScoreTrend(countries: ["IR"]) { undatedMeetings } }`);
    expect(badPair.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badPage = await api.graphql(`{ dyads(first: 1000) { totalCount } }`);
    expect(badPage.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a caller without a key', async () => {
    const response = await api.graphql('{ sectorBreakdown { sector } }', undefined, null);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
