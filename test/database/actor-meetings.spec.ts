import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorService, AuditService, FollowUpService, MeetingService, ProposalService, RelationReader, RequestContext } from '@dyad/domain';
import type { DataSource } from 'typeorm';
import { createTestDatabase, participantCopies, type TestDatabase } from '../support/database.js';
import { factories } from '../support/factories.js';

// The actors list puts those in the most meetings first by the number it shows beside each (meetingCount: the
// actor's meetings, rejected ones left out, each once), both read from rollup_actor, as is the total of the
// actor's list of meetings; every write that changes the number moves the actor at once.

describe('the actors list and meetingCount', () => {
  let database: TestDatabase;
  let db: DataSource;
  const ctx = RequestContext.system();

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
  });
  afterAll(() => database.drop());

  it('order actors by their meetings, rejected meetings and repeated participations not counted, and follow each change', async () => {
    const make = factories(db);
    const audit = new AuditService(db);
    const actors = new ActorService(db, audit);
    const meetingService = new MeetingService(db, audit, new FollowUpService(db, audit), new ProposalService(db, audit));
    const reader = new RelationReader(db);
    const [parvizi, rahimova, noor]: string[] = (
      await db.query(`INSERT INTO actor (kind, name, name_key) VALUES ('PERSON', 'Parvizi', 'parvizi'), ('PERSON', 'Rahimova', 'rahimova'),
        ('PERSON', 'Noor', 'noor') RETURNING id`)
    ).map((row: { id: string }) => row.id);
    const meeting = async (reviewStatus: 'EXTRACTED' | 'REJECTED', ...present: string[]) => {
      const { id } = await make.createMeeting({ parties: ['IR', 'KZ'], reviewStatus });
      await db.query(`INSERT INTO meeting_participant (meeting_id, actor_id, name) SELECT $1, unnest($2::uuid[]), 'someone'`, [id, present]);
      return id;
    };
    const shown = async () => {
      const { nodes, total } = await actors.list(ctx, null, { limit: 10, offset: 0 });
      const counts = await reader.actorMeetingCounts(nodes.map((actor) => actor.id));
      // each actor's page of meetings lists as many as its meetingCount says, and counts them so; so do its countries
      // (every meeting here is IR-KZ)
      for (const [i, actor] of nodes.entries()) {
        const meetings = await actors.meetings(ctx, actor.id, { limit: 10, offset: 0 });
        expect({ name: actor.name, listed: meetings.nodes.length, total: meetings.total }).toEqual({ name: actor.name, listed: counts[i], total: counts[i] });
        const countries = counts[i] ? [{ code: 'IR', meetings: counts[i] }, { code: 'KZ', meetings: counts[i] }] : [];
        expect({ name: actor.name, countries: await actors.countries(ctx, actor.id) }).toEqual({ name: actor.name, countries });
      }
      return { total, rows: nodes.map((actor, i) => [actor.name, counts[i]]) };
    };

    // Parvizi: four participation rows, but in one meeting twice and in two rejected ones: one meeting
    const shared = await meeting('EXTRACTED', parvizi, parvizi, rahimova);
    const rejected = await meeting('REJECTED', parvizi);
    await meeting('REJECTED', parvizi, noor);
    await meeting('EXTRACTED', rahimova);
    expect(await shown()).toEqual({ total: 3, rows: [['Rahimova', 2], ['Parvizi', 1], ['Noor', 0]] });

    const version = async (id: string) => (await db.query(`SELECT version FROM meeting WHERE id = $1`, [id]))[0].version as number;
    await meetingService.confirm(ctx, rejected, await version(rejected));
    await db.query(`INSERT INTO meeting_participant (meeting_id, actor_id, name) VALUES ($1, $2, 'Parvizi')`, [await meeting('EXTRACTED'), parvizi]);
    expect(await shown()).toEqual({ total: 3, rows: [['Parvizi', 3], ['Rahimova', 2], ['Noor', 0]] });

    await meetingService.reject(ctx, shared, await version(shared));
    expect(await shown()).toEqual({ total: 3, rows: [['Parvizi', 2], ['Rahimova', 1], ['Noor', 0]] });

    // Noor folded into Rahimova: her one rejected meeting is still not counted
    const [{ version: rahimovaVersion }] = await db.query(`SELECT version FROM actor WHERE id = $1`, [rahimova]);
    await actors.merge(ctx, rahimova, rahimovaVersion, [noor]);
    await db.query(`DELETE FROM meeting WHERE id = $1`, [rejected]);
    expect(await shown()).toEqual({ total: 2, rows: [['Parvizi', 1], ['Rahimova', 1]] });
  });

  // An actor's page reads its participations' copies of their meetings' dates, review statuses and party sets
  // (migration ParticipantMeetingCopies): each list is checked against the meetings themselves after each edit.
  it("an actor's page follows its meetings' dates, parties, reviews and merges", async () => {
    const make = factories(db);
    const audit = new AuditService(db);
    const actors = new ActorService(db, audit);
    const meetingService = new MeetingService(db, audit, new FollowUpService(db, audit), new ProposalService(db, audit));
    const [actor] = (await db.query(`INSERT INTO actor (kind, name, name_key) VALUES ('PERSON', 'Karimi', 'karimi') RETURNING id`)).map((row: { id: string }) => row.id as string);
    const meeting = async (parties: string[], date: string | null, title = 'Minister') => {
      const { id } = await make.createMeeting({ parties, date });
      await db.query(`INSERT INTO meeting_participant (meeting_id, actor_id, name, title) VALUES ($1, $2, 'Karimi', $3)`, [id, actor, title]);
      return id;
    };
    const version = async (id: string) => (await db.query(`SELECT version FROM meeting WHERE id = $1`, [id]))[0].version as number;
    // what the page shows, and what the meetings themselves say it should
    const page = async () => ({
      meetings: (await actors.meetings(ctx, actor, { limit: 10, offset: 0 })).nodes.map((m) => m.id),
      secondPage: (await actors.meetings(ctx, actor, { limit: 2, offset: 2 })).nodes.map((m) => m.id),
      countries: await actors.countries(ctx, actor),
      titles: (await actors.titles(ctx, actor)).map(({ title, firstSeen, lastSeen, meetings }) => ({ title, firstSeen, lastSeen, meetings })),
      participations: (await actors.participations(ctx, actor)).map((p) => p.meetingId),
    });
    const expected = async () => {
      const of = `FROM meeting m WHERE m.id IN (SELECT meeting_id FROM meeting_participant WHERE actor_id = $1)`;
      const meetings = (await db.query(`SELECT m.id ${of} AND m.review_status <> 'REJECTED' ORDER BY m.date DESC NULLS LAST, m.id`, [actor]))
        .map((row: { id: string }) => row.id);
      return {
        meetings,
        secondPage: meetings.slice(2, 4),
        countries: await db.query(`SELECT c::text AS code, count(*)::int AS meetings ${of.replace('FROM meeting m', 'FROM meeting m CROSS JOIN LATERAL unnest(m.party_codes) c')}
          AND m.review_status <> 'REJECTED' GROUP BY c ORDER BY meetings DESC, code`, [actor]),
        titles: await db.query(`SELECT mp.title, min(m.date)::text AS "firstSeen", max(m.date)::text AS "lastSeen", count(DISTINCT m.id)::int AS meetings
          FROM meeting_participant mp JOIN meeting m ON m.id = mp.meeting_id WHERE mp.actor_id = $1 AND m.review_status <> 'REJECTED'
          GROUP BY mp.title ORDER BY min(m.date) NULLS LAST, mp.title`, [actor]),
        participations: (await db.query(`SELECT mp.meeting_id FROM meeting_participant mp JOIN meeting m ON m.id = mp.meeting_id
          WHERE mp.actor_id = $1 ORDER BY m.date DESC NULLS LAST, m.id, mp.id`, [actor])).map((row: { meeting_id: string }) => row.meeting_id),
      };
    };

    const early = await meeting(['IR', 'KZ'], '2024-03-01');
    const late = await meeting(['IR', 'TJ'], '2025-06-01', 'Ambassador');
    const undated = await meeting(['IR', 'KZ', 'RU'], null);
    const middle = await meeting(['IR', 'KZ'], '2024-09-09');
    expect(await page()).toEqual(await expected());
    expect((await page()).meetings).toEqual([late, middle, early, undated]);

    // an analyst dates the undated meeting after the others, and changes its parties
    await meetingService.update(ctx, undated, await version(undated), { date: '2026-01-05', countries: ['AF', 'IR'] });
    expect(await page()).toEqual(await expected());
    expect((await page()).meetings[0]).toBe(undated);
    expect((await page()).countries).toContainEqual({ code: 'AF', meetings: 1 });

    // rejected, then confirmed again
    await meetingService.reject(ctx, late, await version(late));
    expect(await page()).toEqual(await expected());
    expect((await page()).meetings).not.toContain(late);
    await meetingService.confirm(ctx, late, await version(late));
    expect(await page()).toEqual(await expected());

    // two meetings the actor took part in merged into one (the actor in it twice, listed once), and a meeting of
    // another date merged into one of the actor's: the participations moved take the kept meeting's date
    await meetingService.merge(ctx, early, await version(early), [middle]);
    expect(await page()).toEqual(await expected());
    expect((await page()).meetings).toHaveLength(3);
    const { id: other } = await make.createMeeting({ parties: ['IR', 'KZ'], date: '2023-01-01' });
    await meetingService.merge(ctx, other, await version(other), [late]);
    expect(await page()).toEqual(await expected());
    expect((await page()).meetings.at(-1)).toBe(other);
    expect((await participantCopies(db)).stray).toBe(0);
  });
});
