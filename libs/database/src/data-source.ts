import pg from 'pg';
import { DataSource, type EntitySchema, type Logger, type MixedList } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './naming.strategy.js';
import { TYPE_PARSERS } from './type-parsers.js';

export interface DataSourceOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  /** Milliseconds a single statement may run before PostgreSQL cancels it. */
  statementTimeoutMs?: number;
  poolSize?: number;
  logger?: Logger;
}

/** A TypeORM data source on PostgreSQL with the project's migrations; `synchronize` is never on. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install (the embedded build has none).
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: options.logger,
    logging: options.logger ? 'all' : false,
    extra: {
      max: options.poolSize ?? 10,
      statement_timeout: options.statementTimeoutMs ?? 15_000,
      // A database that does not answer fails the request instead of holding it.
      connectionTimeoutMillis: 10_000,
      application_name: 'dyad',
      // The API's statements are short: a parallel plan costs more to start than it saves, and JIT compiling took
      // longer than running them. The few long ones (chart fallbacks, rollup rebuilds) turn parallelism back on.
      options: '-c max_parallel_workers_per_gather=0 -c jit=off',
      // string arrays (a page's source ids, party sets) split without a walk per character; read replicas' pools too
      types: TYPE_PARSERS,
    },
  });
}

/** Pending migrations, by name: those not in `applied` (else read from the migrations table). */
export async function pendingMigrations(dataSource: DataSource, applied?: string[]): Promise<string[]> {
  const names = new Set(
    applied ?? (await dataSource.query(`SELECT name FROM migrations`).catch(() => [])).map((row: { name: string }) => row.name),
  );
  return dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name).filter((name) => !names.has(name));
}

/** The same server URL naming another database. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs `work` on a single short-lived connection (creating and dropping databases, which a pool can't). */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
