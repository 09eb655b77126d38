import { RelationReader } from '@dyad/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { factories } from '../support/factories.js';

// A meeting's sources are listed from meeting_source alone (its `meeting_source_listed` index): each row carries
// its news item's publication date and ingestion time, written by triggers whatever statement adds the row or
// changes the item. The order must stay the one the news items themselves give. The rows carry the item's
// language and publisher too (the meetings list's filters by them read meeting_source alone).

describe('meeting sources in order', () => {
  let database: TestDatabase;
  let db: DataSource;
  let meetingId: string;
  let other: string;
  const items: string[] = [];

  const addItem = async (publishedAt: string | null) => {
    const [row] = await db.query(
      `INSERT INTO news_item (body, search_key, language, published_at, content_hash, extractor_version)
       VALUES ('x', 'x', 'en', $1, md5(random()::text) || md5(random()::text), 't') RETURNING id`,
      [publishedAt],
    );
    items.push(row.id);
    return row.id as string;
  };
  // the order the news items give, computed from them here
  const byItems = async (id: string) =>
    (await db.query(
      `SELECT n.id FROM meeting_source ms JOIN news_item n ON n.id = ms.news_item_id WHERE ms.meeting_id = $1
       ORDER BY n.published_at NULLS LAST, n.ingested_at, n.id`,
      [id],
    )).map((row: { id: string }) => row.id);

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
    meetingId = (await factories(db).createMeeting({ parties: ['IR', 'KZ'] })).id;
    other = (await factories(db).createMeeting({ parties: ['IR', 'RU'] })).id;
  });
  afterAll(() => database.drop());

  it('copies the item times onto every source row, whatever the statement wrote there', async () => {
    const late = await addItem('2025-03-01');
    const undated = await addItem(null);
    const early = await addItem('2025-01-01');
    // a statement naming wrong times for a row still gets the item's
    await db.query(
      `INSERT INTO meeting_source (meeting_id, news_item_id, published_at, ingested_at) VALUES ($1, $2, '1999-01-01', now() - interval '9 years')`,
      [meetingId, late],
    );
    await db.query(`INSERT INTO meeting_source (meeting_id, news_item_id) SELECT $1, unnest($2::uuid[])`, [meetingId, [undated, early]]);
    // a merge copies sources from one meeting to another with INSERT … SELECT
    await db.query(`INSERT INTO meeting_source (meeting_id, news_item_id) SELECT $1, news_item_id FROM meeting_source WHERE meeting_id = $2`, [other, meetingId]);
    const [{ stray }] = await db.query(
      `SELECT count(*)::int AS stray FROM meeting_source ms JOIN news_item n ON n.id = ms.news_item_id
       WHERE (ms.published_at, ms.ingested_at, ms.language, ms.publisher) IS DISTINCT FROM (n.published_at, n.ingested_at, n.language, n.publisher)`,
    );
    expect(stray).toBe(0);
    const reader = new RelationReader(db);
    expect(await reader.meetingSourceIds([meetingId, other])).toEqual([[early, late, undated], [early, late, undated]]);
    expect(await byItems(meetingId)).toEqual([early, late, undated]);
  });

  it('follows a change of an item time to its source rows', async () => {
    const [late, undated, early] = items;
    await db.query(`UPDATE news_item SET published_at = '2025-02-01' WHERE id = $1`, [undated]);
    await db.query(`UPDATE news_item SET published_at = NULL WHERE id = $1`, [early]);
    const reader = new RelationReader(db);
    const expected = await byItems(meetingId);
    expect(expected).toEqual([undated, late, early]);
    expect(await reader.meetingSourceIds([meetingId, other])).toEqual([expected, expected]);
  });

  it('follows a change of an item language or publisher to its source rows', async () => {
    const [late, undated] = items;
    await db.query(`UPDATE news_item SET language = 'fa', publisher = 'IRNA' WHERE id = $1`, [late]);
    await db.query(`UPDATE news_item SET publisher = 'TASS' WHERE id = $1`, [undated]);
    const copies = await db.query(
      `SELECT ms.news_item_id AS id, ms.language, ms.publisher FROM meeting_source ms WHERE ms.news_item_id = ANY($1) ORDER BY ms.meeting_id = $2, 1`,
      [[late, undated], meetingId],
    );
    expect(copies).toHaveLength(4);
    for (const copy of copies) {
      expect(copy).toEqual(copy.id === late ? { id: late, language: 'fa', publisher: 'IRNA' } : { id: undated, language: 'en', publisher: 'TASS' });
    }
  });
});
