import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, registerCommands } from '../index.js';

const names = (program: Command) => program.commands.map((c) => c.name());

describe('commands loaded lazily', () => {
  it.each(COMMANDS.map((entry) => [entry.usage, entry] as const))('the help line of "%s" is the loaded command\'s', async (_usage, entry) => {
    const real = new Command('dyad');
    (await entry.load())(real);
    const name = entry.usage.split(' ')[0];
    const loaded = real.commands.find((c) => c.name() === name)!;
    expect(loaded.description()).toBe(entry.summary);
    const args = loaded.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}]`));
    expect([name, ...args].join(' ')).toBe(entry.usage);
  });

  it('registers only the command being run in full, every other as a help line', async () => {
    const program = new Command('dyad');
    await registerCommands(program, ['keys', 'list']);
    expect(names(program)).toEqual(['serve', 'worker', 'migrate', 'keys', 'demo', 'seed-demo', 'extract', 'ingest', 'bench', 'eval', 'rollups']);
    expect(program.commands.find((c) => c.name() === 'keys')!.commands.map((c) => c.name())).toEqual(['create', 'list', 'revoke']);
    expect(program.commands.find((c) => c.name() === 'ingest')!.options).toEqual([]);
  });
});
