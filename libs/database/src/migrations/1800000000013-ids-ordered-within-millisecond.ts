import type { MigrationInterface, QueryRunner } from 'typeorm';
import { uuidV7Random } from './1800000000009-ids-in-creation-order.js';

// Written by hand: `uuid_v7()` fills the 12 bits after the version with the fraction of the millisecond it was made
// in (RFC 9562, section 6.2, method 3, as PostgreSQL 18's `uuidv7()` does), so ids the database makes one after the
// other are in order within a millisecond too. Before, those bits were random: two ids of one millisecond sorted
// either way (`ids.spec` saw it once in a CI run). The clock gives microseconds: 4,096 steps a millisecond, so two
// ids made a microsecond or more apart are in order; ids of the same microsecond (rows of one statement) are not.

// the first 8 bytes: 48 bits of milliseconds since 1970, the version (7), then the fraction of the millisecond
// (IdsPlannedOnce1800000000014 replaced it; its down restores this one)
export const uuidV7Fraction = `FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
      SELECT encode(overlay(uuid_send(gen_random_uuid())
                    PLACING int8send(((t / 1000) << 16) | 28672 | ((t % 1000) * 4096 / 1000)) FROM 1 FOR 8), 'hex')::uuid
      FROM (SELECT floor(extract(epoch FROM clock_timestamp()) * 1000000)::bigint AS t) now $$`;

export class IdsOrderedWithinMillisecond1800000000013 implements MigrationInterface {
  name = 'IdsOrderedWithinMillisecond1800000000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE ${uuidV7Fraction}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE ${uuidV7Random}`);
  }
}
