import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';

const program = new Command('dyad')
  .description('Dyad: bilateral cooperation between countries, tracked from the news')
  .showHelpAfterError()
  .exitOverride();

await registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  process.stderr.write(`dyad: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
