import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: the statement trigger that keeps a proposal's funnel step (the furthest lifecycle step any of its
// readings reached, `proposal_funnel_step`) current after an UPDATE of `proposal_status_change` recomputes it only
// for the proposals of the readings whose status or proposal changed, once each.
//
// The step reads the readings' statuses only. Linking's history pass (applyProposalHistories) updates readings to
// flip which are accepted, one statement for most items with a known proposal: the trigger then recomputed the step
// of every proposal of the flipped readings twice (once from the new rows, once from the old ones), and each
// changed step again in the proposal's row trigger, though no status had moved. INSERT and DELETE are unchanged.

/** Sets the funnel step of the proposals `ids` (a subquery) where it changed, each computed once. */
const refresh = (ids: string) => `UPDATE proposal t SET funnel_step = x.v
          FROM (SELECT q.id, proposal_funnel_step(q.id, q.status) AS v FROM proposal q WHERE q.id IN (${ids}) OFFSET 0) x
          WHERE t.id = x.id AND t.funnel_step IS DISTINCT FROM x.v;`;

const current = `CREATE OR REPLACE FUNCTION proposal_history_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          -- the proposals of the readings whose status or proposal moved (before and after)
          ${refresh(`SELECT unnest(ARRAY[n.proposal_id, o.proposal_id]) FROM new_rows n JOIN old_rows o ON o.id = n.id
                     WHERE n.status IS DISTINCT FROM o.status OR n.proposal_id IS DISTINCT FROM o.proposal_id`)}
        ELSIF TG_OP = 'INSERT' THEN
          ${refresh('SELECT proposal_id FROM new_rows')}
        ELSE
          ${refresh('SELECT proposal_id FROM old_rows')}
        END IF;
        RETURN NULL;
      END $$`;

// SetRefreshById1798400000001's definition, restored by down (the same text, byte for byte)
const previous = `CREATE OR REPLACE FUNCTION proposal_history_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          ${refresh('SELECT proposal_id FROM new_rows')}
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          ${refresh('SELECT proposal_id FROM old_rows')}
        END IF;
        RETURN NULL;
      END $$`;

export class FunnelStepOnStatusChanges1799600000001 implements MigrationInterface {
  name = 'FunnelStepOnStatusChanges1799600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(current);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(previous);
  }
}
