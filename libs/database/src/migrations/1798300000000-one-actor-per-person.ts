import type { MigrationInterface, QueryRunner } from 'typeorm';

// Two reports naming one new person at the same time could each create an actor for them (fixed in
// resolveActor: a new person's names are locked first). This folds the actors that resulted: those of one kind
// and country whose names key the same are one, except those an analyst split apart (an audited actor.split or
// the actor.create it made), which are two people of one name. The actor in the most meetings is kept; the
// others' meeting participations move to it (once per meeting) and their names and spellings join its aliases.
export class OneActorPerPerson1798300000000 implements MigrationInterface {
  name = 'OneActorPerPerson1798300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await foldDuplicateActors(queryRunner);
  }

  async down(): Promise<void> {
    // Folded actors are not split again: which participations were whose is no longer known.
  }
}

/** Exported for its test: folds actors that are one person (see above). */
export async function foldDuplicateActors(queryRunner: { query(sql: string, parameters?: unknown[]): Promise<any> }): Promise<void> {
  await queryRunner.query(
    `CREATE TEMP TABLE actor_duplicate AS
     WITH keyed AS (
       SELECT a.id, a.kind, a.country_code, replace(a.match_key, ' ', '') AS compact,
              (SELECT count(*) FROM meeting_participant mp WHERE mp.actor_id = a.id) AS uses
       FROM actor a
       WHERE length(replace(a.match_key, ' ', '')) >= 2
         AND NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.entity_type = 'Actor' AND e.action IN ('actor.split', 'actor.create') AND e.entity_id = a.id::text)
     )
     SELECT id, keeper FROM (
       SELECT id, first_value(id) OVER (PARTITION BY kind, country_code, compact ORDER BY uses DESC, id) AS keeper FROM keyed
     ) ranked
     WHERE id <> keeper`,
  );
  await queryRunner.query(
    `UPDATE actor k SET
       aliases = (SELECT coalesce(array_agg(DISTINCT n ORDER BY n), '{}')
                  FROM (SELECT unnest(k.aliases) UNION SELECT d.name FROM actor d JOIN actor_duplicate x ON x.id = d.id WHERE x.keeper = k.id
                        UNION SELECT unnest(d.aliases) FROM actor d JOIN actor_duplicate x ON x.id = d.id WHERE x.keeper = k.id) AS names(n)
                  WHERE n <> k.name),
       version = k.version + 1, updated_at = now()
     WHERE k.id IN (SELECT keeper FROM actor_duplicate)`,
  );
  await queryRunner.query(`UPDATE meeting_participant mp SET actor_id = x.keeper FROM actor_duplicate x WHERE mp.actor_id = x.id`);
  // One person at a meeting is one participant (the first report's).
  await queryRunner.query(
    `DELETE FROM meeting_participant mp USING meeting_participant earlier
     WHERE mp.actor_id IN (SELECT keeper FROM actor_duplicate)
       AND earlier.meeting_id = mp.meeting_id AND earlier.actor_id = mp.actor_id AND earlier.id < mp.id`,
  );
  await queryRunner.query(`DELETE FROM actor WHERE id IN (SELECT id FROM actor_duplicate)`);
  await queryRunner.query(`DROP TABLE actor_duplicate`);
}
