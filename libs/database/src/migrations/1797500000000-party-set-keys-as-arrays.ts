import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addPartySetTextKeys, dropPartySetTextKeys } from './1797100000000-ingestion-lookups.js';

// Written by hand. One stored form of a set of countries: the sorted `char(2)[]` that reads already use
// (`party_codes`, GIN-indexed for "these countries are parties") also serves linking's exact-set lookups, through
// a btree index beside it (array equality is a btree range, with the meeting's date or the proposal's kind and
// status date after it). The text keys `meeting.party_key`, `proposal.party_key` and `follow_up_action.owner_key`
// and their triggers go; a follow-up's owners (not its parties: those are its meeting's) are kept the same way as
// `owner_codes`. The two indexes on follow-ups' meeting and proposal that repeated the ones of migration
// PartySetsAndRollups go too.
export class PartySetKeysAsArrays1797500000000 implements MigrationInterface {
  name = 'PartySetKeysAsArrays1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await dropPartySetTextKeys(queryRunner);
    await q(`DROP INDEX "follow_up_meeting"`);
    await q(`DROP INDEX "follow_up_proposal"`);

    await q(`ALTER TABLE follow_up_action ADD owner_codes char(2)[] NOT NULL DEFAULT '{}'`);
    await q(`CREATE FUNCTION follow_up_owner_set(for_id uuid) RETURNS char(2)[] LANGUAGE sql STABLE AS $$
      SELECT coalesce(array_agg(o.country_code ORDER BY o.country_code), '{}') FROM follow_up_owner o WHERE o.follow_up_id = for_id $$`);
    // Statement-level, as the party sets: one UPDATE per statement however many owner rows it wrote.
    await q(`CREATE FUNCTION follow_up_owner_codes_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          UPDATE follow_up_action t SET owner_codes = follow_up_owner_set(t.id)
          WHERE t.id IN (SELECT follow_up_id FROM new_rows) AND t.owner_codes IS DISTINCT FROM follow_up_owner_set(t.id);
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          UPDATE follow_up_action t SET owner_codes = follow_up_owner_set(t.id)
          WHERE t.id IN (SELECT follow_up_id FROM old_rows) AND t.owner_codes IS DISTINCT FROM follow_up_owner_set(t.id);
        END IF;
        RETURN NULL;
      END $$`);
    for (const [op, tables] of [
      ['insert', 'NEW TABLE AS new_rows'],
      ['update', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['delete', 'OLD TABLE AS old_rows'],
    ]) {
      await q(`CREATE TRIGGER follow_up_owner_codes_${op} AFTER ${op.toUpperCase()} ON follow_up_owner REFERENCING ${tables}
        FOR EACH STATEMENT EXECUTE FUNCTION follow_up_owner_codes_refresh()`);
    }
    await q(`UPDATE follow_up_action t SET owner_codes = o.codes
      FROM (SELECT follow_up_id, array_agg(country_code ORDER BY country_code) AS codes FROM follow_up_owner GROUP BY follow_up_id) o
      WHERE o.follow_up_id = t.id`);

    await q(`CREATE INDEX "meeting_party_codes_date" ON "meeting" ("party_codes", "date")`);
    await q(`CREATE INDEX "proposal_party_codes_kind" ON "proposal" ("party_codes", "kind", "status_date" DESC NULLS LAST, "id")`);
    await q(`CREATE INDEX "follow_up_open_owner_codes" ON "follow_up_action" ("owner_codes") WHERE status IN ('OPEN', 'IN_PROGRESS')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const name of ['follow_up_open_owner_codes', 'proposal_party_codes_kind', 'meeting_party_codes_date']) await q(`DROP INDEX "${name}"`);
    for (const op of ['insert', 'update', 'delete']) await q(`DROP TRIGGER follow_up_owner_codes_${op} ON follow_up_owner`);
    await q(`DROP FUNCTION follow_up_owner_codes_refresh()`);
    await q(`DROP FUNCTION follow_up_owner_set(uuid)`);
    await q(`ALTER TABLE follow_up_action DROP COLUMN owner_codes`);
    await q(`CREATE INDEX "follow_up_meeting" ON "follow_up_action" ("meeting_id")`);
    await q(`CREATE INDEX "follow_up_proposal" ON "follow_up_action" ("proposal_id")`);
    await addPartySetTextKeys(queryRunner);
  }
}
