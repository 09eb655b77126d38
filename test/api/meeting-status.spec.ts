import { addDays, todayInTehran } from '@dyad/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { factories } from '../support/factories.js';

interface Node {
  id: string;
  status: string;
  date: string | null;
  version: number;
}

describe('GraphQL: meeting status', () => {
  let api: TestApi;
  const today = todayInTehran();

  beforeAll(async () => {
    api = await startTestApi();
    const { createMeeting } = factories(await api.database.connect());
    await createMeeting({ parties: ['IR', 'KZ'], date: '2025-04-13' });
    await createMeeting({ parties: ['IR', 'KZ'], date: addDays(today, 20), status: 'SCHEDULED', type: 'VISIT' });
    await createMeeting({ parties: ['IR', 'KZ'], date: null, status: 'SCHEDULED' });
    await createMeeting({ parties: ['IR', 'KZ'], date: addDays(today, -20), status: 'SCHEDULED' }); // passed, never reported held
    await createMeeting({ parties: ['IR', 'KZ'], date: addDays(today, 5), status: 'CANCELLED' });
  }, 120_000);
  afterAll(() => api?.close());

  const list = async (filter: Record<string, unknown>) => {
    const { data, errors } = await api.graphql<{ meetings: { totalCount: number; nodes: Node[] } }>(
      `query($f: MeetingFilterInput) { meetings(filter: $f, first: 50) { totalCount nodes { id status date version } } }`,
      { f: filter },
    );
    expect(errors).toBeUndefined();
    return data!.meetings;
  };

  it('filters by status', async () => {
    expect((await list({ statuses: ['SCHEDULED'] })).nodes.map((m) => m.status)).toEqual(['SCHEDULED', 'SCHEDULED', 'SCHEDULED']);
    expect((await list({ statuses: ['HELD', 'CANCELLED'] })).totalCount).toBe(2);
  });

  it('lists upcoming meetings soonest first, undated last, and not those whose day has passed', async () => {
    const upcoming = await list({ upcoming: true });
    expect(upcoming.nodes.map((m) => m.date)).toEqual([addDays(today, 20), null]);
    expect((await list({ upcoming: false })).totalCount).toBe(3);
  });

  it('filters meetings with no known date', async () => {
    expect((await list({ undated: true })).nodes.map((m) => m.date)).toEqual([null]);
    expect((await list({ undated: false })).totalCount).toBe(4);
  });

  it('counts only HELD meetings in the timeline unless asked', async () => {
    const { data } = await api.graphql<{ held: { periods: { total: number }[] }; planned: { periods: { total: number }[]; undatedMeetings: number } }>(`{
      held: cooperationTimeline { periods { total } }
      planned: cooperationTimeline(filter: { statuses: [SCHEDULED] }) { periods { total } undatedMeetings }
    }`);
    expect(data!.held.periods.reduce((sum, p) => sum + p.total, 0)).toBe(1);
    expect(data!.planned.periods.reduce((sum, p) => sum + p.total, 0)).toBe(2);
    expect(data!.planned.undatedMeetings).toBe(1);
  });

  it('lets an analyst create a scheduled meeting and cancel it, audited', async () => {
    const created = await api.graphql<{ createMeeting: Node }>(
      `mutation($d: String!) { createMeeting(input: { type: VISIT, status: SCHEDULED, countries: ["IR", "AM"], date: $d }) { id status date version } }`,
      { d: addDays(today, 10) },
    );
    expect(created.errors).toBeUndefined();
    const meeting = created.data!.createMeeting;
    expect(meeting).toMatchObject({ status: 'SCHEDULED', date: addDays(today, 10) });

    const updated = await api.graphql<{ updateMeeting: Node }>(
      `mutation($id: ID!, $v: Int!) { updateMeeting(id: $id, expectedVersion: $v, input: { status: CANCELLED }) { id status date version } }`,
      { id: meeting.id, v: meeting.version },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateMeeting).toMatchObject({ status: 'CANCELLED', date: addDays(today, 10), version: meeting.version + 1 });

    const log = await api.graphql<{ auditLog: { nodes: { action: string; entityId: string; before: { status?: string } | null; after: { status?: string } }[] } }>(
      `{ auditLog(first: 50) { nodes { action entityId before after } } }`,
    );
    const entries = log.data!.auditLog.nodes.filter((entry) => entry.entityId === meeting.id);
    expect(entries.find((e) => e.action === 'meeting.create')?.after.status).toBe('SCHEDULED');
    expect(entries.find((e) => e.action === 'meeting.update')).toMatchObject({ before: { status: 'SCHEDULED' }, after: { status: 'CANCELLED' } });
  });

  it('refuses an unknown status and changes nothing', async () => {
    const before = await list({});
    const bad = await api.graphql(`mutation { createMeeting(input: { type: MEETING, status: POSTPONED, countries: ["IR", "TR"] }) { id } }`);
    expect(bad.errors?.[0].message).toMatch(/POSTPONED/);
    expect((await list({})).totalCount).toBe(before.totalCount);
  });
});
