import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource, withClient, withDatabaseName } from '@dyad/database';
import { ENTITIES } from '@dyad/domain';
import type { DataSource } from 'typeorm';
import { seedBenchDataset } from '../../apps/cli/src/bench/api-dataset.js';
import { recreateBenchDatabase } from '../../apps/cli/src/bench/bench-database.js';
import { createTestDatabase, participantCopies, type TestDatabase } from '../support/database.js';
import { ensureBuilt, runNode } from '../support/processes.js';

// The bench seed (`dyad bench api`) loads its steps over several connections side by side, dropping the indexes
// and constraints first and building them after the load. What it leaves must be the migrated schema, whole,
// with rollups and party sets as the triggers would have kept them.

const serverUrl = () => process.env.DATABASE_URL!;

/** Every index, constraint and trigger of the public schema, by name and definition (a trigger's with its state). */
async function schemaObjects(db: DataSource): Promise<string[]> {
  const rows: { item: string }[] = await db.query(
    `SELECT 'index ' || indexname || ': ' || indexdef AS item FROM pg_indexes WHERE schemaname = 'public'
     UNION ALL
     SELECT 'constraint ' || conrelid::regclass || '.' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint
     WHERE connamespace = 'public'::regnamespace
     UNION ALL
     SELECT 'trigger ' || tgname || ' (' || tgenabled::text || '): ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
     ORDER BY 1`,
  );
  return rows.map((row) => row.item);
}

/** Every rollup table's rows as text, in one order, with the other stored derivations a rebuild writes. */
async function rollupTables(db: DataSource): Promise<Record<string, string[]>> {
  const tables: { name: string }[] = await db.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'rollup\\_%' ORDER BY 1`,
  );
  const result: Record<string, string[]> = {};
  const read = async (name: string, sql: string) => {
    const rows: { row: string }[] = await db.query(sql);
    result[name] = rows.map((row) => row.row);
  };
  for (const { name } of tables) await read(name, `SELECT t::text AS row FROM ${name} t ORDER BY 1`);
  await read('meeting_pair', `SELECT t::text AS row FROM meeting_pair t ORDER BY 1`);
  await read('follow-up origin dates', `SELECT id || ' ' || coalesce(origin_date::text, '-') AS row FROM follow_up_action ORDER BY 1`);
  return result;
}

describe('bench seed over several connections', () => {
  const name = `dyad_t_seed_${randomBytes(4).toString('hex')}`;
  let migrated: TestDatabase;
  let seeded: DataSource;
  const log: string[] = [];

  beforeAll(async () => {
    migrated = await createTestDatabase();
    await recreateBenchDatabase(serverUrl(), name, 1000, (line) => log.push(line), 2);
    seeded = createDataSource({ url: withDatabaseName(serverUrl(), name), entities: ENTITIES, poolSize: 2, statementTimeoutMs: 0 });
    await seeded.initialize();
  }, 120_000);
  afterAll(async () => {
    await seeded?.destroy();
    await withClient(serverUrl(), (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    await migrated.drop();
  });

  it('logs every step once and leaves no plan table behind', async () => {
    const steps = log.filter((line) => line.startsWith('seed '));
    const total = Number(/^seed \d+\/(\d+) /.exec(steps[0])![1]);
    expect(steps).toHaveLength(total);
    expect(new Set(steps.map((line) => /^seed (\d+)\//.exec(line)![1])).size).toBe(total);
    for (const label of ['plan meetings', 'meetings', 'meeting pairs', 'news items', 'meeting rollup', 'proposal rollup', 'follow-up rollup', 'dyad rollups', 'score rollup', 'evidence']) {
      expect(steps.filter((line) => line.replace(/^seed \d+\/\d+ /, '').replace(/( \([\d,]+ rows\))? in [\d.]+ s$/, '') === label)).toHaveLength(1);
    }
    expect(log.some((line) => /seeded in [\d.]+ s$/.test(line))).toBe(true);
    const [plans] = await seeded.query(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'bench\\_%'`);
    expect(plans.n).toBe(0);
  });

  it('leaves every table that holds rows analysed, so the first ingest into it analyses none', async () => {
    // never analysed (nor vacuumed), with rows; TypeORM's list of migrations is read once, at start, by name
    const unanalysed: { name: string }[] = await seeded.query(
      `SELECT s.relname AS name FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
       WHERE s.schemaname = 'public' AND s.relname <> 'migrations' AND c.reltuples < 0 AND pg_relation_size(c.oid) > 0 ORDER BY 1`,
    );
    expect(unanalysed.map((row) => row.name)).toEqual([]);
  });

  it('leaves every index, constraint and trigger of the migrated schema', async () => {
    const db = await migrated.connect();
    expect(await schemaObjects(seeded)).toEqual(await schemaObjects(db));
  });

  it('writes the rows, their party sets and rollups as the triggers and a rebuild would', async () => {
    const [counts] = await seeded.query(
      `SELECT (SELECT count(*)::int FROM meeting) AS meetings, (SELECT count(*)::int FROM news_item) AS news,
              (SELECT count(*)::int FROM meeting m WHERE m.party_codes IS DISTINCT FROM
                 ARRAY(SELECT p.country_code FROM meeting_party p WHERE p.meeting_id = m.id ORDER BY 1)::char(2)[]) AS stray_sets,
              (SELECT count(*)::int FROM meeting_source ms JOIN news_item n ON n.id = ms.news_item_id
                WHERE (ms.published_at, ms.ingested_at, ms.language, ms.publisher)
                  IS DISTINCT FROM (n.published_at, n.ingested_at, n.language, n.publisher)) AS stray_source_copies,
              (SELECT count(*)::int FROM follow_up_action f LEFT JOIN meeting m ON m.id = f.meeting_id
                WHERE f.meeting_sectors IS DISTINCT FROM coalesce(m.sectors, '{}')) AS stray_sector_copies,
              (SELECT count(*)::int FROM follow_up_action f WHERE f.meeting_sectors <> '{}') AS sector_copies`,
    );
    expect(counts.meetings).toBe(1000);
    expect(counts.news).toBeGreaterThan(1000);
    expect(counts.stray_sets).toBe(0);
    expect(counts.stray_source_copies).toBe(0);
    expect(counts.stray_sector_copies).toBe(0);
    expect(counts.sector_copies).toBeGreaterThan(0);
    expect((await participantCopies(seeded)).stray).toBe(0);
    const loaded = await rollupTables(seeded);
    expect(loaded.rollup_meeting.length).toBeGreaterThan(0);
    expect(loaded.meeting_pair.length).toBeGreaterThan(0);
    expect(loaded['follow-up origin dates'].filter((row) => !row.endsWith(' -')).length).toBeGreaterThan(0);
    await seeded.query(`SELECT rollup_rebuild()`);
    expect(await rollupTables(seeded)).toEqual(loaded);
  });

  it('bench api on the reused database labels its figures with the meetings it holds, not with --meetings', async () => {
    ensureBuilt();
    const run = await runNode(
      ['bin/dyad.js', 'bench', 'api', '--skip-seed', '--alone-only', '--database', name, '--query', 'meeting by id'],
      { ...process.env, DATABASE_URL: serverUrl() },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^query +1,000\n-+ +-+\nmeeting by id +\d+\.\d\n/m);
    expect(run.stdout).not.toContain('100,000');
  }, 120_000);

  it('stops at a failing step, names it, and starts nothing that needs it', async () => {
    const target = await createTestDatabase();
    const db = await target.connect();
    try {
      await db.query(`CREATE TABLE bench_meeting (i int)`); // the first step creates it: it fails
      const runners = [db.createQueryRunner(), db.createQueryRunner()];
      await expect(seedBenchDataset(runners, { meetings: 100, log: () => {} })).rejects.toThrow(/seed step "plan meetings" failed: .*already exists/);
      await Promise.all(runners.map((runner) => runner.release()));
      const [rows] = await db.query(`SELECT (SELECT count(*)::int FROM meeting) AS meetings, (SELECT count(*)::int FROM news_item) AS news`);
      expect(rows).toEqual({ meetings: 0, news: 0 });
    } finally {
      await target.drop();
    }
  });
});
