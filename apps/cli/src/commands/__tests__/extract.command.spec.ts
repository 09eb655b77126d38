import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const BIN = join(ROOT, 'bin/dyad.js');
const SEED = join(ROOT, 'test/fixtures/news/fa-000-seed-iran-kazakhstan-cinema.txt');

function dyad(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('dyad extract', () => {
  let dir: string;
  beforeAll(() => {
    // CI builds in `npm ci` (prepare); build here only when the compiled CLI is missing.
    if (!existsSync(join(ROOT, 'dist/apps/cli/src/commands/extract.command.js'))) {
      const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    }
    dir = mkdtempSync(join(tmpdir(), 'dyad-extract-'));
  });

  it('prints the DESIGN.md document with --json', () => {
    const r = dyad(['extract', SEED, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ language: 'fa', publishedAt: '2025-04-13' });
    expect(doc.events[0]).toMatchObject({ type: 'MEETING', countries: ['IR', 'KZ'], location: { name: 'Astana', country: 'KZ' } });
    expect(r.stdout).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it('prints a readable summary with quoted evidence without --json', () => {
    const r = dyad(['extract', SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('MEETING IR–KZ');
    expect(r.stdout).toContain('MOU AGREED');
    expect(r.stdout).toMatch(/«.+» \[\d+–\d+\]/);
  });

  it('reads standard input with - and honours the options', () => {
    const r = dyad(['extract', '-', '--json', '--lang', 'en', '--published-at', '2025-04-16'], 'Iran and Kazakhstan signed an MoU in Astana yesterday.');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.publishedAt).toBe('2025-04-16');
    expect(doc.events[0]).toMatchObject({ type: 'SIGNING', date: '2025-04-15', dateSource: 'RELATIVE' });
  });

  const bad: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['extract', join(dir, 'nope.txt')], /not found/],
    ['an empty file', () => ['extract', write('empty.txt', '')], /empty/],
    ['a binary file', () => ['extract', write('bin.txt', Buffer.from([0x41, 0x00, 0x42]))], /binary/],
    ['invalid UTF-8', () => ['extract', write('latin1.txt', Buffer.from([0x49, 0x72, 0xe1, 0x6e]))], /UTF-8/],
    ['a file over 5 MB', () => ['extract', write('big.txt', 'a'.repeat(5 * 1024 * 1024 + 1))], /5 MB/],
    ['a bad date', () => ['extract', SEED, '--published-at', '2025-13-40'], /YYYY-MM-DD/],
    ['an unknown language', () => ['extract', SEED, '--lang', 'de'], /fa, en, ru/],
    ['a lower-case country', () => ['extract', SEED, '--publisher-country', 'ir'], /ISO 3166-1/],
    ['a non-ISO country', () => ['extract', SEED, '--publisher-country', 'XX'], /ISO 3166-1/],
  ];
  function write(name: string, content: string | Buffer): string {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  }

  it.each(bad)('rejects %s with one line on stderr and nothing on stdout', (_, args, message) => {
    const r = dyad(args());
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});

describe('dyad bench extract', () => {
  it('reports items/s, MB/s and peak memory', () => {
    const r = dyad(['bench', 'extract', '--items', '60', '--items-2k', '30']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/items\/s/);
    expect(r.stdout).toMatch(/MB\/s/);
    expect(r.stdout).toMatch(/peak rss \d+ MB/);
    expect(r.stdout).toMatch(/2 KB items: 30 items/);
  });
});
