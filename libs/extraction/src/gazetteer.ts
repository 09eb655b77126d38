// Country and city mentions. A mention knows its country, whether it is a city, and whether it is
// locative ("in X"), because a country that only hosts is not a party.
import { hasSurrogates, isWordCode } from './chars.js';
import { COUNTRY_LINES, CITY_LINES } from './gazetteer-data.js';
import { RIGHT, rx } from './lexicon.js';
import { PACKS, perLanguage } from './lang/index.js';
import { isSpaceCode, isSurrogateCode, keyText } from './normalize.js';
import { LANGUAGES, type Language } from './vocabulary.js';

export interface Place {
  code: string;
  name: string;
  city: boolean;
  capital: boolean;
}

export interface Mention {
  place: Place;
  start: number;
  end: number;
  /** Preceded by "in" / «در» / «в». */
  locative: boolean;
  /** «کشورمان», "our country". */
  ours: boolean;
  /** The subject of talks, not a participant: "on Syria", «درباره سوریه», «о Сирии». */
  topic: boolean;
}

interface Entry {
  surface: string;
  place: Place;
  exactCase: string | null;
}

type Lang = Language;

const entries = perLanguage(() => new Map<string, Entry>());
// `lead`: the form's first word (its letters before any space, joint, dot or hyphen)
const sources = perLanguage((): { src: string; first: string; lead: string }[] => []);
const multiStems = perLanguage((): { re: RegExp; entry: Entry }[] => []);
export const COUNTRY_NAMES = new Map<string, string>();

function flat(s: string): string {
  return s.replace(/[\s.\-_']/g, '');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function add(lang: Lang, form: string, place: Place): void {
  if (!form || form === '-') return;
  let exactCase: string | null = null;
  if (form.startsWith('^')) {
    form = form.slice(1);
    exactCase = form;
  }
  const stem = form.endsWith('*');
  const surface = keyText(form.replace(/\*/g, '')).key;
  let src: string;
  const glued = PACKS[lang].places.glued;
  if (glued) src = rx(form.replace(/ /g, '_')) + glued;
  else {
    // every word of a Russian form may carry its own case ending: «южн* коре*» = Южной Кореи
    src = keyText(form)
      .key.split(/\s+/)
      .map((w) => {
        const open = w.endsWith('*');
        const body = escape(open ? w.slice(0, -1) : w).replace(/\\\./g, '\\.?').replace(/-/g, '[-\\s]?');
        return open ? `${body}\\p{L}*` : body;
      })
      .join('\\s+');
    if (!stem) src += RIGHT;
  }
  // bucketed by the first two letters; a form whose second character is a dot, a hyphen or a joint under its first
  sources[lang].push({ src, first: /^[\p{L}\p{N}]{2}/u.test(surface) ? surface.slice(0, 2) : surface[0], lead: /^[\p{L}\p{M}\p{N}]*/u.exec(surface)![0] });
  const entry = { surface, place, exactCase };
  entries[lang].set(flat(surface), entry);
  if (/\*\s/.test(form)) multiStems[lang].push({ re: new RegExp(`^${src}$`, 'u'), entry });
}

for (const line of COUNTRY_LINES.trim().split('\n')) {
  const [code, name] = line.split('|');
  const place: Place = { code, name, city: false, capital: false };
  COUNTRY_NAMES.set(code, name);
  for (const lang of LANGUAGES) for (const f of PACKS[lang].places.countries[code] ?? []) add(lang, f, place);
}
for (const line of CITY_LINES.trim().split('\n')) {
  const [name, code, cap] = line.split('|');
  const place: Place = { code, name, city: true, capital: cap === 'C' };
  // a city named like a country (Kuwait, Djibouti) is found as the country
  for (const lang of LANGUAGES) for (const f of PACKS[lang].places.cities[name] ?? []) if (!entries[lang].has(flat(keyText(f.replace('*', '')).key))) add(lang, f, place);
}

// One sticky matcher per first letter: at each word start only the forms that can begin there are tried
// (a single alternation of every form made V8 try them all at every position).
interface Bucket {
  re: RegExp;
  /** First words of the bucket's forms: the regex runs only at a word one of them begins. */
  leads: string[];
  /** Their third code units, when every lead has one (a word with none of them begins no lead). */
  thirds: Set<number> | null;
}

// Buckets by their key as a number: one letter, or two (first × 65536 + second), so a word is looked up
// without cutting it out of the text.
const bucketKey = (first: string) => (first.length === 1 ? first.charCodeAt(0) : first.charCodeAt(0) * 65536 + first.charCodeAt(1));

function build(lang: Lang): Map<number, Bucket> {
  const groups = new Map<string, { alts: string[]; leads: Set<string> }>();
  for (const { src, first, lead } of sources[lang]) {
    const group = groups.get(first) ?? { alts: [], leads: new Set<string>() };
    group.alts.push(src);
    group.leads.add(lead);
    groups.set(first, group);
  }
  const out = new Map<number, Bucket>();
  for (const [first, { alts, leads }] of groups) {
    const thirds = [...leads].every((lead) => lead.length >= 3) ? new Set([...leads].map((lead) => lead.charCodeAt(2))) : null;
    out.set(bucketKey(first), { re: new RegExp(`(?:${alts.sort((a, b) => b.length - a.length).join('|')})`, 'uy'), leads: [...leads], thirds });
  }
  return out;
}
const MATCHERS = perLanguage((p) => build(p.language));
// word starts whose letter begins some form
const STARTS = perLanguage(({ language: lang }) => {
  const letters = new Set([...MATCHERS[lang].keys()].map((k) => String.fromCharCode(k < 65536 ? k : Math.floor(k / 65536))));
  // (no lookbehind: V8 scans much faster without one; whether it is a word's start is checked by hand)
  return new RegExp(`[${[...letters].map((c) => c.replace(/[\]\\^-]/g, '\\$&')).join('')}][\\p{L}\\p{M}\\p{N}]*`, 'gu');
});

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

// A bucket's forms at the word key[index, end): tried only if one of their first words begins the word.
function matchBucket(bucket: Bucket | undefined, key: string, index: number, end: number): RegExpExecArray | null {
  if (!bucket) return null;
  const length = end - index;
  if (bucket.thirds && (length < 3 || !bucket.thirds.has(key.charCodeAt(index + 2)))) return null;
  let opens = false;
  for (const lead of bucket.leads) {
    if (lead.length <= length && key.startsWith(lead, index)) {
      opens = true;
      break;
    }
  }
  if (!opens) return null;
  bucket.re.lastIndex = index;
  return bucket.re.exec(key);
}

// forms are bucketed by their first two letters (one-letter forms under that letter)
function matchAt(lang: Lang, key: string, index: number, end: number): RegExpExecArray | null {
  const buckets = MATCHERS[lang];
  const c = key.charCodeAt(index);
  if (end > index + 1) {
    const m = matchBucket(buckets.get(c * 65536 + key.charCodeAt(index + 1)), key, index, end);
    if (m) return m;
  }
  return matchBucket(buckets.get(c), key, index, end);
}

// By a word's first code unit: 1 when a one-letter bucket is keyed by it, 2 when a two-letter one opens with
// it (a word whose first letter opens no bucket is passed over with one look-up).
const OPENERS = perLanguage(({ language: lang }) => {
  const table = new Uint8Array(0x10000);
  for (const k of MATCHERS[lang].keys()) {
    if (k < 65536) table[k] |= 1;
    else table[Math.floor(k / 65536)] |= 2;
  }
  return table;
});

// At each word that begins with the first letter of some form, the matchers of its bucket are tried;
// after a match the scan goes on from its end.
function matchPlaces(lang: Lang, key: string): RegExpExecArray[] {
  if (hasSurrogates(key)) return matchPlacesByRegex(lang, key);
  const keys = MATCHERS[lang];
  const openers = OPENERS[lang];
  const out: RegExpExecArray[] = [];
  const n = key.length;
  for (let i = 0; i < n; ) {
    const c = key.charCodeAt(i);
    if (!isWordCode(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordCode(key.charCodeAt(j))) j++;
    // only a word's first letter opens a form, and only one a bucket is keyed by
    const first = openers[c];
    const opens =
      first !== 0 && (i === 0 || !isWordCode(key.charCodeAt(i - 1))) && ((first & 1) !== 0 || (j > i + 1 && (first & 2) !== 0 && keys.has(c * 65536 + key.charCodeAt(i + 1))));
    const m = opens ? matchAt(lang, key, i, j) : null;
    if (m && m[0].length) {
      out.push(m);
      i += m[0].length;
    } else i = j;
  }
  return out;
}

// The same scan by regex, for a text with astral characters.
function matchPlacesByRegex(lang: Lang, key: string): RegExpExecArray[] {
  const starts = STARTS[lang];
  const out: RegExpExecArray[] = [];
  starts.lastIndex = 0;
  let s: RegExpExecArray | null;
  while ((s = starts.exec(key))) {
    if (s.index > 0 && WORD_CHAR.test(key[s.index - 1])) continue;
    const m = matchAt(lang, key, s.index, s.index + s[0].length);
    if (m && m[0].length) {
      out.push(m);
      starts.lastIndex = m.index + m[0].length;
    }
  }
  return out;
}

const OURS = perLanguage((p) => p.cues.ours);

// A lexicon entry as a regex source: key() spelling, a space any whitespace, a trailing `*` (or one before a
// space) any ending.
const entry = (w: string) => w.split(/(?<=\p{L})\*/u).map(rx).join('\\p{L}*');
const alternatives = (list: readonly string[]) => `(?:${list.map(entry).join('|')})`;
const everyPack = <T>(pick: (p: (typeof PACKS)[Lang]['places']) => readonly T[]) => LANGUAGES.flatMap((l) => pick(PACKS[l].places));
// Place names by English name → the words around them, every pack's together.
function byPlace(pick: (p: (typeof PACKS)[Lang]['places']) => Readonly<Record<string, readonly string[]>>, wrap: (alts: string) => string): Map<string, RegExp> {
  const lists = new Map<string, string[]>();
  for (const lang of LANGUAGES) for (const [name, words] of Object.entries(pick(PACKS[lang].places))) lists.set(name, [...(lists.get(name) ?? []), ...words]);
  return new Map([...lists].map(([name, words]) => [name, new RegExp(wrap(alternatives(words)), 'u')]));
}

// "in X", and "capital of X" (Amman, the capital of Jordan, hosts but does not act); any language's words on any item.
const BOUNDARY = `(?:^|[\\s(«"'“,،])`;
const articles = everyPack((p) => p.topicArticles);
const TOPIC = new RegExp(`${BOUNDARY}${alternatives(everyPack((p) => p.topicBefore))}\\s${articles.length ? `(?:${alternatives(articles)}\\s)?` : ''}$`, 'u');
// A report's source, not its subject: «به نقل از خبرگزاری آلمان», "according to the German news agency",
// «со ссылкой на немецкое агентство» (a news agency that signs an MoU itself is named without these words).
const MEDIA_BEFORE = perLanguage((p) => p.cues.mediaBefore);
const MEDIA_AFTER = perLanguage((p) => p.cues.mediaAfter);
const LOCATIVE = new RegExp(`${BOUNDARY}${alternatives(everyPack((p) => p.locativeBefore))}\\s$`, 'u');
// "on Afghanistan and Syria": the words between two items of a list
const LIST_GAP = new RegExp(`^\\s*(?:,|${alternatives(everyPack((p) => p.listWords))})?\\s*$`, 'u');
// the Shanghai Cooperation Organization («سازمان همکاری شانگهای», ШОС) is not Shanghai
const PART_OF = byPlace((p) => p.partOf, (alts) => alts);
// "Nursultan Nazarbayev" is a person, Nur-Sultan (Astana, 2019–2022) a city
const NAME_BEFORE = byPlace((p) => p.nameBefore, (alts) => `^\\s+${alts}`);

const keyOf = (w: string) => keyText(w).key;
const keySet = (list: readonly string[]) => new Set(list.map(keyOf));

// Each language's rules, built once.
interface PlaceRules {
  capitalised: boolean;
  otherBefore: RegExp | null;
  /** By a form's key(); '*' for any form. */
  otherAfter: Map<string, RegExp>;
  homonyms: { surface: string; nounsAfter: Set<string>; code: string }[];
  weekdayCities: { surface: string; before: Set<string>; after: Set<string>; in: Set<string>; country: string[] }[];
  directionEndings: readonly string[];
}
const RULES = perLanguage((pack): PlaceRules => {
  const p = pack.places;
  return {
    capitalised: p.capitalised,
    otherBefore: p.otherPlaceBefore.length ? new RegExp(`^${alternatives(p.otherPlaceBefore)}$`, 'u') : null,
    otherAfter: new Map(Object.entries(p.otherPlaceAfter).map(([form, words]) => [form === '*' ? '*' : keyOf(form), new RegExp(`^\\s+${alternatives(words)}`, 'u')])),
    homonyms: p.homonyms.map((h) => ({
      surface: keyOf(h.form),
      nounsAfter: keySet(h.nounsAfter),
      code: entries[pack.language].get(flat(keyOf(h.form)))?.place.code ?? '',
    })),
    weekdayCities: pack.dates.weekdayCities.map((w) => ({ surface: keyOf(w.weekday), before: keySet(w.before), after: keySet(w.after), in: keySet(w.in), country: w.country.map(keyOf) })),
    directionEndings: p.directionEndings,
  };
});

// The words around a mention, read by hand over code units: `[\s،,]*` then a run of `[\p{L}\p{M}]`, within
// 40 characters; a surrogate where the scan stops sends it to the regex (astral letters are not in the tables).
const LETTER_OR_MARK = new Uint8Array(0x10000); // 0 not known yet, 1 \p{L}\p{M}, 2 not
const LETTER_OR_MARK_RE = /^[\p{L}\p{M}]$/u;
function isLetterOrMark(c: number): boolean {
  let k = LETTER_OR_MARK[c];
  if (k === 0) LETTER_OR_MARK[c] = k = LETTER_OR_MARK_RE.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}
/** `[\s،,]` */
const isGapCode = (c: number) => c === 0x2c || c === 0x060c || isSpaceCode(c);
// LOCATIVE and TOPIC end in `\s$`: no white space before a mention, no match
const spaceBefore = (key: string, start: number) => start > 0 && isSpaceCode(key.charCodeAt(start - 1));

function nextWord(key: string, end: number): string {
  const to = Math.min(key.length, end + 40);
  let i = end;
  while (i < to && isGapCode(key.charCodeAt(i))) i++;
  let j = i;
  while (j < to && isLetterOrMark(key.charCodeAt(j))) j++;
  if (j < to && isSurrogateCode(key.charCodeAt(j))) {
    const m = /^[\s،,]*([\p{L}\p{M}]+)/u.exec(key.slice(end, end + 40));
    return m ? m[1] : '';
  }
  return key.slice(i, j);
}
function prevWord(key: string, start: number): string {
  const from = Math.max(0, start - 40);
  let i = start;
  while (i > from && isGapCode(key.charCodeAt(i - 1))) i--;
  let j = i;
  while (j > from && isLetterOrMark(key.charCodeAt(j - 1))) j--;
  if (j > from && isSurrogateCode(key.charCodeAt(j - 1))) {
    const m = /([\p{L}\p{M}]+)[\s،,]*$/u.exec(key.slice(from, start));
    return m ? m[1] : '';
  }
  return key.slice(j, i);
}

function lookup(lang: Lang, matched: string): Entry | null {
  for (const m of multiStems[lang]) if (m.re.test(matched)) return m.entry;
  const f = flat(matched);
  for (let n = f.length; n > 0; n--) {
    const e = entries[lang].get(f.slice(0, n));
    if (e) return e;
  }
  return null;
}

/**
 * Finds country and city mentions in `key` (a key() string). `source` is the original text, used for
 * English capitalisation; `map` gives each key index's original offset.
 */
export function findMentions(
  key: string,
  lang: Lang,
  publisherCountry: string | null,
  originalAt: (keyIndex: number) => string,
): Mention[] {
  const rules = RULES[lang];
  const out: Mention[] = [];
  const matches: RegExpExecArray[] = [];
  matches.push(...matchPlaces(lang, key));
  let m: RegExpExecArray | null;
  for (const match of matches) {
    const start = match.index;
    m = match;
    const end = start + m[0].length;
    const e = lookup(lang, m[0]);
    if (!e) continue;
    if (e.exactCase) {
      let orig = '';
      for (let i = start; i < end; i++) orig += originalAt(i);
      if (flat(orig) !== flat(e.exactCase)) continue;
    } else if (rules.capitalised) {
      const first = originalAt(start);
      if (first !== first.toUpperCase()) continue;
    }
    // "Latin America", «دریای عمان»: a word before makes another place (but "the new British ambassador" is British)
    const prev = prevWord(key, start);
    if (rules.otherBefore?.test(prev) && (!rules.capitalised || (!e.place.city && /\p{Lu}/u.test(originalAt(key.lastIndexOf(prev, start)))))) continue;
    const after = rules.otherAfter.get(e.surface) ?? rules.otherAfter.get('*');
    if (after?.test(key.slice(end, end + 20))) continue;
    // «دوشنبه» is Monday unless the words around it make it the city
    const weekday = rules.weekdayCities.find((w) => w.surface === e.surface);
    if (weekday) {
      const next = nextWord(key, end);
      if (!weekday.before.has(prev) && !weekday.after.has(next) && !(weekday.in.has(prev) && weekday.country.some((c) => key.includes(c)))) continue;
    }
    if (rules.homonyms.some((h) => h.surface === e.surface && h.nounsAfter.has(nextWord(key, end)))) continue;
    if (PART_OF.get(e.place.name)?.test(key.slice(Math.max(0, start - 24), end + 24))) continue;
    if (e.place.city && NAME_BEFORE.get(e.place.name)?.test(key.slice(end, end + 16))) continue;
    const before = key.slice(Math.max(0, start - 20), start);
    // «в Индию» (accusative) is a direction, «в Индии» a place: a country something goes to is not merely a host
    const direction = !e.place.city && rules.directionEndings.some((x) => m![0].endsWith(x));
    // «به نقل از خبرگزاری آلمان», "the German news agency": the source of a report, not a party to it
    const source = MEDIA_BEFORE[lang].test(key.slice(Math.max(0, start - 40), start)) || MEDIA_AFTER[lang].test(key.slice(end, end + 24));
    out.push({ place: e.place, start, end, locative: spaceBefore(key, start) && LOCATIVE.test(before) && !direction, ours: false, topic: source || (spaceBefore(key, start) && TOPIC.test(key.slice(Math.max(0, start - 24), start))) });
  }
  // "on Afghanistan and Syria": a topic list shares its first item's role
  for (let i = 1; i < out.length; i++) {
    if (out[i - 1].topic && !out[i].topic && LIST_GAP.test(key.slice(out[i - 1].end, out[i].start))) out[i].topic = true;
  }
  // «آستانه» is the city only in a text that names Kazakhstan otherwise.
  let filtered = out;
  for (const h of rules.homonyms) {
    if (!filtered.some((x) => x.place.code === h.code && !key.startsWith(h.surface, x.start))) filtered = filtered.filter((x) => !key.startsWith(h.surface, x.start));
  }
  if (publisherCountry) {
    const ours = OURS[lang];
    ours.lastIndex = 0;
    while ((m = ours.exec(key)) !== null) {
      const start = m.index;
      const before = key.slice(Math.max(0, start - 6), start);
      filtered.push({
        place: { code: publisherCountry, name: COUNTRY_NAMES.get(publisherCountry) ?? publisherCountry, city: false, capital: false },
        start,
        end: start + m[0].length,
        locative: spaceBefore(key, start) && LOCATIVE.test(before),
        ours: true,
        topic: false,
      });
    }
    filtered.sort((a, b) => a.start - b.start);
  }
  return filtered;
}
