// Consistency checks over the language packs, run by language-packs.spec.ts: a form names one place, and
// no list holds an entry twice.
import { CITY_LINES, COUNTRY_LINES } from '../gazetteer-data.js';
import { keyText } from '../normalize.js';
import type { LanguagePack } from './language-pack.js';

/** The spelling the gazetteer matches a form by (no case mark, no open ending, no joints or dots). */
export function formKey(form: string): string {
  return keyText(form.replace(/^\^/, '').replace(/\*/g, '')).key.replace(/[\s.\-_']/g, '');
}

const COUNTRY_CODES = COUNTRY_LINES.trim().split('\n').map((l) => l.split('|')[0]);
const CITY_COUNTRY = new Map(CITY_LINES.trim().split('\n').map((l) => [l.split('|')[0], l.split('|')[1]] as const));

/** Forms listed for two countries, for two cities of different countries, for a city and another country, or twice for one place. */
export function placeFormClashes(pack: Pick<LanguagePack, 'language' | 'places'>): string[] {
  const out: string[] = [];
  const owner = new Map<string, { place: string; country: string }>();
  const visit = (place: string, country: string, forms: readonly string[], city: boolean) => {
    const seen = new Set<string>();
    for (const form of forms) {
      const k = formKey(form);
      const written = keyText(form.replace(/^\^/, '')).key;
      if (seen.has(written)) out.push(`${pack.language}: «${form}» is listed twice for ${place}`);
      seen.add(written);
      const prev = owner.get(k);
      if (prev && prev.country !== country) out.push(`${pack.language}: «${form}» is listed for ${prev.place} and ${place}`);
      // a city named like its own country (Kuwait) is found as the country
      else if (!prev || (!city && prev.country === country)) owner.set(k, { place, country });
    }
  };
  for (const [code, forms] of Object.entries(pack.places.countries)) visit(code, code, forms, false);
  for (const [name, forms] of Object.entries(pack.places.cities)) visit(name, CITY_COUNTRY.get(name) ?? '?', forms, true);
  return out;
}

/** Countries with no forms, and table keys that are no known country or city. */
export function placeCoverage(pack: Pick<LanguagePack, 'language' | 'places'>): string[] {
  const out: string[] = [];
  for (const code of COUNTRY_CODES) if (!pack.places.countries[code]?.length) out.push(`${pack.language}: no forms for ${code}`);
  for (const code of Object.keys(pack.places.countries)) if (!COUNTRY_CODES.includes(code)) out.push(`${pack.language}: unknown country ${code}`);
  for (const name of Object.keys(pack.places.cities)) if (!CITY_COUNTRY.has(name)) out.push(`${pack.language}: unknown city ${name}`);
  for (const code of COUNTRY_CODES) if (!pack.places.names?.[code]) out.push(`${pack.language}: no name for ${code}`);
  for (const code of Object.keys(pack.places.names ?? {})) if (!COUNTRY_CODES.includes(code)) out.push(`${pack.language}: a name for unknown country ${code}`);
  return out;
}

/** A short name given to two countries. */
export function countryNameClashes(pack: Pick<LanguagePack, 'language' | 'places'>): string[] {
  const out: string[] = [];
  const owner = new Map<string, string>();
  for (const [code, name] of Object.entries(pack.places.names)) {
    const k = formKey(name);
    const prev = owner.get(k);
    if (prev) out.push(`${pack.language}: the name «${name}» is given to ${prev} and ${code}`);
    else owner.set(k, code);
  }
  return out;
}

/** Every list of words in a pack, with its path («ru.places.countries.DK»). */
export function wordLists(value: unknown, path: string): [string, readonly string[]][] {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return [[path, value as string[]]];
    // pairs of a word and its meaning (months, weekdays)
    if (value.length && value.every((v) => Array.isArray(v) && typeof v[0] === 'string')) return [[path, value.map((v) => v[0] as string)]];
    return value.flatMap((v, i) => wordLists(v, `${path}.${i}`));
  }
  if (value instanceof Set) return [[path, [...value].filter((v): v is string => typeof v === 'string')]];
  if (value && typeof value === 'object' && !(value instanceof RegExp)) {
    return Object.entries(value).flatMap(([k, v]) => wordLists(v, `${path}.${k}`));
  }
  return [];
}

/** Entries listed twice in one list, as written up to key() (spelling variants such as U.S. / US are kept). */
export function listDuplicates(path: string, list: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of list) {
    const k = keyText(w.replace(/^\^/, '').replace(/_/g, '')).key;
    if (seen.has(k)) out.push(`${path}: «${w}» is listed twice`);
    seen.add(k);
  }
  return out;
}

// tables keyed by the language's own words or by place: their keys differ from pack to pack
const WORD_TABLES = ['.countries', '.cities', '.names', '.otherPlaceAfter', '.partOf', '.nameBefore', '.numberWords'];

/** The shape of a pack: every key path down to the values (tables keyed by words or places are one value). */
export function packShape(value: unknown, path = ''): string[] {
  if (WORD_TABLES.some((t) => path.endsWith(t))) return [path];
  if (value && typeof value === 'object' && !(value instanceof RegExp) && !Array.isArray(value) && !(value instanceof Set)) {
    return Object.entries(value).flatMap(([k, v]) => packShape(v, `${path}.${k}`));
  }
  return [path];
}

/** Date words that mean two things: a word of two relative days or weekdays, a month name under two numbers. */
export function dateWordClashes(pack: Pick<LanguagePack, 'language' | 'dates'>): string[] {
  const out: string[] = [];
  const d = pack.dates;
  const meaning = new Map<string, string>();
  const relative: [string, readonly string[]][] = [
    ['today', d.today],
    ['yesterday', d.yesterday],
    ['dayBeforeYesterday', d.dayBeforeYesterday],
    ['tomorrow', d.tomorrow],
    ...d.weekdays.map(([w, n]): [string, readonly string[]] => [`weekday ${n}`, [w]]),
  ];
  for (const [what, list] of relative) {
    for (const w of list) {
      const k = formKey(w);
      const prev = meaning.get(k);
      if (prev && prev !== what) out.push(`${pack.language}: «${w}» is listed for ${prev} and ${what}`);
      meaning.set(k, what);
    }
  }
  d.dayMonth.forEach((form, i) => {
    const month = new Map<string, number>();
    for (const [m, n] of form.months) {
      const k = formKey(m);
      if (month.has(k) && month.get(k) !== n) out.push(`${pack.language}: «${m}» is listed for months ${month.get(k)} and ${n} (dayMonth ${i})`);
      month.set(k, n);
    }
  });
  return out;
}
