import type { Command } from 'commander';

type Register = (program: Command) => unknown;

interface Entry {
  /** The command and its arguments, as `dyad --help` lists it. */
  usage: string;
  summary: string;
  /** Other names the same module registers. */
  aliases?: string[];
  load: () => Promise<Register>;
}

// Each command lives in its own file and registers itself on the program. Only the command being run is
// loaded (with the libraries it needs: TypeORM, Nest, the extractor…); the others get a one-line entry so
// `dyad --help` lists them without loading anything: start-up stays well under a second.
export const COMMANDS: Entry[] = [
  { usage: 'serve', summary: 'run the Dyad server (the same as `npm start`)', load: async () => (await import('./serve.command.js')).registerServe },
  { usage: 'worker', summary: 'run a job worker alone (source polls and ingestion); any number of them may share one DATABASE_URL', load: async () => (await import('./worker.command.js')).registerWorker },
  { usage: 'migrate', summary: 'run pending database migrations', load: async () => (await import('./migrate.command.js')).registerMigrate },
  { usage: 'keys', summary: 'manage API keys', load: async () => (await import('./keys.command.js')).registerKeys },
  {
    usage: 'demo',
    summary: 'demo data: the bundled sample corpus and a synthetic history',
    aliases: ['seed-demo'],
    load: async () => (await import('./demo.command.js')).registerDemo,
  },
  {
    usage: 'extract <file>',
    summary: 'extract meetings, proposals and follow-ups from one news item (a file, or - for stdin)',
    load: async () => (await import('./extract.command.js')).registerExtract,
  },
  {
    usage: 'ingest <sources...>',
    summary: 'read news items from files, directories, JSON Lines, RSS/Atom feeds or URLs and link them into the database',
    load: async () => (await import('./ingest.command.js')).registerIngest,
  },
  { usage: 'bench', summary: 'performance benchmarks', load: async () => (await import('./bench.command.js')).registerBench },
  {
    usage: 'eval',
    summary: 'Score the extractor against the gold set: precision, recall and F1 per field and per language',
    load: async () => (await import('./eval.command.js')).registerEval,
  },
  { usage: 'rollups', summary: 'the chart rollups, which every write keeps current', load: async () => (await import('./rollups.command.js')).registerRollups },
];

/** The command named on the command line (`dyad help ingest` names ingest), if any. */
function named(argv: string[]): string | undefined {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/** Registers the command `argv` runs in full, and a help line for each of the others. */
export async function registerCommands(program: Command, argv = process.argv.slice(2)): Promise<void> {
  const wanted = named(argv);
  for (const entry of COMMANDS) {
    const name = entry.usage.split(' ')[0];
    if (wanted === name || entry.aliases?.includes(wanted ?? '')) {
      await import('reflect-metadata'); // the entities' decorators need it before they load
      (await entry.load())(program);
    } else {
      program.command(entry.usage).description(entry.summary);
      for (const alias of entry.aliases ?? []) program.command(alias).description(`the same as \`dyad ${name} load\``);
    }
  }
}
