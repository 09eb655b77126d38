import { randomBytes } from 'node:crypto';
import { createDataSource, pendingMigrations, withClient, withDatabaseName } from '@dyad/database';
import { ENTITIES } from '@dyad/domain';
import type { DataSource } from 'typeorm';

// One template per test run (process id), so parallel runs on one server do not collide.
const TEMPLATE = `dyad_template_${process.env.DYAD_TEST_RUN ?? (process.env.DYAD_TEST_RUN = String(process.pid))}`;

export async function createTemplateDatabase(url: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
    await client.query(`CREATE DATABASE ${TEMPLATE}`);
  });
  const dataSource = createDataSource({ url: withDatabaseName(url, TEMPLATE), entities: ENTITIES, poolSize: 1 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
}

export async function dropTemplateDatabase(url: string): Promise<void> {
  await withClient(url, (client) => client.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`));
}

export interface TestDatabase {
  url: string;
  name: string;
  /** Opens a data source on this database (not migrated unless it was cloned from the template). */
  connect(): Promise<DataSource>;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is unset: run the tests through vitest, whose global setup provides one');
  return url;
}

/** A fresh database of its own for a test file: migrated (a copy of the template) or empty. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const db = namedTestDatabase();
  await withClient(serverUrl(), (client) => client.query(options.empty ? `CREATE DATABASE ${db.name}` : `CREATE DATABASE ${db.name} TEMPLATE ${TEMPLATE}`));
  return db;
}

/**
 * A database name of a test's own on the test server, not created: for a command under test that makes the database
 * itself (`dyad bench ingest --empty-database`); `drop` removes it if it was made.
 */
export function namedTestDatabase(prefix = 'dyad_t'): TestDatabase {
  const base = serverUrl();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  return testDatabaseAt(withDatabaseName(base, name), () =>
    withClient(base, async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  );
}

/** The database at `url` as a test's own: `drop` closes the data sources it opened, then calls `remove`. */
export function testDatabaseAt(url: string, remove: () => Promise<void>): TestDatabase {
  const opened: DataSource[] = [];
  return {
    url,
    name: new URL(url).pathname.slice(1),
    async connect() {
      const dataSource = createDataSource({ url, entities: ENTITIES, poolSize: 4 });
      opened.push(await dataSource.initialize());
      return dataSource;
    },
    async drop() {
      for (const dataSource of opened) if (dataSource.isInitialized) await dataSource.destroy();
      await remove();
    },
  };
}

/** Undoes the migrations of `db`, newest first, until `name` is pending again (it and every one after it undone). */
export async function undoMigrationsThrough(db: DataSource, name: string): Promise<void> {
  while (!(await pendingMigrations(db)).includes(name)) await db.undoLastMigration({ transaction: 'each' });
}

/** How often `table` has been analyzed by hand (not by autovacuum), and the row count its statistics give. */
export async function tableStatistics(db: DataSource, table: string): Promise<{ analyzed: number; rows: number }> {
  const [row] = await db.query(
    `SELECT s.analyze_count::int AS analyzed, c.reltuples::int AS rows
     FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = $1`,
    [table],
  );
  return row;
}

/**
 * The participations whose copies of their meeting (date, whether rejected, party set: migration
 * ParticipantMeetingCopies) differ from the meeting's own (`stray`, 0 when the triggers kept them), and how many
 * copies say rejected.
 */
export async function participantCopies(db: DataSource): Promise<{ rejected: number; stray: number }> {
  const [row] = await db.query(
    `SELECT count(*) FILTER (WHERE mp.meeting_rejected)::int AS rejected,
            count(*) FILTER (WHERE (mp.meeting_date, mp.meeting_rejected, mp.meeting_party_codes)
                                     IS DISTINCT FROM (m.date, m.review_status = 'REJECTED', m.party_codes))::int AS stray
     FROM meeting_participant mp JOIN meeting m ON m.id = mp.meeting_id`,
  );
  return row;
}
