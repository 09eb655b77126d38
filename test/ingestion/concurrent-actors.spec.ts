import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestContext } from '@dyad/domain';
import { actorNameKey } from '@dyad/extraction';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { ingestionServiceFor } from '../support/ingestion.js';

// Reports on different pairs hold no lock in common, so they are linked at the same time; those naming one new
// person must still make one actor of them (actorNameLocks), whether they give the full name or the surname alone.
const PARTNERS = ['Kazakhstan', 'Russia', 'Turkey', 'Azerbaijan', 'Armenia', 'Tajikistan', 'Uzbekistan', 'China', 'Iraq', 'Pakistan'];

const report = (name: string, partner: string, day: number) => ({
  text: `TEHRAN, May ${day}, 2025 – Iranian Roads Minister ${name} met the transport minister of ${partner}, Ivan Petrov, in Tehran on Saturday and discussed transit corridors.`,
});

describe('one actor per person, also when reports naming them are ingested at once', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
  });
  afterAll(() => database.drop());
  let day = 1; // each case its own day, so its reports are new items and its meetings its own

  it.each([
    ['Farzaneh Sadegh', ['Farzaneh Sadegh']],
    ['Mehrdad Bazrpash', ['Mehrdad Bazrpash', 'Bazrpash']],
    ['Rostam Ghasemi', ['Rostam Ghasemi']],
    ['Jamshid Khodjaev', ['Khodjaev', 'Jamshid Khodjaev']],
  ])('%s, named in ten reports on ten pairs ingested at once, is one actor', async (fullName, spellings) => {
    const ingestion = ingestionServiceFor(db);
    day += 2;
    const outcomes = await Promise.all(
      PARTNERS.map((partner, i) => ingestion.ingest(RequestContext.system(), report(spellings[i % spellings.length], partner, day))),
    );
    expect(outcomes.map((o) => o.status)).toEqual(PARTNERS.map(() => 'NEW'));
    const surname = actorNameKey(fullName).tokens.at(-1)!;
    const actors: { name: string; meetings: number }[] = await db.query(
      `SELECT a.name, (SELECT count(*)::int FROM meeting_participant mp WHERE mp.actor_id = a.id) AS meetings
       FROM actor a WHERE a.country_code = 'IR' AND replace(a.match_key, ' ', '') LIKE $1`,
      [`%${surname}`],
    );
    expect(actors).toEqual([{ name: fullName, meetings: PARTNERS.length }]);
  }, 120_000);
});
