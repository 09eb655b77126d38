import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: ingestion resolves a proposal's history again from the days of an item's new readings only
// (applyProposalHistories with their days), from where the history's readings before them leave it. Those are the
// readings marked accepted: a few per proposal (its status changes), where a proposal reported again and again has
// hundreds of readings. Read by the index of readings by proposal and day, they were every reading of the proposal,
// each on a page of its own (at 1,000,000 meetings, 719 readings and 518 pages for the bench's busiest proposal).
// This index holds the accepted ones alone.

export class ProposalHistoryIndex1800000000018 implements MigrationInterface {
  name = 'ProposalHistoryIndex1800000000018';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`CREATE INDEX proposal_status_change_accepted ON proposal_status_change (proposal_id, effective_date) WHERE accepted`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX proposal_status_change_accepted`);
  }
}
