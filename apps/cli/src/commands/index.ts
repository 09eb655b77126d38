import type { Command } from 'commander';
import { registerDemo } from './demo.command.js';
import { registerEval } from './eval.command.js';
import { registerBench } from './bench.command.js';
import { registerExtract } from './extract.command.js';
import { registerIngest } from './ingest.command.js';
import { registerKeys } from './keys.command.js';
import { registerMigrate } from './migrate.command.js';
import { registerServe } from './serve.command.js';
import { registerWorker } from './worker.command.js';

// Each command lives in its own file and registers itself on the program here.
export function registerCommands(program: Command): void {
  registerServe(program);
  registerWorker(program);
  registerMigrate(program);
  registerKeys(program);
  registerDemo(program);
  registerExtract(program);
  registerIngest(program);
  registerBench(program);
  registerEval(program);
}
