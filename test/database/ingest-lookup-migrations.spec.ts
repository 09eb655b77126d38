import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase, undoMigrationsThrough } from '../support/database.js';

// The migrations of the ingestion lookups (1799600000000–1799600000002): up gives the covering indexes of open
// follow-ups and of proposals by party set and kind, and the funnel step refreshed only for readings whose status or
// proposal moved; down gives back the definitions before them, exactly.
describe('migrations OpenFollowUpCandidatesIndexOnly, FunnelStepOnStatusChanges, ProposalLookupIndexOnly', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
  });
  afterAll(() => database.drop());

  const state = async () => {
    const [{ index }] = await db.query(`SELECT pg_get_indexdef('follow_up_open_owner_origin'::regclass) AS index`);
    const [{ proposals }] = await db.query(`SELECT pg_get_indexdef('proposal_party_codes_kind'::regclass) AS proposals`);
    const [{ refresh }] = await db.query(`SELECT pg_get_functiondef('proposal_history_refresh'::regproc) AS refresh`);
    return { index, proposals, refresh };
  };

  it('down restores the indexes and the funnel step trigger of before, up their new definitions', async () => {
    const up = await state();
    expect(up.index).toContain('INCLUDE (party_codes, id)');
    expect(up.refresh).toContain('n.status IS DISTINCT FROM o.status');
    expect(up.proposals).toContain('INCLUDE (sectors, status)');

    // (and any migration after them)
    await undoMigrationsThrough(db, 'OpenFollowUpCandidatesIndexOnly1799600000000');
    const down = await state();
    expect(down.index).toBe(
      `CREATE INDEX follow_up_open_owner_origin ON public.follow_up_action USING btree (owner_codes, origin_date) WHERE (status = ANY (ARRAY['OPEN'::follow_up_status, 'IN_PROGRESS'::follow_up_status]))`,
    );
    expect(down.proposals).toBe(
      'CREATE INDEX proposal_party_codes_kind ON public.proposal USING btree (party_codes, kind, status_date DESC NULLS LAST, id)',
    );
    expect(down.refresh).toContain(`IF TG_OP IN ('DELETE', 'UPDATE') THEN`);

    await db.runMigrations({ transaction: 'each' });
    expect(await state()).toEqual(up);
  });

  // a proposal's funnel step is the furthest step of its status and its readings' statuses
  it('keeps the funnel step when readings change status, move to another proposal, are added, flipped or deleted', async () => {
    const proposal = async (status: string) =>
      (await db.query(`INSERT INTO proposal (kind, title, status, version) VALUES ('MOU', 'p', $1, 1) RETURNING id`, [status]))[0].id as string;
    const [a, b] = [await proposal('PROPOSED'), await proposal('PROPOSED')];
    const reading = async (proposalId: string, status: string) =>
      (await db.query(`INSERT INTO proposal_status_change (proposal_id, status) VALUES ($1, $2) RETURNING id`, [proposalId, status]))[0].id as string;
    const steps = async () =>
      Object.fromEntries(
        (await db.query(`SELECT id, funnel_step, proposal_funnel_step(id, status) AS expected FROM proposal WHERE id = ANY($1)`, [[a, b]])).map(
          (row: { id: string; funnel_step: number; expected: number }) => [row.id === a ? 'a' : 'b', [row.funnel_step, row.expected]],
        ),
      );

    const signed = await reading(a, 'SIGNED');
    await reading(b, 'AGREED');
    expect(await steps()).toEqual({ a: [4, 4], b: [2, 2] });
    await db.query(`UPDATE proposal_status_change SET accepted = NOT accepted WHERE id = $1`, [signed]);
    expect(await steps()).toEqual({ a: [4, 4], b: [2, 2] });
    await db.query(`UPDATE proposal_status_change SET status = 'NEGOTIATING' WHERE id = $1`, [signed]);
    expect(await steps()).toEqual({ a: [3, 3], b: [2, 2] });
    await db.query(`UPDATE proposal_status_change SET proposal_id = $2 WHERE id = $1`, [signed, b]);
    expect(await steps()).toEqual({ a: [1, 1], b: [3, 3] });
    await db.query(`DELETE FROM proposal_status_change WHERE id = $1`, [signed]);
    expect(await steps()).toEqual({ a: [1, 1], b: [2, 2] });
  });
});
