import type { MigrationInterface, QueryRunner } from 'typeorm';

// The meetings list of two countries (the dashboard's dyad page) walked `meeting_date_desc_id` newest first and
// kept the rows whose party set holds both: at about 1% of meetings per pair, some 5,000 index entries for a page
// of 50. `meeting_pair` holds one row per pair of a non-rejected meeting's parties with its date, indexed in the
// list's order, so that page is the first entries of one index range. Row triggers on `meeting` keep it in the
// same transaction as every write (its party set, date or review status changing, a delete).
// `rollup_rebuild()` (`dyad rollups rebuild`) rebuilds the pairs with the party sets they are derived from (a bench
// seed that writes both itself passes false).
const rollupRebuild = (withPairs: boolean) => `CREATE OR REPLACE FUNCTION rollup_rebuild(with_party_sets boolean DEFAULT true) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM follow_up_origin_rebuild();
        PERFORM rollup_rebuild_charts(with_party_sets);
        ${withPairs ? 'IF with_party_sets THEN PERFORM meeting_pair_rebuild(); END IF;' : ''}
        PERFORM rollup_dyad_rebuild();
        PERFORM rollup_score_rebuild();
      END $$`;

export class MeetingPairList1798500000000 implements MigrationInterface {
  name = 'MeetingPairList1798500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE meeting_pair (a char(2) NOT NULL, b char(2) NOT NULL, date date, meeting_id uuid NOT NULL)`);
    await queryRunner.query(`
      CREATE FUNCTION party_pairs(codes char(2)[]) RETURNS TABLE (a char(2), b char(2)) LANGUAGE sql IMMUTABLE AS $$
        SELECT DISTINCT x.c, y.c FROM unnest(codes) x(c), unnest(codes) y(c) WHERE x.c COLLATE "C" < y.c COLLATE "C"
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION meeting_pair_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          DELETE FROM meeting_pair WHERE meeting_id = OLD.id;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.review_status <> 'REJECTED' AND cardinality(NEW.party_codes) > 1 THEN
          INSERT INTO meeting_pair (a, b, date, meeting_id) SELECT p.a, p.b, NEW.date, NEW.id FROM party_pairs(NEW.party_codes) p;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER meeting_pair_keep AFTER INSERT OR DELETE ON meeting FOR EACH ROW EXECUTE FUNCTION meeting_pair_keep()`);
    await queryRunner.query(`
      CREATE TRIGGER meeting_pair_keep_update AFTER UPDATE OF party_codes, date, review_status ON meeting FOR EACH ROW
      WHEN (OLD.party_codes IS DISTINCT FROM NEW.party_codes OR OLD.date IS DISTINCT FROM NEW.date OR OLD.review_status IS DISTINCT FROM NEW.review_status)
      EXECUTE FUNCTION meeting_pair_keep()`);
    await queryRunner.query(`
      CREATE FUNCTION meeting_pair_rebuild() RETURNS void LANGUAGE sql AS $$
        DELETE FROM meeting_pair;
        INSERT INTO meeting_pair (a, b, date, meeting_id)
        SELECT p.a, p.b, m.date, m.id FROM meeting m CROSS JOIN LATERAL party_pairs(m.party_codes) p
        WHERE m.review_status <> 'REJECTED' AND cardinality(m.party_codes) > 1
      $$`);
    await queryRunner.query(`SELECT meeting_pair_rebuild()`);
    await queryRunner.query(rollupRebuild(true));
    await queryRunner.query(`CREATE UNIQUE INDEX meeting_pair_list ON meeting_pair (a, b, date DESC NULLS LAST, meeting_id)`);
    await queryRunner.query(`CREATE INDEX meeting_pair_meeting ON meeting_pair (meeting_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(rollupRebuild(false));
    await queryRunner.query(`DROP FUNCTION meeting_pair_rebuild()`);
    await queryRunner.query(`DROP TRIGGER meeting_pair_keep_update ON meeting`);
    await queryRunner.query(`DROP TRIGGER meeting_pair_keep ON meeting`);
    await queryRunner.query(`DROP FUNCTION meeting_pair_keep()`);
    await queryRunner.query(`DROP TABLE meeting_pair`);
    await queryRunner.query(`DROP FUNCTION party_pairs(char(2)[])`);
  }
}
