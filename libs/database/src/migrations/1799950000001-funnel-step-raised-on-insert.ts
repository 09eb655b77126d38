import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: after an INSERT into `proposal_status_change`, the statement trigger that keeps a proposal's
// funnel step (the furthest lifecycle step its status or any of its readings reached) touches only the proposals
// whose new readings reach past the step they have, and leaves computing the step to the proposal's row trigger.
//
// Readings added can only raise the step, and the stored step is kept equal to its definition by triggers (and
// recomputed by rollup_rebuild after a load without them): where no new reading reaches past it, it is unchanged.
// The trigger read every reading of each proposal of the new ones to learn that, and where the step did rise, the
// proposal's BEFORE UPDATE OF funnel_step row trigger (proposal_funnel_step_row) computed it a second time. Now the
// new readings' own furthest step selects the rows, and setting it there fires that row trigger, whose computation
// is the one stored, as before. Ingestion adds a reading for each new proposal (its status: never past it) and for
// each known proposal it reads. UPDATE and DELETE, which can lower the step, still compute it here.

const STEPS = `'{PROPOSED,AGREED,NEGOTIATING,SIGNED,IMPLEMENTING,COMPLETED}'::proposal_status[]`;

/** Sets the funnel step of the proposals `ids` (a subquery) where it changed, each computed once. */
const refresh = (ids: string) => `UPDATE proposal t SET funnel_step = x.v
          FROM (SELECT q.id, proposal_funnel_step(q.id, q.status) AS v FROM proposal q WHERE q.id IN (${ids}) OFFSET 0) x
          WHERE t.id = x.id AND t.funnel_step IS DISTINCT FROM x.v;`;

const definition = (inserted: string) => `CREATE OR REPLACE FUNCTION proposal_history_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          -- the proposals of the readings whose status or proposal moved (before and after)
          ${refresh(`SELECT unnest(ARRAY[n.proposal_id, o.proposal_id]) FROM new_rows n JOIN old_rows o ON o.id = n.id
                     WHERE n.status IS DISTINCT FROM o.status OR n.proposal_id IS DISTINCT FROM o.proposal_id`)}
        ELSIF TG_OP = 'INSERT' THEN
          ${inserted}
        ELSE
          ${refresh('SELECT proposal_id FROM old_rows')}
        END IF;
        RETURN NULL;
      END $$`;

// (the value set here is replaced by the row trigger's, the whole definition)
const current = definition(`UPDATE proposal t SET funnel_step = x.v
          FROM (SELECT n.proposal_id AS id, max(array_position(${STEPS}, n.status))::smallint AS v FROM new_rows n GROUP BY n.proposal_id) x
          WHERE t.id = x.id AND x.v > t.funnel_step;`);

// FunnelStepOnStatusChanges1799600000001's definition, restored by down
const previous = definition(refresh('SELECT proposal_id FROM new_rows'));

export class FunnelStepRaisedOnInsert1799950000001 implements MigrationInterface {
  name = 'FunnelStepRaisedOnInsert1799950000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(current);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(previous);
  }
}
