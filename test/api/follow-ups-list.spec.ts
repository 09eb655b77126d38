import { addDays, todayInTehran } from '@dyad/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphqlResponse, startTestApi, type TestApi } from '../support/api.js';
import { factories } from '../support/factories.js';

// The follow-ups list reads as a to-do list: overdue first, then by due date (undated last), then by id. The
// service leaves the "overdue first" key out where it cannot change the order (one status, open ones only, closed
// ones only, `overdue` set), so these compare every such list, and the mixed ones, with that order computed here
// from the base rows.

interface Row {
  id: string;
  status: string;
  dueDate: string | null;
}

type Page = { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };

const STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'];
const OPEN = ['OPEN', 'IN_PROGRESS'];

describe('GraphQL: the follow-ups list', () => {
  let api: TestApi;
  const today = todayInTehran();
  let rows: Row[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    const db = await api.database.connect();
    const { createFollowUp } = factories(db);
    // every status with due dates on both sides of today, on today, on shared days, and none
    const offsets = [-400, -30, -30, -1, 0, 1, 40, 40, 400, null];
    for (const [k, status] of [...STATUSES, ...STATUSES, ...STATUSES].entries()) {
      const offset = offsets[(k * 3) % offsets.length];
      const dueDate = offset === null ? null : addDays(today, offset);
      const { id } = await createFollowUp({ status: status as 'OPEN', dueDate, description: `follow-up ${k}` });
      rows.push({ id, status, dueDate });
    }
  }, 120_000);
  afterAll(() => api?.close());

  const overdue = (row: Row) => OPEN.includes(row.status) && row.dueDate !== null && row.dueDate < today;
  // overdue first, then due date ascending with undated last, then id (PostgreSQL's uuid order is its text order)
  const expected = (keep: (row: Row) => boolean) =>
    rows
      .filter(keep)
      .sort((x, y) => Number(overdue(y)) - Number(overdue(x)) || (x.dueDate ?? '9999').localeCompare(y.dueDate ?? '9999') || x.id.localeCompare(y.id))
      .map((row) => row.id);

  const list = async (filter: Record<string, unknown>) => {
    const ids: string[] = [];
    let after: string | null = null;
    let total = -1;
    // small pages, so the order across pages is checked too
    for (;;) {
      const { data, errors }: GraphqlResponse<{ followUps: Page }> = await api.graphql<{ followUps: Page }>(
        `query($f: FollowUpFilterInput, $after: String) { followUps(filter: $f, first: 5, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { f: filter, after },
      );
      expect(errors, JSON.stringify(filter)).toBeUndefined();
      total = data!.followUps.totalCount;
      ids.push(...data!.followUps.nodes.map((node) => node.id));
      if (!data!.followUps.pageInfo.hasNextPage) break;
      after = data!.followUps.pageInfo.endCursor;
    }
    return { ids, total };
  };

  it('lists overdue ones first, then by due date, whichever statuses are asked for', async () => {
    const range = { from: addDays(today, -60), to: addDays(today, 60) };
    const inRange = (row: Row) => row.dueDate !== null && row.dueDate >= range.from && row.dueDate <= range.to;
    const cases: [Record<string, unknown>, (row: Row) => boolean][] = [
      [{}, () => true],
      ...STATUSES.map((status): [Record<string, unknown>, (row: Row) => boolean] => [{ statuses: [status] }, (row) => row.status === status]),
      ...STATUSES.map((status): [Record<string, unknown>, (row: Row) => boolean] => [{ statuses: [status], ...range }, (row) => row.status === status && inRange(row)]),
      [{ statuses: OPEN }, (row) => OPEN.includes(row.status)],
      [{ statuses: ['DONE', 'CANCELLED'] }, (row) => !OPEN.includes(row.status)],
      [{ statuses: ['OPEN', 'DONE'] }, (row) => row.status === 'OPEN' || row.status === 'DONE'],
      [{ statuses: ['IN_PROGRESS', 'CANCELLED'], ...range }, (row) => (row.status === 'IN_PROGRESS' || row.status === 'CANCELLED') && inRange(row)],
      [range, inRange],
      [{ overdue: true }, overdue],
      [{ overdue: false }, (row) => !overdue(row)],
      [{ overdue: false, statuses: ['OPEN', 'DONE'] }, (row) => !overdue(row) && (row.status === 'OPEN' || row.status === 'DONE')],
    ];
    for (const [filter, keep] of cases) {
      const want = expected(keep);
      const got = await list(filter);
      expect(got.ids, JSON.stringify(filter)).toEqual(want);
      expect(got.total, JSON.stringify(filter)).toBe(want.length);
    }
    // the data makes the key matter: in the mixed list an overdue one comes before a closed one due earlier
    const all = expected(() => true);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const lastOverdue = byId.get(all.filter((id) => overdue(byId.get(id)!)).at(-1)!)!;
    const firstClosed = byId.get(all.find((id) => !OPEN.includes(byId.get(id)!.status))!)!;
    expect(all.indexOf(lastOverdue.id)).toBeLessThan(all.indexOf(firstClosed.id));
    expect(firstClosed.dueDate! < lastOverdue.dueDate!).toBe(true);
  });
});
