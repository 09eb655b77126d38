import { createDataSource, DyadEnvironment, openDatabase } from '@dyad/database';
import { ENTITIES } from '@dyad/domain';
import type { DataSource } from 'typeorm';

const log = (line: string) => process.stderr.write(`dyad: ${line}\n`);

/**
 * Runs `work` with a connected data source: `DATABASE_URL`, or the embedded PostgreSQL (the running
 * server's when there is one). Refuses to run on a schema older than the code unless `migrate` is set.
 */
export async function withDatabase<T>(
  work: (dataSource: DataSource) => Promise<T>,
  options: { migrate?: boolean; requireCurrentSchema?: boolean; poolSize?: number } = {},
): Promise<T> {
  const env = DyadEnvironment.from();
  const database = await openDatabase(env, 'cli', log);
  const dataSource = createDataSource({ url: database.url, entities: ENTITIES, poolSize: Math.max(4, options.poolSize ?? 0) });
  try {
    await dataSource.initialize();
    if (options.migrate) {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      if (ran.length) log(`applied ${ran.length} migration${ran.length === 1 ? '' : 's'}: ${ran.map((m) => m.name).join(', ')}`);
    } else if (options.requireCurrentSchema !== false && (await dataSource.showMigrations())) {
      throw new Error('the database schema is not current; run `dyad migrate` first');
    }
    return await work(dataSource);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}
