import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { factories } from '../support/factories.js';
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
    await factories(dataSource).createMeeting({ parties: ['IR', 'KZ'], date: '2025-04-13', sectors: ['CINEMA'] });
    const before = await dataSource.query(`SELECT a, b, sum(meetings)::int AS n FROM rollup_meeting GROUP BY 1, 2 ORDER BY 1, 2`);
    await dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`); // as a bulk load does: no triggers
      await manager.query(`UPDATE meeting SET party_codes = '{}'`);
      await manager.query(`DELETE FROM rollup_meeting`);
    });
    const run = await runNode(['bin/dyad.js', 'rollups', 'rebuild'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^rollups rebuilt in [\d.]+ s: rollup_meeting 4, /);
    expect(await dataSource.query(`SELECT a, b, sum(meetings)::int AS n FROM rollup_meeting GROUP BY 1, 2 ORDER BY 1, 2`)).toEqual(before);
    expect(await dataSource.query(`SELECT party_codes FROM meeting`)).toEqual([{ party_codes: ['IR', 'KZ'] }]);
  });
});
