import { availableParallelism } from 'node:os';
import { createDataSource, withClient, withDatabaseName } from '@dyad/database';
import { ENTITIES } from '@dyad/domain';
import { seedBenchDataset } from './api-dataset.js';

/** Drops the benchmark's own database `name` on the server of `serverUrl`, if there, and creates it empty. */
export async function recreateEmptyDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
}

/**
 * Drops and recreates the benchmark's own database `name` on the server of `serverUrl`, migrates it and
 * seeds `meetings` meetings with everything around them, over `connections` connections side by side (one per
 * core by default); returns its URL.
 */
export async function recreateBenchDatabase(
  serverUrl: string,
  name: string,
  meetings: number,
  log: (line: string) => void,
  connections = availableParallelism(),
): Promise<string> {
  await recreateEmptyDatabase(serverUrl, name);
  log(`created database ${name}`);
  const benchUrl = withDatabaseName(serverUrl, name);
  const dataSource = createDataSource({ url: benchUrl, entities: ENTITIES, poolSize: connections, statementTimeoutMs: 0 });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const runners = Array.from({ length: connections }, () => dataSource.createQueryRunner());
    try {
      const counts = await seedBenchDataset(runners, { meetings, log });
      log(Object.entries(counts).map(([table, rows]) => `${table} ${rows.toLocaleString('en')}`).join(', '));
    } finally {
      await Promise.all(runners.map((runner) => runner.release()));
    }
  } finally {
    await dataSource.destroy();
  }
  return benchUrl;
}
