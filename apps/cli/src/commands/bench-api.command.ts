import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { DyadEnvironment, freePort, openDatabase, withClient, withDatabaseName } from '@dyad/database';
import { checkSameData, compareCases, type CompareRow, type CompareSide, loadInterleaved, type Side } from '../bench/api-compare.js';
import { recreateBenchDatabase } from '../bench/bench-database.js';
import { benchServerEnv, type ChildServer, startChildServer } from '../bench/child-server.js';

const BENCH_DATABASE = 'dyad_bench';

interface BenchQuery {
  name: string;
  /** The GraphQL document, the same for every request, as the dashboard's are. */
  document: string;
  /** The variables of its i-th variant: requests differ in a parameter (page size, date bound…), so no two concurrent
   * requests share one SQL run (single-flight) or one cached plan's result, as distinct users' requests would not. */
  variables: (i: number) => Record<string, unknown>;
  /** A Query field the schema must have, else the query is skipped with a note. */
  needs: string;
}

const VARIANTS = 20;
const TEXT_COUNTRIES = ['kazakhstan', 'türkiye', 'oman', 'armenia', 'india'];
const TEXT_SECTORS = ['culture', 'cinema', 'trade', 'energy'];
/** The last day of the month `back` months before this one (whole months: the bound the rollups answer). */
const monthEnd = (back: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 0)).toISOString().slice(0, 10);
};
const monthStart = (back: number) => `${monthEnd(back).slice(0, 7)}-01`;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

// What the dashboard asks for on first load, plus the list a chart opens. As the dashboard sends them: one document
// each, its parameters as variables, so a server that has answered a query before has its document parsed,
// validated and compiled (mercurius keeps them), and each request still has parameters of its own.
const QUERIES: BenchQuery[] = [
  {
    name: 'meetings IR+KZ, first 50',
    needs: 'meetings',
    document: `query($first: Int) { meetings(filter: { countries: ["IR", "KZ"] }, first: $first) { totalCount nodes { id type date countries { code } sources { id } } } }`,
    variables: (i) => ({ first: 41 + (i % VARIANTS) }),
  },
  {
    name: 'meeting by id',
    needs: 'meeting',
    // ids of the generated dataset: md5('meeting' || i)
    document: `query($id: ID!) { meeting(id: $id) { id type date status countries { code nameEn } } }`,
    variables: (i) => ({ id: benchMeetingId(1 + ((i * 7919) % 100)) }),
  },
  {
    name: 'proposals, first 50',
    needs: 'proposals',
    document: `query($first: Int) { proposals(first: $first) { totalCount nodes { id kind status statusDate countries { code } } } }`,
    variables: (i) => ({ first: 41 + (i % VARIANTS) }),
  },
  {
    // the follow-ups board: a column per status over the period's due dates
    name: 'follow-ups board column',
    needs: 'followUps',
    document: `query($filter: FollowUpFilterInput) { followUps(filter: $filter, first: 20) { totalCount nodes { id description status dueDate } } }`,
    variables: (i) => ({ filter: { statuses: [['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'][i % 4]], from: monthStart(12 + (i % 5)), to: monthEnd(0) } }),
  },
  {
    // words of the generated items (the second country and the sector: about one item in 300), found by the news
    // items' trigram index, their meetings then taken by id
    name: 'meetings matching words',
    needs: 'meetings',
    document: `query($filter: MeetingFilterInput) { meetings(filter: $filter, first: 20) { totalCount nodes { id date } } }`,
    variables: (i) => ({ filter: { text: `${TEXT_COUNTRIES[i % TEXT_COUNTRIES.length]} ${TEXT_SECTORS[Math.floor(i / TEXT_COUNTRIES.length) % TEXT_SECTORS.length]}` } }),
  },
  {
    // the generated descriptions ("Follow up bench meeting N"): the follow-ups of the meetings numbered from 10 to 29
    name: 'follow-ups matching words',
    needs: 'followUps',
    document: `query($filter: FollowUpFilterInput) { followUps(filter: $filter, first: 20) { totalCount nodes { id description } } }`,
    variables: (i) => ({ filter: { text: `bench meeting ${10 + (i % VARIANTS)}` } }),
  },
  {
    name: 'news items, first 20',
    needs: 'newsItems',
    document: `query($first: Int) { newsItems(first: $first) { totalCount nodes { id title language publishedAt } } }`,
    variables: (i) => ({ first: 11 + (i % VARIANTS) }),
  },
  {
    // one language from a day mid-month: its count is a sum over the rollup's days, its page a range of the list's index
    name: 'news items in fa since a day',
    needs: 'newsItems',
    document: `query($filter: NewsItemFilterInput) { newsItems(filter: $filter, first: 20) { totalCount nodes { id title publishedAt } } }`,
    variables: (i) => ({ filter: { languages: ['fa'], from: `${monthStart(12 + (i % VARIANTS)).slice(0, 8)}15` } }),
  },
  {
    name: 'actors, first 20',
    needs: 'actors',
    document: `query($first: Int) { actors(first: $first) { totalCount nodes { id name meetingCount } } }`,
    variables: (i) => ({ first: 11 + (i % VARIANTS) }),
  },
  {
    // an actor's page for one of the 20 in the most meetings (about 4,700 each at 1M): the n-th of the list
    name: "busiest actor's page",
    needs: 'actors',
    document: `query($after: String) { actors(first: 1, after: $after) { nodes { name meetingCount meetings(first: 20) { totalCount nodes { id date } }
      countries { country { code } meetings } titles { title firstSeen lastSeen } } } }`,
    variables: (i) => ({ after: i % VARIANTS ? Buffer.from(`o:${(i % VARIANTS) - 1}`).toString('base64url') : null }),
  },
  {
    name: 'dyads first 20',
    needs: 'dyads',
    document: `query($first: Int) { dyads(first: $first) { totalCount nodes { countries { code name } meetingCount proposalCount signedCount openFollowUps
      overdueFollowUps lastActivity score } } }`,
    variables: (i) => ({ first: 11 + (i % VARIANTS) }),
  },
  {
    // the overview's pairs on its default period, the last 12 months: whole months from the rollups, the days of the
    // months at each end from the base rows (ending a day or more ago, so each request has dates of its own)
    name: 'dyads, last 12 months',
    needs: 'dyads',
    document: `query($filter: CooperationFilterInput) { dyads(first: 16, filter: $filter) { totalCount nodes { countries { code name } meetingCount proposalCount signedCount openFollowUps
      overdueFollowUps lastActivity score } } }`,
    variables: (i) => ({ filter: { from: daysAgo(365 + (i % VARIANTS)), to: daysAgo(i % VARIANTS) } }),
  },
  {
    name: 'dyads of IR',
    needs: 'dyads',
    document: `query($first: Int) { dyads(first: $first, filter: { countries: ["IR"] }) { totalCount nodes { countries { code } meetingCount score } } }`,
    variables: (i) => ({ first: 11 + (i % VARIANTS) }),
  },
  {
    name: 'dyadScoreTrend IR-KZ',
    needs: 'dyadScoreTrend',
    document: `query($filter: CooperationFilterInput) { dyadScoreTrend(countries: ["IR", "KZ"], granularity: MONTH, filter: $filter) { points { period score } undatedMeetings } }`,
    variables: (i) => ({ filter: { from: monthStart(24 + (i % VARIANTS)) } }),
  },
  {
    name: 'cooperationTimeline',
    needs: 'cooperationTimeline',
    document: `query($filter: MeetingFilterInput) { cooperationTimeline(granularity: MONTH, filter: $filter) { periods { period label total byType { type count } } undatedMeetings } }`,
    variables: (i) => ({ filter: { to: monthEnd(i % VARIANTS) } }),
  },
  {
    name: 'cooperationTimeline IR+KZ',
    needs: 'cooperationTimeline',
    document: `query($filter: MeetingFilterInput) { cooperationTimeline(filter: $filter, granularity: QUARTER) { periods { period total byType { type count } } undatedMeetings } }`,
    variables: (i) => ({ filter: { countries: ['IR', 'KZ'], to: monthEnd(i % VARIANTS) } }),
  },
  {
    name: 'proposalFunnel',
    needs: 'proposalFunnel',
    document: `query($filter: ProposalFilterInput) { proposalFunnel(filter: $filter) { total byStatus { status count } steps { status reached } } }`,
    variables: (i) => ({ filter: { to: monthEnd(i % VARIANTS) } }),
  },
  {
    name: 'followUpSummary',
    needs: 'followUpSummary',
    document: `query($filter: FollowUpFilterInput) { followUpSummary(filter: $filter) { total overdue dueNext30Days byStatus { status count } byHorizon { horizon count open overdue } } }`,
    variables: (i) => ({ filter: { to: monthEnd(i % VARIANTS) } }),
  },
  {
    name: 'sectorBreakdown',
    needs: 'sectorBreakdown',
    document: `query($filter: CooperationFilterInput) { sectorBreakdown(filter: $filter) { sector meetings proposals signed } }`,
    variables: (i) => ({ filter: { to: monthEnd(i % VARIANTS) } }),
  },
];

/** The id the generated dataset gives meeting i (md5('meeting' || i) as a uuid). */
function benchMeetingId(i: number): string {
  const hex = createHash('md5').update(`meeting${i}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

interface BenchOptions {
  meetings: number[];
  duration: number;
  warmUp: number;
  aloneWarmUp: number;
  connections: number;
  skipSeed: boolean;
  /** Connections the seed runs its steps on side by side; undefined: one per core. */
  seedConnections?: number;
  /** Only the lone latencies (no load): the growth table, quickly. */
  aloneOnly: boolean;
  /** Another GraphQL server on the same database, loaded interleaved with Dyad on the same data (see api-compare). */
  compareUrl?: string;
  compareName: string;
  /** Another build of Dyad (its dist/ folder) loaded beside this one, interleaved, on the same database. */
  baseline?: string;
  baselineName: string;
  /** The bench's own database (dropped and recreated unless --skip-seed). */
  database: string;
  /** Only the queries whose names contain one of these (all when none is given). */
  query: string[];
}

interface Row {
  name: string;
  loneMs: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  note?: string;
}

function wholeNumber(min: number, max: number) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    return n;
  };
}

/** `--meetings 10000,100000,1000000`: one or more sizes, each 100 to 2,000,000. */
function sizes(value: string): number[] {
  const list = value.split(',').map((part) => wholeNumber(100, 2_000_000)(part.trim().replace(/_/g, '')));
  if (!list.length || list.length > 5) throw new InvalidArgumentError('expected one to five sizes, comma-separated');
  return list;
}

/** `--database <name>`: a plain identifier (it is written into DROP/CREATE DATABASE statements unquoted). */
function databaseName(value: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value)) {
    throw new InvalidArgumentError('expected a plain database name: lower-case letters, digits and _, not starting with a digit, at most 63 characters');
  }
  return value;
}

const QUERY_NAMES = QUERIES.map((query) => `"${query.name}"`).join(', ');

/** `--query <text>`, repeatable: a part of at least one query's name. */
function queryFilter(value: string, previous: string[]): string[] {
  if (!QUERIES.some((query) => query.name.includes(value))) throw new InvalidArgumentError(`no query's name contains "${value}"; the queries are ${QUERY_NAMES}`);
  return [...previous, value];
}

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

function httpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('expected a URL such as http://127.0.0.1:5000/graphql');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError('expected an http or https URL');
  return url.toString();
}


export function registerBenchApi(bench: Command): void {
  bench
    .command('api')
    .description(`GraphQL throughput on a large generated dataset in a database of its own (${BENCH_DATABASE} unless --database, dropped and recreated)`)
    .option('--meetings <n[,n…]>', 'meetings to generate (proposals, follow-ups and sources scale with it); several sizes run one after another', sizes, [100_000])
    .option('--duration <s>', 'seconds of load per query', wholeNumber(1, 600), 10)
    .option('--warm-up <s>', 'seconds of load before each measured one, not counted (every server alike): the figures are a warm server\'s', wholeNumber(0, 60), 10)
    .option('--connections <n>', 'concurrent connections', wholeNumber(1, 200), 10)
    .option('--database <name>', 'the database to (re)create and measure, so benches run side by side need not share one', databaseName, BENCH_DATABASE)
    .option('--skip-seed', 'reuse the database of a previous run (one size only)', false)
    .option('--seed-connections <n>', 'connections the seed loads over side by side (default: one per core)', wholeNumber(1, 32))
    .option('--alone-only', 'measure only each query alone (no load)', false)
    .option('--alone-warm-up <n>', 'requests of its other variants each query answers, one at a time, before it is measured alone', wholeNumber(0, 10_000), 100)
    .option('--compare-url <url>', 'also load another GraphQL server on the same database (PostGraphile v4, see the README) with the same data, interleaved with Dyad', httpUrl)
    .option('--compare-name <name>', 'what to call that server in the table', 'PostGraphile')
    .option('--baseline <dist>', "another build of Dyad (a dist/ folder, e.g. main's) to load beside this one, interleaved on the same database, in a process of its own as this build's server")
    .option('--baseline-name <name>', 'what to call the baseline build in the table', 'baseline')
    .option(
      '--query <text>',
      `only the queries whose names contain this text (repeatable; all by default): ${QUERY_NAMES}`,
      queryFilter,
      [],
    )
    .action((options: BenchOptions) => runBenchApi(options));
}

async function runBenchApi(options: BenchOptions): Promise<void> {
  if (options.skipSeed && options.meetings.length > 1) throw new InvalidArgumentError('--skip-seed takes one size');
  const database = await openDatabase(DyadEnvironment.from(), 'cli', log);
  const workDir = await mkdtemp(join(tmpdir(), 'dyad-bench-api-'));
  const alone = new Map<string, Map<number, string>>();
  const sizesRun: number[] = [];
  try {
    for (const size of options.meetings) {
      const benchUrl = withDatabaseName(database.url, options.database);
      if (!options.skipSeed) {
        const t0 = Date.now();
        await recreateBenchDatabase(database.url, options.database, size, log, options.seedConnections);
        log(`${size.toLocaleString('en')} meetings: database made and seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
      // a reused database is labelled with what it holds, not with --meetings
      const meetings = options.skipSeed ? await countMeetings(benchUrl) : size;
      sizesRun.push(meetings);
      const setup: RunSetup = { databaseUrl: benchUrl, adminKey: `bench-${randomBytes(12).toString('hex')}`, workDir };
      // The server runs as `npm start` runs it, in a process of its own (as the peer and the baseline do): the load
      // generator does not share its process, its heap's helper threads or its event loop's timing.
      const server = await startBenchServer(THIS_BUILD, 'dyad', setup);
      try {
        const { url, headers } = server.side;
        // autocannon runs in a worker thread; the worker loads its body check from a file
        const verifier = join(workDir, 'verify-graphql-body.cjs');
        await writeFile(verifier, `module.exports = (body) => typeof body === 'string' && body.startsWith('{"data"') && !body.includes('"errors"');\n`);
        const fields = await queryFields(url, headers);
        const rows: Row[] = [];
        const chosen = QUERIES.filter((query) => !options.query.length || options.query.some((text) => query.name.includes(text)));
        for (const bench of chosen) {
          if (!fields.has(bench.needs)) {
            log(`skipping "${bench.name}": the schema has no ${bench.needs} query yet`);
            rows.push({ name: bench.name, loneMs: 0, requestsPerSecond: 0, p50: 0, p99: 0, errors: 0, requests: 0, note: 'skipped: not in the schema' });
            continue;
          }
          const row = await drive(bench, url, headers, verifier, workDir, options);
          rows.push(row);
          if (!alone.has(bench.name)) alone.set(bench.name, new Map());
          alone.get(bench.name)!.set(meetings, row.note ? '-' : row.loneMs.toFixed(1));
        }
        if (!options.aloneOnly) process.stdout.write(`${formatTable(rows, options, meetings)}\n\n`);
        if (options.compareUrl || options.baseline) {
          const compared = await compare(server.side, setup, options);
          process.stdout.write(`${formatCompare(compared, options, meetings)}\n\n`);
        }
      } finally {
        await server.child.stop();
      }
    }
    process.stdout.write(`${formatAlone(alone, sizesRun)}\n`);
  } finally {
    await database.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** This build's dist/ folder. */
const THIS_BUILD = new URL('../../../../', import.meta.url).pathname;

/** One build's API server on the bench database, in a child process, with the run's admin key and no rate limits. */
async function startBenchServer(dist: string, name: string, setup: RunSetup): Promise<{ child: ChildServer; side: Side }> {
  const child = await startChildServer(dist, await freePort(), benchServerEnv(setup.databaseUrl, join(setup.workDir, name), setup.adminKey));
  log(`${name} (${dist}) listens at ${child.url}`);
  return { child, side: { url: child.url, headers: { 'content-type': 'application/json', authorization: `Bearer ${setup.adminKey}` } } };
}

async function queryFields(url: string, headers: Record<string, string>): Promise<Set<string>> {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: '{ __schema { queryType { fields { name } } } }' }) });
  const body = (await response.json()) as { data?: { __schema: { queryType: { fields: { name: string }[] } } } };
  return new Set(body.data?.__schema.queryType.fields.map((field) => field.name) ?? []);
}

async function drive(
  bench: BenchQuery, url: string, headers: Record<string, string>, verifier: string, workDir: string, options: BenchOptions,
): Promise<Row> {
  const bodies = Array.from({ length: VARIANTS }, (_, i) => JSON.stringify({ query: bench.document, variables: bench.variables(i) }));
  // One request first (it also warms the connection's prepared statements): a failing query is reported with
  // its message instead of as a wall of errors.
  const t0 = performance.now();
  const sample = await fetch(url, { method: 'POST', headers, body: bodies[0] });
  const text = await sample.text();
  const firstMs = performance.now() - t0;
  if (!sample.ok || text.includes('"errors"')) {
    log(`"${bench.name}" fails: HTTP ${sample.status} ${text.slice(0, 300)}`);
    return { name: bench.name, loneMs: 0, requestsPerSecond: 0, p50: 0, p99: 0, errors: 1, requests: 1, note: `fails: ${text.slice(0, 80)}` };
  }
  // A lone request's latency (median of nine, each with other parameters), as one dashboard user sees it with
  // the server otherwise idle. The server first answers `--alone-warm-up` requests of the query's other variants
  // (its document, other parameters) one at a time, as a server in use has answered many: a fresh process runs its
  // code unoptimised for its first requests (half again to twice the time at 1M), and parses, validates and compiles
  // a document it has not seen. The first response's time, above, is a fresh server's.
  for (let i = 0; i < options.aloneWarmUp; i++) await (await fetch(url, { method: 'POST', headers, body: bodies[10 + (i % 10)] })).text();
  const lone: number[] = [];
  for (let i = 1; i <= 9; i++) {
    const started = performance.now();
    await (await fetch(url, { method: 'POST', headers, body: bodies[i] })).text();
    lone.push(performance.now() - started);
  }
  const loneMs = lone.sort((x, y) => x - y)[4];
  log(`"${bench.name}": first response in ${firstMs.toFixed(0)} ms (${text.length} bytes), alone ${loneMs.toFixed(1)} ms`);
  if (options.aloneOnly) return { name: bench.name, loneMs, requestsPerSecond: 0, p50: 0, p99: 0, errors: 0, requests: 0 };
  log(`"${bench.name}": ${options.warmUp} s of load to warm up, then ${options.duration} s measured…`);
  // each connection cycles through the variants from its own starting point
  const setup = join(workDir, `setup-client-${QUERIES.indexOf(bench)}.cjs`);
  await writeFile(setup, `const bodies = ${JSON.stringify(bodies)};
const headers = ${JSON.stringify(headers)};
let clients = 0;
module.exports = (client) => {
  const start = (clients++ * 7) % bodies.length;
  client.setRequests(bodies.map((_, k) => ({ method: 'POST', path: ${JSON.stringify(new URL(url).pathname)}, headers, body: bodies[(start + k) % bodies.length] })));
};
`);
  const { default: autocannon } = await import('autocannon');
  const load = (duration: number) => autocannon({
    url, method: 'POST', headers, body: bodies[0], connections: options.connections, duration, workers: 1,
    setupClient: setup as never, verifyBody: verifier as never,
  });
  // The server's code is compiled and its statements planned under the same load first: a server that just
  // started answers its first seconds of load several times slower than it will for the rest of its life.
  if (options.warmUp) await load(options.warmUp);
  const result = await load(options.duration);
  const errors = result.non2xx + result.errors + result.timeouts + result.mismatches;
  return {
    name: bench.name,
    loneMs,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    requests: result.requests.total,
  };
}

/** Where this run's servers are: the bench database, its admin key and a folder for their data. */
interface RunSetup {
  databaseUrl: string;
  adminKey: string;
  workDir: string;
}

interface CompareResult extends CompareRow {
  /** The one-minute load average after the case's load. */
  load: number;
  names: string[];
}

/**
 * Dyad, the baseline build and the peer on the same data: checked equal, then loaded in alternating one-second
 * slices. The baseline runs in a child process, as this build's server does.
 */
async function compare(dyad: Side, setup: RunSetup, options: BenchOptions): Promise<CompareResult[]> {
  const baselineServer = options.baseline
    ? await startBenchServer(isAbsolute(options.baseline) ? options.baseline : resolve(options.baseline), options.baselineName, setup)
    : undefined;
  try {
    const baseline = baselineServer?.side;
    const peer = options.compareUrl ? { url: options.compareUrl, headers: { 'content-type': 'application/json' } } : undefined;
    const results: CompareResult[] = [];
    for (const item of compareCases(VARIANTS, benchMeetingId)) {
      const sides: CompareSide[] = [{ name: 'Dyad', side: dyad, query: item.dyad, data: item.dyadData }];
      if (baseline) sides.push({ name: options.baselineName, side: baseline, query: item.dyad, data: item.dyadData });
      if (peer) sides.push({ name: options.compareName, side: peer, query: item.peer, data: item.peerData });
      const names = sides.map((side) => side.name);
      await checkSameData(item.name, sides, VARIANTS);
      log(`"${item.name}": ${names.join(', ')} answer the same data (${VARIANTS} variants); ${options.warmUp} s of load each to warm up, then ${options.duration} s each measured, interleaved…`);
      const loaded = await loadInterleaved(item.name, sides, VARIANTS, options.connections, options.duration, options.warmUp, setup.databaseUrl);
      if (loaded.unquietSlices) {
        log(`"${item.name}": ${loaded.unquietSlices} slice(s) began with a statement of the slice before still running after 10 s: their figures carry its load`);
      }
      results.push({ ...loaded, load: loadavg()[0], names });
    }
    return results;
  } finally {
    await baselineServer?.child.stop();
  }
}

function formatCompare(rows: CompareResult[], options: BenchOptions, meetings: number): string {
  const names = rows[0]?.names ?? [];
  const lines = rows.map((row) => [
    row.name,
    ...row.sides.flatMap((side) => [side.requestsPerSecond.toFixed(1), side.p50.toFixed(1), side.p99.toFixed(1)]),
    ...row.sides.slice(1).map((side) => `${(row.sides[0].requestsPerSecond / side.requestsPerSecond).toFixed(2)}×`),
    String(row.sides.reduce((sum, side) => sum + side.errors, 0)),
    row.load.toFixed(1),
  ]);
  return [
    `${names.join(' vs ')}, ${meetings.toLocaleString('en')} meetings, ${options.connections} connections, ${options.duration} s each in alternating 1 s slices after ${options.warmUp} s each to warm up, same data checked`,
    ...table(
      ['case', ...names.flatMap((name) => [`${name} req/s`, 'p50 ms', 'p99 ms']), ...names.slice(1).map((name) => `Dyad/${name}`), 'errors', 'load'],
      lines,
    ),
  ].join('\n');
}

function table(header: string[], lines: string[][]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)];
}

function formatTable(rows: Row[], options: BenchOptions, meetings: number): string {
  const lines = rows.map((row) =>
    row.note
      ? [row.name, '-', '-', '-', '-', String(row.errors), row.note]
      : [row.name, row.loneMs.toFixed(1), row.requestsPerSecond.toFixed(1), row.p50.toFixed(0), row.p99.toFixed(0), String(row.errors), String(row.requests)],
  );
  return [
    `${meetings.toLocaleString('en')} meetings, ${options.connections} connections, ${options.duration} s per query after ${options.warmUp} s to warm up, ${VARIANTS} parameter variants, 127.0.0.1`,
    ...table(['query', 'alone ms', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'requests'], lines),
  ].join('\n');
}

/** The meetings a reused bench database holds. */
async function countMeetings(url: string): Promise<number> {
  return withClient(url, async (client) => Number((await client.query('SELECT count(*) AS n FROM meeting')).rows[0].n));
}

/** Each query alone (median ms) at every size measured: how it grows with the data. */
function formatAlone(alone: Map<string, Map<number, string>>, sizesRun: number[]): string {
  const lines = [...alone].map(([name, bySize]) => [name, ...sizesRun.map((size) => bySize.get(size) ?? '-')]);
  return ['alone (median ms of 9 requests with distinct parameters, server otherwise idle, after the warm-up requests)', ...table(['query', ...sizesRun.map((n) => n.toLocaleString('en'))], lines)].join('\n');
}
