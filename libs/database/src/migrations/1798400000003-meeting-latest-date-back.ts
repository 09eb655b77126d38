import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: when a meeting leaves a key of `rollup_meeting` (RollupWritesOnAdd1798100000002) whose latest
// date it held, the key's latest date is found reading meetings back from that date (the latest one left is at
// most it), newest first by the index of dates, and the read stops at the first that matches.
//
// Before, every meeting of the key's month was read (a bitmap of the month's dates and of the party set, about
// 12,000 and 60,000 entries at 1,000,000 meetings) to take their max: about 50 ms for each of the key's scopes
// (all, each country, each pair) whenever an ingested report moved a meeting from announced to held.

export const apply = (body: string) => `CREATE OR REPLACE FUNCTION rollup_meeting_apply(m meeting, delta int) RETURNS void LANGUAGE plpgsql AS $$${body}$$`;

export const BACK_FROM_DATE = `
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
            SELECT x.date FROM meeting x
            -- (as text[]: not a lookup in the GIN index of party sets, whose '{}' would list every meeting)
            WHERE x.party_codes::text[] @> (CASE WHEN r.a = '' THEN '{}' WHEN r.b = '' THEN ARRAY[r.a] ELSE ARRAY[r.a, r.b] END)::text[]
              AND x.date >= r.month AND x.date <= m.date
              AND x.status = r.status AND x.type = r.type AND x.review_status <> 'REJECTED'
            ORDER BY x.date DESC LIMIT 1)
          FROM rollup_scopes(m.party_codes) s
          WHERE r.a = s.a AND r.b = s.b AND r.month = mon AND r.status = m.status AND r.type = m.type AND r.last_date = m.date;
        END IF;
        IF delta < 0 THEN
        -- a shard's row at zero may still hold the key's latest date: rows go only when the whole key is at zero
        DELETE FROM rollup_meeting r USING rollup_scopes(m.party_codes) s
        WHERE r.a = s.a AND r.b = s.b AND r.month = mon AND r.status = m.status AND r.type = m.type
          AND NOT EXISTS (SELECT 1 FROM rollup_meeting o WHERE o.a = r.a AND o.b = r.b AND o.month = r.month AND o.status = r.status
                            AND o.type = r.type AND o.meetings <> 0);
        END IF;
        INSERT INTO rollup_meeting_sector AS r (sector, month, status, shard, meetings)
        SELECT DISTINCT x, mon, m.status, rollup_shard(), delta FROM unnest(m.sectors) x ORDER BY 1
        ON CONFLICT (sector, month, status, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings;
        IF delta < 0 THEN
        DELETE FROM rollup_meeting_sector r WHERE r.sector = ANY(m.sectors) AND r.month = mon AND r.status = m.status AND r.meetings = 0;
        END IF;
      END `;

const WHOLE_MONTH = `
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
        IF delta < 0 THEN
        -- a shard's row at zero may still hold the key's latest date: rows go only when the whole key is at zero
        DELETE FROM rollup_meeting r USING rollup_scopes(m.party_codes) s
        WHERE r.a = s.a AND r.b = s.b AND r.month = mon AND r.status = m.status AND r.type = m.type
          AND NOT EXISTS (SELECT 1 FROM rollup_meeting o WHERE o.a = r.a AND o.b = r.b AND o.month = r.month AND o.status = r.status
                            AND o.type = r.type AND o.meetings <> 0);
        END IF;
        INSERT INTO rollup_meeting_sector AS r (sector, month, status, shard, meetings)
        SELECT DISTINCT x, mon, m.status, rollup_shard(), delta FROM unnest(m.sectors) x ORDER BY 1
        ON CONFLICT (sector, month, status, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings;
        IF delta < 0 THEN
        DELETE FROM rollup_meeting_sector r WHERE r.sector = ANY(m.sectors) AND r.month = mon AND r.status = m.status AND r.meetings = 0;
        END IF;
      END `;

export class MeetingLatestDateBack1798400000003 implements MigrationInterface {
  name = 'MeetingLatestDateBack1798400000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(apply(BACK_FROM_DATE));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(apply(WHOLE_MONTH));
  }
}
