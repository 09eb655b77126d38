import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: `rollup_proposal_changes` (ChartRollupsPerStatement1798600000000) looks up the sector rows a
// statement took back by key, not by reading the whole sector rollup.
//
// Its DELETE of sector rows left at zero joined the keys taken back (a few; guessed at 1,700 from the arrays) to
// `rollup_proposal_sector` on (sector, month, status), and the planner, expecting few rows at zero, read every row
// of the table once instead of looking up each key: 20,000 rows at 1,000,000 meetings, about 12 ms for every
// statement that changes a proposal's sectors or status (a reading of a known proposal, its history resolved),
// the largest cost of an item ingested into that database. Now each key is looked up in the primary key (the
// OFFSET keeps that lookup per key) and the rows found are deleted by their row address.

const changesFunction = (sectorTakeBack: string) => `CREATE OR REPLACE FUNCTION rollup_proposal_changes(deltas proposal[], signs int[]) RETURNS void LANGUAGE plpgsql
      SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
      BEGIN
        INSERT INTO rollup_proposal AS r (a, b, month, status, kind, step, shard, proposals)
        SELECT s.a, s.b, rollup_month(p.status_date, '-infinity'), p.status, p.kind, p.funnel_step, rollup_shard(), sum(d.sign)
        FROM generate_subscripts(deltas, 1) i CROSS JOIN LATERAL (SELECT signs[i] AS sign) d CROSS JOIN LATERAL (SELECT (deltas[i]).*) p CROSS JOIN LATERAL rollup_scopes(p.party_codes) s
        GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (a, b, month, status, kind, step, shard) DO UPDATE SET proposals = r.proposals + excluded.proposals;
        INSERT INTO rollup_proposal_sector AS r (sector, month, status, shard, proposals)
        SELECT x.sector, rollup_month(p.status_date, '-infinity'), p.status, rollup_shard(), sum(d.sign)
        FROM generate_subscripts(deltas, 1) i CROSS JOIN LATERAL (SELECT signs[i] AS sign) d CROSS JOIN LATERAL (SELECT (deltas[i]).*) p
        CROSS JOIN LATERAL (SELECT DISTINCT x AS sector FROM unnest(p.sectors) x) x
        GROUP BY 1, 2, 3 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (sector, month, status, shard) DO UPDATE SET proposals = r.proposals + excluded.proposals;
        IF -1 = ANY(signs) THEN
          -- a key taken back may have come to zero: such rows go (adding cannot bring a key to zero)
          DELETE FROM rollup_proposal r USING (
            SELECT DISTINCT s.a, s.b, rollup_month(p.status_date, '-infinity') AS month, p.status, p.kind, p.funnel_step AS step
            FROM generate_subscripts(deltas, 1) i CROSS JOIN LATERAL (SELECT signs[i] AS sign) d CROSS JOIN LATERAL (SELECT (deltas[i]).*) p CROSS JOIN LATERAL rollup_scopes(p.party_codes) s
            WHERE d.sign < 0) k
          WHERE r.a = k.a AND r.b = k.b AND r.month = k.month AND r.status = k.status AND r.kind = k.kind AND r.step = k.step AND r.proposals = 0;
          ${sectorTakeBack}
        END IF;
      END $$`;

const takenBackKeys = `SELECT DISTINCT x AS sector, rollup_month(p.status_date, '-infinity') AS month, p.status
            FROM generate_subscripts(deltas, 1) i CROSS JOIN LATERAL (SELECT signs[i] AS sign) d CROSS JOIN LATERAL (SELECT (deltas[i]).*) p CROSS JOIN LATERAL unnest(p.sectors) x
            WHERE d.sign < 0`;

const byKey = `DELETE FROM rollup_proposal_sector r WHERE r.ctid = ANY(ARRAY(
            SELECT z.ctid FROM (${takenBackKeys}) k
            CROSS JOIN LATERAL (SELECT s.ctid FROM rollup_proposal_sector s
                                WHERE s.sector = k.sector AND s.month = k.month AND s.status = k.status AND s.proposals = 0 OFFSET 0) z))
            AND r.proposals = 0;`;

const byJoin = `DELETE FROM rollup_proposal_sector r USING (
            ${takenBackKeys}) k
          WHERE r.sector = k.sector AND r.month = k.month AND r.status = k.status AND r.proposals = 0;`;

export class ProposalSectorRollupTakeBack1799000000001 implements MigrationInterface {
  name = 'ProposalSectorRollupTakeBack1799000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(changesFunction(byKey));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(changesFunction(byJoin));
  }
}
