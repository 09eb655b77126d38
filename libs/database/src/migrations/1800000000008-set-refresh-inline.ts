import type { MigrationInterface, QueryRunner } from 'typeorm';
import { body, refreshFunction, REFRESHES } from './1798400000001-set-refresh-by-id.js';

// Written by hand: the statement triggers that keep the stored country sets current (a meeting's and a proposal's
// party set, a follow-up's owner set) compute each set in their own query, grouped from the rows the statement
// touched, instead of calling a set function once per row.
//
// Measured with pg_stat_statements over 600 bench items stored into an empty database: the follow-up owners'
// refresh took 358 µs a call (542 calls), the proposals' 275 µs, the meetings' 117 µs. The SQL set functions
// (`follow_up_owner_set`, `proposal_party_set`) were parsed and planned again at each call from a trigger
// statement (1,425 and 468 calls, 30 and 7 ms of planning alone); the PL/pgSQL one (`meeting_party_set`) paid a
// call per row. Here the query is part of the trigger's own statement, whose plan PL/pgSQL keeps for the session.
// The sets are the same: rollups.spec compares the party sets with `rollup_rebuild`'s and the owner sets with a
// recomputation, after random edits. The set functions stay, for the rebuild and for other callers.

interface Inline {
  fn: string;
  table: string;
  column: string;
  child: string;
  key: string;
}

const INLINE: Inline[] = [
  { fn: 'meeting_party_refresh', table: 'meeting', column: 'party_codes', child: 'meeting_party', key: 'meeting_id' },
  { fn: 'proposal_party_refresh', table: 'proposal', column: 'party_codes', child: 'proposal_party', key: 'proposal_id' },
  { fn: 'follow_up_owner_codes_refresh', table: 'follow_up_action', column: 'owner_codes', child: 'follow_up_owner', key: 'follow_up_id' },
];

// (a row whose set emptied gets '{}'; a row deleted with its set, by a cascade, is not there to update)
function inline(r: Inline): string {
  return refreshFunction(r.fn, (rows) => `UPDATE ${r.table} t SET ${r.column} = x.v
          FROM (SELECT i.id, coalesce((SELECT array_agg(c.country_code ORDER BY c.country_code) FROM ${r.child} c WHERE c.${r.key} = i.id), '{}') AS v
                FROM (SELECT DISTINCT ${r.key} AS id FROM ${rows}) i OFFSET 0) x
          WHERE t.id = x.id AND t.${r.column} IS DISTINCT FROM x.v;`);
}

export class SetRefreshInline1800000000008 implements MigrationInterface {
  name = 'SetRefreshInline1800000000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const refresh of INLINE) await queryRunner.query(inline(refresh));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const refresh of REFRESHES.filter((r) => INLINE.some((i) => i.fn === r.fn))) await queryRunner.query(body(refresh, true));
  }
}
