import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backfillActors } from '../../libs/database/src/migrations/1797300000000-actors.js';
import { RequestContext, resolveActor } from '@dyad/domain';
import type { NewsItemInput } from '@dyad/ingestion';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { fixture, ingestionServiceFor } from '../support/ingestion.js';

// One IR–KZ meeting reported in Persian (dated 24 Shahrivar 1404 = 2025-09-15, the Kazakh minister's name in
// Persian letters, the place given) and in English a day later (dated 2025-09-16, no place): only the people
// they both name, in two scripts, tell that it is one meeting. A Russian report names the Iranian months later.
const FA: NewsItemInput = { text: fixture('actors/01-meeting-fa.txt'), publisher: 'ICRO', origin: 'fa' };
const EN: NewsItemInput = { text: fixture('actors/02-meeting-en.txt'), publishedAt: '2025-09-16', publisher: 'Example Times', origin: 'en' };
const RU: NewsItemInput = { text: fixture('actors/03-meeting-ru.txt'), publisher: 'Example Vesti', origin: 'ru' };

describe('actors across languages, through ingestion', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await database.connect();
  });
  afterAll(() => database.drop());
  beforeEach(() => dataSource.query(`TRUNCATE news_item, meeting, proposal, follow_up_action, actor, evidence, audit_entry CASCADE`));

  const ingest = async (...items: NewsItemInput[]) => {
    const ingestion = ingestionServiceFor(dataSource);
    for (const item of items) expect((await ingestion.ingest(RequestContext.system(), item)).status).toBe('NEW');
  };

  const meetings = () =>
    dataSource.query(
      `SELECT m.date::text AS date, array(SELECT n.language::text FROM meeting_source ms JOIN news_item n ON n.id = ms.news_item_id
                                          WHERE ms.meeting_id = m.id ORDER BY n.language) AS languages,
              array(SELECT a.name FROM meeting_participant mp JOIN actor a ON a.id = mp.actor_id WHERE mp.meeting_id = m.id ORDER BY a.name) AS people
       FROM meeting m ORDER BY m.date`,
    );

  it.each([
    ['fa then en', [FA, EN]],
    ['en then fa', [EN, FA]],
  ])('two reports of one meeting in Persian and English, a day apart, are one meeting with both sources (%s)', async (_order, items) => {
    await ingest(...(items as NewsItemInput[]));
    const rows = await meetings();
    expect(rows).toHaveLength(1);
    expect(rows[0].languages).toEqual(['en', 'fa']);
    expect(rows[0].people).toHaveLength(2); // two people, not four
    const actors = await dataSource.query(`SELECT name, aliases, country_code AS country FROM actor ORDER BY match_key`);
    expect(actors).toHaveLength(2);
    const talebi = actors.find((actor: { name: string; aliases: string[] }) => [actor.name, ...actor.aliases].includes('Ali Akbar Talebi-Matin'));
    expect([talebi.name, ...talebi.aliases].sort()).toEqual(['Ali Akbar Talebi-Matin', 'علی‌اکبر طالبی‌متین']);
    expect(talebi.country).toBe('IR');
    // The Persian report gave no country for the Kazakh minister; the English one did.
    const seitkali = actors.find((actor: { name: string }) => actor !== talebi);
    expect(seitkali.country).toBe('KZ');
  });

  it('keeps the two reports apart when they name other people (the people decided it)', async () => {
    const others = EN.text!.replace('Ali Akbar Talebi-Matin', 'Reza Ahmadi').replace('Nurlan Seitkali', 'Daniyar Omarov');
    await ingest(FA, { ...EN, text: others });
    const rows = await meetings();
    expect(rows.map((row: { languages: string[] }) => row.languages)).toEqual([['fa'], ['en']]);
  });

  it('follows one person through Persian, English and Russian reports of two meetings', async () => {
    await ingest(RU, EN, FA);
    const rows = await meetings();
    expect(rows.map((row: { date: string; languages: string[] }) => [row.date, row.languages])).toEqual([
      ['2025-09-15', ['en', 'fa']],
      ['2026-03-10', ['ru']],
    ]);
    const [talebi] = await dataSource.query(
      `SELECT a.id, a.name, a.aliases FROM actor a WHERE 'Али Акбар Талеби-Матин' = ANY(a.aliases || a.name)`,
    );
    const theirs = await dataSource.query(
      `SELECT m.date::text AS date, mp.name, mp.title FROM meeting_participant mp JOIN meeting m ON m.id = mp.meeting_id
       WHERE mp.actor_id = $1 ORDER BY m.date`,
      [talebi.id],
    );
    expect(theirs.map((row: { date: string }) => row.date)).toEqual(['2025-09-15', '2026-03-10']);
    expect(theirs[1]).toMatchObject({ name: 'Али Акбар Талеби-Матин', title: 'Заместитель министра культуры Ирана' });
    // The Russian instrumental «Асланом Бекмуратовым» is one more person, not a spelling of anyone known.
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM actor`)).toEqual([{ n: 3 }]);
  });
});

describe('the actors migration backfill', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await database.connect();
  });
  afterAll(() => database.drop());

  it('keys every actor and folds one person ingested in two scripts, leaving different people apart', async () => {
    const [meeting1, meeting2] = await dataSource.query(
      `INSERT INTO meeting (type, status, date, version) VALUES ('MEETING', 'HELD', '2025-01-01', 1), ('MEETING', 'HELD', '2025-02-01', 1) RETURNING id`,
    );
    const actor = async (name: string, country: string | null) =>
      (await dataSource.query(`INSERT INTO actor (kind, name, name_key, country_code) VALUES ('PERSON', $1, $1, $2) RETURNING id`, [name, country]))[0].id;
    const fa = await actor('علی‌اکبر طالبی‌متین', 'IR');
    const en = await actor('Ali Akbar Talebi-Matin', 'IR');
    const other = await actor('Ali Akbar Talebi', 'IR');
    const elsewhere = await actor('Ali Akbar Talebi-Matin', 'TJ');
    const participate = (meetingId: string, actorId: string) =>
      dataSource.query(`INSERT INTO meeting_participant (meeting_id, actor_id) VALUES ($1, $2)`, [meetingId, actorId]);
    await participate(meeting1.id, fa);
    await participate(meeting1.id, en); // the same person twice at one meeting, from two reports
    await participate(meeting2.id, en);
    await participate(meeting2.id, other);
    await participate(meeting2.id, elsewhere);

    await backfillActors(dataSource);

    const actors = await dataSource.query(`SELECT name, aliases, match_key, country_code AS country FROM actor ORDER BY country_code, name`);
    expect(actors).toEqual([
      { name: 'Ali Akbar Talebi', aliases: [], match_key: 'l kbr tlb', country: 'IR' },
      // the spelling in more meetings is kept, the other becomes an alias
      { name: 'Ali Akbar Talebi-Matin', aliases: ['علی‌اکبر طالبی‌متین'], match_key: 'l kbr tlbmtn', country: 'IR' },
      { name: 'Ali Akbar Talebi-Matin', aliases: [], match_key: 'l kbr tlbmtn', country: 'TJ' },
    ]);
    const perMeeting = await dataSource.query(
      `SELECT m.date::text AS date, count(*)::int AS people, array_agg(mp.name ORDER BY mp.name) AS names
       FROM meeting_participant mp JOIN meeting m ON m.id = mp.meeting_id GROUP BY m.date ORDER BY m.date`,
    );
    // one participant at the first meeting (either spelling), the name each was reported under kept
    expect(perMeeting[0].people).toBe(1);
    expect(perMeeting[1]).toEqual({ date: '2025-02-01', people: 3, names: ['Ali Akbar Talebi', 'Ali Akbar Talebi-Matin', 'Ali Akbar Talebi-Matin'] });
  });
});

describe('resolveActor', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await database.connect();
  });
  afterAll(() => database.drop());
  beforeEach(() => dataSource.query(`TRUNCATE actor CASCADE`));

  const resolve = (name: string, country: string | null) => resolveActor(dataSource.manager, { name, country });

  it('finds one person in another script, adds the spelling and fills in the country', async () => {
    const id = await resolve('نورلان سیتکالی', null);
    expect(await resolve('Nurlan Seitkali', 'KZ')).toBe(id);
    expect(await resolve('Нурлан Сейткали', 'KZ')).toBe(id);
    const [actor] = await dataSource.query(`SELECT name, aliases, country_code AS country FROM actor`);
    expect(actor).toEqual({ name: 'نورلان سیتکالی', aliases: ['Nurlan Seitkali', 'Нурлан Сейткали'], country: 'KZ' });
  });

  it('keeps people of different countries apart, whatever the name', async () => {
    const ir = await resolve('Ali Akbar Talebi-Matin', 'IR');
    expect(await resolve('Ali Akbar Talebi-Matin', 'TJ')).not.toBe(ir);
    expect(await resolve('Талеби-Матин', 'IR')).toBe(ir);
  });

  it('lets a surname stand for the one known person of that name, and gives the actor the fuller name', async () => {
    const zarif = await resolve('Zarif', 'IR');
    expect(await resolve('Mohammad Javad Zarif', 'IR')).toBe(zarif);
    expect(await resolve('ظریف', 'IR')).toBe(zarif);
    const [actor] = await dataSource.query(`SELECT name, aliases FROM actor`);
    expect(actor).toEqual({ name: 'Mohammad Javad Zarif', aliases: ['Zarif', 'ظریف'] });
  });

  it('never guesses between two people a surname could be', async () => {
    const ali = await resolve('Ali Ahmadi', 'IR');
    const reza = await resolve('Reza Ahmadi', 'IR');
    expect(reza).not.toBe(ali);
    const surname = await resolve('Ahmadi', 'IR');
    expect([ali, reza]).not.toContain(surname);
    expect(await resolve('Mohammad Ali Ahmadi', 'IR')).not.toBe(ali);
  });
});
