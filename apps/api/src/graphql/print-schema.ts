import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { INestApplicationContext } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DyadEnvironment, freePort, withClient, withDatabaseName } from '@dyad/database';
import { lexicographicSortSchema, printSchema } from 'graphql';

/** The schema a running app serves, sorted and printed exactly as `schema.graphql` is committed. */
export function printAppSchema(app: INestApplicationContext): string {
  return `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
}

/** The checkout's root (where package.json is), from dist/ or from source. */
export function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * `npm run schema`: boots the API on a throwaway database (a scratch database on DATABASE_URL's server,
 * else an embedded PostgreSQL in a temporary directory), prints its schema into schema.graphql, and
 * removes the database again. Nothing of the user's data is touched.
 */
async function main(): Promise<void> {
  const { startServer } = await import('../server.js');
  const dataDir = await mkdtemp(join(tmpdir(), 'dyad-schema-'));
  const serverUrl = process.env.DATABASE_URL?.trim() || null;
  let scratchUrl: string | null = null;
  if (serverUrl) {
    const name = `dyad_schema_${randomBytes(4).toString('hex')}`;
    await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    scratchUrl = withDatabaseName(serverUrl, name);
  }
  try {
    const env = DyadEnvironment.from({
      ...(scratchUrl ? { DATABASE_URL: scratchUrl } : {}),
      DYAD_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      DYAD_DEMO: 'none',
      DYAD_ADMIN_KEY: `schema-${randomBytes(12).toString('hex')}`,
    });
    const server = await startServer({ env, log: () => undefined });
    try {
      const target = join(repositoryRoot(), 'schema.graphql');
      await writeFile(target, printAppSchema(server.app));
      process.stdout.write(`wrote ${target}\n`);
    } finally {
      await server.close();
    }
  } finally {
    if (serverUrl && scratchUrl) {
      const name = new URL(scratchUrl).pathname.slice(1);
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
