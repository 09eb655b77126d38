import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldDuplicateActors } from '../../libs/database/src/migrations/1798300000000-one-actor-per-person.js';
import { MeetingRepository } from '@dyad/domain';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

// The migration 1798300000000-one-actor-per-person folds the actors two reports ingested at the same time made
// of one person, keeping their meetings and spellings; two people of one name an analyst split apart stay two.
describe('folding duplicate actors (migration 1798300000000)', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
  });
  afterAll(() => database.drop());

  const actor = async (name: string, key: string, country: string | null, aliases: string[] = []) =>
    (
      await db.query(`INSERT INTO actor (kind, name, name_key, match_key, country_code, aliases) VALUES ('PERSON', $1, lower($1), $2, $3, $4) RETURNING id`, [
        name, key, country, aliases,
      ])
    )[0].id as string;

  const meeting = (date: string) =>
    new MeetingRepository(db.manager).create(
      {
        type: 'MEETING', status: 'HELD', date, dateSource: 'TEXT', locationName: null, locationCountryCode: null, sectors: [],
        confidence: null, reviewStatus: 'EXTRACTED', parties: ['IR', 'KZ'],
      },
      null,
    );

  const takesPart = (meetingId: string, actorId: string, name: string) =>
    db.query(`INSERT INTO meeting_participant (meeting_id, actor_id, name) VALUES ($1, $2, $3)`, [meetingId, actorId, name]);

  it('folds one person’s actors into the one in most meetings, and leaves other countries and split actors alone', async () => {
    const kept = await actor('Farzaneh Sadegh', 'frzn sdgh', 'IR');
    const twin = await actor('Farzane Sadeq', 'frzn sdgh', 'IR', ['فرزانه صادق']);
    const otherCountry = await actor('Farzaneh Sadegh', 'frzn sdgh', 'KZ');
    const [splitFrom, splitOff] = [await actor('Ali Ahmadi', 'l hmd', 'IR'), await actor('Ali Ahmadi', 'l hmd', 'IR')];
    await db.query(
      `INSERT INTO audit_entry (action, entity_type, entity_id) VALUES ('actor.split', 'Actor', $1), ('actor.create', 'Actor', $2)`,
      [splitFrom, splitOff],
    );
    const [first, second, both, fourth] = [await meeting('2025-01-10'), await meeting('2025-02-10'), await meeting('2025-03-10'), await meeting('2025-04-10')];
    await takesPart(first, kept, 'Farzaneh Sadegh');
    await takesPart(fourth, kept, 'Farzaneh Sadegh');
    await takesPart(both, kept, 'Farzaneh Sadegh');
    await takesPart(second, twin, 'Farzane Sadeq');
    await takesPart(both, twin, 'Farzane Sadeq');
    await takesPart(first, otherCountry, 'Farzaneh Sadegh');
    await takesPart(first, splitFrom, 'Ali Ahmadi');
    await takesPart(second, splitOff, 'Ali Ahmadi');

    await foldDuplicateActors(db);

    const actors = await db.query(
      `SELECT a.id, a.name, a.aliases, a.country_code::text AS country,
              array(SELECT m.date::text FROM meeting_participant mp JOIN meeting m ON m.id = mp.meeting_id WHERE mp.actor_id = a.id ORDER BY m.date) AS meetings
       FROM actor a ORDER BY a.name, a.country_code, a.id`,
    );
    expect(actors).toEqual(
      [
        { id: splitFrom, name: 'Ali Ahmadi', aliases: [], country: 'IR', meetings: ['2025-01-10'] },
        { id: splitOff, name: 'Ali Ahmadi', aliases: [], country: 'IR', meetings: ['2025-02-10'] },
        { id: kept, name: 'Farzaneh Sadegh', aliases: ['Farzane Sadeq', 'فرزانه صادق'], country: 'IR', meetings: ['2025-01-10', '2025-02-10', '2025-03-10', '2025-04-10'] },
        { id: otherCountry, name: 'Farzaneh Sadegh', aliases: [], country: 'KZ', meetings: ['2025-01-10'] },
      ].sort((a, b) => a.name.localeCompare(b.name) || a.country.localeCompare(b.country) || a.id.localeCompare(b.id)),
    );
    // One participation per meeting, each with the spelling its report gave.
    const names: { name: string }[] = await db.query(`SELECT name FROM meeting_participant WHERE actor_id = $1`, [kept]);
    expect(names).toHaveLength(4);
    expect(new Set(names.map((row) => row.name))).toEqual(new Set(['Farzaneh Sadegh', 'Farzane Sadeq']));
    expect(await db.query(`SELECT count(*)::int AS n FROM actor WHERE id = $1`, [twin])).toEqual([{ n: 0 }]);
  });
});
