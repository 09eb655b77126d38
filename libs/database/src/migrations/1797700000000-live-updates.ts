import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LIVE_CHANNEL } from '../live-channel.js';

// Written by hand: triggers are beyond what TypeORM generates from entities.
//
// Live updates: every committed write of a news item, a meeting, or a follow-up's status is announced on
// NOTIFY channel `dyad_live`, whichever process made it (API, `dyad ingest`, workers, a psql session).
// PostgreSQL delivers notifications only at commit (none for a rolled-back transaction) and delivers
// identical payloads of one transaction once, so the payloads are kept identical where they can be: a
// meeting created and then updated in the same transaction (its parties, its readings) says `created: true`
// every time (its created_at is the transaction's start, now()), and is announced once. Payloads carry ids
// only (under 100 bytes, far from NOTIFY's 8000-byte limit); listeners load the rows.
export class LiveUpdates1797700000000 implements MigrationInterface {
  name = 'LiveUpdates1797700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE FUNCTION live_notify_news_item() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${LIVE_CHANNEL}', json_build_object('kind', 'newsItem', 'id', NEW.id)::text);
        RETURN NULL;
      END $$`);
    await q(`CREATE FUNCTION live_notify_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${LIVE_CHANNEL}', json_build_object('kind', 'meeting', 'id', NEW.id, 'created', TG_OP = 'INSERT' OR NEW.created_at = now())::text);
        RETURN NULL;
      END $$`);
    await q(`CREATE FUNCTION live_notify_follow_up() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${LIVE_CHANNEL}', json_build_object('kind', 'followUp', 'id', NEW.id, 'from', OLD.status, 'to', NEW.status)::text);
        RETURN NULL;
      END $$`);
    await q(`CREATE TRIGGER news_item_live AFTER INSERT ON news_item FOR EACH ROW EXECUTE FUNCTION live_notify_news_item()`);
    await q(`CREATE TRIGGER meeting_live_insert AFTER INSERT ON meeting FOR EACH ROW EXECUTE FUNCTION live_notify_meeting()`);
    // A source linked, a status or date moved, an analyst's edit: every update that changes the row.
    await q(`CREATE TRIGGER meeting_live_update AFTER UPDATE ON meeting FOR EACH ROW
      WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION live_notify_meeting()`);
    await q(`CREATE TRIGGER follow_up_action_live AFTER UPDATE OF status ON follow_up_action FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION live_notify_follow_up()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TRIGGER follow_up_action_live ON follow_up_action`);
    await q(`DROP TRIGGER meeting_live_update ON meeting`);
    await q(`DROP TRIGGER meeting_live_insert ON meeting`);
    await q(`DROP TRIGGER news_item_live ON news_item`);
    await q(`DROP FUNCTION live_notify_follow_up()`);
    await q(`DROP FUNCTION live_notify_meeting()`);
    await q(`DROP FUNCTION live_notify_news_item()`);
  }
}
