import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestContext } from '@dyad/domain';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { ingestionServiceFor } from '../support/ingestion.js';

describe('who the parties of a stored meeting are', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await database.connect();
  });
  afterAll(() => database.drop());

  it('keeps the European Union as a party of talks with it', async () => {
    const text = 'BRUSSELS, March 3, 2025 – Iranian Deputy Foreign Minister Kazem Gharibabadi and EU deputy foreign policy chief Enrique Mora held talks in Brussels on the nuclear file.';
    const outcome = await ingestionServiceFor(dataSource).ingest(RequestContext.system(), { text, publisher: 'Example Wire' });
    expect(outcome).toMatchObject({ status: 'NEW', meetingsCreated: 1 });
    const parties = await dataSource.query(`SELECT country_code FROM meeting_party ORDER BY country_code`);
    expect(parties.map((p: { country_code: string }) => p.country_code)).toEqual(['EU', 'IR']);
  });
});
