import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { factories } from '../support/factories.js';
import { scoreDaysSql } from '../support/score-days.js';
import { ensureBuilt, envWithout, runNode } from '../support/processes.js';

describe('dyad rollups rebuild', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    ensureBuilt();
    database = await createTestDatabase();
    dataSource = await database.connect();
    env = envWithout(['DYAD_ADMIN_KEY'], { DATABASE_URL: database.url });
  });
  afterAll(() => database.drop());

  it('recomputes rollups and party sets written around the triggers (a bulk load with triggers off)', async () => {
    const { id: meetingId } = await factories(dataSource).createMeeting({ parties: ['IR', 'KZ'], date: '2025-04-13', sectors: ['CINEMA'] });
    const before = await dataSource.query(`SELECT a, b, sum(meetings)::int AS n FROM rollup_meeting GROUP BY 1, 2 ORDER BY 1, 2`);
    const daysSql = `SELECT month::text, a, b, array_agg(w ORDER BY day) AS meetings FROM (${scoreDaysSql()}) d GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
    const score = await dataSource.query(daysSql);
    expect(score.length).toBe(25); // the meeting counts in the score for 730 days from 2025-04-13
    await dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`); // as a bulk load does: no triggers
      await manager.query(`UPDATE meeting SET party_codes = '{}'`);
      await manager.query(`DELETE FROM rollup_meeting`);
      await manager.query(`DELETE FROM rollup_score`);
      await manager.query(`DELETE FROM rollup_score_item`);
      // an actor in the meeting and a news item, loaded with no rollup row for them
      const [{ id: actorId }] = await manager.query(`INSERT INTO actor (kind, name, name_key) VALUES ('PERSON', 'Karimi', 'karimi') RETURNING id`);
      await manager.query(`INSERT INTO meeting_participant (meeting_id, actor_id, name) VALUES ($1, $2, 'Karimi')`, [meetingId, actorId]);
      await manager.query(`INSERT INTO news_item (body, search_key, language, published_at, content_hash, extractor_version)
        VALUES ('Loaded', 'loaded', 'ru', '2025-04-14', repeat('l', 64), 'test')`);
    });
    const run = await runNode(['bin/dyad.js', 'rollups', 'rebuild'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^rollups rebuilt in [\d.]+ s: rollup_meeting 4, /);
    expect(await dataSource.query(`SELECT a, b, sum(meetings)::int AS n FROM rollup_meeting GROUP BY 1, 2 ORDER BY 1, 2`)).toEqual(before);
    expect(await dataSource.query(`SELECT party_codes FROM meeting`)).toEqual([{ party_codes: ['IR', 'KZ'] }]);
    expect(run.stdout).toMatch(/rollup_score 25, rollup_score_item 1, rollup_actor 1, rollup_news_item 1 rows/);
    expect(await dataSource.query(`SELECT meetings FROM rollup_actor`)).toEqual([{ meetings: 1 }]);
    expect(await dataSource.query(`SELECT language, day::text, items FROM rollup_news_item`)).toEqual([{ language: 'ru', day: '2025-04-14', items: 1 }]);
    const rebuilt: typeof score = await dataSource.query(daysSql);
    expect(rebuilt.map((row: { month: string }) => row.month)).toEqual(score.map((row: { month: string }) => row.month));
    rebuilt.forEach((row: { meetings: number[] }, i: number) => row.meetings.forEach((w, day) => expect(w).toBeCloseTo(score[i].meetings[day], 9)));
  });
});
