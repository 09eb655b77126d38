import type { Command } from 'commander';
import { registerMigrate } from './migrate.command.js';

// Each command lives in its own file and registers itself on the program here.
export function registerCommands(program: Command): void {
  registerMigrate(program);
}
