import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: proposals and follow-ups added or deleted are noted for the score pass at commit
// (ScoreRollupAtCommit1798400000000) once per statement, not once per row.
//
// Before, a row trigger on each table ran rollup_score_refresh for every row: two PL/pgSQL calls and an insert into
// rollup_score_pending per row. A `dyad ingest` batch writes its follow-ups (about 2.4 per item) and each event's
// new proposals in one statement each, so the statement triggers note them in one insert. Updates keep their row
// triggers (their WHEN clause skips the many updates that change nothing the score reads, which a statement trigger
// could not).

const TABLES = ['proposal', 'follow_up_action'] as const;
const KIND = { proposal: 'proposal', follow_up_action: 'follow_up' } as const;

const up = [
  `CREATE FUNCTION score_rollup_statement() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM rollup_score_refresh(TG_ARGV[0], (SELECT array_agg(id) FROM new_rows));
      ELSE
        PERFORM rollup_score_refresh(TG_ARGV[0], (SELECT array_agg(id) FROM old_rows));
      END IF;
      RETURN NULL;
    END $$`,
  ...TABLES.flatMap((table) => [
    `DROP TRIGGER ${table}_score_rollup ON ${table}`,
    `CREATE TRIGGER ${table}_score_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION score_rollup_statement('${KIND[table]}')`,
    `CREATE TRIGGER ${table}_score_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION score_rollup_statement('${KIND[table]}')`,
  ]),
];

const down = [
  ...TABLES.flatMap((table) => [
    `DROP TRIGGER ${table}_score_insert ON ${table}`,
    `DROP TRIGGER ${table}_score_delete ON ${table}`,
    `CREATE TRIGGER ${table}_score_rollup AFTER INSERT OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_score_rollup()`,
  ]),
  `DROP FUNCTION score_rollup_statement()`,
];

export class ScoreNotesPerStatement1800000000022 implements MigrationInterface {
  name = 'ScoreNotesPerStatement1800000000022';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of up) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of down) await queryRunner.query(sql);
  }
}
