import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: a follow-up's party set (its meeting's parties, else its proposal's, else its owners) is
// computed by a PL/pgSQL function that runs only the query of its case, each with the plan the session keeps.
//
// The SQL function, a CASE of three subqueries, could not be inlined (it reads tables): each call of the BEFORE
// row trigger of follow_up_action planned it again, the three subqueries, for one index read. Linking inserts
// every follow-up it finds through that trigger. In a rolled-back INSERT of three follow-ups of a meeting, the
// trigger took 0.22–0.34 ms before, 0.03–0.08 ms after. The values are unchanged.

const current = `CREATE OR REPLACE FUNCTION follow_up_party_set(for_id uuid, for_meeting uuid, for_proposal uuid) RETURNS char(2)[] LANGUAGE plpgsql STABLE AS $$
      BEGIN
        IF for_meeting IS NOT NULL THEN RETURN (SELECT m.party_codes FROM meeting m WHERE m.id = for_meeting); END IF;
        IF for_proposal IS NOT NULL THEN RETURN (SELECT p.party_codes FROM proposal p WHERE p.id = for_proposal); END IF;
        RETURN (SELECT coalesce(array_agg(o.country_code ORDER BY o.country_code), '{}') FROM follow_up_owner o WHERE o.follow_up_id = for_id);
      END $$`;

// PartySetsAndRollups1797000000000's definition, restored by down
const previous = `CREATE OR REPLACE FUNCTION follow_up_party_set(for_id uuid, for_meeting uuid, for_proposal uuid) RETURNS char(2)[] LANGUAGE sql STABLE AS $$
      SELECT CASE WHEN for_meeting IS NOT NULL THEN (SELECT m.party_codes FROM meeting m WHERE m.id = for_meeting)
                  WHEN for_proposal IS NOT NULL THEN (SELECT p.party_codes FROM proposal p WHERE p.id = for_proposal)
                  ELSE (SELECT coalesce(array_agg(o.country_code ORDER BY o.country_code), '{}') FROM follow_up_owner o WHERE o.follow_up_id = for_id)
             END $$`;

export class FollowUpPartySetByBranch1799950000002 implements MigrationInterface {
  name = 'FollowUpPartySetByBranch1799950000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(current);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(previous);
  }
}
