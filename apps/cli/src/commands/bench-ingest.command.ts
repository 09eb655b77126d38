import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Command, InvalidArgumentError } from 'commander';
import { DyadEnvironment, freePort, openDatabase, withClient, withDatabaseName } from '@dyad/database';
import { recreateEmptyDatabase } from '../bench/bench-database.js';
import { benchServerEnv, startChildServer } from '../bench/child-server.js';
import { makeCorpus } from '../bench/extract-corpus.js';
import { median } from '../bench/median.js';
import { formatStatements, type StatementReport, statementMeter, statementsUnavailable } from '../bench/statement-meter.js';
import type { BatchIngestor } from '../ingest/run-ingest.js';

// `dyad bench ingest`: items per second stored into an empty database and into a large one (the `bench api`
// dataset), one at a time and several at once, in batches (`dyad ingest`) and through the ingestNewsItem
// mutation. `--code <dist>` runs the same cases on another build (for example main's), side by side;
// `--baseline <dist>` measures another build's ingestNewsItem in turn with this build's, each build's server in a
// process of its own (for builds too old for `--code`).

const EMPTY_DATABASE = 'dyad_bench_ingest_empty';
const LARGE_DATABASE = 'dyad_bench_ingest_large';
// (store: batch mode's storing alone, every item read, checked and extracted first; measured only when asked for)
const MODES = ['batch', 'direct', 'graphql', 'store'] as const;
const DEFAULT_MODES: Mode[] = ['batch', 'direct', 'graphql'];
type Mode = (typeof MODES)[number];

interface BenchIngestOptions {
  items: number;
  meetings: number;
  skipSeed: boolean;
  code?: string;
  modes: Mode[];
  concurrency: number[];
  batchSize: number;
  databases: ('empty' | 'large')[];
  largeDatabase: string;
  emptyDatabase: string;
  warmExtraction: number;
  baseline?: string;
  baselineName: string;
  rounds: number;
  /** With --statements: statements listed per case by their database time (pg_stat_statements). */
  statements?: number;
}

interface Row {
  database: string;
  mode: Mode;
  concurrency: number;
  items: number;
  failed: number;
  seconds: number;
  /** CPU per item stored: the database's backends (null where the server is not on this machine) and this process */
  dbMs?: number | null;
  nodeMs?: number | null;
  statements?: StatementReport;
  note?: string;
}

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

function wholeNumber(min: number, max: number) {
  return (value: string) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    return n;
  };
}

function listOf<T extends string>(allowed: readonly T[]) {
  return (value: string): T[] => {
    const parts = value.split(',').map((part) => part.trim()).filter(Boolean);
    const bad = parts.filter((part) => !allowed.includes(part as T));
    if (!parts.length || bad.length) throw new InvalidArgumentError(`expected a comma-separated list of ${allowed.join(', ')}`);
    return [...new Set(parts)] as T[];
  };
}

function databaseName(value: string): string {
  if (!/^dyad_bench_[a-z0-9_]{1,40}$/.test(value)) throw new InvalidArgumentError('expected a name dyad_bench_… of lower-case letters, digits and _');
  return value;
}

function concurrencies(value: string): number[] {
  const parts = value.split(',').map((part) => Number(part.trim()));
  if (!parts.length || parts.some((n) => !Number.isInteger(n) || n < 1 || n > 32)) throw new InvalidArgumentError('expected a comma-separated list of whole numbers from 1 to 32');
  return [...new Set(parts)];
}

export function registerBenchIngest(bench: Command): void {
  bench
    .command('ingest')
    .description(`ingestion throughput into an empty database and a large one (${EMPTY_DATABASE}, ${LARGE_DATABASE} by default: dropped and recreated)`)
    .option('--items <n>', 'items stored per case', wholeNumber(10, 100_000), 400)
    .option('--meetings <n>', 'meetings in the large database (the bench api dataset)', wholeNumber(100, 2_000_000), 100_000)
    .option('--skip-seed', `reuse the ${LARGE_DATABASE} database of a previous run (migrated to this build's schema first)`, false)
    .option('--databases <list>', 'empty, large', listOf(['empty', 'large'] as const), ['empty', 'large'])
    .option(
      '--modes <list>',
      `${MODES.join(', ')} (store: batch mode with every item read, checked and extracted first, not timed: the storing alone)`,
      listOf(MODES),
      DEFAULT_MODES,
    )
    .option('--concurrency <list>', 'items in flight at once, per case (batch mode: batches stored at once, --writers)', concurrencies, [1, 4])
    .option('--batch-size <n>', 'items per transaction in batch mode', wholeNumber(1, 1000), 50)
    .option('--code <dist>', 'the compiled build to measure (a dist/ folder), for comparing builds; default this one')
    .option('--large-database <name>', `the large database's name (one per build compared, each seeded by its own migrations)`, databaseName, LARGE_DATABASE)
    .option('--empty-database <name>', `the empty database's name (one per bench run at once)`, databaseName, EMPTY_DATABASE)
    .option(
      '--warm-extraction <n>',
      'items extracted (not stored) on the extraction threads before each case, as a running server has done: fresh threads ' +
        'take two to three times the CPU per item over their first few hundred items (default 0: a fresh process, as `dyad ingest` is)',
      wholeNumber(0, 100_000),
      0,
    )
    .option(
      '--baseline <dist>',
      "another build (a dist/ folder, for example the one an issue was filed against) whose ingestNewsItem is measured in turn " +
        "with this build's: each round, each build's server (as `npm start`, in a process of its own) on a new empty database of its own",
    )
    .option('--baseline-name <name>', 'what to call the baseline build in the table', 'baseline')
    .option('--rounds <n>', 'with --baseline: rounds, each build measured once per round and concurrency', wholeNumber(1, 20), 3)
    .option(
      '--statements <n>',
      "after each case, the n statements that took the most database time per item, each with its triggers (from pg_stat_statements: " +
        'the server must load it, shared_preload_libraries; the extension is created in the bench databases)',
      wholeNumber(1, 100),
    )
    .action((options: BenchIngestOptions, command: Command) => {
      if (!options.baseline) return runBenchIngest(options);
      // the baseline's schema is its own: it is measured as a server on a database its own migrations made
      const other = (['modes', 'databases', 'code', 'skipSeed', 'warmExtraction', 'batchSize', 'meetings', 'largeDatabase', 'statements'] as const)
        .filter((name) => command.getOptionValueSource(name) === 'cli');
      if (other.length) {
        command.error(`--baseline measures ingestNewsItem into empty databases only; it cannot be combined with ${other.map(optionFlag).join(', ')}`);
      }
      const baseline = resolve(options.baseline);
      if (!existsSync(join(baseline, 'apps/api/src/main.js'))) {
        command.error(`--baseline ${options.baseline}: no built server there (expected apps/api/src/main.js in a dist/ folder)`);
      }
      return compareWithBaseline(options, baseline);
    });
}

const optionFlag = (name: string) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/** The parts of a build the bench drives, loaded from its dist/ folder. */
async function loadBuild(dist: string) {
  const load = (path: string) => import(pathToFileURL(join(dist, path)).href);
  const [database, domain, ingestion, server, benchDatabase, runIngest] = await Promise.all([
    load('libs/database/src/index.js'),
    load('libs/domain/src/index.js'),
    load('libs/ingestion/src/index.js'),
    load('apps/api/src/server.js'),
    load('apps/cli/src/bench/bench-database.js'),
    load('apps/cli/src/ingest/run-ingest.js'),
  ]);
  return { database, domain, ingestion, server, benchDatabase, runIngest };
}

type Build = Awaited<ReturnType<typeof loadBuild>>;

/** This build's dist/ folder. */
const THIS_BUILD = new URL('../../../../', import.meta.url).pathname;

async function runBenchIngest(options: BenchIngestOptions): Promise<void> {
  const dist = options.code ? resolve(options.code) : THIS_BUILD;
  const build = await loadBuild(dist);
  const env = build.database.DyadEnvironment.from();
  const handle = await build.database.openDatabase(env, 'cli', log);
  const rows: Row[] = [];
  // A reused large database keeps the items of earlier runs: texts of another seed each run, so none is a duplicate.
  let seed = Date.now() % 1_000_000_000;
  try {
    const unavailable = options.statements ? await statementsUnavailable(handle.url) : null;
    if (unavailable) {
      log(`--statements: ${unavailable}`);
      options = { ...options, statements: undefined };
    }
    for (const kind of options.databases) {
      const name = kind === 'empty' ? options.emptyDatabase : options.largeDatabase;
      const label = kind === 'empty' ? 'empty' : options.skipSeed ? options.largeDatabase : `${options.meetings.toLocaleString('en')} meetings`;
      if (kind === 'large' && !options.skipSeed) await build.benchDatabase.recreateBenchDatabase(handle.url, name, options.meetings, log);
      // a reused database is brought to this build's schema first (measured against an older one, new code would
      // run on old triggers and indexes)
      if (kind === 'large' && options.skipSeed) await migrate(build, build.database.withDatabaseName(handle.url, name));
      for (const mode of options.modes) {
        for (const concurrency of options.concurrency) {
          // An empty database is empty for each case; the large one keeps what earlier cases added (a few
          // hundred items beside its own).
          if (kind === 'empty') await build.benchDatabase.recreateBenchDatabase(handle.url, name, 0, () => {});
          const url = build.database.withDatabaseName(handle.url, name);
          // Distinct texts in every case, so none is a duplicate of an earlier one.
          const corpus = makeCorpus(options.items + WARM_UP, 1024, 3072, seed++);
          const row = await runCase(build, url, mode, concurrency, corpus, options);
          rows.push({ database: label, ...row });
          log(`${label}, ${mode}, concurrency ${concurrency}: ${formatRate(row)}`);
          if (row.statements) for (const line of formatStatements(row.statements)) log(line);
        }
      }
    }
  } finally {
    await build.ingestion.closeExtractionPool();
    await handle.stop();
  }
  process.stdout.write(`${formatTable(rows, dist, options)}\n`);
}

/** One build's figures at one concurrency, a round each. */
interface BuildFigures {
  build: string;
  rates: number[];
  dbMs: (number | null)[];
  serverMs: (number | null)[];
  failed: number;
}

/** The figures of this build and of the baseline, in that order, at one concurrency. */
interface BaselineCase {
  concurrency: number;
  builds: [BuildFigures, BuildFigures];
}

/**
 * `--baseline`: this build's ingestNewsItem and another build's, in turn. Each round, each build's server (its
 * `apps/api/src/main.js`, as `npm start` runs it) starts on a new empty database, which its own migrations make,
 * and stores the same number of new items (other texts each time) at each concurrency; the order of the two
 * alternates from round to round.
 */
async function compareWithBaseline(options: BenchIngestOptions, baselineDist: string): Promise<void> {
  const sides = [
    { name: 'this build', dist: THIS_BUILD, database: options.emptyDatabase },
    { name: options.baselineName, dist: baselineDist, database: `${options.emptyDatabase}_baseline` },
  ];
  const handle = await openDatabase(DyadEnvironment.from(), 'cli', log);
  const workDir = await mkdtemp(join(tmpdir(), 'dyad-bench-ingest-'));
  const adminKey = `bench-${randomBytes(12).toString('hex')}`;
  const cases: BaselineCase[] = [];
  let seed = Date.now() % 1_000_000_000;
  try {
    for (const concurrency of options.concurrency) {
      const figures = (build: string): BuildFigures => ({ build, rates: [], dbMs: [], serverMs: [], failed: 0 });
      const byBuild: BaselineCase['builds'] = [figures(sides[0].name), figures(sides[1].name)];
      cases.push({ concurrency, builds: byBuild });
      for (let round = 0; round < options.rounds; round++) {
        for (const i of round % 2 ? [1, 0] : [0, 1]) {
          const side = sides[i];
          const url = withDatabaseName(handle.url, side.database);
          await recreateEmptyDatabase(handle.url, side.database);
          const server = await startChildServer(side.dist, await freePort(), benchServerEnv(url, join(workDir, `${i}-${round}-${concurrency}`), adminKey));
          try {
            const corpus = makeCorpus(options.items + WARM_UP, 1024, 3072, seed++);
            const result = await measure(url, concurrency, corpus.slice(0, WARM_UP), corpus.slice(WARM_UP), ingestNewsItem(server.url, adminKey), { serverPid: server.pid });
            const row = byBuild[i];
            row.rates.push(options.items / result.seconds);
            row.dbMs.push(result.dbMs ?? null);
            row.serverMs.push(result.nodeMs ?? null);
            row.failed += result.failed;
            log(`round ${round + 1}, ${side.name}, concurrency ${concurrency}: ${formatRate({ mode: 'graphql', concurrency, items: options.items, ...result })}`);
          } finally {
            await server.stop();
            await withClient(handle.url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${side.database} WITH (FORCE)`));
          }
        }
      }
    }
  } finally {
    await handle.stop();
    await rm(workDir, { recursive: true, force: true });
  }
  process.stdout.write(`${formatBaselineTable(cases, baselineDist, options)}\n`);
}

async function migrate(build: Build, url: string): Promise<void> {
  const dataSource = build.database.createDataSource({ url, entities: build.domain.ENTITIES, poolSize: 1, statementTimeoutMs: 0 });
  await dataSource.initialize();
  try {
    const applied: unknown[] = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) log(`${new URL(url).pathname.slice(1)}: applied ${applied.length} migration(s) of this build`);
  } finally {
    await dataSource.destroy();
  }
}

// Items stored before the clock starts: worker threads started, statements planned, caches warm.
const WARM_UP = 20;

/**
 * Extracts `count` items of another corpus on the process's extraction threads, one per thread at a time (called once
 * the case's pool is made: a server starting replaces it).
 */
async function warmExtraction(build: Build, count: number): Promise<void> {
  if (!count) return;
  const texts = makeCorpus(count, 1024, 3072, count);
  const pool = build.ingestion.extractionPool();
  let next = 0;
  const thread = async () => {
    while (next < texts.length) await pool.extract(texts[next++]);
  };
  await Promise.all(Array.from({ length: availableParallelism() }, thread));
}

// CPU time spent while the timed items are stored: the database's backends (utime + stime of the pids serving
// this database, from /proc: only where the server runs on this machine) and this process (all its threads:
// extraction workers, the GraphQL server of graphql mode).
const TICK_MS = (() => {
  try {
    return 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  } catch {
    return 10;
  }
})();

function processCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

interface Meter {
  /** The server process (a child server) measured instead of this one. */
  serverPid?: number;
  /** Also the database's time by statement: the longest this many (statementMeter). */
  statements?: number;
}

/**
 * Starts measuring CPU time: the database's backends and this process, or instead of this process the server
 * process `serverPid`; with `statements`, the database's time by statement too. Returns how to read it, per item,
 * once the items are stored.
 */
async function cpuMeter(url: string, { serverPid, statements }: Meter = {}) {
  const name = new URL(url).pathname.slice(1);
  const backends = async () => {
    const rows = await withClient(url, (client) =>
      client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]));
    return new Map<number, number | null>(rows.rows.map(({ pid }) => [pid, processCpuMs(pid)]));
  };
  const byStatement = statements ? await statementMeter(url) : null;
  const before = await backends();
  const node = process.cpuUsage();
  const server = serverPid === undefined ? null : processCpuMs(serverPid);
  return async (items: number) => {
    const { user, system } = process.cpuUsage(node);
    const serverAfter = serverPid === undefined ? null : processCpuMs(serverPid);
    const after = await backends();
    let db: number | null = 0;
    for (const [pid, ms] of after) {
      if (ms === null) db = null;
      else if (db !== null) db += ms - (before.get(pid) ?? 0);
    }
    const nodeMs = serverPid === undefined ? (user + system) / 1000 : server === null || serverAfter === null ? null : serverAfter - server;
    return {
      dbMs: db === null ? null : db / items,
      nodeMs: nodeMs === null ? null : nodeMs / items,
      ...(byStatement ? { statements: await byStatement(items, statements!) } : {}),
    };
  };
}

async function runCase(
  build: Build,
  url: string,
  mode: Mode,
  concurrency: number,
  corpus: string[],
  options: BenchIngestOptions,
): Promise<Omit<Row, 'database'>> {
  const warm = corpus.slice(0, WARM_UP);
  const timed = corpus.slice(WARM_UP);
  const base = { mode, concurrency, items: timed.length };
  if (mode === 'graphql') return { ...base, ...(await viaGraphql(build, url, concurrency, warm, timed, options)) };
  await warmExtraction(build, options.warmExtraction);
  const dataSource = build.database.createDataSource({ url, entities: build.domain.ENTITIES, poolSize: concurrency + 2 });
  await dataSource.initialize();
  try {
    const service = new build.ingestion.IngestionService(dataSource, new build.domain.AuditService(dataSource));
    const ctx = build.domain.RequestContext.system();
    if (mode === 'batch' || mode === 'store') {
      if (!build.runIngest.runIngestBatched) return { ...base, failed: 0, seconds: 0, note: 'no batch mode in this build' };
      // concurrency: batches stored at once (`dyad ingest --writers`); a build without writers stores one at a time
      const run = (texts: string[], ingestor: BatchIngestor = service) =>
        build.runIngest.runIngestBatched(sourcesOf(texts), ingestor, { batchSize: options.batchSize, writers: concurrency, ctx }) as Promise<{ failed: number; failures: { reason: string }[] }>;
      await run(warm);
      const ingestor = mode === 'store' ? await preparedFirst(service, timed, concurrency) : service;
      const cpu = await cpuMeter(url, { statements: options.statements });
      const t0 = performance.now();
      const summary = await run(timed, ingestor);
      const seconds = (performance.now() - t0) / 1000;
      if (summary.failed) log(`${mode}: ${summary.failed} failed, e.g. ${summary.failures[0]?.reason}`);
      return { ...base, failed: summary.failed, seconds, ...(await cpu(timed.length)) };
    }
    const one = async (text: string) => {
      const outcome = await service.ingest(ctx, { text });
      if (outcome.status !== 'NEW') throw new Error(`expected a new item, got ${outcome.status}`);
    };
    return { ...base, ...(await measure(url, concurrency, warm, timed, one, { statements: options.statements })) };
  } finally {
    await dataSource.destroy();
  }
}

/**
 * `store` mode: every text read, checked and extracted first (16 at a time, as runIngestBatched reads ahead), then
 * handed to runIngestBatched ready, so what is timed after is storing alone. Logs how long preparing took.
 */
async function preparedFirst(service: BatchIngestor, texts: string[], concurrency: number): Promise<BatchIngestor> {
  const prepared = new Map<string, Awaited<ReturnType<BatchIngestor['prepare']>>>();
  const t0 = performance.now();
  const failed = await inParallel(texts, PREPARED_AT_ONCE, async (text) => {
    prepared.set(text, await service.prepare({ text }));
  });
  const seconds = (performance.now() - t0) / 1000;
  log(`store, concurrency ${concurrency}: ${texts.length} items prepared first (not timed) in ${seconds.toFixed(1)} s, ${(texts.length / seconds).toFixed(1)} items/s${failed ? `, ${failed} failed` : ''}`);
  return {
    // (an item that failed to prepare is prepared again, and fails again, as in batch mode)
    prepare: async (input) => prepared.get(input.text ?? '') ?? service.prepare(input),
    ingestPrepared: (ctx, items) => service.ingestPrepared(ctx, items),
  };
}

const PREPARED_AT_ONCE = 16;

async function viaGraphql(
  build: Build, url: string, concurrency: number, warm: string[], timed: string[], options: BenchIngestOptions,
): Promise<Pick<Row, 'failed' | 'seconds' | 'dbMs' | 'nodeMs' | 'statements'>> {
  const workDir = await mkdtemp(join(tmpdir(), 'dyad-bench-ingest-'));
  const adminKey = `bench-${randomBytes(12).toString('hex')}`;
  const env = build.database.DyadEnvironment.from({
    ...benchServerEnv(url, workDir, adminKey), HOST: '127.0.0.1', PORT: String(await build.database.freePort()),
  });
  const server = await build.server.startServer({ env, log: () => {}, logLevels: ['error'] });
  try {
    await warmExtraction(build, options.warmExtraction);
    const one = ingestNewsItem(`http://127.0.0.1:${new URL(server.url).port}/graphql`, adminKey);
    return await measure(url, concurrency, warm, timed, one, { statements: options.statements });
  } finally {
    await server.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * Stores the warm-up texts, then the timed ones, `concurrency` at a time: how many of the timed failed, in how many
 * seconds, and the CPU per item (see cpuMeter).
 */
async function measure(
  url: string, concurrency: number, warm: string[], timed: string[], one: (text: string) => Promise<void>, meter: Meter = {},
): Promise<Pick<Row, 'failed' | 'seconds' | 'dbMs' | 'nodeMs' | 'statements'>> {
  await inParallel(warm, concurrency, one);
  const cpu = await cpuMeter(url, meter);
  const t0 = performance.now();
  const failed = await inParallel(timed, concurrency, one);
  const seconds = (performance.now() - t0) / 1000;
  return { failed, seconds, ...(await cpu(timed.length)) };
}

/** Stores one text through a server's ingestNewsItem mutation; throws unless it is stored as a new item. */
function ingestNewsItem(endpoint: string, adminKey: string): (text: string) => Promise<void> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` };
  const query = 'mutation($input: IngestNewsItemInput!) { ingestNewsItem(input: $input) { status } }';
  return async (text: string) => {
    const response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables: { input: { text } } }) });
    const body = (await response.json()) as { data?: { ingestNewsItem?: { status: string } }; errors?: { message: string }[] };
    if (body.data?.ingestNewsItem?.status !== 'NEW') throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  };
}

async function* sourcesOf(texts: string[]) {
  for (const text of texts) yield { ok: true as const, input: { text } };
}

// `concurrency` workers taking the next text in turn; returns how many failed (the first failure is logged).
async function inParallel(texts: string[], concurrency: number, work: (text: string) => Promise<void>): Promise<number> {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < texts.length) {
      const text = texts[next++];
      try {
        await work(text);
      } catch (error) {
        if (!failed) log(`an item failed: ${(error as Error).message}`);
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failed;
}

const formatMs = (ms: number | null | undefined) => (ms === null || ms === undefined ? '-' : ms.toFixed(1));

const formatRate = (row: Omit<Row, 'database'>) =>
  row.note ??
  `${(row.items / row.seconds).toFixed(1)} items/s (${row.items} items in ${row.seconds.toFixed(1)} s${row.failed ? `, ${row.failed} failed` : ''}; ` +
    `CPU per item: database ${formatMs(row.dbMs)} ms, node ${formatMs(row.nodeMs)} ms)`;

function formatTable(rows: Row[], dist: string, options: BenchIngestOptions): string {
  const header = ['database', 'mode', 'concurrency', 'items', 'seconds', 'items/s', 'db ms/item', 'node ms/item', 'failed'];
  const lines = rows.map((row) =>
    row.note
      ? [row.database, row.mode, String(row.concurrency), '-', '-', '-', '-', '-', row.note]
      : [row.database, row.mode, String(row.concurrency), String(row.items), row.seconds.toFixed(1), (row.items / row.seconds).toFixed(1),
          formatMs(row.dbMs), formatMs(row.nodeMs), String(row.failed)],
  );
  return [
    `build ${dist}; 1–3 KB fa/en/ru items; batch mode ${options.batchSize} items per transaction; ` +
      `${options.warmExtraction ? `extraction threads warmed by ${options.warmExtraction} items first; ` : ''}` +
      `CPU per item stored: the database's backends (from /proc, '-' for a server elsewhere) and this process; load average ${loadAverage()}`,
    ...columns(header, lines, [0, 1]),
  ].join('\n');
}

const loadAverage = () => loadavg().map((n) => n.toFixed(2)).join(' ');

/** A header, a rule and the lines, in columns: those at `left` aligned left, the others right. */
function columns(header: string[], lines: string[][], left: number[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) =>
    cells.map((cell, column) => (left.includes(column) ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)];
}

const medianOf = (values: readonly (number | null)[]) => (values.some((value) => value === null) ? null : median(values as number[]));

function formatBaselineTable(cases: BaselineCase[], baselineDist: string, options: BenchIngestOptions): string {
  const header = ['concurrency', 'build', 'items/s per round', 'median items/s', 'ratio', 'db ms/item', 'server ms/item', 'failed'];
  const lines = cases.flatMap(({ concurrency, builds: [ours, theirs] }) =>
    [ours, theirs].map((row) => [
      String(concurrency), row.build, row.rates.map((rate) => rate.toFixed(1)).join(', '), median(row.rates).toFixed(1),
      row === theirs ? `${(median(ours.rates) / median(theirs.rates)).toFixed(2)}×` : '',
      formatMs(medianOf(row.dbMs)), formatMs(medianOf(row.serverMs)), String(row.failed),
    ]),
  );
  return [
    `ingestNewsItem into an empty database, this build (${THIS_BUILD}) and ${options.baselineName} (${baselineDist}) in turn, ${options.rounds} round(s); ` +
      `${options.items} 1–3 KB fa/en/ru items per round after ${WARM_UP} to warm; ratio: this build's median over the baseline's; ` +
      `CPU per item: the database's backends and the server process (medians); load average ${loadAverage()}`,
    ...columns(header, lines, [1, 2]),
  ].join('\n');
}
