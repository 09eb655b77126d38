import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Command, InvalidArgumentError } from 'commander';
import { extract } from '@dyad/extraction';
import { makeCorpus } from '../bench/extract-corpus.js';
import { median } from '../bench/median.js';

// `dyad bench extract`: items extracted per second on one core, on a mixed 1–5 KB corpus and a 2 KB one.
// `--code <dist>` measures another build's extractor (for example main's, compiled elsewhere); `--compare
// <dist>` runs this build and that one in turn. CPU seconds are reported beside wall-clock ones, as other
// processes on the machine slow the wall clock.

type Extract = typeof extract;

interface RunStats {
  items: number;
  bytes: number;
  seconds: number;
  cpuSeconds: number;
  peakRss: number;
  peakHeap: number;
  events: number;
}

interface BenchExtractOptions {
  items: number;
  items2k: number;
  code?: string;
  compare?: string;
  rounds: number;
  json: boolean;
}

function parseCount(max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`expected a whole number from 1 to ${max}`);
    return n;
  };
}

const mb = (bytes: number) => bytes / (1024 * 1024);
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function run(label: string, items: string[], fn: Extract, progress: boolean): RunStats {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  let bytes = 0;
  let events = 0;
  const step = Math.max(1, Math.floor(items.length / 20));
  const t0 = process.hrtime.bigint();
  const c0 = cpuNow();
  for (let i = 0; i < items.length; i++) {
    const result = fn(items[i]);
    events += result.events.length;
    bytes += Buffer.byteLength(items[i]);
    if (i % 250 === 0) {
      const m = process.memoryUsage();
      if (m.rss > peakRss) peakRss = m.rss;
      if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    }
    // one line rewritten on a terminal; a line per step in a log
    if (progress && (i + 1) % step === 0) process.stderr.write(process.stderr.isTTY ? `\r${label}: ${i + 1}/${items.length}` : `${label}: ${i + 1}/${items.length}\n`);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpuSeconds = cpuNow() - c0;
  if (progress && process.stderr.isTTY) process.stderr.write('\n');
  const m = process.memoryUsage();
  return { items: items.length, bytes, seconds, cpuSeconds, peakRss: Math.max(peakRss, m.rss), peakHeap: Math.max(peakHeap, m.heapUsed), events };
}

const rate = (s: RunStats) => `${(s.items / s.seconds).toFixed(0)} items/s (${(s.items / s.cpuSeconds).toFixed(0)} per CPU second)`;

async function loadExtract(dist: string): Promise<Extract> {
  const path = join(isAbsolute(dist) ? dist : resolve(dist), 'libs/extraction/src/index.js');
  const mod = (await import(pathToFileURL(path).href)) as { extract?: Extract };
  if (typeof mod.extract !== 'function') throw new Error(`${path} exports no extract()`);
  return mod.extract;
}

function report(mixed: RunStats, twoK: RunStats): string[] {
  return [
    `mixed 1–5 KB: ${mixed.items} items, ${mb(mixed.bytes).toFixed(1)} MB in ${mixed.seconds.toFixed(2)} s (${mixed.cpuSeconds.toFixed(2)} s CPU)`,
    `  ${rate(mixed)}, ${(mb(mixed.bytes) / mixed.seconds).toFixed(2)} MB/s, ${mixed.events} events`,
    `  peak rss ${mb(mixed.peakRss).toFixed(0)} MB, peak heapUsed ${mb(mixed.peakHeap).toFixed(0)} MB`,
    `2 KB items: ${twoK.items} items in ${twoK.seconds.toFixed(2)} s, ${rate(twoK)}, ${(mb(twoK.bytes) / twoK.seconds).toFixed(2)} MB/s`,
  ];
}

async function runBenchExtract(options: BenchExtractOptions): Promise<void> {
  if (options.compare) return compareBuilds(options.compare, options);
  const fn = options.code ? await loadExtract(options.code) : extract;
  if (!options.json) process.stderr.write(`generating ${options.items} items (fa/en/ru, 1–5 KB)…\n`);
  const corpus = makeCorpus(options.items, 1024, 5 * 1024, 42);
  // warm up the JIT and the lazily built tables
  for (const item of corpus.slice(0, 50)) fn(item);
  const mixed = run('mixed', corpus, fn, !options.json);
  const twoK = run('2 KB', makeCorpus(options.items2k, 2048, 2048, 7), fn, !options.json);
  process.stdout.write(options.json ? `${JSON.stringify({ mixed, twoK })}\n` : `${report(mixed, twoK).join('\n')}\n`);
}

// Each build in a process of its own (two extractors in one process slow each other: their caches share a
// heap), this build and the other in turn, round after round, so both see the same machine load.
async function compareBuilds(other: string, options: BenchExtractOptions): Promise<void> {
  const bin = fileURLToPath(new URL('../../../../../bin/dyad.js', import.meta.url));
  const builds: [string, string | null][] = [['this build', null], [other, isAbsolute(other) ? other : resolve(other)]];
  const sums = new Map<string, { mixed: number[]; twoK: number[] }>(builds.map(([name]) => [name, { mixed: [], twoK: [] }]));
  for (let round = 1; round <= options.rounds; round++) {
    for (const [name, dist] of builds) {
      const args = [bin, 'bench', 'extract', '--json', '--items', String(options.items), '--items-2k', String(options.items2k), ...(dist ? ['--code', dist] : [])];
      const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      if (child.status !== 0) throw new Error(`bench extract for ${name} exited with ${child.status ?? child.signal}`);
      const { mixed, twoK } = JSON.parse(child.stdout) as { mixed: RunStats; twoK: RunStats };
      const load = loadavg()[0].toFixed(1);
      process.stdout.write(`round ${round}, ${name} (load ${load}):\n${report(mixed, twoK).join('\n')}\n`);
      sums.get(name)!.mixed.push(mixed.items / mixed.cpuSeconds);
      sums.get(name)!.twoK.push(twoK.items / twoK.cpuSeconds);
    }
  }
  const [a, b] = builds.map(([name]) => sums.get(name)!);
  process.stdout.write(
    `median items per CPU second, this build / ${other}: mixed ${median(a.mixed).toFixed(0)} / ${median(b.mixed).toFixed(0)} (${(median(a.mixed) / median(b.mixed)).toFixed(2)}×), ` +
      `2 KB ${median(a.twoK).toFixed(0)} / ${median(b.twoK).toFixed(0)} (${(median(a.twoK) / median(b.twoK)).toFixed(2)}×)\n`,
  );
}

export function registerBenchExtract(bench: Command): void {
  bench
    .command('extract')
    .description('extraction throughput on a generated fa/en/ru corpus, one core')
    .option('--items <n>', 'items in the mixed 1–5 KB corpus', parseCount(1_000_000), 10_000)
    .option('--items-2k <n>', 'items in the 2 KB run', parseCount(1_000_000), 3_000)
    .option('--code <dist>', 'measure another build (a dist/ folder) instead of this one')
    .option('--compare <dist>', 'run this build and another (a dist/ folder) in turn, each in a process of its own')
    .option('--rounds <n>', 'with --compare: times each build runs', parseCount(100), 3)
    .option('--json', 'print the figures as JSON', false)
    .showHelpAfterError(false)
    .action((options: BenchExtractOptions) => runBenchExtract(options));
}
