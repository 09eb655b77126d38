import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from '../support/api.js';
import { factories } from '../support/factories.js';

// The follow-ups list's sector filter: a follow-up's sectors are its meeting's (one with no meeting has none, even
// when its proposal has some). The list reads a copy of them on each follow-up, kept by triggers; these check the
// list against the meetings themselves as an analyst edits a meeting's sectors, merges meetings and deletes one.
describe('GraphQL: the follow-ups list by sector', () => {
  let api: TestApi;
  let db: DataSource;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    db = await api.database.connect();
    const { createMeeting, createFollowUp, createProposal } = factories(db);
    ids.cinema = (await createMeeting({ parties: ['IR', 'KZ'], sectors: ['CINEMA', 'CULTURE'] })).id;
    ids.trade = (await createMeeting({ parties: ['IR', 'KZ'], sectors: ['TRADE'] })).id;
    ids.energy = (await createMeeting({ parties: ['IR', 'KZ'], date: '2025-01-16', sectors: ['ENERGY'] })).id;
    const proposal = (await createProposal({ parties: ['IR', 'KZ'], sectors: ['CINEMA'] })).id;
    ids.ofCinema = (await createFollowUp({ meetingId: ids.cinema, owners: ['IR'] })).id;
    ids.ofTrade = (await createFollowUp({ meetingId: ids.trade, owners: ['KZ'] })).id;
    ids.ofEnergy = (await createFollowUp({ meetingId: ids.energy, owners: ['KZ'] })).id;
    ids.ofProposal = (await createFollowUp({ proposalId: proposal, owners: ['IR'] })).id;
  }, 120_000);
  afterAll(() => api?.close());

  const listed = async (sectors: string[], countries?: string[]) => {
    const { data, errors } = await api.graphql<{ followUps: { totalCount: number; nodes: { id: string }[] } }>(
      `query($f: FollowUpFilterInput) { followUps(filter: $f, first: 50) { totalCount nodes { id } } }`,
      { f: { sectors, countries } },
    );
    expect(errors).toBeUndefined();
    expect(data!.followUps.totalCount).toBe(data!.followUps.nodes.length);
    return data!.followUps.nodes.map((node) => node.id).sort();
  };
  // the same list from the follow-ups' meetings themselves
  const fromMeetings = async (sectors: string[]) =>
    (await db.query(`SELECT f.id FROM follow_up_action f JOIN meeting m ON m.id = f.meeting_id WHERE m.sectors && $1::sector[] ORDER BY 1`, [sectors]))
      .map((row: { id: string }) => row.id)
      .sort();
  const version = async (id: string) => (await db.query(`SELECT version FROM meeting WHERE id = $1`, [id]))[0].version as number;

  it('keeps the follow-ups of meetings in any of the sectors, not those of a proposal alone', async () => {
    expect(await listed(['CINEMA'])).toEqual([ids.ofCinema]);
    expect(await listed(['CULTURE', 'TRADE'])).toEqual([ids.ofCinema, ids.ofTrade].sort());
    expect(await listed(['TRADE'], ['IR', 'KZ'])).toEqual([ids.ofTrade]);
    expect(await listed(['TRADE'], ['IR', 'RU'])).toEqual([]);
    expect(await listed(['HEALTH'])).toEqual([]);
  });

  it('follows an analyst’s edit of a meeting’s sectors', async () => {
    const { errors } = await api.graphql(
      `mutation($id: ID!, $v: Int!) { updateMeeting(id: $id, expectedVersion: $v, input: { sectors: [TRADE, CINEMA] }) { id } }`,
      { id: ids.trade, v: await version(ids.trade) },
    );
    expect(errors).toBeUndefined();
    expect(await listed(['CINEMA'])).toEqual([ids.ofCinema, ids.ofTrade].sort());
    expect(await listed(['CINEMA'])).toEqual(await fromMeetings(['CINEMA']));
  });

  it('follows a merge, whose follow-ups move to the meeting kept, and a meeting deleted', async () => {
    const { errors } = await api.graphql(
      `mutation($t: ID!, $v: Int!, $d: [ID!]!) { mergeMeetings(targetId: $t, expectedVersion: $v, duplicateIds: $d) { id } }`,
      { t: ids.cinema, v: await version(ids.cinema), d: [ids.energy] },
    );
    expect(errors).toBeUndefined();
    const [moved] = await db.query(`SELECT meeting_id FROM follow_up_action WHERE id = $1`, [ids.ofEnergy]);
    expect(moved.meeting_id).toBe(ids.cinema);
    for (const sectors of [['CINEMA'], ['ENERGY'], ['CULTURE'], ['TRADE']]) expect(await listed(sectors)).toEqual(await fromMeetings(sectors));
    expect(await listed(['CULTURE'])).toContain(ids.ofEnergy);

    await db.query(`DELETE FROM meeting WHERE id = $1`, [ids.trade]);
    for (const sectors of [['CINEMA'], ['TRADE']]) expect(await listed(sectors)).toEqual(await fromMeetings(sectors));
  });
});
