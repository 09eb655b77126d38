import type { MigrationInterface, QueryRunner } from 'typeorm';

// Job workers beat here every few seconds; a worker silent for longer than DYAD_WORKER_DEAD_AFTER_S is taken
// for dead and the jobs it held are released to the others. graphile-worker's own tables live in the
// graphile_worker schema, which it installs and upgrades itself at start.
export class WorkerHeartbeat1797200000001 implements MigrationInterface {
  name = 'WorkerHeartbeat1797200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE worker_heartbeat (worker_id text PRIMARY KEY, seen_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE worker_heartbeat`);
  }
}
