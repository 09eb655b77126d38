import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DyadEnvironment, freePort, openDatabase, withDatabaseName } from '@dyad/database';
import { recreateBenchDatabase } from './bench-database.js';
import { median } from './median.js';

// `npm run bench:dashboard`: the overview in Debian's chromium against a database of ≥100,000 meetings
// (the same generated dataset as `dyad bench api`), timed from navigation to every chart drawn.
// Options (environment): BENCH_MEETINGS (default 102500), BENCH_RUNS (default 5), BENCH_SKIP_SEED=1,
// BENCH_DATABASE (default dyad_bench_dashboard: the database it recreates, or reads with BENCH_SKIP_SEED=1).

const DATABASE = process.env.BENCH_DATABASE || 'dyad_bench_dashboard';
// (written into DROP/CREATE DATABASE statements unquoted)
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(DATABASE)) {
  process.stderr.write(`BENCH_DATABASE must be a plain database name (lower-case letters, digits and _, not starting with a digit): got ${JSON.stringify(DATABASE)}\n`);
  process.exit(2);
}
const CHROMIUM = process.env.DYAD_CHROMIUM ?? '/usr/bin/chromium';
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);



/** A whole-number setting from the environment, or its default; anything else stops the bench with a message. */
function wholeNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min || n > max) {
    process.stderr.write(`${name} must be a whole number from ${min} to ${max.toLocaleString('en')}: got ${JSON.stringify(raw)}\n`);
    process.exit(2);
  }
  return n;
}


async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`bench:dashboard needs ${CHROMIUM} (apt-get install -y chromium)\n`);
    process.exit(2);
  }
  // a little over 100,000, so that at least 100,000 remain visible once the rejected ones (about 2%) are left out
  const meetings = wholeNumber('BENCH_MEETINGS', 102_500, 100, 2_000_000);
  const runs = wholeNumber('BENCH_RUNS', 5, 1, 50);
  const { startServer } = await import('../../../api/src/server.js');
  const { chromium } = await import('playwright-core');
  const database = await openDatabase(DyadEnvironment.from(), 'cli', log);
  const workDir = await mkdtemp(join(tmpdir(), 'dyad-bench-dashboard-'));
  try {
    const benchUrl = withDatabaseName(database.url, DATABASE);
    if (process.env.BENCH_SKIP_SEED !== '1') await recreateBenchDatabase(database.url, DATABASE, meetings, log);
    const adminKey = `bench-${randomBytes(12).toString('hex')}`;
    const env = DyadEnvironment.from({ DATABASE_URL: benchUrl, HOST: '127.0.0.1', PORT: String(await freePort()), DYAD_DATA_DIR: workDir, DYAD_ADMIN_KEY: adminKey, DYAD_RATE_LIMIT_PER_ADDRESS: '0', DYAD_RATE_LIMIT_PER_KEY: '0' });
    const server = await startServer({ env, log });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    try {
      const base = `http://127.0.0.1:${new URL(server.url).port}`;
      const counted = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
        body: JSON.stringify({ query: '{ meetings(first: 1) { totalCount } }' }),
      }).then((r) => r.json() as Promise<{ data: { meetings: { totalCount: number } } }>);
      log(`${counted.data.meetings.totalCount.toLocaleString('en')} meetings visible to the API`);
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      // sign in once (the key goes to localStorage), then time fresh loads of the overview
      await page.goto(`${base}/?key=${adminKey}`);
      await page.waitForSelector('body[data-ready="overview"]', { timeout: 120_000 });
      const results: Record<string, number[]> = {};
      for (const [name, path] of [['all time', '/?period=all'], ['last 12 months (default)', '/']] as const) {
        results[name] = [];
        for (let run = 0; run < runs; run++) {
          await page.goto(`${base}${path}`);
          await page.waitForSelector('body[data-ready="overview"]', { timeout: 120_000 });
          // a panel in its error state also counts as drawn: time only loads where every chart has its data
          const failed = (await page.evaluate(`[...document.querySelectorAll('.chart-panel[data-state="error"]')].map((p) => p.dataset.chart + ': ' + p.querySelector('.panel-status').textContent)`)) as string[];
          if (failed.length) throw new Error(`the overview drew ${failed.length} chart(s) in an error state, so its time is not a real load: ${failed.join('; ')}`);
          // from the navigation's start to the mark the overview sets once every chart has drawn
          const ms = (await page.evaluate(`performance.getEntriesByName('dyad:charts-drawn', 'mark').at(-1)?.startTime ?? -1`)) as number;
          results[name].push(ms);
        }
      }
      process.stdout.write(`\nOverview against ${counted.data.meetings.totalCount.toLocaleString('en')} meetings (${runs} loads each, Chromium headless):\n`);
      for (const [name, values] of Object.entries(results)) {
        process.stdout.write(`  ${name.padEnd(26)} charts drawn in ${median(values).toFixed(0)} ms (median; min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})\n`);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await database.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

await main();
