import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource, DyadEnvironment, freePort } from '@dyad/database';
import { ENTITIES } from '@dyad/domain';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../apps/api/src/server.js';
import { startTestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('PostgreSQL statement timeout', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('is 15 s on the API server by default', async () => {
    const api = await startTestApi();
    try {
      const [row] = await api.server.app.get(DataSource).query('SHOW statement_timeout');
      expect(row.statement_timeout).toBe('15s');
    } finally {
      await api.close();
    }
  });

  it('is DYAD_STATEMENT_TIMEOUT_MS on every connection of the API server', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dyad-timeout-'));
    const env = DyadEnvironment.from({
      DATABASE_URL: database.url,
      PORT: String(await freePort()),
      DYAD_DATA_DIR: dataDir,
      DYAD_ADMIN_KEY: 'statement-timeout-test-key',
      DYAD_DEMO: 'none',
      DYAD_STATEMENT_TIMEOUT_MS: '2500',
    });
    const server = await startServer({ env, log: () => undefined });
    try {
      const dataSource = server.app.get(DataSource);
      // Several at once, so the pool opens several connections.
      const rows = await Promise.all(Array.from({ length: 4 }, () => dataSource.query('SHOW statement_timeout')));
      expect(rows.map(([row]) => row.statement_timeout)).toEqual(['2500ms', '2500ms', '2500ms', '2500ms']);
    } finally {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('cancels a statement that runs longer', async () => {
    const dataSource = await createDataSource({ url: database.url, entities: ENTITIES, statementTimeoutMs: 200, poolSize: 1 }).initialize();
    try {
      await expect(dataSource.query('SELECT pg_sleep(3)')).rejects.toThrow(/statement timeout/);
      expect(await dataSource.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await dataSource.destroy();
    }
  });
});
