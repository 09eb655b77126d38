import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@dyad/database';
import { createTemplateDatabase, dropTemplateDatabase } from './database.js';

let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

/**
 * Tests run against real PostgreSQL: DATABASE_URL when set (CI, development machines), else an embedded
 * server started here for the whole run. A migrated template database makes each file's fresh
 * database a fast copy.
 */
export async function setup(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    dataDir = await mkdtemp(join(tmpdir(), 'dyad-test-pg-'));
    process.stderr.write(`DATABASE_URL is unset: starting an embedded PostgreSQL in ${dataDir}\n`);
    embedded = await startEmbeddedPostgres({ dataDir, owner: 'test', reuseRunning: false });
    process.env.DATABASE_URL = embedded.url;
  }
  await createTemplateDatabase(process.env.DATABASE_URL);
}

export async function teardown(): Promise<void> {
  if (process.env.DATABASE_URL) await dropTemplateDatabase(process.env.DATABASE_URL).catch(() => undefined);
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
