import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: ANALYZE no longer gathers statistics on the cells of `rollup_score` (its four arrays of 31 days).
//
// Every read of the score rollup finds its rows by month and pair (the primary key and `rollup_score_pair`), and
// nothing filters on what the cells hold, so the planner never uses their statistics; gathering them (each
// element's frequencies, over a sample of 30,000 rows of 124 numbers) was most of the cost of analyzing the table:
// in the 1,000,000-meeting database, 0.77–1.12 s against 0.14–0.15 s for the other columns alone. The statistics
// keeper analyzes the table as a first load grows it, and autovacuum as it changes, and a writer that analyzes
// (the keeper) waits for it: a `dyad bench ingest` run into the 1M database waited 1.3 s on it. Statistics gathered
// before stay, unused (deleting them takes a superuser).

const CELLS = ['meetings', 'advanced', 'signed', 'overdue'] as const;
const setStatistics = (target: number) =>
  `ALTER TABLE rollup_score ${CELLS.map((column) => `ALTER COLUMN ${column} SET STATISTICS ${target}`).join(', ')}`;

export class ScoreCellsWithoutStatistics1800000000010 implements MigrationInterface {
  name = 'ScoreCellsWithoutStatistics1800000000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(setStatistics(0));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(setStatistics(-1));
  }
}
