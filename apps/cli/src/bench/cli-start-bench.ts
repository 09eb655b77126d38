import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './median.js';

// `npm run bench:cli`: how long `dyad --help` takes to start, against a bare `node` started the same way,
// interleaved (the machine is shared: both see the same load), so the difference is what Dyad adds.

const runs = Number(process.env.BENCH_RUNS ?? 15);
// DYAD_BIN: another build's bin/dyad.js, to compare two versions side by side
const bin = process.env.DYAD_BIN ?? fileURLToPath(new URL('../../../../../bin/dyad.js', import.meta.url));

function time(args: string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const help: number[] = [];
const bare: number[] = [];
for (let i = 0; i < runs; i++) {
  help.push(time([bin, '--help']));
  bare.push(time(['-e', '']));
}
const row = (name: string, values: number[]) =>
  `${name.padEnd(16)} median ${median(values).toFixed(0).padStart(5)} ms   min ${Math.min(...values).toFixed(0).padStart(5)} ms`;
process.stdout.write(`${row('dyad --help', help)}\n${row('node -e ""', bare)}\n`);
process.stdout.write(`dyad adds (median of the differences): ${median(help.map((h, i) => h - bare[i])).toFixed(0)} ms over ${runs} interleaved runs\n`);
