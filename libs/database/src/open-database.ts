import { startEmbeddedPostgres, type EmbeddedLock } from './embedded-postgres.js';
import type { DyadEnvironment } from './environment.js';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL to use: `DATABASE_URL` when set, else the embedded cluster in `DYAD_DATA_DIR`
 * (a server refuses a cluster another server runs; commands reuse it).
 */
export async function openDatabase(
  env: DyadEnvironment,
  owner: EmbeddedLock['owner'],
  log?: (line: string) => void,
): Promise<DatabaseHandle> {
  if (env.databaseUrl) return { url: env.databaseUrl, embedded: false, stop: async () => undefined };
  const embedded = await startEmbeddedPostgres({ dataDir: env.dataDir, owner, reuseRunning: owner !== 'server', log });
  return { url: embedded.url, embedded: true, stop: () => embedded.stop() };
}
