import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService, FollowUpService, MeetingService, ProposalService, RequestContext } from '@dyad/domain';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { factories } from '../support/factories.js';
import { seededRandom as random } from '../support/random.js';

// `meeting_pair` (the meetings list of two countries reads its page from it) is kept by triggers on `meeting`:
// after random creates, analyst edits, party changes, rejections, merges and deletes it holds exactly each pair of
// every non-rejected meeting's parties, with the meeting's date.

const CODES = ['IR', 'KZ', 'RU', 'CN', 'TR'];

const kept = (db: DataSource) =>
  db.query(`SELECT a, b, date::text, meeting_id::text AS id FROM meeting_pair ORDER BY 1, 2, 3, 4`);
// computed here from the party rows, not from the stored set the triggers read
const expected = (db: DataSource) =>
  db.query(`SELECT x.country_code AS a, y.country_code AS b, m.date::text, m.id::text AS id
    FROM meeting m JOIN meeting_party x ON x.meeting_id = m.id JOIN meeting_party y ON y.meeting_id = m.id AND x.country_code < y.country_code
    WHERE m.review_status <> 'REJECTED' ORDER BY 1, 2, 3, 4`);

describe('meeting_pair', () => {
  let database: TestDatabase;
  let db: DataSource;
  const ctx = RequestContext.system();

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
  });
  afterAll(() => database.drop());

  it('holds each pair of every non-rejected meeting after random writes of every kind', async () => {
    const next = random(20261202);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    const someOf = (max: number) => [...new Set(Array.from({ length: 1 + Math.floor(next() * max) }, () => pick(CODES)))];
    const date = () => (next() < 0.15 ? null : `202${Math.floor(next() * 5)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`);
    const audit = new AuditService(db);
    const service = new MeetingService(db, audit, new FollowUpService(db, audit), new ProposalService(db, audit));
    const version = async (id: string) => (await db.query(`SELECT version FROM meeting WHERE id = $1`, [id]))[0].version as number;
    const meetings: string[] = [];
    for (let step = 0; step < 200; step++) {
      const roll = next();
      if (roll < 0.3 || meetings.length < 4) {
        const { id } = await factories(db).createMeeting({ parties: someOf(4), date: date(), reviewStatus: next() < 0.1 ? 'REJECTED' : 'EXTRACTED' });
        meetings.push(id);
      } else if (roll < 0.45) {
        const id = pick(meetings);
        await service.update(ctx, id, await version(id), { countries: someOf(3).concat(['IR']).slice(-3), date: date() }).catch((error: Error) => {
          if (!/countr|part/i.test(error.message)) throw error;
        });
      } else if (roll < 0.6) {
        // party rows written directly (as linking does): the stored set follows, and the pairs with it
        const id = pick(meetings);
        if (next() < 0.5) await db.query(`DELETE FROM meeting_party WHERE meeting_id = $1 AND country_code = $2`, [id, pick(CODES)]);
        else await db.query(`INSERT INTO meeting_party (meeting_id, country_code) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, pick(CODES)]);
      } else if (roll < 0.72) {
        const id = pick(meetings);
        const [{ review_status }] = await db.query(`SELECT review_status FROM meeting WHERE id = $1`, [id]);
        if (review_status === 'REJECTED') await service.confirm(ctx, id, await version(id));
        else await service.reject(ctx, id, await version(id));
      } else if (roll < 0.8) {
        await db.query(`UPDATE meeting SET date = $2 WHERE id = $1`, [pick(meetings), date()]);
      } else if (roll < 0.9) {
        const [target, duplicate] = [pick(meetings), pick(meetings)];
        if (target !== duplicate) {
          await service.merge(ctx, target, await version(target), [duplicate]).catch((error: Error) => {
            if (!/merge|parties|countries|status|reject/i.test(error.message)) throw error;
          });
          const [{ exists }] = await db.query(`SELECT EXISTS (SELECT 1 FROM meeting WHERE id = $1) AS exists`, [duplicate]);
          if (!exists) meetings.splice(meetings.indexOf(duplicate), 1);
        }
      } else {
        const id = pick(meetings);
        await db.query(`DELETE FROM meeting WHERE id = $1`, [id]);
        meetings.splice(meetings.indexOf(id), 1);
      }
    }
    const rows = await kept(db);
    expect(rows.length).toBeGreaterThan(30);
    expect(rows).toEqual(await expected(db));
  });

  it('is rebuilt by rollup_rebuild() (dyad rollups rebuild) after a load that bypassed its triggers', async () => {
    const before = await kept(db);
    expect(before.length).toBeGreaterThan(0);
    await db.query(`DELETE FROM meeting_pair WHERE meeting_id IN (SELECT meeting_id FROM meeting_pair LIMIT 5)`);
    await db.query(`INSERT INTO meeting_pair (a, b, date, meeting_id) SELECT 'IR', 'ZZ', NULL, id FROM meeting LIMIT 1`);
    expect(await kept(db)).not.toEqual(before);
    await db.query(`SELECT rollup_rebuild()`);
    expect(await kept(db)).toEqual(before);
  });
});
