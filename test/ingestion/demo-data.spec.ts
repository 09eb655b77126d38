import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestContext } from '@dyad/domain';
import { loadDemoData, removeSyntheticData, SYNTHETIC_PUBLISHER } from '@dyad/ingestion';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { ingestionServiceFor } from '../support/ingestion.js';

const count = async (dataSource: DataSource, sql: string) => (await dataSource.query(sql))[0].count as number;

describe('demo data', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let corpusOnly: { meetings: number; proposals: number };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await database.connect();
  });
  afterAll(() => database.drop());

  it('loads the bundled sample corpus through ingestion', async () => {
    const loaded = await loadDemoData(ingestionServiceFor(dataSource), RequestContext.system(), 'off');
    expect(loaded.failed).toEqual([]);
    expect(loaded.corpus).toBeGreaterThan(50);
    expect(loaded.synthetic).toBe(0);
    corpusOnly = {
      meetings: await count(dataSource, `SELECT count(*)::int AS count FROM meeting`),
      proposals: await count(dataSource, `SELECT count(*)::int AS count FROM proposal`),
    };
    expect(corpusOnly.meetings).toBeGreaterThan(20);
  });

  it('adds a multi-year synthetic history, every item marked as synthetic', async () => {
    const loaded = await loadDemoData(ingestionServiceFor(dataSource), RequestContext.system(), 'full');
    expect(loaded.corpus).toBe(0); // already there: ingestion is idempotent
    expect(loaded.synthetic).toBeGreaterThan(150);
    expect(await count(dataSource, `SELECT count(DISTINCT extract(year FROM published_at))::int AS count FROM news_item WHERE publisher = '${SYNTHETIC_PUBLISHER}'`)).toBeGreaterThanOrEqual(4);
    expect(await count(dataSource, `SELECT count(*)::int AS count FROM proposal WHERE status = 'SIGNED'`)).toBeGreaterThan(3);
  }, 180_000); // about 220 items through the real extraction and linking: slow on a busy 2-core machine

  it('quotes sentences, never an item\'s own title, and titles every item', async () => {
    const quotingTitle = `SELECT count(*)::int AS count FROM evidence e JOIN news_item n ON n.id = e.news_item_id
      WHERE n.publisher = '${SYNTHETIC_PUBLISHER}' AND trim(e.quote) = trim(n.title)`;
    expect(await count(dataSource, `SELECT count(*)::int AS count FROM evidence e JOIN news_item n ON n.id = e.news_item_id WHERE n.publisher = '${SYNTHETIC_PUBLISHER}'`)).toBeGreaterThan(200);
    expect(await count(dataSource, quotingTitle)).toBe(0);
    expect(await count(dataSource, `SELECT count(*)::int AS count FROM news_item WHERE title IS NULL OR title = ''`)).toBe(0);
  });

  it('announces a few visits for the weeks after the day it is loaded, cancels one, and holds none in the future', async () => {
    const upcoming = await count(
      dataSource,
      `SELECT count(*)::int AS count FROM meeting WHERE status = 'SCHEDULED' AND (date IS NULL OR date >= CURRENT_DATE)`,
    );
    expect(upcoming).toBe(4);
    expect(await count(dataSource, `SELECT count(*)::int AS count FROM meeting WHERE status = 'CANCELLED' AND date >= CURRENT_DATE`)).toBe(1);
    expect(await count(dataSource, `SELECT count(*)::int AS count FROM meeting WHERE status = 'HELD' AND date > CURRENT_DATE`)).toBe(0);
  });

  it('removes the synthetic data and only that', async () => {
    const removed = await removeSyntheticData(dataSource);
    expect(removed.newsItems).toBeGreaterThan(150);
    expect(await count(dataSource, `SELECT count(*)::int AS count FROM news_item WHERE publisher = '${SYNTHETIC_PUBLISHER}'`)).toBe(0);
    expect(await count(dataSource, `SELECT count(*)::int AS count FROM meeting`)).toBe(corpusOnly.meetings);
    expect(await count(dataSource, `SELECT count(*)::int AS count FROM proposal`)).toBe(corpusOnly.proposals);
    expect(await removeSyntheticData(dataSource)).toEqual({ newsItems: 0, meetings: 0, proposals: 0 });
  });
});
