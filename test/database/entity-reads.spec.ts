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
    await db.query(`UPDATE meeting SET location_country_code = 'KZ' WHERE id = $1`, [meetingId]);
    await make.createMeeting({ parties: ['IR', 'RU'], date: null, sectors: [] });
    const { id: proposalId } = await make.createProposal({ parties: ['IR', 'KZ'], sectors: ['ENERGY'], history: [{ status: 'PROPOSED', date: '2024-03-01' }], originMeetingId: meetingId });
    await make.createFollowUp({ meetingId, proposalId, owners: ['IR'], dueDate: '2024-12-31' });
    await db.query(`INSERT INTO news_item (url, title, body, search_key, language, published_at, content_hash, extractor_version, publisher_country_code)
      VALUES ('https://example.invalid/1', 'Report', 'Text', 'text', 'en', '2024-03-02T10:00:00Z', 'h1', 'test', 'IR')`);
    await db.query(`INSERT INTO actor (kind, name, name_key, country_code) VALUES ('PERSON', 'Ali Talebi', 'ali talebi', 'IR')`);
    await db.query(`INSERT INTO source (kind, location, publisher, publisher_country_code, poll_interval_minutes, version)
      VALUES ('FEED', 'https://example.invalid/feed', 'Agency', 'KZ', 60, 1)`);
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
    expect(rows.length).toBeGreaterThan(0);
    for (const { id } of rows) {
      const read = await getEntityOrThrow(db.manager, entity, label, id, alsoSelect);
      const found = await db.getRepository(entity).createQueryBuilder('e').where('e.id = :id', { id })
        .addSelect(alsoSelect.map((column) => `e.${column}`)).getOneOrFail();
      // every column TypeORM reads, relation keys declared as properties included (a meeting's location country,
      // a follow-up's meeting and proposal), each value as TypeORM makes it
      expect(Object.keys(read).length).toBeGreaterThan(3);
      expect({ ...read }).toStrictEqual({ ...found });
      expect(read.constructor).toBe(found.constructor);
    }
  });
});
