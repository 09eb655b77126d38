import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DyadEnvironment, freePort } from '@dyad/database';
import { AbstractLogger, type LogLevel, type LogMessage } from 'typeorm';
import { startServer, type RunningServer } from '../../apps/api/src/server.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface TestApi {
  url: string;
  adminKey: string;
  server: RunningServer;
  database: TestDatabase;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, key?: string | null): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

/** Counts the SQL statements the server runs, for N+1 checks. */
export class QueryCounter extends AbstractLogger {
  count = 0;
  /** The text of every statement run, in order. */
  readonly texts: string[] = [];

  constructor() {
    super('all');
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[]): void {
    if (level !== 'query') return;
    this.count++;
    for (const one of Array.isArray(message) ? message : [message]) this.texts.push(String(one.message));
  }
}

/**
 * The real server on a fresh migrated database and a free port, with an admin key.
 * Rate limits are off unless a test sets them in `env` (tests make many requests from one address);
 * `env` also carries any other setting a test needs (DYAD_FETCH_ALLOW_PRIVATE…); `database`, a migrated or empty
 * one the test brings (dropped on close by its own `drop`), replaces the fresh one.
 */
export async function startTestApi(
  options: {
    queryCounter?: QueryCounter;
    env?: Record<string, string>;
    database?: TestDatabase;
    log?: (line: string) => void;
    /** With DYAD_WORKER on: false keeps the worker from polling due sources each minute (see ServerOptions). */
    workerSchedule?: boolean;
  } = {},
): Promise<TestApi> {
  const database = options.database ?? (await createTestDatabase());
  const dataDir = await mkdtemp(join(tmpdir(), 'dyad-api-test-'));
  const adminKey = `test-admin-${Math.random().toString(36).slice(2)}-key`;
  const env = DyadEnvironment.from({
    DATABASE_URL: database.url,
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
  });
  const server = await startServer({ env, log: options.log ?? (() => undefined), queryLogger: options.queryCounter, workerSchedule: options.workerSchedule });
  return {
    url: server.url,
    adminKey,
    server,
    database,
    async graphql(query, variables, key = adminKey) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphqlResponse, 'status'>;
      return { status: response.status, ...body } as never;
    },
    async close() {
      await server.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
