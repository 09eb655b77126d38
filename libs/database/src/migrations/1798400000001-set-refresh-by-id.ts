import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: the statement triggers that keep stored sets current (party sets of meetings and proposals,
// a follow-up's owner set, a proposal's funnel step) compute the set only for the rows the statement touched.
//
// Before, `WHERE t.id IN (SELECT … FROM new_rows) AND t.x IS DISTINCT FROM set_of(t.id)` let the planner test the
// second condition on every row of the table it scanned: with statistics of a nearly empty table (a new
// database being filled) a sequential scan called the set function once per row of the table, 100,000 calls
// of `proposal_funnel_step` and 72,000 of `follow_up_owner_set` for 150 ingested items (12 ms of an item's
// 30 ms in the database). The set is now computed in a subquery kept apart (OFFSET 0) after the id filter.

export interface Refresh {
  fn: string;
  table: string;
  column: string;
  key: string;
  value: (row: string) => string;
}

export const REFRESHES: Refresh[] = [
  { fn: 'meeting_party_refresh', table: 'meeting', column: 'party_codes', key: 'meeting_id', value: (t) => `meeting_party_set(${t}.id)` },
  { fn: 'proposal_party_refresh', table: 'proposal', column: 'party_codes', key: 'proposal_id', value: (t) => `proposal_party_set(${t}.id)` },
  { fn: 'proposal_history_refresh', table: 'proposal', column: 'funnel_step', key: 'proposal_id', value: (t) => `proposal_funnel_step(${t}.id, ${t}.status)` },
  { fn: 'follow_up_owner_codes_refresh', table: 'follow_up_action', column: 'owner_codes', key: 'follow_up_id', value: (t) => `follow_up_owner_set(${t}.id)` },
];

export function body(r: Refresh, byId: boolean): string {
  const update = (rows: string) =>
    byId
      ? `UPDATE ${r.table} t SET ${r.column} = x.v
          FROM (SELECT q.id, ${r.value('q')} AS v FROM ${r.table} q WHERE q.id IN (SELECT ${r.key} FROM ${rows}) OFFSET 0) x
          WHERE t.id = x.id AND t.${r.column} IS DISTINCT FROM x.v;`
      : `UPDATE ${r.table} t SET ${r.column} = ${r.value('t')} WHERE t.id IN (SELECT ${r.key} FROM ${rows})
          AND t.${r.column} IS DISTINCT FROM ${r.value('t')};`;
  return refreshFunction(r.fn, update);
}

/** A statement trigger function `fn` that runs `update` over the rows a statement inserted, deleted or changed. */
export function refreshFunction(fn: string, update: (rows: 'new_rows' | 'old_rows') => string): string {
  return `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          ${update('new_rows')}
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          ${update('old_rows')}
        END IF;
        RETURN NULL;
      END $$`;
}

export class SetRefreshById1798400000001 implements MigrationInterface {
  name = 'SetRefreshById1798400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const refresh of REFRESHES) await queryRunner.query(body(refresh, true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const refresh of REFRESHES) await queryRunner.query(body(refresh, false));
  }
}
