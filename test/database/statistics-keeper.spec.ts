import { createDataSource, StatisticsKeeper } from '@dyad/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, tableStatistics, type TestDatabase } from '../support/database.js';

// Tables with autovacuum off, so that only the keeper analyzes them.
const TABLE = (name: string) => `CREATE TABLE ${name} (id int PRIMARY KEY, note text) WITH (autovacuum_enabled = false)`;

describe('StatisticsKeeper', () => {
  let database: TestDatabase;
  let db: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    db = await database.connect();
  });
  afterAll(() => database?.drop());

  /** Inserts rows `from`..`to` into `table`, with the writing backend's counters reported before this returns. */
  async function insert(table: string, from: number, to: number): Promise<void> {
    const runner = db.createQueryRunner();
    try {
      await runner.query(`INSERT INTO ${table} SELECT g, 'row ' || g FROM generate_series($1::int, $2::int) g`, [from, to]);
      // a backend reports its counters when it goes idle after this (otherwise up to a second or more later)
      await runner.query('SELECT pg_stat_force_next_flush()');
    } finally {
      await runner.release();
    }
  }

  const statistics = (table: string) => tableStatistics(db, table);

  it('analyzes a table once it has changed by more rows than it had, and at least the minimum', async () => {
    await db.query(TABLE('grows'));
    await insert('grows', 1, 1);
    await db.query('ANALYZE grows');
    const keeper = new StatisticsKeeper(db, { minChanged: 1000, intervalMs: 0 });

    await insert('grows', 2, 1000);
    await keeper.refresh();
    expect(await statistics('grows')).toEqual({ analyzed: 1, rows: 1 }); // under the minimum: left

    await insert('grows', 1001, 1001);
    await keeper.refresh();
    expect(await statistics('grows')).toEqual({ analyzed: 2, rows: 1001 });

    await insert('grows', 1002, 2001); // 1,000 changed, fewer than the 1,001 it had
    await keeper.refresh();
    expect((await statistics('grows')).analyzed).toBe(2);

    await insert('grows', 2002, 2002); // doubled
    await keeper.refresh();
    expect(await statistics('grows')).toEqual({ analyzed: 3, rows: 2002 });
  });

  it('analyzes a table analyzed while empty as soon as it has rows, and leaves it empty', async () => {
    await db.query(TABLE('was_empty'));
    await db.query('ANALYZE was_empty');
    const keeper = new StatisticsKeeper(db, { minChanged: 1000, intervalMs: 0 });
    await keeper.refresh();
    expect(await statistics('was_empty')).toEqual({ analyzed: 1, rows: 0 }); // still empty: left

    await insert('was_empty', 1, 3);
    await keeper.refresh();
    expect(await statistics('was_empty')).toEqual({ analyzed: 2, rows: 3 });

    await insert('was_empty', 4, 6); // no longer empty: the minimum applies again
    await keeper.refresh();
    expect((await statistics('was_empty')).analyzed).toBe(2);
  });

  it('analyzes a table analyzed while empty before its writer has reported its counters', async () => {
    await db.query(TABLE('unreported'));
    await db.query('ANALYZE unreported');
    const keeper = new StatisticsKeeper(db, { minChanged: 1000, intervalMs: 0 });
    const runner = db.createQueryRunner();
    try {
      // a backend reports its counters at most once a second: one report now, so the insert after it waits
      await runner.query('SELECT pg_stat_force_next_flush()');
      await runner.query('SELECT 1');
      await runner.query(`INSERT INTO unreported VALUES (1, 'row 1')`);
      const [{ live }] = await db.query(`SELECT n_live_tup::int AS live FROM pg_stat_user_tables WHERE relname = 'unreported'`);
      expect(live).toBe(0); // (the counters have not seen the row yet)
      await keeper.refresh();
    } finally {
      await runner.release();
    }
    expect(await statistics('unreported')).toEqual({ analyzed: 2, rows: 1 });
  });

  it('leaves a table emptied by the changes that filled it (a queue)', async () => {
    await db.query(TABLE('queue'));
    await insert('queue', 1, 1);
    await db.query('ANALYZE queue');
    const keeper = new StatisticsKeeper(db, { minChanged: 100, intervalMs: 0 });
    const runner = db.createQueryRunner();
    try {
      await runner.query(`INSERT INTO queue SELECT g, 'row ' || g FROM generate_series(2, 500) g`);
      await runner.query('DELETE FROM queue');
      await runner.query('SELECT pg_stat_force_next_flush()');
    } finally {
      await runner.release();
    }
    await keeper.refresh();
    expect((await statistics('queue')).analyzed).toBe(1);
    await insert('queue', 1, 500); // rows left: analyzed
    await keeper.refresh();
    expect(await statistics('queue')).toEqual({ analyzed: 2, rows: 500 });
  });

  it('looks at most once per interval', async () => {
    await db.query(TABLE('throttled'));
    const keeper = new StatisticsKeeper(db, { minChanged: 100, intervalMs: 60_000 });
    await keeper.refresh(); // the first look: nothing grown yet
    await insert('throttled', 1, 500);
    await keeper.refresh();
    expect((await statistics('throttled')).analyzed).toBe(0);
    // another keeper, with no look behind it, finds the table grown
    await new StatisticsKeeper(db, { minChanged: 100, intervalMs: 60_000 }).refresh();
    expect(await statistics('throttled')).toEqual({ analyzed: 1, rows: 500 });
  });

  it('makes a plan cached while the table was small again once it has grown', async () => {
    await db.query(TABLE('planned'));
    await insert('planned', 1, 10);
    await db.query('ANALYZE planned');
    const keeper = new StatisticsKeeper(db, { intervalMs: 0 });
    const runner = db.createQueryRunner();
    try {
      // one session's prepared statement, planned once (a generic plan) while the table has 10 rows
      await runner.query(`SET plan_cache_mode = force_generic_plan`);
      await runner.query(`PREPARE by_note(text) AS SELECT id FROM planned WHERE id > 0 AND note = $1 ORDER BY id LIMIT 1`);
      await runner.query(`CREATE INDEX planned_note ON planned (note)`);
      const plan = async () => (await runner.query(`EXPLAIN EXECUTE by_note('row 5')`)).map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
      // (creating the index made the plan again, for 10 rows: reading the table is cheaper)
      expect(await plan()).toMatch(/Seq Scan on planned/);
      await insert('planned', 11, 50_000);
      expect(await plan()).toMatch(/Seq Scan on planned/); // kept: the statistics still say 10 rows
      await keeper.refresh();
      expect(await plan()).toMatch(/Index Scan using planned_note/);
    } finally {
      await runner.release();
    }
  });

  it('does not fail when the database cannot be reached', async () => {
    const other = await createTestDatabase({ empty: true });
    const gone = createDataSource({ url: other.url, entities: [] });
    await gone.initialize();
    try {
      await other.drop(); // (its connections are ended)
      await expect(new StatisticsKeeper(gone, { intervalMs: 0 }).refresh()).resolves.toBeUndefined();
    } finally {
      await gone.destroy();
    }
  });
});
