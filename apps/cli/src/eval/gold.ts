import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { COUNTRY_CODE_SHAPE } from '@dyad/vocabulary';
import { basename, join } from 'node:path';
import {
  DATE_SOURCES, EVENT_TYPES, FOLLOW_UP_HORIZONS, LANGUAGES, PROPOSAL_KINDS, PROPOSAL_STATUSES, SECTORS, isOneOf,
} from '@dyad/extraction';
import type { ExtractOptions, ExtractionResult, Language } from '@dyad/extraction';

/** One gold item: `<id>.txt` (the exact input) + `<id>.json` ({ options, expected }). */
export interface GoldItem {
  id: string;
  /** From the id prefix (`fa-…`, `en-…`, `ru-…`), so per-language figures don't trust the extractor. */
  lang: Language;
  text: string;
  options: ExtractOptions;
  expected: ExtractionResult;
}

/** A problem with the gold set itself; the CLI prints its message as one line. */
export class GoldError extends Error {}

const ID = /^(fa|en|ru)-\d{3}-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COUNTRY = COUNTRY_CODE_SHAPE;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Every problem with one gold item, as `path: what` strings; empty when the item is valid. */
export function validateGoldItem(text: string, raw: unknown): string[] {
  const errors: string[] = [];
  const fail = (path: string, what: string) => errors.push(`${path}: ${what}`);
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const str = (v: unknown, path: string, nullable = false) => {
    if (v === null && nullable) return;
    if (typeof v !== 'string' || v.trim() === '') fail(path, nullable ? 'expected a non-empty string or null' : 'expected a non-empty string');
  };
  const country = (v: unknown, path: string, nullable = false) => {
    if (v === null && nullable) return;
    if (typeof v !== 'string' || !COUNTRY.test(v)) fail(path, `expected an ISO alpha-2 upper-case code, got ${JSON.stringify(v)}`);
  };
  const date = (v: unknown, path: string) => {
    if (v !== null && !isIsoDate(v)) fail(path, `expected YYYY-MM-DD or null, got ${JSON.stringify(v)}`);
  };
  const oneOf = (values: readonly string[], v: unknown, path: string) => {
    if (!isOneOf(values, v)) fail(path, `${JSON.stringify(v)} is not one of ${values.join(' ')}`);
  };
  const evidence = (v: unknown, path: string, required: boolean) => {
    if (!Array.isArray(v)) return fail(path, 'expected an array');
    if (required && v.length === 0) fail(path, 'expected at least one quote');
    v.forEach((e, i) => {
      const p = `${path}[${i}]`;
      if (!isObj(e) || !Number.isInteger(e.start) || !Number.isInteger(e.end) || typeof e.text !== 'string') {
        return fail(p, 'expected { start, end, text }');
      }
      if (text.slice(e.start as number, e.end as number) !== e.text) {
        fail(p, `text.slice(${e.start}, ${e.end}) is not ${JSON.stringify(e.text)}`);
      }
    });
  };

  if (!isObj(raw)) return ['(root): expected an object { options, expected }'];
  const { options, expected } = raw;
  if (!isObj(options)) fail('options', 'expected an object');
  else {
    for (const key of Object.keys(options)) {
      if (!['publishedAt', 'lang', 'publisherCountry'].includes(key)) fail(`options.${key}`, 'unknown option');
    }
    if ('publishedAt' in options && !isIsoDate(options.publishedAt)) fail('options.publishedAt', 'expected YYYY-MM-DD');
    if ('lang' in options) oneOf(LANGUAGES, options.lang, 'options.lang');
    if ('publisherCountry' in options) country(options.publisherCountry, 'options.publisherCountry');
  }
  if (!isObj(expected)) {
    fail('expected', 'expected an ExtractionResult object');
    return errors;
  }
  oneOf(LANGUAGES, expected.language, 'expected.language');
  date(expected.publishedAt, 'expected.publishedAt');
  str(expected.title, 'expected.title', true);
  if (!Array.isArray(expected.events)) {
    fail('expected.events', 'expected an array');
    return errors;
  }
  expected.events.forEach((ev: unknown, i: number) => {
    const p = `expected.events[${i}]`;
    if (!isObj(ev)) return fail(p, 'expected an object');
    oneOf(EVENT_TYPES, ev.type, `${p}.type`);
    date(ev.date, `${p}.date`);
    if (ev.dateSource !== null) oneOf(DATE_SOURCES, ev.dateSource, `${p}.dateSource`);
    if (!Array.isArray(ev.countries) || ev.countries.length < 2) fail(`${p}.countries`, 'expected two or more countries');
    else {
      ev.countries.forEach((c: unknown, j: number) => country(c, `${p}.countries[${j}]`));
      if (new Set(ev.countries).size !== ev.countries.length) fail(`${p}.countries`, 'duplicate country');
    }
    if (ev.location !== null) {
      if (!isObj(ev.location)) fail(`${p}.location`, 'expected { name, country } or null');
      else {
        str(ev.location.name, `${p}.location.name`);
        country(ev.location.country, `${p}.location.country`, true);
      }
    }
    if (!Array.isArray(ev.sectors)) fail(`${p}.sectors`, 'expected an array');
    else ev.sectors.forEach((s: unknown, j: number) => oneOf(SECTORS, s, `${p}.sectors[${j}]`));
    if (!Array.isArray(ev.participants)) fail(`${p}.participants`, 'expected an array');
    else ev.participants.forEach((pa: unknown, j: number) => {
      const q = `${p}.participants[${j}]`;
      if (!isObj(pa)) return fail(q, 'expected an object');
      str(pa.name, `${q}.name`);
      str(pa.title, `${q}.title`, true);
      str(pa.organization, `${q}.organization`, true);
      country(pa.country, `${q}.country`, true);
    });
    if (!Array.isArray(ev.proposals)) fail(`${p}.proposals`, 'expected an array');
    else ev.proposals.forEach((pr: unknown, j: number) => {
      const q = `${p}.proposals[${j}]`;
      if (!isObj(pr)) return fail(q, 'expected an object');
      oneOf(PROPOSAL_KINDS, pr.kind, `${q}.kind`);
      oneOf(PROPOSAL_STATUSES, pr.status, `${q}.status`);
      str(pr.description, `${q}.description`);
      evidence(pr.evidence, `${q}.evidence`, true);
    });
    if (!Array.isArray(ev.followUps)) fail(`${p}.followUps`, 'expected an array');
    else ev.followUps.forEach((f: unknown, j: number) => {
      const q = `${p}.followUps[${j}]`;
      if (!isObj(f)) return fail(q, 'expected an object');
      str(f.description, `${q}.description`);
      if (!Array.isArray(f.owners)) fail(`${q}.owners`, 'expected an array');
      else f.owners.forEach((c: unknown, k: number) => country(c, `${q}.owners[${k}]`));
      oneOf(FOLLOW_UP_HORIZONS, f.horizon, `${q}.horizon`);
      date(f.dueDate, `${q}.dueDate`);
      evidence(f.evidence, `${q}.evidence`, true);
    });
    evidence(ev.evidence, `${p}.evidence`, true);
    if (typeof ev.confidence !== 'number' || ev.confidence < 0 || ev.confidence > 1) fail(`${p}.confidence`, 'expected a number in [0, 1]');
  });
  return errors;
}

/** Reads and validates every item of a gold directory; throws a GoldError naming the file and the problem. */
export function loadGoldSet(dir: string): GoldItem[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new GoldError(`gold directory not found: ${dir}`);
  const files = readdirSync(dir);
  const ids = files.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();
  if (ids.length === 0) throw new GoldError(`no gold items (<id>.txt + <id>.json) in ${dir}`);
  for (const f of files.filter((f) => f.endsWith('.txt'))) {
    if (!ids.includes(f.slice(0, -'.txt'.length))) throw new GoldError(`${join(dir, f)}: no matching .json file`);
  }
  return ids.map((id) => {
    const jsonPath = join(dir, `${id}.json`);
    const textPath = join(dir, `${id}.txt`);
    if (!ID.test(id)) throw new GoldError(`${jsonPath}: id must look like fa-001-some-slug (fa|en|ru, 3 digits, kebab-case)`);
    if (!existsSync(textPath)) throw new GoldError(`${jsonPath}: missing text file ${basename(textPath)}`);
    const text = readFileSync(textPath, 'utf8');
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(jsonPath, 'utf8'));
    } catch (error) {
      throw new GoldError(`${jsonPath}: invalid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const errors = validateGoldItem(text, raw);
    if (errors.length > 0) {
      const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : '';
      throw new GoldError(`${jsonPath}: ${errors[0]}${more}`);
    }
    const item = raw as { options: ExtractOptions; expected: ExtractionResult };
    return { id, lang: id.slice(0, 2) as Language, text, options: item.options, expected: item.expected };
  });
}
