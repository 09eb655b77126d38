import { createDataSource, withClient, withDatabaseName } from '@dyad/database';
import { ENTITIES } from '@dyad/domain';
import { seedBenchDataset } from './api-dataset.js';

/**
 * Drops and recreates the benchmark's own database `name` on the server of `serverUrl`, migrates it and
 * seeds `meetings` meetings with everything around them; returns its URL.
 */
export async function recreateBenchDatabase(
  serverUrl: string,
  name: string,
  meetings: number,
  log: (line: string) => void,
): Promise<string> {
  await withClient(serverUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
  log(`created database ${name}`);
  const benchUrl = withDatabaseName(serverUrl, name);
  const dataSource = createDataSource({ url: benchUrl, entities: ENTITIES, poolSize: 1, statementTimeoutMs: 0 });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const runner = dataSource.createQueryRunner();
    try {
      const counts = await seedBenchDataset(runner, { meetings, log });
      log(Object.entries(counts).map(([table, rows]) => `${table} ${rows.toLocaleString('en')}`).join(', '));
    } finally {
      await runner.release();
    }
  } finally {
    await dataSource.destroy();
  }
  return benchUrl;
}
