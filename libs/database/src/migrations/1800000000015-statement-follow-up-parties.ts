import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rewriteFunction } from './replace-checked.js';

// Written by hand: a follow-up stated in a report with no meeting (a STATEMENT event) keeps that report's parties,
// `stated_party_codes`, and takes them as its party set when it has no meeting and no agreement: a follow-up's set is
// its meeting's, else its agreement's, else the parties that stated it, else its owners.
//
// Before, such a follow-up's set was its owners. "Venezuela and the United States will send delegations to Brazil",
// stated in a report on Brazil, the United States and Venezuela, had the set {US, VE}: it was listed and charted
// under the US-VE pair alone, not under either pair with Brazil, and as a visit it had no country to go to (its
// parties less its owners), so no meeting could ever close it. A next meeting owned by one country had a set of one
// and was never closed either. The parties of follow-ups stored before are not known; they keep their owners.
//
// The functions that give the set are changed where they fall back on the owners: follow_up_party_set (the owners'
// triggers and the cascades use it), the BEFORE trigger of follow_up_action (a new row is not yet readable by id) and
// the rebuild (rollup_rebuild_charts). Each change is made on the text the database has, which must hold the part
// it replaces.

const OWNERS = `(SELECT coalesce(array_agg(o.country_code ORDER BY o.country_code), '{}') FROM follow_up_owner o WHERE o.follow_up_id = for_id)`;
const REBUILD_OWNERS = `ELSE coalesce((SELECT array_agg(o.country_code ORDER BY o.country_code) FROM follow_up_owner o WHERE o.follow_up_id = f.id), '{}') END AS codes`;
const TRIGGER_SET = 'NEW.party_codes := follow_up_party_set(NEW.id, NEW.meeting_id, NEW.proposal_id);';

const CHANGES: { fn: string; before: string; after: string }[] = [
  {
    fn: 'follow_up_party_set(uuid, uuid, uuid)',
    before: `RETURN ${OWNERS};`,
    after: `RETURN coalesce((SELECT nullif(f.stated_party_codes, '{}') FROM follow_up_action f WHERE f.id = for_id), ${OWNERS});`,
  },
  {
    fn: 'follow_up_action_party_codes()',
    before: TRIGGER_SET,
    after: `NEW.party_codes := CASE WHEN NEW.meeting_id IS NULL AND NEW.proposal_id IS NULL AND NEW.stated_party_codes <> '{}' THEN NEW.stated_party_codes
                                   ELSE follow_up_party_set(NEW.id, NEW.meeting_id, NEW.proposal_id) END;`,
  },
  {
    fn: 'rollup_rebuild_charts(boolean)',
    before: REBUILD_OWNERS,
    after: `WHEN f.stated_party_codes <> '{}' THEN f.stated_party_codes ${REBUILD_OWNERS}`,
  },
];

export class StatementFollowUpParties1800000000015 implements MigrationInterface {
  name = 'StatementFollowUpParties1800000000015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE follow_up_action ADD stated_party_codes char(2)[] NOT NULL DEFAULT '{}'`);
    for (const { fn, before, after } of CHANGES) await rewriteFunction(queryRunner, 'StatementFollowUpParties', fn, [[before, after]]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { fn, before, after } of CHANGES) await rewriteFunction(queryRunner, 'StatementFollowUpParties', fn, [[after, before]]);
    // the follow-ups that took their stated parties take their owners again
    await queryRunner.query(`UPDATE follow_up_action SET party_codes = follow_up_party_set(id, meeting_id, proposal_id)
                             WHERE meeting_id IS NULL AND proposal_id IS NULL AND stated_party_codes <> '{}'`);
    await queryRunner.query(`ALTER TABLE follow_up_action DROP COLUMN stated_party_codes`);
  }
}
