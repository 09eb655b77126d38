import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@dyad/database';
import type { GraphqlResponse } from './api.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { ensureBuilt, envWithout, spawnNode, type Spawned } from './processes.js';

export const SERVER = 'dist/apps/api/src/main.js';

export interface BuiltServer {
  url: string;
  adminKey: string;
  dataDir: string;
  /** The database it uses; null on the embedded PostgreSQL (DATABASE_URL unset). */
  database: TestDatabase | null;
  process: Spawned;
  env: NodeJS.ProcessEnv;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, key?: string | null): Promise<GraphqlResponse<T> & { headers: Headers }>;
  /** Stops it (SIGTERM) and removes what it made, unless `keep` (the data directory, the database). */
  close(options?: { keep?: boolean }): Promise<void>;
}

export interface BuiltServerOptions {
  /** Extra settings; rate limits are off unless given here (tests make many requests from one address). */
  env?: Record<string, string>;
  /** `embedded`: no DATABASE_URL, the server's own PostgreSQL in `dataDir`. Else a fresh test database. */
  database?: TestDatabase | 'embedded';
  dataDir?: string;
  adminKey?: string;
}

/** The built server (`node dist/apps/api/src/main.js`, as `npm start` runs it) in a process of its own. */
export async function startBuiltServer(options: BuiltServerOptions = {}): Promise<BuiltServer> {
  ensureBuilt();
  const database = options.database === 'embedded' ? null : (options.database ?? (await createTestDatabase()));
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'dyad-built-')));
  const adminKey = options.adminKey ?? `built-admin-${randomBytes(9).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    ...envWithout(['DATABASE_URL', 'NODE_ENV'], {}),
    ...(database ? { DATABASE_URL: database.url } : {}),
    PORT: String(await freePort()),
    DYAD_DATA_DIR: dataDir,
    DYAD_ADMIN_KEY: adminKey,
    DYAD_DEMO: 'none',
    // No job worker unless a test asks (DYAD_WORKER: 'on'): fewer connections per test server.
    DYAD_WORKER: 'off',
    DYAD_RATE_LIMIT_PER_ADDRESS: '0',
    DYAD_RATE_LIMIT_PER_KEY: '0',
    DYAD_RATE_LIMIT_FAILED_AUTH: '0',
    ...options.env,
  };
  const child = spawnNode([SERVER], env);
  const [, url] = await child.waitFor(/Dyad is running\. Open the dashboard:\s+(http:\/\/localhost:\d+)\//, 120_000);
  return {
    url,
    adminKey,
    dataDir,
    database,
    process: child,
    env,
    async graphql(query, variables, key = adminKey) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      const body = JSON.parse(text) as Omit<GraphqlResponse, 'status'>;
      return { status: response.status, headers: response.headers, ...body } as never;
    },
    async close({ keep = false } = {}) {
      if (child.child.exitCode === null && child.child.signalCode === null) {
        child.child.kill('SIGTERM');
        await child.exited;
      }
      if (keep) return;
      if (database && !options.database) await database.drop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
