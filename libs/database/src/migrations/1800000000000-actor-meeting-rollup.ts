import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: the actors list ("those in the most meetings first") sorted every actor by a count of its
// participation rows, one index scan per actor on each request: 4.2 s for the first page at 1,000,000 meetings
// (2,000 actors, 2,000,000 participations). It also sorted by another number than the one it shows: rows, rejected
// meetings included, where `meetingCount` is the actor's meetings, rejected ones left out, each once.
//
// `rollup_actor` holds that number per actor (per shard, as the other rollups: concurrent writers add to rows of
// their own), kept in the same transaction as every write that changes it:
// - a statement on `meeting_participant` (ingestion, analysts' edits, actor merges and splits, meeting merges):
//   each (actor, meeting) pair it touched counts +1 if the pair is there now and was not before, -1 the other way,
//   where the meeting stands and is not rejected;
// - a meeting rejected or confirmed: each of its actors -1 or +1;
// - a meeting deleted: each of its actors -1, before the delete (its participations then go by cascade, and the
//   statement trigger above skips pairs whose meeting is gone).
// `rollup_rebuild()` (`dyad rollups rebuild`) recomputes it with the rest.

/** rollup_rebuild() as ChartRollupsAtCommit1799300000000 left it, with `last` run after the rebuilds. */
export const rollupRebuild = (last: string) => `CREATE OR REPLACE FUNCTION rollup_rebuild(with_party_sets boolean DEFAULT true) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM rollup_chart_pending WHERE xid = pg_current_xact_id_if_assigned();
        PERFORM follow_up_origin_rebuild();
        PERFORM rollup_rebuild_charts(with_party_sets);
        IF with_party_sets THEN PERFORM meeting_pair_rebuild(); END IF;
        PERFORM rollup_dyad_rebuild();
        PERFORM rollup_score_rebuild();${last}
      END $$`;

// a touched pair `p` (actor_id, meeting_id) counts where its meeting stands and is not rejected
const COUNTED = `JOIN meeting m ON m.id = p.meeting_id AND m.review_status <> 'REJECTED'`;
// the pair has a participation row now (found by the meeting's index: a few rows per meeting), one `also` keeps
const THERE = (p: string, also = '') =>
  `EXISTS (SELECT 1 FROM meeting_participant o WHERE o.meeting_id = ${p}.meeting_id AND o.actor_id = ${p}.actor_id${also})`;
// ... a row this statement did not write (one there before it)
const UNTOUCHED = ' AND o.id NOT IN (SELECT id FROM new_rows)';

export class ActorMeetingRollup1800000000000 implements MigrationInterface {
  name = 'ActorMeetingRollup1800000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`SET LOCAL statement_timeout = 0`);
    await q(`CREATE TABLE rollup_actor (actor_id uuid NOT NULL, shard smallint NOT NULL, meetings integer NOT NULL, PRIMARY KEY (actor_id, shard))`);
    await q(`
      CREATE FUNCTION rollup_actor_add(actors uuid[], deltas int[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO rollup_actor AS r (actor_id, shard, meetings)
        SELECT a, rollup_shard(), sum(d) FROM unnest(actors, deltas) x(a, d) GROUP BY a HAVING sum(d) <> 0 ORDER BY a
        ON CONFLICT (actor_id, shard) DO UPDATE SET meetings = r.meetings + excluded.meetings
      $$`);
    await q(`
      CREATE FUNCTION meeting_participant_actor_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE actors uuid[]; deltas int[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(p.actor_id), array_agg(1) INTO actors, deltas
          FROM (SELECT DISTINCT actor_id, meeting_id FROM new_rows) p ${COUNTED}
          WHERE NOT ${THERE('p', UNTOUCHED)};
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(p.actor_id), array_agg(-1) INTO actors, deltas
          FROM (SELECT DISTINCT actor_id, meeting_id FROM old_rows) p ${COUNTED}
          WHERE NOT ${THERE('p')};
        ELSE
          -- there before: an old row of the pair, or a row of it this statement did not change
          SELECT array_agg(p.actor_id), array_agg(p.after::int - p.before::int) INTO actors, deltas
          FROM (SELECT p.actor_id, p.meeting_id, ${THERE('p')} AS after,
                       EXISTS (SELECT 1 FROM old_rows o WHERE o.meeting_id = p.meeting_id AND o.actor_id = p.actor_id)
                       OR ${THERE('p', UNTOUCHED)} AS before
                FROM (SELECT actor_id, meeting_id FROM old_rows UNION SELECT actor_id, meeting_id FROM new_rows) p) p ${COUNTED}
          WHERE p.after <> p.before;
        END IF;
        IF actors IS NOT NULL THEN PERFORM rollup_actor_add(actors, deltas); END IF;
        RETURN NULL;
      END $$`);
    for (const [op, transition] of [['INSERT', 'NEW TABLE AS new_rows'], ['DELETE', 'OLD TABLE AS old_rows'], ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows']]) {
      await q(`CREATE TRIGGER meeting_participant_actor_rollup_${op.toLowerCase()} AFTER ${op} ON meeting_participant
        REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION meeting_participant_actor_rollup()`);
    }
    // a meeting's actors, each once, counted out (deleted, rejected) or in (confirmed)
    await q(`
      CREATE FUNCTION meeting_actor_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE delta int := CASE WHEN TG_OP = 'UPDATE' AND NEW.review_status <> 'REJECTED' THEN 1 ELSE -1 END;
      BEGIN
        PERFORM rollup_actor_add(array_agg(a), array_fill(delta, ARRAY[count(*)::int]))
        FROM (SELECT DISTINCT actor_id AS a FROM meeting_participant WHERE meeting_id = OLD.id) x HAVING count(*) > 0;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END;
      END $$`);
    await q(`CREATE TRIGGER meeting_actor_rollup_delete BEFORE DELETE ON meeting FOR EACH ROW WHEN (OLD.review_status <> 'REJECTED')
      EXECUTE FUNCTION meeting_actor_rollup()`);
    await q(`CREATE TRIGGER meeting_actor_rollup_review AFTER UPDATE OF review_status ON meeting FOR EACH ROW
      WHEN ((OLD.review_status = 'REJECTED') IS DISTINCT FROM (NEW.review_status = 'REJECTED')) EXECUTE FUNCTION meeting_actor_rollup()`);
    await q(`
      CREATE FUNCTION rollup_actor_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE rollup_actor;
        INSERT INTO rollup_actor (actor_id, shard, meetings)
        SELECT p.actor_id, 0, count(DISTINCT p.meeting_id) FROM meeting_participant p ${COUNTED} GROUP BY 1 ORDER BY 1;
      $$`);
    await q(rollupRebuild(`\n        PERFORM rollup_actor_rebuild();`));
    await q(`SELECT rollup_actor_rebuild()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(rollupRebuild(''));
    await q(`DROP TRIGGER meeting_actor_rollup_delete ON meeting`);
    await q(`DROP TRIGGER meeting_actor_rollup_review ON meeting`);
    for (const op of ['insert', 'delete', 'update']) await q(`DROP TRIGGER meeting_participant_actor_rollup_${op} ON meeting_participant`);
    await q(`DROP FUNCTION meeting_actor_rollup()`);
    await q(`DROP FUNCTION meeting_participant_actor_rollup()`);
    await q(`DROP FUNCTION rollup_actor_rebuild()`);
    await q(`DROP FUNCTION rollup_actor_add(uuid[], int[])`);
    await q(`DROP TABLE rollup_actor`);
  }
}
