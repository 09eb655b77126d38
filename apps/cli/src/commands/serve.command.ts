import type { Command } from 'commander';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the Dyad server (the same as `npm start`)')
    .action(async () => {
      await import('../../../api/src/main.js');
    });
}
