import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '@dyad/database';
import { ensureBuilt, ROOT, runNode } from '../support/processes.js';

// `dyad bench ingest --baseline <dist>` measures another build's ingestNewsItem in turn with this build's, each as
// a server of its own on an empty database of its own. Here the baseline is this build itself.

const serverUrl = () => process.env.DATABASE_URL!;

describe('dyad bench ingest --baseline', () => {
  beforeAll(() => ensureBuilt());

  it('stores the items through both servers, round by round, and prints both builds with the ratio', async () => {
    const database = `dyad_bench_t_${randomBytes(4).toString('hex')}`;
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
