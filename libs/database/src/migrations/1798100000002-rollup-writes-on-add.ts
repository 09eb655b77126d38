import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: the chart rollups' row functions of PartySetsAndRollups1797000000000, cheaper for a new fact.
//
// Adding a fact (delta 1) cannot bring a rollup key's count to zero, so the statements that remove rows at
// zero run only when a fact is taken back (delta -1): an ingested meeting, proposal or follow-up costs two,
// two and one statements fewer. (A shard's row may still come to zero on an add, where another writer's
// shard took the fact back; it stays, as rows at zero do until the next take-back of that key.)

function applyFunctions(onlyOnTakeBack: boolean): string[] {
  const when = (sql: string) => (onlyOnTakeBack ? `IF delta < 0 THEN\n${sql}\n        END IF;` : sql);
  return [
    `CREATE OR REPLACE FUNCTION rollup_meeting_apply(m meeting, delta int) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE mon date := rollup_month(m.date, '-infinity');
      BEGIN
        IF m.review_status = 'REJECTED' THEN RETURN; END IF;
        INSERT INTO rollup_meeting AS r (a, b, month, status, type, shard, meetings, last_date)
        SELECT s.a, s.b, mon, m.status, m.type, rollup_shard(), delta, CASE WHEN delta > 0 THEN m.date END
        FROM rollup_scopes(m.party_codes) s ORDER BY s.a, s.b
        ON CONFLICT (a, b, month, status, type, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings,
          last_date = greatest(r.last_date, excluded.last_date);
        IF delta < 0 AND m.date IS NOT NULL THEN
          -- a max cannot be taken back: recompute it where the removed meeting held it
          UPDATE rollup_meeting r SET last_date = (
            SELECT max(x.date) FROM meeting x
            WHERE x.party_codes @> (CASE WHEN r.a = '' THEN '{}' WHEN r.b = '' THEN ARRAY[r.a] ELSE ARRAY[r.a, r.b] END)::char(2)[]
              AND x.date >= r.month AND x.date < (r.month + interval '1 month')::date
              AND x.status = r.status AND x.type = r.type AND x.review_status <> 'REJECTED')
          FROM rollup_scopes(m.party_codes) s
          WHERE r.a = s.a AND r.b = s.b AND r.month = mon AND r.status = m.status AND r.type = m.type AND r.last_date = m.date;
        END IF;
        ${when(`        -- a shard's row at zero may still hold the key's latest date: rows go only when the whole key is at zero
        DELETE FROM rollup_meeting r USING rollup_scopes(m.party_codes) s
        WHERE r.a = s.a AND r.b = s.b AND r.month = mon AND r.status = m.status AND r.type = m.type
          AND NOT EXISTS (SELECT 1 FROM rollup_meeting o WHERE o.a = r.a AND o.b = r.b AND o.month = r.month AND o.status = r.status
                            AND o.type = r.type AND o.meetings <> 0);`)}
        INSERT INTO rollup_meeting_sector AS r (sector, month, status, shard, meetings)
        SELECT DISTINCT x, mon, m.status, rollup_shard(), delta FROM unnest(m.sectors) x ORDER BY 1
        ON CONFLICT (sector, month, status, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings;
        ${when(`        DELETE FROM rollup_meeting_sector r WHERE r.sector = ANY(m.sectors) AND r.month = mon AND r.status = m.status AND r.meetings = 0;`)}
      END $$`,
    `CREATE OR REPLACE FUNCTION rollup_proposal_apply(p proposal, delta int) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE mon date := rollup_month(p.status_date, '-infinity');
      BEGIN
        INSERT INTO rollup_proposal AS r (a, b, month, status, kind, step, shard, proposals)
        SELECT s.a, s.b, mon, p.status, p.kind, p.funnel_step, rollup_shard(), delta FROM rollup_scopes(p.party_codes) s ORDER BY s.a, s.b
        ON CONFLICT (a, b, month, status, kind, step, shard) DO UPDATE SET proposals = r.proposals + excluded.proposals;
        ${when(`        DELETE FROM rollup_proposal r USING rollup_scopes(p.party_codes) s
        WHERE r.a = s.a AND r.b = s.b AND r.month = mon AND r.status = p.status AND r.kind = p.kind AND r.step = p.funnel_step AND r.proposals = 0;`)}
        INSERT INTO rollup_proposal_sector AS r (sector, month, status, shard, proposals)
        SELECT DISTINCT x, mon, p.status, rollup_shard(), delta FROM unnest(p.sectors) x ORDER BY 1
        ON CONFLICT (sector, month, status, shard) DO UPDATE SET proposals = r.proposals + excluded.proposals;
        ${when(`        DELETE FROM rollup_proposal_sector r WHERE r.sector = ANY(p.sectors) AND r.month = mon AND r.status = p.status AND r.proposals = 0;`)}
      END $$`,
    `CREATE OR REPLACE FUNCTION rollup_follow_up_apply(f follow_up_action, delta int) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE mon date := rollup_month(f.due_date, 'infinity');
      BEGIN
        INSERT INTO rollup_follow_up AS r (a, b, due_month, status, horizon, shard, follow_ups)
        SELECT s.a, s.b, mon, f.status, f.horizon, rollup_shard(), delta FROM rollup_scopes(f.party_codes) s ORDER BY s.a, s.b
        ON CONFLICT (a, b, due_month, status, horizon, shard) DO UPDATE SET follow_ups = r.follow_ups + excluded.follow_ups;
        ${when(`        DELETE FROM rollup_follow_up r USING rollup_scopes(f.party_codes) s
        WHERE r.a = s.a AND r.b = s.b AND r.due_month = mon AND r.status = f.status AND r.horizon = f.horizon AND r.follow_ups = 0;`)}
      END $$`,
  ];
}

export class RollupWritesOnAdd1798100000002 implements MigrationInterface {
  name = 'RollupWritesOnAdd1798100000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of applyFunctions(true)) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of applyFunctions(false)) await queryRunner.query(sql);
  }
}
