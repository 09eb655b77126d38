import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorService, AuditService, FollowUpService, MeetingService, ProposalService, RelationReader, RequestContext } from '@dyad/domain';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
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
});
