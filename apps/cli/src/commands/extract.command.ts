import { readFileSync, statSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { isCountryCode } from '@dyad/vocabulary';
import { type Evidence, type ExtractionResult, LANGUAGES, type Language, extract, isOneOf, isValidIsoDate } from '@dyad/extraction';

const MAX_BYTES = 5 * 1024 * 1024;

interface ExtractCliOptions {
  json?: boolean;
  publishedAt?: string;
  lang?: Language;
  publisherCountry?: string;
}

function parseDate(value: string): string {
  if (!isValidIsoDate(value)) throw new InvalidArgumentError(`expected a real date as YYYY-MM-DD, got "${value}"`);
  return value;
}

function parseLang(value: string): Language {
  if (!isOneOf(LANGUAGES, value)) throw new InvalidArgumentError(`expected one of ${LANGUAGES.join(', ')}, got "${value}"`);
  return value;
}

function parseCountry(value: string): string {
  if (!isCountryCode(value)) {
    throw new InvalidArgumentError(`expected an ISO 3166-1 alpha-2 code in upper case (e.g. IR), got "${value}"`);
  }
  return value;
}

/** Reads a news file (or stdin for "-") as strict UTF-8 text; throws one-line errors a user can act on. */
export function readNewsText(path: string): string {
  let bytes: Buffer;
  if (path === '-') {
    bytes = readFileSync(0);
  } else {
    let size: number;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) throw new Error(`${path} is not a file`);
      size = stat.size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`file not found: ${path}`);
      throw error;
    }
    if (size > MAX_BYTES) throw new Error(`${path} is larger than 5 MB (${size} bytes); split it into news items`);
    bytes = readFileSync(path);
  }
  const name = path === '-' ? 'standard input' : path;
  if (bytes.length > MAX_BYTES) throw new Error(`${name} is larger than 5 MB; split it into news items`);
  if (bytes.length === 0) throw new Error(`${name} is empty`);
  if (bytes.includes(0)) throw new Error(`${name} looks binary (it contains NUL bytes); expected UTF-8 text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error(`${name} is not valid UTF-8 text`);
  }
  if (!text.trim()) throw new Error(`${name} is empty (whitespace only)`);
  return text;
}

function quote(e: Evidence, max = 160): string {
  const flat = e.text.replace(/\s+/g, ' ');
  return `«${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}» [${e.start}–${e.end}]`;
}

/** The readable summary printed without --json. */
export function formatSummary(result: ExtractionResult): string {
  const lines: string[] = [];
  lines.push(`language: ${result.language}   published: ${result.publishedAt ?? 'unknown'}`);
  if (result.title) lines.push(`title: ${result.title}`);
  if (!result.events.length) {
    lines.push('no cooperation event between two or more countries found');
    return `${lines.join('\n')}\n`;
  }
  result.events.forEach((event, i) => {
    const where = event.location ? ` in ${event.location.name}${event.location.country ? `, ${event.location.country}` : ''}` : '';
    lines.push('');
    lines.push(`event ${i + 1}: ${event.type} ${event.countries.join('–')} on ${event.date ?? 'unknown date'}${event.dateSource ? ` (${event.dateSource})` : ''}${where}; confidence ${event.confidence}`);
    if (event.sectors.length) lines.push(`  sectors: ${event.sectors.join(', ')}`);
    for (const p of event.participants) {
      const role = [p.title, p.organization].filter(Boolean).join(', ');
      lines.push(`  participant: ${p.name}${role ? ` — ${role}` : ''}${p.country ? ` (${p.country})` : ''}`);
    }
    for (const e of event.evidence) lines.push(`  evidence: ${quote(e)}`);
    if (event.proposals.length) lines.push('  proposals:');
    for (const p of event.proposals) {
      lines.push(`    - ${p.kind} ${p.status}: ${p.description}`);
      for (const e of p.evidence) lines.push(`        ${quote(e)}`);
    }
    if (event.followUps.length) lines.push('  follow-ups:');
    for (const f of event.followUps) {
      lines.push(`    - ${f.description}; owners ${f.owners.join(', ') || 'none'}; ${f.horizon}${f.dueDate ? `; due ${f.dueDate}` : ''}`);
      for (const e of f.evidence) lines.push(`        ${quote(e)}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract meetings, proposals and follow-ups from one news item (a file, or - for stdin)')
    .argument('<file>', 'a UTF-8 text file, or - to read standard input')
    .option('--json', 'print the extraction document as JSON')
    .option('--published-at <date>', 'publication date, YYYY-MM-DD (else read from the text)', parseDate)
    .option('--lang <lang>', 'fa, en or ru (else detected)', parseLang)
    .option('--publisher-country <code>', 'ISO alpha-2 code of "our country" (default IR for Persian)', parseCountry)
    .showHelpAfterError(false)
    .action((file: string, options: ExtractCliOptions) => {
      const text = readNewsText(file);
      const result = extract(text, {
        publishedAt: options.publishedAt,
        lang: options.lang,
        publisherCountry: options.publisherCountry,
      });
      process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatSummary(result));
    });
}
