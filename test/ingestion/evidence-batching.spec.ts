import { NewsItem } from '@dyad/domain';
import type { ExtractedEvent } from '@dyad/extraction';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Linker } from '../../libs/ingestion/src/linking/linker.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

// Finding 3: a long text's evidence went into one INSERT, past PostgreSQL's 65,535 bound parameters
// ("bind message has 35743 parameter formats but 0 parameters"). Fed to the linker directly: an extractor
// that finds this many quotes in one item takes minutes.
describe('evidence of one fact in a long text', () => {
  let database: TestDatabase;
  let db: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
  });
  afterAll(() => database?.drop());

  it('stores 20,000 quotes (140,000 parameters in one INSERT) in batches', async () => {
    const sentence = 'Iran and Kazakhstan met in Astana. ';
    const body = sentence.repeat(20_000);
    const evidence = Array.from({ length: 20_000 }, (_, i) => ({ start: i * sentence.length, end: i * sentence.length + 33, text: sentence.slice(0, 33) }));
    const event: ExtractedEvent = {
      type: 'MEETING', status: 'HELD', date: '2025-04-13', dateSource: 'TEXT', countries: ['IR', 'KZ'], location: null, sectors: [],
      participants: [], proposals: [], followUps: [], evidence, confidence: 0.9,
    };
    const newsItemId = await db.transaction(async (manager) => {
      const newsItem = await manager.save(
        manager.create(NewsItem, { body, searchKey: 'k', language: 'en', contentHash: 'batching', extractorVersion: 'test', publishedAt: '2025-04-13' }),
      );
      const linker = new Linker(manager, newsItem, new Set(['IR', 'KZ']));
      await linker.linkEvent(event);
      await linker.finish();
      return newsItem.id;
    });
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM evidence WHERE news_item_id = $1', [newsItemId]);
    expect(count).toBe(20_000);
  }, 60_000);
});
