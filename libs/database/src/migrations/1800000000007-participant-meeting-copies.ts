import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rollupRebuild } from './1800000000000-actor-meeting-rollup.js';

// Written by hand: an actor's page (its meetings latest first, their countries, its titles) looked up every meeting
// of the actor, each by its primary key: about 4,800 for the busiest at 1,000,000 meetings, 72-111 ms for the page.
// Each participation now carries what those lists read of its meeting: the date, whether it was rejected and its
// party set. An index by actor, date and meeting over the participations of meetings not rejected, carrying the
// party set, gives the page in order and the countries from the index alone.
// - a participation inserted or moved to another meeting (a merge) copies them, before the row is written;
// - a meeting whose date, review status or party set changes passes them on to its participations.
// `rollup_rebuild()` (`dyad rollups rebuild`) recomputes them with the party sets.

const rebuild = `CREATE FUNCTION meeting_participant_copies_rebuild() RETURNS void LANGUAGE sql AS $$
  UPDATE meeting_participant t SET meeting_date = m.date, meeting_rejected = m.review_status = 'REJECTED', meeting_party_codes = m.party_codes
  FROM meeting m
  WHERE m.id = t.meeting_id
    AND (t.meeting_date, t.meeting_rejected, t.meeting_party_codes) IS DISTINCT FROM (m.date, m.review_status = 'REJECTED', m.party_codes) $$`;

// what FollowUpMeetingSectors1800000000006 left rollup_rebuild doing after the charts
const REBUILT_BEFORE = `
        PERFORM rollup_actor_rebuild();
        PERFORM rollup_news_item_rebuild();
        IF with_party_sets THEN PERFORM follow_up_meeting_sectors_rebuild(); END IF;`;

export class ParticipantMeetingCopies1800000000007 implements MigrationInterface {
  name = 'ParticipantMeetingCopies1800000000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`SET LOCAL statement_timeout = 0`);
    await q(`ALTER TABLE meeting_participant ADD COLUMN meeting_date date, ADD COLUMN meeting_rejected boolean NOT NULL DEFAULT false,
      ADD COLUMN meeting_party_codes char(2)[] NOT NULL DEFAULT '{}'`);
    await q(rebuild);
    await q(`SELECT meeting_participant_copies_rebuild()`);
    await q(`CREATE FUNCTION meeting_participant_copies() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT m.date, m.review_status = 'REJECTED', m.party_codes INTO NEW.meeting_date, NEW.meeting_rejected, NEW.meeting_party_codes
        FROM meeting m WHERE m.id = NEW.meeting_id;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER meeting_participant_copies BEFORE INSERT OR UPDATE OF meeting_id, meeting_date, meeting_rejected, meeting_party_codes
      ON meeting_participant FOR EACH ROW EXECUTE FUNCTION meeting_participant_copies()`);
    // (looked for first: the update would run the participations' statement triggers for a meeting with none)
    await q(`CREATE FUNCTION meeting_participant_copies_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM meeting_participant WHERE meeting_id = NEW.id) THEN
          UPDATE meeting_participant SET meeting_date = NEW.date, meeting_rejected = NEW.review_status = 'REJECTED', meeting_party_codes = NEW.party_codes
          WHERE meeting_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await q(`CREATE TRIGGER meeting_participant_copies_cascade AFTER UPDATE OF date, review_status, party_codes ON meeting FOR EACH ROW
      WHEN ((OLD.date, OLD.review_status, OLD.party_codes) IS DISTINCT FROM (NEW.date, NEW.review_status, NEW.party_codes))
      EXECUTE FUNCTION meeting_participant_copies_cascade()`);
    await q(`CREATE INDEX meeting_participant_actor_date ON meeting_participant (actor_id, meeting_date DESC NULLS LAST, meeting_id)
      INCLUDE (meeting_party_codes) WHERE NOT meeting_rejected`);
    await q(rollupRebuild(`${REBUILT_BEFORE}
        IF with_party_sets THEN PERFORM meeting_participant_copies_rebuild(); END IF;`));
    await q(`ANALYZE meeting_participant`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(rollupRebuild(REBUILT_BEFORE));
    await q(`DROP INDEX meeting_participant_actor_date`);
    await q(`DROP TRIGGER meeting_participant_copies_cascade ON meeting`);
    await q(`DROP FUNCTION meeting_participant_copies_cascade()`);
    await q(`DROP TRIGGER meeting_participant_copies ON meeting_participant`);
    await q(`DROP FUNCTION meeting_participant_copies()`);
    await q(`DROP FUNCTION meeting_participant_copies_rebuild()`);
    await q(`ALTER TABLE meeting_participant DROP COLUMN meeting_date, DROP COLUMN meeting_rejected, DROP COLUMN meeting_party_codes`);
  }
}
