import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createDataSource, DyadEnvironment, openDatabase, withDatabaseName } from '@dyad/database';
import { ENTITIES } from '@dyad/domain';
import { JobQueue, TASKS } from '@dyad/ingestion';
import { recreateEmptyDatabase } from './bench-database.js';
import { median } from './median.js';

// `npm run bench:workers`: ingestion items/s of one watched feed with 1, 2 and 4 `dyad worker` processes on one
// database (a fresh one per run), the runs interleaved round by round. Options: --items N (default 300),
// --rounds N (default 1), --workers 1,2,4.

const CLI = fileURLToPath(new URL('../main.js', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
};
const ITEMS = Number(option('items', '300'));
const ROUNDS = Number(option('rounds', '1'));
const WORKERS = option('workers', '1,2,4').split(',').map(Number);
if (!Number.isInteger(ITEMS) || ITEMS < 1 || !Number.isInteger(ROUNDS) || ROUNDS < 1 || WORKERS.some((n) => !Number.isInteger(n) || n < 1 || n > 16)) {
  process.stderr.write('usage: workers-bench [--items N] [--rounds N] [--workers 1,2,4]\n');
  process.exit(2);
}

const COUNTRIES = [['Kazakhstan', 'Astana'], ['Armenia', 'Yerevan'], ['Turkey', 'Ankara'], ['Russia', 'Moscow'], ['China', 'Beijing'], ['Iraq', 'Baghdad']];
const SECTORS = ['cinema', 'trade', 'energy', 'education', 'tourism', 'transport'];

function feed(run: string): string {
  const items = Array.from({ length: ITEMS }, (_, n) => {
    const [country, city] = COUNTRIES[n % COUNTRIES.length];
    const sector = SECTORS[Math.floor(n / COUNTRIES.length) % SECTORS.length];
    const day = (n % 28) + 1;
    const text = `${city.toUpperCase()}, April ${day}, 2025 – The foreign ministers of Iran and ${country} met in ${city} on ${day} April 2025 to discuss ${sector} cooperation (${run}-${n}). They agreed to sign a memorandum of understanding on ${sector} in the near future.`;
    return `<item><title>Iran and ${country}: ${sector} ${run}-${n}</title><link>https://bench.example.org/${run}/${n}</link><pubDate>${day} Apr 2025 09:00:00 GMT</pubDate><description>${text}</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>${items.join('')}</channel></rss>`;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const env = DyadEnvironment.from();
  const database = await openDatabase(env, 'cli', log);
  let body = '';
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  const results = new Map<number, number[]>();
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const workers of WORKERS) {
        body = feed(`r${round}w${workers}`);
        const rate = await measure(database.url, `http://127.0.0.1:${port}/feed.rss`, workers);
        results.set(workers, [...(results.get(workers) ?? []), rate]);
        log(`round ${round}, ${workers} worker process(es): ${rate.toFixed(1)} items/s`);
      }
    }
  } finally {
    server.close();
    await database.stop();
  }
  process.stdout.write(`\ningestion of one ${ITEMS}-item feed, ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores, each worker --concurrency 2\n`);
  process.stdout.write(`| worker processes | items/s (each round) | median |\n|---|---|---|\n`);
  for (const [workers, rates] of results) {
    process.stdout.write(`| ${workers} | ${rates.map((r) => r.toFixed(1)).join(', ')} | ${median(rates).toFixed(1)} |\n`);
  }
}

async function measure(serverUrl: string, feedUrl: string, workers: number): Promise<number> {
  const name = 'dyad_bench_workers';
  await recreateEmptyDatabase(serverUrl, name);
  const url = withDatabaseName(serverUrl, name);
  const dataSource = createDataSource({ url, entities: ENTITIES, poolSize: 2, statementTimeoutMs: 0 });
  await dataSource.initialize();
  const children: ChildProcess[] = [];
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await (await JobQueue.open(url)).close();
    for (let i = 0; i < workers; i++) children.push(await startWorker(url));
    const [{ id }] = await dataSource.query(
      `INSERT INTO source (kind, location, publisher, poll_interval_minutes, next_poll_at, version) VALUES ('FEED', $1, 'Bench', 600, now() + interval '1 hour', 1) RETURNING id`,
      [feedUrl],
    );
    const started = Date.now();
    await dataSource.query(`SELECT graphile_worker.add_job($1, json_build_object('sourceId', $2::text))`, [TASKS.poll, id]);
    for (;;) {
      const [{ done }] = await dataSource.query(`SELECT count(*)::int AS done FROM source_entry WHERE status <> 'PENDING'`);
      if (done >= ITEMS) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return (ITEMS * 1000) / (Date.now() - started);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
    await dataSource.destroy();
  }
}

function startWorker(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CLI, 'worker', '--concurrency', '2'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DYAD_FETCH_ALLOW_PRIVATE: '127.0.0.1/32' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('worker running')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`dyad worker exited with ${code}: ${out}`)));
  });
}

await main();
