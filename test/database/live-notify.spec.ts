import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_CHANNEL } from '@dyad/database';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { factories } from '../support/factories.js';

// The live-update triggers: what each committed write announces on the live channel, and that a rolled-back
// transaction announces nothing.

describe('live update notifications', () => {
  let database: TestDatabase;
  let db: DataSource;
  let listener: pg.Client;
  const received: Record<string, unknown>[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
    listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    listener.on('notification', (message) => received.push(JSON.parse(message.payload!)));
    await listener.query(`LISTEN ${LIVE_CHANNEL}`);
  });

  afterAll(async () => {
    await listener?.end();
    await database?.drop();
  });

  // A round trip on the listening connection delivers whatever was sent before it.
  const take = async () => {
    await listener.query('SELECT 1');
    return received.splice(0);
  };

  it('announces a meeting created with its parties once, as created, at commit', async () => {
    const meeting = await db.transaction(async (manager) => {
      const created = await factories(manager).createMeeting({ parties: ['IR', 'KZ'] });
      await manager.query(`UPDATE meeting SET summary = 'changed in the same transaction' WHERE id = $1`, [created.id]);
      expect(await take()).toEqual([]);
      return created;
    });
    expect(await take()).toEqual([{ kind: 'meeting', id: meeting.id, created: true }]);
  });

  it('announces a later change of a meeting as not created, and nothing for an update that changes nothing', async () => {
    const { id } = await factories(db).createMeeting({ parties: ['IR', 'RU'] });
    await take();
    await db.query(`UPDATE meeting SET status = 'CANCELLED' WHERE id = $1`, [id]);
    await db.query(`UPDATE meeting SET status = status WHERE id = $1`, [id]);
    expect(await take()).toEqual([{ kind: 'meeting', id, created: false }]);
  });

  it('announces nothing for a rolled-back transaction', async () => {
    await db
      .transaction(async (manager) => {
        await factories(manager).createMeeting({ parties: ['IR', 'TR'] });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await take()).toEqual([]);
  });

  it("announces a follow-up's status change with both statuses, and not its other changes", async () => {
    const { id } = await factories(db).createFollowUp({ owners: ['IR'] });
    await take();
    await db.query(`UPDATE follow_up_action SET description = 'reworded' WHERE id = $1`, [id]);
    await db.query(`UPDATE follow_up_action SET status = 'DONE' WHERE id = $1`, [id]);
    expect(await take()).toEqual([{ kind: 'followUp', id, from: 'OPEN', to: 'DONE' }]);
  });

  it('announces a stored news item', async () => {
    const [{ id }] = await db.query(
      `INSERT INTO news_item (body, search_key, language, content_hash, extractor_version) VALUES ('text', 'text', 'en', repeat('a', 64), 'test') RETURNING id`,
    );
    expect(await take()).toEqual([{ kind: 'newsItem', id }]);
  });
});
