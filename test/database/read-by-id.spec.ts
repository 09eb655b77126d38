import { getEntityOrThrow, Meeting } from '@dyad/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { factories } from '../support/factories.js';

// Reads by id asked for in one turn of the event loop share one statement: only those of one database.
describe('reads by id together', () => {
  const databases: TestDatabase[] = [];
  const sources: DataSource[] = [];
  const ids: string[] = [];

  beforeAll(async () => {
    for (const parties of [['IR', 'KZ'], ['RU', 'TR']]) {
      const database = await createTestDatabase();
      const source = await database.connect();
      databases.push(database);
      sources.push(source);
      ids.push((await factories(source).createMeeting({ parties })).id);
    }
  });
  afterAll(() => Promise.all(databases.map((database) => database.drop())));

  it('reads each row from its own database when two are asked at the same moment', async () => {
    const [a, b] = await Promise.all([
      getEntityOrThrow(sources[0].manager, Meeting, 'meeting', ids[0]),
      getEntityOrThrow(sources[1].manager, Meeting, 'meeting', ids[1]),
    ]);
    expect([a.id, b.id]).toEqual(ids);
    await expect(getEntityOrThrow(sources[1].manager, Meeting, 'meeting', ids[0])).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
