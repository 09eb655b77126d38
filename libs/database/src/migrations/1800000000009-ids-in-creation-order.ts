import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: the ids the database makes are UUIDs of version 7 (RFC 9562), which begin with the time they were
// made, instead of random ones (version 4); the application makes the same kind (`newId` in @dyad/domain).
//
// A random id puts each new row's entry in each index keyed by an id (its primary key, and the foreign keys of the
// rows that refer to it: a meeting's parties, readings and sources, an item's evidence) at a random place in that
// index. In a large database those pages are mostly not in PostgreSQL's buffers: each insert read some, and wrote
// back others to make room, and the first change to a page after a checkpoint writes the whole page to the WAL.
// Ids in creation order put the new entries at the end of each index, in the few pages written last.
//
// `uuid_v7()` is written in SQL: PostgreSQL 18 has `uuidv7()`, the machine's PostgreSQL 15 does not. The first 48
// bits are the milliseconds since 1970, the version bits are 0111, the rest is gen_random_uuid()'s random bits.
// Rows made before keep their ids.

const ID_TABLES = [
  'actor', 'api_key', 'evidence', 'follow_up_action', 'follow_up_status_change', 'meeting', 'meeting_participant',
  'meeting_reading', 'news_item', 'proposal', 'proposal_status_change', 'source',
] as const;

// (IdsOrderedWithinMillisecond1800000000013 replaced it; its down restores this one)
export const uuidV7Random = `FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
      SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                    PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
                  52, 1), 53, 1), 'hex')::uuid $$`;

export class IdsInCreationOrder1800000000009 implements MigrationInterface {
  name = 'IdsInCreationOrder1800000000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE ${uuidV7Random}`);
    for (const table of ID_TABLES) await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN id SET DEFAULT uuid_v7()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ID_TABLES) await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN id SET DEFAULT gen_random_uuid()`);
    await queryRunner.query(`DROP FUNCTION uuid_v7()`);
  }
}
