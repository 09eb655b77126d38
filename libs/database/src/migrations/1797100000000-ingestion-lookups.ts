import type { MigrationInterface, QueryRunner } from 'typeorm';

// Linking looks meetings and proposals up by their exact set of parties, and open follow-ups by their exact
// set of owners: each set is kept as a sorted key ("IR,KZ") on the row, indexed with what narrows it further
// (a meeting's date, a proposal's kind and status date), so a lookup reads one small index range instead
// of grouping every party row. Triggers on the party and owner tables keep the keys current, whoever writes
// those rows (ingestion, analyst edits, merges, seeding).
// (Migration PartySetKeysAsArrays1797500000000 replaces these text keys with the stored char(2)[] sets.)
const KEYS = [
  { table: 'meeting', column: 'party_key', parties: 'meeting_party', fk: 'meeting_id' },
  { table: 'proposal', column: 'party_key', parties: 'proposal_party', fk: 'proposal_id' },
  { table: 'follow_up_action', column: 'owner_key', parties: 'follow_up_owner', fk: 'follow_up_id' },
] as const;

const KEY_INDEXES = [
  `CREATE INDEX "meeting_party_key_date" ON "meeting" ("party_key", "date")`,
  `CREATE INDEX "proposal_party_key_kind" ON "proposal" ("party_key", "kind", "status_date" DESC NULLS LAST, "id")`,
  `CREATE INDEX "follow_up_open_owner_key" ON "follow_up_action" ("owner_key") WHERE status IN ('OPEN', 'IN_PROGRESS')`,
];

/** The text keys with their triggers and indexes, filled from the party rows. */
export async function addPartySetTextKeys(queryRunner: QueryRunner): Promise<void> {
  for (const { table, column, parties, fk } of KEYS) {
    await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN IF NOT EXISTS "${column}" text`);
    await queryRunner.query(
      `UPDATE "${table}" t SET "${column}" = k.key
       FROM (SELECT ${fk} AS id, string_agg(country_code::text, ',' ORDER BY country_code) AS key FROM "${parties}" GROUP BY ${fk}) k
       WHERE k.id = t.id`,
    );
    const fn = `${table}_${column}_refresh`;
    // Statement-level: one UPDATE per statement however many party rows it wrote.
    const refresh = (rows: string) =>
      `UPDATE "${table}" t SET "${column}" = (SELECT string_agg(p.country_code::text, ',' ORDER BY p.country_code) FROM "${parties}" p WHERE p.${fk} = t.id)
       WHERE t.id IN (SELECT DISTINCT ${fk} FROM ${rows})`;
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${refresh('new_rows')};
        ELSIF TG_OP = 'DELETE' THEN ${refresh('old_rows')};
        ELSE ${refresh('(SELECT ' + fk + ' FROM new_rows UNION SELECT ' + fk + ' FROM old_rows) changed')};
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER ${fn}_insert AFTER INSERT ON "${parties}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    await queryRunner.query(`CREATE TRIGGER ${fn}_delete AFTER DELETE ON "${parties}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    await queryRunner.query(
      `CREATE TRIGGER ${fn}_update AFTER UPDATE ON "${parties}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    );
  }
  for (const sql of KEY_INDEXES) await queryRunner.query(sql);
}

/** Drops what addPartySetTextKeys adds. */
export async function dropPartySetTextKeys(queryRunner: QueryRunner): Promise<void> {
  for (const name of ['follow_up_open_owner_key', 'proposal_party_key_kind', 'meeting_party_key_date']) {
    await queryRunner.query(`DROP INDEX "${name}"`);
  }
  for (const { table, column, parties } of KEYS) {
    const fn = `${table}_${column}_refresh`;
    for (const op of ['insert', 'delete', 'update']) await queryRunner.query(`DROP TRIGGER ${fn}_${op} ON "${parties}"`);
    await queryRunner.query(`DROP FUNCTION ${fn}()`);
    await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
  }
}

export class IngestionLookups1797100000000 implements MigrationInterface {
  name = 'IngestionLookups1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addPartySetTextKeys(queryRunner);
    await queryRunner.query(`CREATE INDEX "follow_up_meeting" ON "follow_up_action" ("meeting_id")`);
    await queryRunner.query(`CREATE INDEX "follow_up_proposal" ON "follow_up_action" ("proposal_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['follow_up_proposal', 'follow_up_meeting']) await queryRunner.query(`DROP INDEX "${name}"`);
    await dropPartySetTextKeys(queryRunner);
  }
}
