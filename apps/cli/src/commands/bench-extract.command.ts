import { type Command, InvalidArgumentError } from 'commander';
import { extract } from '@dyad/extraction';
import { makeCorpus } from '../bench/extract-corpus.js';

interface RunStats {
  items: number;
  bytes: number;
  seconds: number;
  peakRss: number;
  peakHeap: number;
  events: number;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new InvalidArgumentError('expected a whole number from 1 to 1000000');
  return n;
}

const mb = (bytes: number) => bytes / (1024 * 1024);

function run(label: string, items: string[]): RunStats {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  let bytes = 0;
  let events = 0;
  const step = Math.max(1, Math.floor(items.length / 20));
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < items.length; i++) {
    const result = extract(items[i]);
    events += result.events.length;
    bytes += Buffer.byteLength(items[i]);
    if (i % 250 === 0) {
      const m = process.memoryUsage();
      if (m.rss > peakRss) peakRss = m.rss;
      if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    }
    // one line rewritten on a terminal; a line per step in a log
    if ((i + 1) % step === 0) process.stderr.write(process.stderr.isTTY ? `\r${label}: ${i + 1}/${items.length}` : `${label}: ${i + 1}/${items.length}\n`);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (process.stderr.isTTY) process.stderr.write('\n');
  const m = process.memoryUsage();
  return { items: items.length, bytes, seconds, peakRss: Math.max(peakRss, m.rss), peakHeap: Math.max(peakHeap, m.heapUsed), events };
}

export function registerBenchExtract(bench: Command): void {
  bench
    .command('extract')
    .description('extraction throughput on a generated fa/en/ru corpus, one core')
    .option('--items <n>', 'items in the mixed 1–5 KB corpus', parseCount, 10_000)
    .option('--items-2k <n>', 'items in the 2 KB run', parseCount, 3_000)
    .showHelpAfterError(false)
    .action((options: { items: number; items2k: number }) => {
      process.stderr.write(`generating ${options.items} items (fa/en/ru, 1–5 KB)…\n`);
      const corpus = makeCorpus(options.items, 1024, 5 * 1024, 42);
      // warm up the JIT and the lazily built tables
      for (const item of corpus.slice(0, 50)) extract(item);
      const mixed = run('mixed', corpus);
      const twoK = run('2 KB', makeCorpus(options.items2k, 2048, 2048, 7));
      const lines = [
        `mixed 1–5 KB: ${mixed.items} items, ${mb(mixed.bytes).toFixed(1)} MB in ${mixed.seconds.toFixed(2)} s`,
        `  ${(mixed.items / mixed.seconds).toFixed(0)} items/s, ${(mb(mixed.bytes) / mixed.seconds).toFixed(2)} MB/s, ${mixed.events} events`,
        `  peak rss ${mb(mixed.peakRss).toFixed(0)} MB, peak heapUsed ${mb(mixed.peakHeap).toFixed(0)} MB`,
        `2 KB items: ${twoK.items} items in ${twoK.seconds.toFixed(2)} s, ${(twoK.items / twoK.seconds).toFixed(0)} items/s, ${(mb(twoK.bytes) / twoK.seconds).toFixed(2)} MB/s`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
