import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: two functions that triggers call to derive a stored value, a follow-up's origin date and a
// meeting's party set, become PL/pgSQL, with the same query each.
//
// As SQL functions they could not be inlined (each reads a table), so their query was parsed and planned again at
// each statement that called them: each BEFORE row trigger call, each firing of a statement trigger. Ingestion
// calls them for one or two rows at a time (a meeting's parties once per meeting; the origin date of each new
// follow-up, then again when its first status is recorded), so the planning cost more than the index reads it
// planned. PL/pgSQL keeps each query's plan for the session. The values are unchanged.
//
// Not the other derived sets and the funnel step: their triggers call them for several rows per statement, where a
// SQL function planned once per statement measured cheaper than a PL/pgSQL call per row.

interface Derived {
  signature: string;
  returns: string;
  /** The query, as the SQL functions had it. */
  query: string;
}

const DERIVED: Derived[] = [
  {
    signature: 'follow_up_origin_date(for_meeting uuid, for_id uuid)',
    returns: 'date',
    query: `
  SELECT CASE WHEN m.status = 'HELD' AND m.date IS NOT NULL THEN m.date
              ELSE (SELECT min(s.effective_date) FROM follow_up_status_change s WHERE s.follow_up_id = for_id AND s.status = 'OPEN') END
  FROM meeting m WHERE m.id = for_meeting `,
  },
  {
    signature: 'meeting_party_set(for_id uuid)',
    returns: 'char(2)[]',
    query: `
      SELECT coalesce(array_agg(p.country_code ORDER BY p.country_code), '{}') FROM meeting_party p WHERE p.meeting_id = for_id `,
  },
];

// (a query of no row returns NULL, as the SQL function did)
const plpgsql = (d: Derived) =>
  `CREATE OR REPLACE FUNCTION ${d.signature} RETURNS ${d.returns} LANGUAGE plpgsql STABLE AS $$
      BEGIN RETURN (${d.query}); END $$`;

// (StatementFollowUpOrigins1800000000012 replaced the first; its down restores this one)
export const followUpOriginDatePlpgsql = plpgsql(DERIVED[0]);

// the definitions of FollowUpOriginDate1798400000002 and PartySetsAndRollups1797000000000
const sql = (d: Derived) => `CREATE OR REPLACE FUNCTION ${d.signature} RETURNS ${d.returns} LANGUAGE sql STABLE AS $$${d.query}$$`;

export class DerivedValuePlansKept1799950000000 implements MigrationInterface {
  name = 'DerivedValuePlansKept1799950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const d of DERIVED) await queryRunner.query(plpgsql(d));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const d of DERIVED) await queryRunner.query(sql(d));
  }
}
