import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingMigrations } from '@dyad/database';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('migrations on an empty database', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    dataSource = await database.connect();
  });
  afterAll(() => database.drop());

  it('all run, and then none is pending', async () => {
    expect(await pendingMigrations(dataSource)).toHaveLength(dataSource.migrations.length);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await pendingMigrations(dataSource)).toEqual([]);
  });

  it('leave a schema that matches the entities exactly (no migration left to generate)', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map((query) => query.query)).toEqual([]);
  });

  it('seed every ISO 3166-1 country with English, Persian and Russian names', async () => {
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM country`);
    expect(count).toBeGreaterThanOrEqual(249);
    const [kz] = await dataSource.query(`SELECT * FROM country WHERE code = 'KZ'`);
    expect(kz).toMatchObject({ alpha3: 'KAZ', name_en: 'Kazakhstan', name_fa: 'قزاقستان', name_ru: 'Казахстан' });
    const [{ missing }] = await dataSource.query(
      `SELECT count(*)::int AS missing FROM country WHERE name_fa = '' OR name_ru = '' OR code !~ '^[A-Z]{2}$'`,
    );
    expect(missing).toBe(0);
  });

  it('add the European Union as a party (ISO 3166-1 reserves EU for it)', async () => {
    const [eu] = await dataSource.query(`SELECT code, alpha3, name_en FROM country WHERE code = 'EU'`);
    expect(eu).toEqual({ code: 'EU', alpha3: 'EUE', name_en: 'European Union' });
  });

  it('refuse evidence attached to nothing or with an empty span', async () => {
    const [item] = await dataSource.query(
      `INSERT INTO news_item (body, search_key, language, content_hash, extractor_version) VALUES ('x', 'x', 'en', repeat('a', 64), 't') RETURNING id`,
    );
    await expect(
      dataSource.query(`INSERT INTO evidence (news_item_id, start, "end", quote) VALUES ($1, 0, 1, 'x')`, [item.id]),
    ).rejects.toThrow(/evidence_one_subject/);
  });
});
