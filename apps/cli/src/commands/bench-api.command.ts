import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { DyadEnvironment, freePort, openDatabase, withDatabaseName } from '@dyad/database';
import { recreateBenchDatabase } from '../bench/bench-database.js';

const BENCH_DATABASE = 'dyad_bench';

interface BenchQuery {
  name: string;
  query: string;
  /** A Query field the schema must have, else the query is skipped with a note. */
  needs: string;
}

// What the dashboard asks for on first load, plus the list a chart opens.
const QUERIES: BenchQuery[] = [
  {
    name: 'meetings IR+KZ, first 50',
    needs: 'meetings',
    query: `{ meetings(filter: { countries: ["IR", "KZ"] }, first: 50) { totalCount nodes { id type date countries { code } sources { id } } } }`,
  },
  {
    name: 'dyads first 20',
    needs: 'dyads',
    query: `{ dyads(first: 20) { totalCount nodes { countries { code name } meetingCount proposalCount signedCount openFollowUps
      overdueFollowUps lastActivity score } } }`,
  },
  {
    name: 'dyads of IR',
    needs: 'dyads',
    query: `{ dyads(first: 20, filter: { countries: ["IR"] }) { totalCount nodes { countries { code } meetingCount score } } }`,
  },
  {
    name: 'dyadScoreTrend IR-KZ',
    needs: 'dyadScoreTrend',
    query: `{ dyadScoreTrend(countries: ["IR", "KZ"], granularity: MONTH, filter: { from: "2024-01-01" }) { points { period score } undatedMeetings } }`,
  },
  {
    name: 'cooperationTimeline',
    needs: 'cooperationTimeline',
    query: `{ cooperationTimeline(granularity: MONTH) { periods { period label total byType { type count } } undatedMeetings } }`,
  },
  {
    name: 'cooperationTimeline IR+KZ',
    needs: 'cooperationTimeline',
    query: `{ cooperationTimeline(filter: { countries: ["IR", "KZ"] }, granularity: QUARTER) { periods { period total byType { type count } } undatedMeetings } }`,
  },
  {
    name: 'proposalFunnel',
    needs: 'proposalFunnel',
    query: `{ proposalFunnel { total byStatus { status count } steps { status reached } } }`,
  },
  {
    name: 'followUpSummary',
    needs: 'followUpSummary',
    query: `{ followUpSummary { total overdue dueNext30Days byStatus { status count } byHorizon { horizon count open overdue } } }`,
  },
  {
    name: 'sectorBreakdown',
    needs: 'sectorBreakdown',
    query: `{ sectorBreakdown { sector meetings proposals signed } }`,
  },
];

interface BenchOptions {
  meetings: number;
  duration: number;
  connections: number;
  skipSeed: boolean;
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

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);


export function registerBenchApi(bench: Command): void {
  bench
    .command('api')
    .description(`GraphQL throughput on a large generated dataset in a database of its own (${BENCH_DATABASE}, dropped and recreated)`)
    .option('--meetings <n>', 'meetings to generate (proposals, follow-ups and sources scale with it)', wholeNumber(100, 2_000_000), 100_000)
    .option('--duration <s>', 'seconds of load per query', wholeNumber(1, 600), 10)
    .option('--connections <n>', 'concurrent connections', wholeNumber(1, 200), 10)
    .option('--skip-seed', `reuse the ${BENCH_DATABASE} database of a previous run`, false)
    .action((options: BenchOptions) => runBenchApi(options));
}

async function runBenchApi(options: BenchOptions): Promise<void> {
  // loaded here, as `serve` does, so other commands start without Nest
  const { startServer } = await import('../../../api/src/server.js');
  const database = await openDatabase(DyadEnvironment.from(), 'cli', log);
  const workDir = await mkdtemp(join(tmpdir(), 'dyad-bench-api-'));
  try {
    const benchUrl = withDatabaseName(database.url, BENCH_DATABASE);
    if (!options.skipSeed) await recreateBenchDatabase(database.url, BENCH_DATABASE, options.meetings, log);

    const adminKey = `bench-${randomBytes(12).toString('hex')}`;
    const env = DyadEnvironment.from({
      DATABASE_URL: benchUrl, HOST: '127.0.0.1', PORT: String(await freePort()), DYAD_DATA_DIR: workDir, DYAD_ADMIN_KEY: adminKey,
      // Throughput is measured, not limited: one address, one key, thousands of requests a second.
      DYAD_RATE_LIMIT_PER_ADDRESS: '0', DYAD_RATE_LIMIT_PER_KEY: '0',
    });
    const server = await startServer({ env, log });
    try {
      const url = `http://127.0.0.1:${new URL(server.url).port}/graphql`;
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` };
      // autocannon runs in a worker thread so the server keeps this one; the worker loads its body check from a file
      const verifier = join(workDir, 'verify-graphql-body.cjs');
      await writeFile(verifier, `module.exports = (body) => typeof body === 'string' && body.startsWith('{"data"') && !body.includes('"errors"');\n`);
      const fields = await queryFields(url, headers);
      const rows: Row[] = [];
      for (const bench of QUERIES) {
        if (!fields.has(bench.needs)) {
          log(`skipping "${bench.name}": the schema has no ${bench.needs} query yet`);
          rows.push({ name: bench.name, loneMs: 0, requestsPerSecond: 0, p50: 0, p99: 0, errors: 0, requests: 0, note: 'skipped: not in the schema' });
          continue;
        }
        rows.push(await drive(bench, url, headers, verifier, options));
      }
      process.stdout.write(`${formatTable(rows, options)}\n`);
    } finally {
      await server.close();
    }
  } finally {
    await database.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}


async function queryFields(url: string, headers: Record<string, string>): Promise<Set<string>> {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: '{ __schema { queryType { fields { name } } } }' }) });
  const body = (await response.json()) as { data?: { __schema: { queryType: { fields: { name: string }[] } } } };
  return new Set(body.data?.__schema.queryType.fields.map((field) => field.name) ?? []);
}

async function drive(bench: BenchQuery, url: string, headers: Record<string, string>, verifier: string, options: BenchOptions): Promise<Row> {
  const body = JSON.stringify({ query: bench.query });
  // One request first: a failing query is reported with its message instead of as a wall of errors.
  const t0 = performance.now();
  const sample = await fetch(url, { method: 'POST', headers, body });
  const text = await sample.text();
  const firstMs = performance.now() - t0;
  if (!sample.ok || text.includes('"errors"')) {
    log(`"${bench.name}" fails: HTTP ${sample.status} ${text.slice(0, 300)}`);
    return { name: bench.name, loneMs: 0, requestsPerSecond: 0, p50: 0, p99: 0, errors: 1, requests: 1, note: `fails: ${text.slice(0, 80)}` };
  }
  // A lone request's latency (median of five), as one dashboard user sees it with the server otherwise idle.
  const lone: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await (await fetch(url, { method: 'POST', headers, body })).text();
    lone.push(performance.now() - started);
  }
  const loneMs = lone.sort((x, y) => x - y)[2];
  log(`"${bench.name}": first response in ${firstMs.toFixed(0)} ms (${text.length} bytes), alone ${loneMs.toFixed(0)} ms; ${options.duration} s of load…`);
  const { default: autocannon } = await import('autocannon');
  const result = await autocannon({
    url, method: 'POST', headers, body, connections: options.connections, duration: options.duration, workers: 1,
    verifyBody: verifier as never,
  });
  // requests still running when the load stopped finish before the next query is measured (the same
  // query in flight is shared, so this waits for them)
  await (await fetch(url, { method: 'POST', headers, body })).text();
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

function formatTable(rows: Row[], options: BenchOptions): string {
  const header = ['query', 'alone ms', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'requests'];
  const lines = rows.map((row) =>
    row.note
      ? [row.name, '-', '-', '-', '-', String(row.errors), row.note]
      : [row.name, row.loneMs.toFixed(0), row.requestsPerSecond.toFixed(1), row.p50.toFixed(0), row.p99.toFixed(0), String(row.errors), String(row.requests)],
  );
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [
    `${options.connections} connections, ${options.duration} s per query, 127.0.0.1`,
    format(header),
    format(widths.map((width) => '-'.repeat(width))),
    ...lines.map(format),
  ].join('\n');
}
