import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActorService, AuditService, DomainError, FollowUpService, MeetingService, ProposalService, RequestContext } from '@dyad/domain';
import type { IngestionService, NewsItemInput } from '@dyad/ingestion';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { ingestionServiceFor } from '../support/ingestion.js';

// An analyst's edit and the ingest of a report on the same pair, started together, give what running them one
// after the other gives (in one order or the other), and neither fails with a deadlock: edits take the locks
// ingestion takes (withPartyLocks), and an ingest waits for an actor being merged away (resolveActor). The
// version check stays: an edit made from a reading the ingest has since changed is refused with CONFLICT, as it
// is one after the other.
const ASTANA: NewsItemInput = {
  title: 'astana',
  text: 'ASTANA, April 13, 2025 – Iranian Foreign Minister Abbas Araghchi met his Kazakh counterpart Murat Nurtleu in Astana on Sunday and discussed transit cooperation.',
};
const ASTANA_AGAIN: NewsItemInput = {
  title: 'astana again',
  text: 'ASTANA, April 14, 2025 – Kazakh Foreign Minister Murat Nurtleu received Iranian Foreign Minister Abbas Araghchi in Astana on Sunday; they discussed transit and trade.',
};
const TEHRAN: NewsItemInput = {
  title: 'tehran',
  text: 'TEHRAN, June 10, 2025 – Kazakh Foreign Minister Murat Nurtleu visited Tehran on Tuesday and met Iranian Foreign Minister Abbas Araghchi to discuss transit.',
};
const TEHRAN_AGAIN: NewsItemInput = {
  title: 'tehran again',
  text: 'TEHRAN, June 11, 2025 – Iranian Foreign Minister Abbas Araghchi received Kazakh Foreign Minister Murat Nurtleu in Tehran on Tuesday and discussed transit cooperation.',
};

const MOSCOW: NewsItemInput = {
  title: 'moscow',
  text: 'MOSCOW, May 12, 2025 – Iranian Foreign Minister Abbas Araghchi met Russian Foreign Minister Sergey Lavrov in Moscow on Monday and discussed transit cooperation.',
};

const ctx = RequestContext.system();
const RUNS = 12;

interface Services {
  db: DataSource;
  actors: ActorService;
  ingestion: IngestionService;
  meetings: MeetingService;
  followUps: FollowUpService;
}

/**
 * A race: what is there before it, the report ingested, and the analyst's edit: `edit` reads what the analyst
 * sees (ids, versions) and answers the mutation to send.
 */
interface Race {
  setup(services: Services): Promise<void>;
  report: NewsItemInput;
  edit(services: Services): Promise<() => Promise<unknown>>;
}

/** The facts linking reads and writes, without ids: meetings with their sources, follow-ups with their state. */
async function state(db: DataSource) {
  return {
    meetings: await db.query(
      `SELECT m.party_codes::text[] AS parties, m.date::text AS date, m.status, m.review_status,
              array(SELECT n.title FROM meeting_source s JOIN news_item n ON n.id = s.news_item_id WHERE s.meeting_id = m.id ORDER BY n.title) AS sources
       FROM meeting m ORDER BY m.date, m.party_codes, m.review_status`,
    ),
    followUps: await db.query(
      `SELECT f.description, f.status, f.owner_codes::text[] AS owners, (SELECT n.title FROM follow_up_status_change c JOIN news_item n ON n.id = c.news_item_id
         WHERE c.follow_up_id = f.id AND c.status = 'DONE') AS closed_by
       FROM follow_up_action f ORDER BY f.description`,
    ),
    actors: await db.query(
      `SELECT a.name, a.aliases, (SELECT count(*)::int FROM meeting_participant mp WHERE mp.actor_id = a.id) AS meetings FROM actor a ORDER BY a.name`,
    ),
    unsourced: (await db.query(`SELECT count(*)::int AS n FROM news_item n WHERE NOT EXISTS (SELECT 1 FROM meeting_source s WHERE s.news_item_id = n.id)`))[0].n,
  };
}

const meetingOf = async (db: DataSource, title: string) =>
  (await db.query(`SELECT m.id, m.version FROM meeting m JOIN meeting_source s ON s.meeting_id = m.id JOIN news_item n ON n.id = s.news_item_id WHERE n.title = $1`, [title]))[0] as {
    id: string;
    version: number;
  };

/** What the edit answered: done, or refused as stale (CONFLICT); anything else fails the test. */
async function outcome(edit: Promise<unknown>): Promise<'DONE' | 'CONFLICT'> {
  try {
    await edit;
    return 'DONE';
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') return 'CONFLICT';
    throw error;
  }
}

const RACES: [string, Race][] = [
  [
    'merging meetings, and a report of the one merged away',
    {
      async setup({ ingestion }) {
        for (const item of [ASTANA, TEHRAN]) await ingestion.ingest(ctx, item);
      },
      report: TEHRAN_AGAIN,
      async edit({ db, meetings }) {
        const target = await meetingOf(db, 'astana');
        const duplicate = await meetingOf(db, 'tehran');
        return () => meetings.merge(ctx, target.id, target.version, [duplicate.id]);
      },
    },
  ],
  [
    'changing a meeting’s parties, and another report of it',
    {
      async setup({ ingestion }) {
        await ingestion.ingest(ctx, ASTANA);
      },
      report: ASTANA_AGAIN,
      async edit({ db, meetings }) {
        const meeting = await meetingOf(db, 'astana');
        return () => meetings.update(ctx, meeting.id, meeting.version, { countries: ['IR', 'KZ', 'RU'] });
      },
    },
  ],
  [
    'rejecting a meeting, and another report of it',
    {
      async setup({ ingestion }) {
        await ingestion.ingest(ctx, ASTANA);
      },
      report: ASTANA_AGAIN,
      async edit({ db, meetings }) {
        const meeting = await meetingOf(db, 'astana');
        return () => meetings.reject(ctx, meeting.id, meeting.version);
      },
    },
  ],
  [
    'changing a meeting’s date, and another report of it',
    {
      async setup({ ingestion }) {
        await ingestion.ingest(ctx, ASTANA);
      },
      report: ASTANA_AGAIN,
      async edit({ db, meetings }) {
        const meeting = await meetingOf(db, 'astana');
        return () => meetings.update(ctx, meeting.id, meeting.version, { date: '2025-05-20' });
      },
    },
  ],
  [
    'changing a follow-up’s owners, and the report of the visit it asks for',
    {
      async setup({ db, ingestion, meetings }) {
        await ingestion.ingest(ctx, ASTANA);
        const meeting = await meetingOf(db, 'astana');
        await meetings.logOutcome(ctx, meeting.id, {
          expectedVersion: meeting.version,
          outcome: 'PROGRESS',
          followUps: [{ description: 'Kazakhstan to pay a visit to Tehran', owners: ['KZ'], horizon: 'NEAR_TERM' }],
        });
      },
      report: TEHRAN,
      async edit({ db, followUps }) {
        const [followUp] = await db.query(`SELECT id, version FROM follow_up_action`);
        return () => followUps.update(ctx, followUp.id, followUp.version, { owners: ['IR', 'KZ'] });
      },
    },
  ],
  [
    'merging an actor into another, and a report naming the one merged away (on another pair)',
    {
      async setup({ db, ingestion }) {
        await ingestion.ingest(ctx, ASTANA);
        await db.query(`INSERT INTO actor (kind, name, name_key, match_key, country_code) VALUES ('PERSON', 'Iran''s foreign minister', 'x', 'rns frgn mnstr', 'IR')`);
      },
      report: MOSCOW,
      async edit({ db, actors }) {
        const [target] = await db.query(`SELECT id, version FROM actor WHERE name = 'Iran''s foreign minister'`);
        const [duplicate] = await db.query(`SELECT id FROM actor WHERE name = 'Abbas Araghchi'`);
        return () => actors.merge(ctx, target.id, target.version, [duplicate.id]);
      },
    },
  ],
];

describe('an analyst’s edit racing an ingest on the same pair', () => {
  let database: TestDatabase;
  let db: DataSource;
  let services: Services;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
    const audit = new AuditService(db);
    const followUps = new FollowUpService(db, audit);
    services = { db, actors: new ActorService(db, audit), ingestion: ingestionServiceFor(db), followUps, meetings: new MeetingService(db, audit, followUps, new ProposalService(db, audit)) };
  });
  afterAll(() => database.drop());
  beforeEach(() => reset(db));

  const reset = (db: DataSource) => db.query(`TRUNCATE news_item, meeting, proposal, follow_up_action, actor, evidence, audit_entry CASCADE`);

  it.each(RACES)('%s: the state of one after the other', async (_name, race) => {
    // The two orders, one after the other; the edit is made from the state before the ingest in both.
    const serial: { answer: string; state: unknown }[] = [];
    for (const editFirst of [true, false]) {
      await reset(db);
      await race.setup(services);
      const edit = await race.edit(services);
      if (editFirst) {
        const answer = await outcome(edit());
        expect((await services.ingestion.ingest(ctx, race.report)).status).toBe('NEW');
        serial.push({ answer, state: await state(db) });
      } else {
        expect((await services.ingestion.ingest(ctx, race.report)).status).toBe('NEW');
        serial.push({ answer: await outcome(edit()), state: await state(db) });
      }
    }
    // Then both at once, the edit sent a little before or after the ingest, many times.
    for (let run = 0; run < RUNS; run++) {
      await reset(db);
      await race.setup(services);
      const edit = await race.edit(services);
      const delay = (run % 4) * 10;
      const [answer, ingested] = await Promise.all([
        new Promise((resolve) => setTimeout(resolve, delay)).then(() => outcome(edit())),
        services.ingestion.ingest(ctx, race.report),
      ]);
      expect(ingested.status).toBe('NEW');
      expect(serial).toContainEqual({ answer, state: await state(db) });
    }
  }, 240_000); // 14 ingests and edits one after the other, and 12 races: 15–30 s each on a loaded 2-core machine
});
