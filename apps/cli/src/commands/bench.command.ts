import type { Command } from 'commander';
import { registerBenchActors } from './bench-actors.command.js';
import { registerBenchApi } from './bench-api.command.js';
import { registerBenchExtract } from './bench-extract.command.js';
import { registerBenchIngest } from './bench-ingest.command.js';

/** The `bench` parent command; each benchmark registers itself as a subcommand here. */
export function registerBench(program: Command): Command {
  const bench = program.command('bench').description('performance benchmarks');
  registerBenchExtract(bench);
  registerBenchApi(bench);
  registerBenchActors(bench);
  registerBenchIngest(bench);
  return bench;
}
