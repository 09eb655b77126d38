import { NewsItem, RequestContext } from '@dyad/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { fixture, ingestionServiceFor } from '../support/ingestion.js';

// Ids begin with the time they were made (UUID version 7), whether the application or the database makes them, so
// that new rows go to the end of the indexes keyed by ids (migration IdsInCreationOrder1800000000009).
const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const millisOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('ids', () => {
  let database: TestDatabase;
  let db: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
  });
  afterAll(() => database?.drop());

  it('the database makes ids of version 7, in the order of the statements that made them, at the time it made them', async () => {
    const ids: string[] = [];
    const before = Date.now();
    for (let i = 0; i < 5; i++) {
      const [row] = await db.query(`INSERT INTO actor (kind, name, name_key, match_key) VALUES ('PERSON', $1, $1, $1) RETURNING id`, [`person ${i}`]);
      ids.push(row.id);
    }
    for (const id of ids) expect(id).toMatch(V7);
    expect([...ids].sort()).toEqual(ids);
    expect(millisOf(ids[0])).toBeGreaterThanOrEqual(before - 1_000); // (the database's clock is this machine's)
    expect(millisOf(ids[4])).toBeLessThanOrEqual(Date.now() + 1_000);
  });

  it('the database orders the ids it makes within one millisecond by the time they were made', async () => {
    // 200 ids about 10 µs apart: several in each millisecond
    const rows: { id: string }[] = await db.query(
      `SELECT uuid_v7()::text AS id FROM generate_series(1, 200) n CROSS JOIN LATERAL (SELECT pg_sleep(0.00001)) pause ORDER BY n`,
    );
    const ids = rows.map((row) => row.id);
    expect(ids.some((id, i) => i > 0 && millisOf(id) === millisOf(ids[i - 1]))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });

  it('an entity saved without an id gets the database\'s, read back into the entity', async () => {
    const saved = await db.manager.save(
      db.manager.create(NewsItem, { body: 'Iran and Kazakhstan met.', searchKey: 'k', language: 'en', contentHash: 'ids-spec', extractorVersion: 'test' }),
    );
    expect(saved.id).toMatch(V7);
    expect(await db.query(`SELECT count(*)::int AS n FROM news_item WHERE id = $1`, [saved.id])).toEqual([{ n: 1 }]);
  });

  it('every row an ingested item writes has an id of version 7', async () => {
    const outcome = await ingestionServiceFor(db).ingest(RequestContext.system(), { text: fixture('status/07-commission-next-session-en.txt') });
    expect(outcome.status).toBe('NEW');
    const tables = ['news_item', 'meeting', 'meeting_reading', 'proposal', 'proposal_status_change', 'follow_up_action', 'follow_up_status_change', 'evidence'];
    const ids: Record<string, string[]> = {};
    for (const table of tables) {
      ids[table] = (await db.query(`SELECT id FROM ${table}`)).map((row: { id: string }) => row.id);
    }
    for (const table of ['news_item', 'meeting', 'meeting_reading', 'proposal', 'follow_up_action', 'evidence']) expect(ids[table].length, table).toBeGreaterThan(0);
    for (const [table, list] of Object.entries(ids)) for (const id of list) expect(id, table).toMatch(V7);
  });
});
