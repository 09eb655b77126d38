import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: triggers and rollup tables are beyond what TypeORM generates from entities.
//
// 1. Stored party sets: `party_codes char(2)[]` on meeting, proposal and follow_up_action, sorted, kept equal to
//    the party rows by triggers on meeting_party / proposal_party / follow_up_owner (a follow-up's set is its
//    meeting's, else its proposal's, else its owners, as in the follow-up filter), GIN-indexed so "every one of
//    these countries is a party" is one index lookup (`party_codes @> '{IR,KZ}'`).
// 2. Rollups for the charts, kept current by row triggers in the same transaction as every write (ingestion,
//    analyst edits, merges, deletes); `SELECT rollup_rebuild()` (the `dyad rollups rebuild` command) recomputes
//    them from the base rows. Each rollup row has a scope (a, b): ('', '') every fact, (X, '') the facts X is a
//    party to, (X, Y) with X < Y the facts of that dyad. Counts are split over 8 shards (by backend) so
//    concurrent writers rarely wait on the same row; readers sum the shards. Rejected meetings are left out.
export class PartySetsAndRollups1797000000000 implements MigrationInterface {
  name = 'PartySetsAndRollups1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);

    // ---- party sets -------------------------------------------------------------------------------------
    await q(`ALTER TABLE meeting ADD party_codes char(2)[] NOT NULL DEFAULT '{}'`);
    await q(`ALTER TABLE proposal ADD party_codes char(2)[] NOT NULL DEFAULT '{}'`);
    await q(`ALTER TABLE follow_up_action ADD party_codes char(2)[] NOT NULL DEFAULT '{}'`);
    // the lifecycle step a proposal ever reached (the funnel's "reached"), kept from its history
    await q(`ALTER TABLE proposal ADD funnel_step smallint NOT NULL DEFAULT 1`);

    await q(`CREATE FUNCTION meeting_party_set(for_id uuid) RETURNS char(2)[] LANGUAGE sql STABLE AS $$
      SELECT coalesce(array_agg(p.country_code ORDER BY p.country_code), '{}') FROM meeting_party p WHERE p.meeting_id = for_id $$`);
    await q(`CREATE FUNCTION proposal_party_set(for_id uuid) RETURNS char(2)[] LANGUAGE sql STABLE AS $$
      SELECT coalesce(array_agg(p.country_code ORDER BY p.country_code), '{}') FROM proposal_party p WHERE p.proposal_id = for_id $$`);
    await q(`CREATE FUNCTION follow_up_party_set(for_id uuid, for_meeting uuid, for_proposal uuid) RETURNS char(2)[] LANGUAGE sql STABLE AS $$
      SELECT CASE WHEN for_meeting IS NOT NULL THEN (SELECT m.party_codes FROM meeting m WHERE m.id = for_meeting)
                  WHEN for_proposal IS NOT NULL THEN (SELECT p.party_codes FROM proposal p WHERE p.id = for_proposal)
                  ELSE (SELECT coalesce(array_agg(o.country_code ORDER BY o.country_code), '{}') FROM follow_up_owner o WHERE o.follow_up_id = for_id)
             END $$`);
    await q(`CREATE FUNCTION proposal_funnel_step(for_id uuid, current_status proposal_status) RETURNS smallint LANGUAGE sql STABLE AS $$
      SELECT coalesce(greatest(array_position('{PROPOSED,AGREED,NEGOTIATING,SIGNED,IMPLEMENTING,COMPLETED}'::proposal_status[], current_status),
                               (SELECT max(array_position('{PROPOSED,AGREED,NEGOTIATING,SIGNED,IMPLEMENTING,COMPLETED}'::proposal_status[], c.status))
                                FROM proposal_status_change c WHERE c.proposal_id = for_id)), 1)::smallint $$`);

    // Statement triggers with transition tables: one UPDATE per statement, however many party rows it wrote.
    const partyTriggers = (table: string, parent: string, idColumn: string, setFn: string) => [
      `CREATE FUNCTION ${table}_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP IN ('INSERT', 'UPDATE') THEN
           UPDATE ${parent} t SET party_codes = ${setFn}(t.id) WHERE t.id IN (SELECT ${idColumn} FROM new_rows)
             AND t.party_codes IS DISTINCT FROM ${setFn}(t.id);
         END IF;
         IF TG_OP IN ('DELETE', 'UPDATE') THEN
           UPDATE ${parent} t SET party_codes = ${setFn}(t.id) WHERE t.id IN (SELECT ${idColumn} FROM old_rows)
             AND t.party_codes IS DISTINCT FROM ${setFn}(t.id);
         END IF;
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER ${table}_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_refresh()`,
      `CREATE TRIGGER ${table}_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_refresh()`,
      `CREATE TRIGGER ${table}_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_refresh()`,
    ];
    for (const sql of partyTriggers('meeting_party', 'meeting', 'meeting_id', 'meeting_party_set')) await q(sql);
    for (const sql of partyTriggers('proposal_party', 'proposal', 'proposal_id', 'proposal_party_set')) await q(sql);
    await q(`CREATE FUNCTION follow_up_owner_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          UPDATE follow_up_action t SET party_codes = follow_up_party_set(t.id, t.meeting_id, t.proposal_id)
          WHERE t.id IN (SELECT follow_up_id FROM new_rows) AND t.meeting_id IS NULL AND t.proposal_id IS NULL;
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          UPDATE follow_up_action t SET party_codes = follow_up_party_set(t.id, t.meeting_id, t.proposal_id)
          WHERE t.id IN (SELECT follow_up_id FROM old_rows) AND t.meeting_id IS NULL AND t.proposal_id IS NULL;
        END IF;
        RETURN NULL;
      END $$`);
    await q(`CREATE TRIGGER follow_up_owner_insert AFTER INSERT ON follow_up_owner REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION follow_up_owner_refresh()`);
    await q(`CREATE TRIGGER follow_up_owner_update AFTER UPDATE ON follow_up_owner REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION follow_up_owner_refresh()`);
    await q(`CREATE TRIGGER follow_up_owner_delete AFTER DELETE ON follow_up_owner REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION follow_up_owner_refresh()`);
    // a follow-up takes its set when written; it follows its meeting's or proposal's set when that changes
    await q(`CREATE FUNCTION follow_up_action_party_codes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.party_codes := follow_up_party_set(NEW.id, NEW.meeting_id, NEW.proposal_id); RETURN NEW; END $$`);
    await q(`CREATE TRIGGER follow_up_action_party_codes BEFORE INSERT OR UPDATE OF meeting_id, proposal_id, party_codes ON follow_up_action
      FOR EACH ROW EXECUTE FUNCTION follow_up_action_party_codes()`);
    await q(`CREATE FUNCTION meeting_party_codes_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE follow_up_action SET party_codes = NEW.party_codes WHERE meeting_id = NEW.id; RETURN NULL; END $$`);
    await q(`CREATE TRIGGER meeting_party_codes_cascade AFTER UPDATE OF party_codes ON meeting FOR EACH ROW
      WHEN (OLD.party_codes IS DISTINCT FROM NEW.party_codes) EXECUTE FUNCTION meeting_party_codes_cascade()`);
    await q(`CREATE FUNCTION proposal_party_codes_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE follow_up_action SET party_codes = NEW.party_codes WHERE meeting_id IS NULL AND proposal_id = NEW.id; RETURN NULL; END $$`);
    await q(`CREATE TRIGGER proposal_party_codes_cascade AFTER UPDATE OF party_codes ON proposal FOR EACH ROW
      WHEN (OLD.party_codes IS DISTINCT FROM NEW.party_codes) EXECUTE FUNCTION proposal_party_codes_cascade()`);
    // a proposal's funnel step follows its status and its history
    await q(`CREATE FUNCTION proposal_funnel_step_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.funnel_step := proposal_funnel_step(NEW.id, NEW.status); RETURN NEW; END $$`);
    await q(`CREATE TRIGGER proposal_funnel_step BEFORE INSERT OR UPDATE OF status, funnel_step ON proposal FOR EACH ROW EXECUTE FUNCTION proposal_funnel_step_row()`);
    await q(`CREATE FUNCTION proposal_history_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          UPDATE proposal p SET funnel_step = proposal_funnel_step(p.id, p.status)
          WHERE p.id IN (SELECT proposal_id FROM new_rows) AND p.funnel_step IS DISTINCT FROM proposal_funnel_step(p.id, p.status);
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          UPDATE proposal p SET funnel_step = proposal_funnel_step(p.id, p.status)
          WHERE p.id IN (SELECT proposal_id FROM old_rows) AND p.funnel_step IS DISTINCT FROM proposal_funnel_step(p.id, p.status);
        END IF;
        RETURN NULL;
      END $$`);
    await q(`CREATE TRIGGER proposal_status_change_insert AFTER INSERT ON proposal_status_change REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION proposal_history_refresh()`);
    await q(`CREATE TRIGGER proposal_status_change_update AFTER UPDATE ON proposal_status_change REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION proposal_history_refresh()`);
    await q(`CREATE TRIGGER proposal_status_change_delete AFTER DELETE ON proposal_status_change REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION proposal_history_refresh()`);

    // backfill, then index
    await q(`UPDATE meeting SET party_codes = meeting_party_set(id)`);
    await q(`UPDATE proposal SET party_codes = proposal_party_set(id), funnel_step = proposal_funnel_step(id, status)`);
    await q(`UPDATE follow_up_action SET party_codes = follow_up_party_set(id, meeting_id, proposal_id)`);
    await q(`CREATE INDEX meeting_party_codes_gin ON meeting USING gin (party_codes)`);
    await q(`CREATE INDEX proposal_party_codes_gin ON proposal USING gin (party_codes)`);
    await q(`CREATE INDEX follow_up_action_party_codes_gin ON follow_up_action USING gin (party_codes)`);
    // sort indexes of the lists, and the foreign keys the cascades above look up
    await q(`CREATE INDEX meeting_date_desc_id ON meeting (date DESC NULLS LAST, id)`);
    await q(`CREATE INDEX proposal_status_date_desc_id ON proposal (status_date DESC NULLS LAST, id)`);
    await q(`CREATE INDEX follow_up_action_meeting_id ON follow_up_action (meeting_id)`);
    await q(`CREATE INDEX follow_up_action_proposal_id ON follow_up_action (proposal_id)`);

    // ---- rollups -----------------------------------------------------------------------------------------
    await q(`CREATE FUNCTION rollup_scopes(codes char(2)[]) RETURNS TABLE (a text, b text) LANGUAGE sql IMMUTABLE AS $$
      SELECT '', ''
      UNION ALL SELECT x::text, '' FROM unnest(codes) x
      UNION ALL SELECT x::text, y::text FROM unnest(codes) x, unnest(codes) y WHERE x < y $$`);
    await q(`CREATE FUNCTION rollup_shard() RETURNS smallint LANGUAGE sql STABLE AS $$ SELECT (pg_backend_pid() % 8)::smallint $$`);
    await q(`CREATE FUNCTION rollup_month(d date, missing date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
      SELECT coalesce(date_trunc('month', d)::date, missing) $$`);

    await q(`CREATE TABLE rollup_meeting (a text NOT NULL, b text NOT NULL, month date NOT NULL, status event_status NOT NULL,
      type event_type NOT NULL, shard smallint NOT NULL, meetings int NOT NULL, last_date date,
      PRIMARY KEY (a, b, month, status, type, shard))`);
    await q(`CREATE TABLE rollup_meeting_sector (sector sector NOT NULL, month date NOT NULL, status event_status NOT NULL,
      shard smallint NOT NULL, meetings int NOT NULL, PRIMARY KEY (sector, month, status, shard))`);
    await q(`CREATE TABLE rollup_proposal (a text NOT NULL, b text NOT NULL, month date NOT NULL, status proposal_status NOT NULL,
      kind proposal_kind NOT NULL, step smallint NOT NULL, shard smallint NOT NULL, proposals int NOT NULL,
      PRIMARY KEY (a, b, month, status, kind, step, shard))`);
    await q(`CREATE TABLE rollup_proposal_sector (sector sector NOT NULL, month date NOT NULL, status proposal_status NOT NULL,
      shard smallint NOT NULL, proposals int NOT NULL, PRIMARY KEY (sector, month, status, shard))`);
    await q(`CREATE TABLE rollup_follow_up (a text NOT NULL, b text NOT NULL, due_month date NOT NULL, status follow_up_status NOT NULL,
      horizon follow_up_horizon NOT NULL, shard smallint NOT NULL, follow_ups int NOT NULL,
      PRIMARY KEY (a, b, due_month, status, horizon, shard))`);

    // undated meetings and proposals sort under month -infinity; follow-ups with no due date under +infinity
    await q(`CREATE FUNCTION rollup_meeting_apply(m meeting, delta int) RETURNS void LANGUAGE plpgsql AS $$
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
        -- a shard's row at zero may still hold the key's latest date: rows go only when the whole key is at zero
        DELETE FROM rollup_meeting r USING rollup_scopes(m.party_codes) s
        WHERE r.a = s.a AND r.b = s.b AND r.month = mon AND r.status = m.status AND r.type = m.type
          AND NOT EXISTS (SELECT 1 FROM rollup_meeting o WHERE o.a = r.a AND o.b = r.b AND o.month = r.month AND o.status = r.status
                            AND o.type = r.type AND o.meetings <> 0);
        INSERT INTO rollup_meeting_sector AS r (sector, month, status, shard, meetings)
        SELECT DISTINCT x, mon, m.status, rollup_shard(), delta FROM unnest(m.sectors) x ORDER BY 1
        ON CONFLICT (sector, month, status, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings;
        DELETE FROM rollup_meeting_sector r WHERE r.sector = ANY(m.sectors) AND r.month = mon AND r.status = m.status AND r.meetings = 0;
      END $$`);
    await q(`CREATE FUNCTION rollup_proposal_apply(p proposal, delta int) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE mon date := rollup_month(p.status_date, '-infinity');
      BEGIN
        INSERT INTO rollup_proposal AS r (a, b, month, status, kind, step, shard, proposals)
        SELECT s.a, s.b, mon, p.status, p.kind, p.funnel_step, rollup_shard(), delta FROM rollup_scopes(p.party_codes) s ORDER BY s.a, s.b
        ON CONFLICT (a, b, month, status, kind, step, shard) DO UPDATE SET proposals = r.proposals + excluded.proposals;
        DELETE FROM rollup_proposal r USING rollup_scopes(p.party_codes) s
        WHERE r.a = s.a AND r.b = s.b AND r.month = mon AND r.status = p.status AND r.kind = p.kind AND r.step = p.funnel_step AND r.proposals = 0;
        INSERT INTO rollup_proposal_sector AS r (sector, month, status, shard, proposals)
        SELECT DISTINCT x, mon, p.status, rollup_shard(), delta FROM unnest(p.sectors) x ORDER BY 1
        ON CONFLICT (sector, month, status, shard) DO UPDATE SET proposals = r.proposals + excluded.proposals;
        DELETE FROM rollup_proposal_sector r WHERE r.sector = ANY(p.sectors) AND r.month = mon AND r.status = p.status AND r.proposals = 0;
      END $$`);
    await q(`CREATE FUNCTION rollup_follow_up_apply(f follow_up_action, delta int) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE mon date := rollup_month(f.due_date, 'infinity');
      BEGIN
        INSERT INTO rollup_follow_up AS r (a, b, due_month, status, horizon, shard, follow_ups)
        SELECT s.a, s.b, mon, f.status, f.horizon, rollup_shard(), delta FROM rollup_scopes(f.party_codes) s ORDER BY s.a, s.b
        ON CONFLICT (a, b, due_month, status, horizon, shard) DO UPDATE SET follow_ups = r.follow_ups + excluded.follow_ups;
        DELETE FROM rollup_follow_up r USING rollup_scopes(f.party_codes) s
        WHERE r.a = s.a AND r.b = s.b AND r.due_month = mon AND r.status = f.status AND r.horizon = f.horizon AND r.follow_ups = 0;
      END $$`);
    for (const [table, fn, columns] of [
      ['meeting', 'rollup_meeting_apply', 'party_codes, date, status, type, review_status, sectors'],
      ['proposal', 'rollup_proposal_apply', 'party_codes, status_date, status, kind, funnel_step, sectors'],
      ['follow_up_action', 'rollup_follow_up_apply', 'party_codes, due_date, status, horizon'],
    ]) {
      const changed = columns.split(', ').map((column) => `OLD.${column} IS DISTINCT FROM NEW.${column}`).join(' OR ');
      await q(`CREATE FUNCTION ${table}_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM ${fn}(OLD, -1); END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM ${fn}(NEW, 1); END IF;
          RETURN NULL;
        END $$`);
      await q(`CREATE TRIGGER ${table}_rollup AFTER INSERT OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_rollup()`);
      // no column list: a BEFORE trigger may change these columns (party_codes, funnel_step) without the UPDATE naming them
      await q(`CREATE TRIGGER ${table}_rollup_update AFTER UPDATE ON ${table} FOR EACH ROW WHEN (${changed})
        EXECUTE FUNCTION ${table}_rollup()`);
    }

    // Recomputes every party set and rollup from the base rows (after a bulk load with triggers off, or to check).
    await q(`CREATE FUNCTION rollup_rebuild(with_party_sets boolean DEFAULT true) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF with_party_sets THEN
        UPDATE meeting t SET party_codes = s.codes FROM (
          SELECT m.id, coalesce(array_agg(p.country_code ORDER BY p.country_code) FILTER (WHERE p.country_code IS NOT NULL), '{}') AS codes
          FROM meeting m LEFT JOIN meeting_party p ON p.meeting_id = m.id GROUP BY m.id) s
        WHERE s.id = t.id AND t.party_codes IS DISTINCT FROM s.codes;
        UPDATE proposal t SET party_codes = s.codes FROM (
          SELECT pr.id, coalesce(array_agg(p.country_code ORDER BY p.country_code) FILTER (WHERE p.country_code IS NOT NULL), '{}') AS codes
          FROM proposal pr LEFT JOIN proposal_party p ON p.proposal_id = pr.id GROUP BY pr.id) s
        WHERE s.id = t.id AND t.party_codes IS DISTINCT FROM s.codes;
        UPDATE proposal t SET funnel_step = s.step FROM (
          SELECT pr.id, coalesce(greatest(array_position('{PROPOSED,AGREED,NEGOTIATING,SIGNED,IMPLEMENTING,COMPLETED}'::proposal_status[], pr.status),
                   max(array_position('{PROPOSED,AGREED,NEGOTIATING,SIGNED,IMPLEMENTING,COMPLETED}'::proposal_status[], c.status))), 1)::smallint AS step
          FROM proposal pr LEFT JOIN proposal_status_change c ON c.proposal_id = pr.id GROUP BY pr.id) s
        WHERE s.id = t.id AND t.funnel_step IS DISTINCT FROM s.step;
        UPDATE follow_up_action t SET party_codes = s.codes FROM (
          SELECT f.id, CASE WHEN f.meeting_id IS NOT NULL THEN m.party_codes WHEN f.proposal_id IS NOT NULL THEN p.party_codes
                            ELSE coalesce((SELECT array_agg(o.country_code ORDER BY o.country_code) FROM follow_up_owner o WHERE o.follow_up_id = f.id), '{}') END AS codes
          FROM follow_up_action f LEFT JOIN meeting m ON m.id = f.meeting_id LEFT JOIN proposal p ON p.id = f.proposal_id) s
        WHERE s.id = t.id AND t.party_codes IS DISTINCT FROM s.codes;
        END IF;

        TRUNCATE rollup_meeting, rollup_meeting_sector, rollup_proposal, rollup_proposal_sector, rollup_follow_up;
        INSERT INTO rollup_meeting (a, b, month, status, type, shard, meetings, last_date)
        SELECT s.a, s.b, rollup_month(m.date, '-infinity'), m.status, m.type, 0, count(*), max(m.date)
        FROM meeting m CROSS JOIN LATERAL (SELECT ''::text AS a, ''::text AS b UNION ALL SELECT x::text, '' FROM unnest(m.party_codes) x
                            UNION ALL SELECT x::text, y::text FROM unnest(m.party_codes) x, unnest(m.party_codes) y WHERE x < y) s WHERE m.review_status <> 'REJECTED'
        GROUP BY 1, 2, 3, 4, 5;
        INSERT INTO rollup_meeting_sector (sector, month, status, shard, meetings)
        SELECT x.sector, rollup_month(m.date, '-infinity'), m.status, 0, count(*)
        FROM meeting m CROSS JOIN LATERAL (SELECT DISTINCT unnest(m.sectors) AS sector) x WHERE m.review_status <> 'REJECTED'
        GROUP BY 1, 2, 3;
        INSERT INTO rollup_proposal (a, b, month, status, kind, step, shard, proposals)
        SELECT s.a, s.b, rollup_month(p.status_date, '-infinity'), p.status, p.kind, p.funnel_step, 0, count(*)
        FROM proposal p CROSS JOIN LATERAL (SELECT ''::text AS a, ''::text AS b UNION ALL SELECT x::text, '' FROM unnest(p.party_codes) x
                            UNION ALL SELECT x::text, y::text FROM unnest(p.party_codes) x, unnest(p.party_codes) y WHERE x < y) s
        GROUP BY 1, 2, 3, 4, 5, 6;
        INSERT INTO rollup_proposal_sector (sector, month, status, shard, proposals)
        SELECT x.sector, rollup_month(p.status_date, '-infinity'), p.status, 0, count(*)
        FROM proposal p CROSS JOIN LATERAL (SELECT DISTINCT unnest(p.sectors) AS sector) x
        GROUP BY 1, 2, 3;
        INSERT INTO rollup_follow_up (a, b, due_month, status, horizon, shard, follow_ups)
        SELECT s.a, s.b, rollup_month(f.due_date, 'infinity'), f.status, f.horizon, 0, count(*)
        FROM follow_up_action f CROSS JOIN LATERAL (SELECT ''::text AS a, ''::text AS b UNION ALL SELECT x::text, '' FROM unnest(f.party_codes) x
                            UNION ALL SELECT x::text, y::text FROM unnest(f.party_codes) x, unnest(f.party_codes) y WHERE x < y) s
        GROUP BY 1, 2, 3, 4, 5;
      END $$`);
    await q(`SELECT rollup_rebuild()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const table of ['meeting', 'proposal', 'follow_up_action']) {
      await q(`DROP TRIGGER ${table}_rollup ON ${table}`);
      await q(`DROP TRIGGER ${table}_rollup_update ON ${table}`);
      await q(`DROP FUNCTION ${table}_rollup()`);
    }
    await q(`DROP FUNCTION rollup_rebuild(boolean)`);
    await q(`DROP FUNCTION rollup_meeting_apply(meeting, int)`);
    await q(`DROP FUNCTION rollup_proposal_apply(proposal, int)`);
    await q(`DROP FUNCTION rollup_follow_up_apply(follow_up_action, int)`);
    await q(`DROP TABLE rollup_meeting, rollup_meeting_sector, rollup_proposal, rollup_proposal_sector, rollup_follow_up`);
    await q(`DROP FUNCTION rollup_scopes(char(2)[])`);
    await q(`DROP FUNCTION rollup_shard()`);
    await q(`DROP FUNCTION rollup_month(date, date)`);
    for (const table of ['meeting_party', 'proposal_party', 'follow_up_owner', 'proposal_status_change']) {
      for (const event of ['insert', 'update', 'delete']) await q(`DROP TRIGGER ${table}_${event} ON ${table}`);
    }
    await q(`DROP TRIGGER follow_up_action_party_codes ON follow_up_action`);
    await q(`DROP TRIGGER meeting_party_codes_cascade ON meeting`);
    await q(`DROP TRIGGER proposal_party_codes_cascade ON proposal`);
    await q(`DROP TRIGGER proposal_funnel_step ON proposal`);
    for (const fn of [
      'meeting_party_refresh()', 'proposal_party_refresh()', 'follow_up_owner_refresh()', 'proposal_history_refresh()',
      'follow_up_action_party_codes()', 'meeting_party_codes_cascade()', 'proposal_party_codes_cascade()', 'proposal_funnel_step_row()',
      'meeting_party_set(uuid)', 'proposal_party_set(uuid)', 'follow_up_party_set(uuid, uuid, uuid)', 'proposal_funnel_step(uuid, proposal_status)',
    ]) await q(`DROP FUNCTION ${fn}`);
    for (const index of [
      'meeting_party_codes_gin', 'proposal_party_codes_gin', 'follow_up_action_party_codes_gin', 'meeting_date_desc_id',
      'proposal_status_date_desc_id', 'follow_up_action_meeting_id', 'follow_up_action_proposal_id',
    ]) await q(`DROP INDEX ${index}`);
    await q(`ALTER TABLE proposal DROP COLUMN funnel_step`);
    for (const table of ['meeting', 'proposal', 'follow_up_action']) await q(`ALTER TABLE ${table} DROP COLUMN party_codes`);
  }
}
