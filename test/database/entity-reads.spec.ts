import { Actor, FollowUpAction, getEntityOrThrow, Meeting, NewsItem, Proposal, Source } from '@dyad/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { factories } from '../support/factories.js';

// Rows read by hand-written SQL (a row by id, a list page) are made into entities without TypeORM's per-value
// conversion where node-postgres already gives the value as the entity holds it (dates read as text, enum arrays
// as text[]): each value equals what TypeORM's own find makes of the same row.
describe('entities read by hand-written SQL', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
    const make = factories(db);
    const { id: meetingId } = await make.createMeeting({ parties: ['IR', 'KZ'], date: '2024-02-29', sectors: ['ENERGY', 'TRADE'], summary: 'Talks' });
    await make.createMeeting({ parties: ['IR', 'RU'], date: null, sectors: [] });
    const { id: proposalId } = await make.createProposal({ parties: ['IR', 'KZ'], sectors: ['ENERGY'], history: [{ status: 'PROPOSED', date: '2024-03-01' }] });
    await make.createFollowUp({ meetingId, proposalId, owners: ['IR'], dueDate: '2024-12-31' });
    await db.query(`INSERT INTO news_item (url, title, body, search_key, language, published_at, content_hash, extractor_version)
      VALUES ('https://example.invalid/1', 'Report', 'Text', 'text', 'en', '2024-03-02T10:00:00Z', 'h1', 'test')`);
  });
  afterAll(() => database.drop());

  const cases: [string, EntityTarget<ObjectLiteral>, string, string[]][] = [
    ['meeting', Meeting, 'meeting', ['partyCodes']],
    ['proposal', Proposal, 'proposal', []],
    ['follow-up', FollowUpAction, 'follow_up_action', []],
    ['news item', NewsItem, 'news_item', []],
    ['actor', Actor, 'actor', []],
    ['source', Source, 'source', []],
  ];

  it.each(cases)('reads a %s as TypeORM does', async (label, entity, table, alsoSelect) => {
    const rows: { id: string }[] = await db.query(`SELECT id FROM ${table}`);
    for (const { id } of rows) {
      const read = await getEntityOrThrow(db.manager, entity, label, id, alsoSelect);
      const found = await db.getRepository(entity).createQueryBuilder('e').where('e.id = :id', { id })
        .addSelect(alsoSelect.map((column) => `e.${column}`)).getOneOrFail();
      // the columns it reads (relation keys are left to the relations): each value as TypeORM makes it
      const keys = Object.keys(read);
      expect(keys.length).toBeGreaterThan(3);
      expect({ ...read }).toStrictEqual(Object.fromEntries(keys.map((key) => [key, (found as Record<string, unknown>)[key]])));
      expect(read.constructor).toBe(found.constructor);
    }
  });
});
