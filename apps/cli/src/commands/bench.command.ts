import type { Command } from 'commander';
import { registerBenchExtract } from './bench-extract.command.js';

/** The `bench` parent command; each benchmark registers itself as a subcommand here. */
export function registerBench(program: Command): Command {
  const bench = program.command('bench').description('performance benchmarks');
  registerBenchExtract(bench);
  return bench;
}
