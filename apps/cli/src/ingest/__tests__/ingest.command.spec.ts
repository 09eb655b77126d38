import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FETCH_FAILED } from '@dyad/ingestion';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/database.js';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const BIN = join(ROOT, 'bin/dyad.js');

// Asynchronous, so the HTTP server in this process can answer the child.
function dyad(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  // CI builds in `npm ci` (prepare); build here only when the compiled command is missing.
  if (!existsSync(join(ROOT, 'dist/apps/cli/src/commands/ingest.command.js'))) {
    const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  }
});

describe('dyad ingest usage errors', () => {
  it.each([
    [['ingest', 'x', '--published-at', '2025-02-30'], /--published-at.*expected a real date as YYYY-MM-DD/],
    [['ingest', 'x', '--published-at', '13/04/2025'], /--published-at.*expected a real date/],
    [['ingest', 'x', '--publisher-country', 'ir'], /--publisher-country.*ISO 3166-1 alpha-2 code in upper case/],
    [['ingest', 'x', '--publisher-country', 'XX'], /--publisher-country.*ISO 3166-1/],
    [['ingest'], /missing required argument/],
  ])('%j exits 2 with one line on stderr and nothing on stdout', async (args, message) => {
    const r = await dyad(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});

describe('dyad ingest', () => {
  let db: TestDatabase;
  let server: Server;
  let base: string;
  // The feed server is on loopback: the fetch guard lets the command reach exactly it.
  const env = () => ({ DATABASE_URL: db.url, DYAD_FETCH_ALLOW_PRIVATE: '127.0.0.1/32' });

  beforeAll(async () => {
    db = await createTestDatabase();
    server = createServer((req, res) => {
      if (req.url === '/feed') {
        res.setHeader('content-type', 'application/rss+xml');
        res.end(
          '<rss version="2.0"><channel><title>Wire</title><item><title>Film week</title><link>https://wire.example/1</link>' +
            '<pubDate>Mon, 12 May 2025 09:00:00 GMT</pubDate><description>Iran and Kazakhstan will hold a film week in Astana next month.</description></item></channel></rss>',
        );
        return;
      }
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await db?.drop();
  });

  it('ingests a batch, prints the summary and exits 0 when nothing failed', async () => {
    const r = await dyad(['ingest', 'test/fixtures/storyline', '--publisher-country', 'IR'], env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^items read\s+(\d+)\nnew\s+\1\nduplicates\s+0\nmeetings created\s+[1-9]/);
    expect(r.stdout).toMatch(/\nfailed\s+0\n/);
    // The folder's README reads as a news item with no date: it is named, with how to date it.
    expect(r.stdout).toMatch(/\nitems with no date\s+1\n/);
    expect(r.stdout).toContain('\n  test/fixtures/storyline/README.md\n  to date them, give a date with --published-at YYYY-MM-DD');
  });

  it('reports the items with no date in --json too, and dates them with --published-at', async () => {
    const undated = await dyad(['ingest', 'test/fixtures/status/06-undated-en.txt', '--json'], env());
    expect(JSON.parse(undated.stdout)).toMatchObject({
      new: 1,
      undatedItems: 1,
      undatedOrigins: ['test/fixtures/status/06-undated-en.txt'],
      howToDate: expect.stringContaining('--published-at'),
    });
    const dated = await dyad(['ingest', 'test/fixtures/status/01-astana-dateline-en.txt', '--json', '--published-at', '2025-04-13'], env());
    const summary = JSON.parse(dated.stdout);
    expect(summary).toMatchObject({ new: 1, undatedItems: 0, undatedOrigins: [] });
    expect(summary.howToDate).toBeUndefined();
  });

  it('counts the same items again as duplicates (--json)', async () => {
    await dyad(['ingest', 'test/fixtures/storyline'], env());
    const r = await dyad(['ingest', 'test/fixtures/storyline', '--json'], env());
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ new: 0, failed: 0, failures: [], meetingsCreated: 0 });
    expect(summary.duplicates).toBe(summary.read);
  });

  it('reads a feed over HTTP', async () => {
    const r = await dyad(['ingest', `${base}/feed`, '--json'], env());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 1, new: 1, failed: 0 });
  });

  it('processes everything, lists each failure with its origin, and exits 1', async () => {
    const r = await dyad(['ingest', 'test/fixtures/sources/tree', 'test/fixtures/sources/missing.txt', `${base}/gone`], env());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^items read\s+7\n/);
    expect(r.stdout).toMatch(/\nfailed\s+4\n/);
    expect(r.stdout).toContain(
      [
        'failures:',
        '  test/fixtures/sources/tree/image.png: not a text, HTML, JSON Lines or feed file',
        '  test/fixtures/sources/tree/sub/blob.dat: not a text, HTML, JSON Lines or feed file',
        '  test/fixtures/sources/missing.txt: not found',
        `  ${base}/gone: ${FETCH_FAILED} (HTTP 404)`,
      ].join('\n'),
    );
  });

  it('reports an item the service refuses and goes on', async () => {
    const r = await dyad(['ingest', 'test/fixtures/sources/items.jsonl', '--json', '--published-at', '2025-05-20'], env());
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.read).toBe(11);
    expect(summary.new + summary.duplicates).toBe(3);
    expect(summary.failures.map((f: { origin: string }) => f.origin)).toContain('test/fixtures/sources/items.jsonl:4');
  });
});
