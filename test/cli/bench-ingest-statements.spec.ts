import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedDatabase, startEmbeddedPostgres, withClient } from '@dyad/database';
import { namedTestDatabase } from '../support/database.js';
import { ensureBuilt, runNode } from '../support/processes.js';

// `dyad bench ingest --statements N` lists, after each case, the statements that took the most database time per
// item, from pg_stat_statements. It needs a server that loads the module: here an embedded PostgreSQL started with
// it; a server without it gets a line saying so, and the figures without the list.

const bench = (url: string, ...extra: string[]) =>
  runNode(['bin/dyad.js', 'bench', 'ingest', '--items', '20', '--databases', 'empty', '--modes', 'batch,direct', '--concurrency', '1', ...extra], {
    ...process.env,
    DATABASE_URL: url,
  });

/** The statement lists the bench logged, one per case: the header's figures and each statement's. */
function statementLists(stderr: string) {
  const lines = stderr.split('\n');
  const lists: { total: number; statements: number; shown: number; rows: { ms: number; calls: number; query: string }[] }[] = [];
  lines.forEach((line, i) => {
    const header = /^bench: database time by statement \(pg_stat_statements, each with the triggers it fires\): ([\d.]+) ms per item in (\d+) statements; the (\d+) longest, ms and calls per item:$/.exec(line);
    if (!header) return;
    const shown = Number(header[3]);
    const rows = lines.slice(i + 1, i + 1 + shown).map((row) => {
      const match = /^bench: {3}\s*([\d.]+)\s+([\d.]+) {2}(.+)$/.exec(row);
      expect(match, row).not.toBeNull();
      return { ms: Number(match![1]), calls: Number(match![2]), query: match![3] };
    });
    lists.push({ total: Number(header[1]), statements: Number(header[2]), shown, rows });
  });
  return lists;
}

describe('dyad bench ingest --statements', () => {
  let dataDir: string;
  let embedded: EmbeddedDatabase;

  beforeAll(async () => {
    ensureBuilt();
    dataDir = await mkdtemp(join(tmpdir(), 'dyad-statements-'));
    embedded = await startEmbeddedPostgres({ dataDir, owner: 'test', reuseRunning: false, settings: { shared_preload_libraries: 'pg_stat_statements' } });
  }, 120_000);
  afterAll(async () => {
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('lists each case’s longest statements per item, longest first, out of the database’s whole time', async () => {
    const run = await bench(embedded.url, '--statements', '6');
    expect(run.code, run.stderr).toBe(0);
    const lists = statementLists(run.stderr);
    // one list per case (batch, direct), each after its case's line
    expect(lists).toHaveLength(2);
    const caseLines = run.stderr.split('\n').filter((line) => /^bench: empty, (batch|direct), concurrency 1: /.test(line));
    expect(caseLines).toHaveLength(2);
    for (const [i, list] of lists.entries()) {
      expect(list.shown).toBe(6);
      expect(list.statements).toBeGreaterThan(6);
      expect(list.rows.map((row) => row.ms)).toEqual([...list.rows.map((row) => row.ms)].sort((a, b) => b - a));
      const shownMs = list.rows.reduce((sum, row) => sum + row.ms, 0);
      expect(shownMs).toBeLessThanOrEqual(list.total + 0.01);
      expect(shownMs).toBeGreaterThan(list.total / 3);
      // the statements are ingestion's own, as pg_stat_statements keeps them (values as $n), on one line: among them the
      // meeting lookup that writes the new meetings
      expect(list.rows.some((row) => row.query.startsWith('WITH around AS ( SELECT m.id'))).toBe(true);
      for (const row of list.rows) {
        expect(row.query).not.toMatch(/\s{2}|\n/);
        expect(row.query.length).toBeLessThanOrEqual(110);
      }
      // per item: 20 items, one news item each, stored in one transaction (batch) or one each (direct)
      const newsItems = list.rows.find((row) => row.query.startsWith('INSERT INTO news_item'));
      if (newsItems) expect(newsItems.calls).toBe(i === 0 ? 0.05 : 1);
    }
  }, 180_000);

  it('says why when the server does not load pg_stat_statements, and measures the cases without the lists', async () => {
    const loaded = await withClient(process.env.DATABASE_URL!, (client) => client.query(`SELECT current_setting('shared_preload_libraries') AS libraries`));
    // (the test server of this project's CI does not load it; one that does has nothing to say here)
    if (loaded.rows[0].libraries.includes('pg_stat_statements')) return;
    // a database of its own on the shared server, dropped after
    const database = namedTestDatabase('dyad_bench_t');
    const run = await bench(process.env.DATABASE_URL!, '--statements', '6', '--modes', 'batch', '--empty-database', database.name);
    await database.drop();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `bench: --statements: the server does not load pg_stat_statements (shared_preload_libraries = '${loaded.rows[0].libraries}'): add it there and restart the server to see the time by statement`,
    );
    expect(statementLists(run.stderr)).toEqual([]);
    expect(run.stdout).toMatch(/^empty +batch +1 +20 /m);
  }, 180_000);

  it('refuses --statements with --baseline, and a count that is not a whole number from 1 to 100', async () => {
    const combined = await runNode(['bin/dyad.js', 'bench', 'ingest', '--baseline', 'dist', '--statements', '5'], process.env);
    expect(combined.code).toBe(1);
    expect(combined.stderr).toContain('it cannot be combined with --statements');
    const zero = await runNode(['bin/dyad.js', 'bench', 'ingest', '--statements', '0'], process.env);
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain('expected a whole number from 1 to 100');
  });
});
