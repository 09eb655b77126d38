import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { factories } from '../support/factories.js';

// The proposals and follow-ups lists take their totalCount from the rollups when the filter narrows by nothing
// they do not hold (at most two countries, kinds or horizons, statuses), else from the base rows. Each count here
// must equal the number of rows the list itself gives (all on one page), whichever way it was read.

const KINDS = ['MOU', 'AGREEMENT', 'EVENT'] as const;
const PROPOSAL_STATUSES = ['PROPOSED', 'AGREED', 'SIGNED'] as const;
const FOLLOW_UP_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
const HORIZONS = ['IMMEDIATE', 'NEAR_TERM', 'LONG_TERM'] as const;

describe('GraphQL: the proposals and follow-ups lists count what they list', () => {
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
  }, 120_000);
  afterAll(() => api?.close());

  const listed = async (field: 'proposals' | 'followUps', type: string, filter: Record<string, unknown>) => {
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
});

