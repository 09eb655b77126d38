import { beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '@dyad/database';
import { namedTestDatabase } from '../support/database.js';
import { ensureBuilt, ROOT, runNode } from '../support/processes.js';

// `dyad bench ingest --baseline <dist>` measures another build's ingestNewsItem in turn with this build's, each as
// a server of its own on an empty database of its own. Here the baseline is this build itself.

const serverUrl = () => process.env.DATABASE_URL!;

describe('dyad bench ingest --baseline', () => {
  beforeAll(() => ensureBuilt());

  it('stores the items through both servers, round by round, and prints both builds with the ratio', async () => {
    // (the bench makes and drops it, and the baseline's beside it)
    const database = namedTestDatabase('dyad_bench_t').name;
    const run = await runNode(
      ['bin/dyad.js', 'bench', 'ingest', '--baseline', `${ROOT}dist`, '--baseline-name', 'same', '--items', '10', '--rounds', '2', '--concurrency', '2', '--empty-database', database],
      { ...process.env, DATABASE_URL: serverUrl() },
    );
    expect(run.code, run.stderr).toBe(0);
    // the two alternate: this build first in round 1, the baseline first in round 2
    const rounds = run.stderr.split('\n').filter((line) => line.startsWith('bench: round')).map((line) => line.replace(/: [\d.]+ items\/s.*/, ''));
    expect(rounds).toEqual([
      'bench: round 1, this build, concurrency 2',
      'bench: round 1, same, concurrency 2',
      'bench: round 2, same, concurrency 2',
      'bench: round 2, this build, concurrency 2',
    ]);
    const table = run.stdout.trim().split('\n');
    expect(table[0]).toMatch(/^ingestNewsItem into an empty database, this build \(.+\) and same \(.+\) in turn, 2 round\(s\); 10 1–3 KB/);
    const rows = table.slice(3).map((line) => line.trim().split(/\s{2,}/));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(['2', 'this build', expect.stringMatching(/^[\d.]+, [\d.]+$/), expect.stringMatching(/^[\d.]+$/), expect.stringMatching(/^[\d.]+$/), expect.stringMatching(/^[\d.]+$/), '0']);
    expect(rows[1]).toEqual(['2', 'same', expect.stringMatching(/^[\d.]+, [\d.]+$/), expect.stringMatching(/^[\d.]+$/), expect.stringMatching(/^[\d.]+×$/), expect.stringMatching(/^[\d.]+$/), expect.stringMatching(/^[\d.]+$/), '0']);
    // the ratio of the medians, as measured: within what the medians printed to a tenth allow (each ±0.05), to its
    // own printed hundredth (at 10 items the medians are small: 4.7 against 6.8 is 0.69 to 0.70)
    const [ours, theirs] = rows.map((row) => Number(row[3]));
    const ratio = Number(rows[1][4].slice(0, -1));
    expect(ratio).toBeGreaterThanOrEqual((ours - 0.05) / (theirs + 0.05) - 0.005);
    expect(ratio).toBeLessThanOrEqual((ours + 0.05) / (theirs - 0.05) + 0.005);
    // both databases are dropped at the end
    const left = await withClient(serverUrl(), (client) => client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${database}%`]));
    expect(left.rows).toEqual([]);
  }, 180_000);

  it('refuses options of the other cases, and a folder with no built server, before doing anything', async () => {
    const combined = await runNode(['bin/dyad.js', 'bench', 'ingest', '--baseline', `${ROOT}dist`, '--databases', 'large'], process.env);
    expect(combined.code).toBe(1);
    expect(combined.stderr).toContain('--baseline measures ingestNewsItem into empty databases only; it cannot be combined with --databases');
    const missing = await runNode(['bin/dyad.js', 'bench', 'ingest', '--baseline', `${ROOT}test`], process.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`--baseline ${ROOT}test: no built server there (expected apps/api/src/main.js in a dist/ folder)`);
  });
});

// `--modes store`: batch mode's storing alone. Every item is read, checked and extracted first (logged, not timed),
// then stored in batches as `dyad ingest` stores them.
describe('dyad bench ingest --modes store', () => {
  beforeAll(() => ensureBuilt());

  it('prepares every item first, then times storing them, beside batch mode', async () => {
    const database = namedTestDatabase('dyad_bench_t');
    try {
      const run = await runNode(
        ['bin/dyad.js', 'bench', 'ingest', '--items', '12', '--databases', 'empty', '--modes', 'batch,store', '--concurrency', '1', '--empty-database', database.name],
        { ...process.env, DATABASE_URL: serverUrl() },
      );
      expect(run.code, run.stderr).toBe(0);
      const lines = run.stderr.split('\n');
      const prepared = lines.findIndex((line) => /^bench: store, concurrency 1: 12 items prepared first \(not timed\) in [\d.]+ s, [\d.]+ items\/s$/.test(line));
      const stored = lines.findIndex((line) => /^bench: empty, store, concurrency 1: [\d.]+ items\/s \(12 items in /.test(line));
      expect(prepared, run.stderr).toBeGreaterThanOrEqual(0);
      expect(stored).toBeGreaterThan(prepared);
      const rows = run.stdout.trim().split('\n').slice(3).map((line) => line.trim().split(/\s{2,}/));
      expect(rows.map((row) => [row[0], row[1], row[2], row[3], row.at(-1)])).toEqual([
        ['empty', 'batch', '1', '12', '0'],
        ['empty', 'store', '1', '12', '0'],
      ]);
      // the store case's database (made anew for it) holds its warm-up items and the 12 prepared first, with what
      // they report linked
      const counts = await withClient(database.url, (client) =>
        client.query<{ items: number; meetings: number }>(`SELECT count(*)::int AS items, (SELECT count(*)::int FROM meeting) AS meetings FROM news_item`));
      expect(counts.rows[0].items).toBe(32);
      expect(counts.rows[0].meetings).toBeGreaterThan(0);
    } finally {
      await database.drop();
    }
  }, 180_000);

  it('is not among the default modes', async () => {
    const help = await runNode(['bin/dyad.js', 'bench', 'ingest', '--help'], process.env);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('(store: batch mode with every item read, checked and extracted first, not timed: the storing alone) (default: ["batch","direct","graphql"])');
  });
});
