// Country and city mentions. A mention knows its country, whether it is a city, and whether it is
// locative ("in X"), because a country that only hosts is not a party.
import { hasSurrogates, isWordCode } from './chars.js';
import { COUNTRY_LINES, CITY_LINES } from './gazetteer-data.js';
import { LEFT, RIGHT, compile, forEachMatch, rx } from './lexicon.js';
import { FA_RIGHT } from './lang/fa/morphology.js';
import { PACKS, perLanguage } from './lang/index.js';
import { keyText } from './normalize.js';
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

const entries: Record<Lang, Map<string, Entry>> = { fa: new Map(), en: new Map(), ru: new Map() };
// `lead`: the form's first word (its letters before any space, joint, dot or hyphen)
const sources: Record<Lang, { src: string; first: string; lead: string }[]> = { fa: [], en: [], ru: [] };
const multiStems: Record<Lang, { re: RegExp; entry: Entry }[]> = { fa: [], en: [], ru: [] };
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
  if (lang === 'fa') src = rx(form.replace(/ /g, '_')) + FA_RIGHT;
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
}

function build(lang: Lang): Map<string, Bucket> {
  const groups = new Map<string, { alts: string[]; leads: Set<string> }>();
  for (const { src, first, lead } of sources[lang]) {
    const group = groups.get(first) ?? { alts: [], leads: new Set<string>() };
    group.alts.push(src);
    group.leads.add(lead);
    groups.set(first, group);
  }
  const out = new Map<string, Bucket>();
  for (const [first, { alts, leads }] of groups) {
    out.set(first, { re: new RegExp(`(?:${alts.sort((a, b) => b.length - a.length).join('|')})`, 'uy'), leads: [...leads] });
  }
  return out;
}
const MATCHERS: Record<Lang, Map<string, Bucket>> = { fa: build('fa'), en: build('en'), ru: build('ru') };
// word starts whose letter begins some form
const STARTS: Record<Lang, RegExp> = Object.fromEntries(
  (['fa', 'en', 'ru'] as const).map((lang) => {
    const letters = new Set([...MATCHERS[lang].keys()].map((k) => k[0]));
    // (no lookbehind: V8 scans much faster without one; whether it is a word's start is checked by hand)
    return [lang, new RegExp(`[${[...letters].map((c) => c.replace(/[\]\\^-]/g, '\\$&')).join('')}][\\p{L}\\p{M}\\p{N}]*`, 'gu')];
  }),
) as Record<Lang, RegExp>;

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

// The buckets worth trying at a word, by the word (most words of an item recur in the next one).
const CANDIDATES: Record<Lang, Map<string, Bucket[]>> = { fa: new Map(), en: new Map(), ru: new Map() };
const MAX_CANDIDATE_WORDS = 50_000;

function bucketsFor(lang: Lang, word: string): Bucket[] {
  const memo = CANDIDATES[lang];
  let found = memo.get(word);
  if (found) return found;
  found = [];
  // forms are bucketed by their first two letters (one-letter forms under that letter)
  for (const bucket of [MATCHERS[lang].get(word.slice(0, 2)), MATCHERS[lang].get(word[0])]) {
    if (bucket && bucket.leads.some((lead) => word.startsWith(lead))) found.push(bucket);
  }
  if (memo.size >= MAX_CANDIDATE_WORDS) memo.clear();
  memo.set(word, found);
  return found;
}

function matchAt(lang: Lang, key: string, index: number, word: string): RegExpExecArray | null {
  for (const bucket of bucketsFor(lang, word)) {
    bucket.re.lastIndex = index;
    const m = bucket.re.exec(key);
    if (m) return m;
  }
  return null;
}

// The bucket keys as numbers (one letter, or two: first × 65536 + second), so a word that opens no bucket is
// passed over without cutting it out of the text.
const BUCKET_KEYS: Record<Lang, Set<number>> = Object.fromEntries(
  (['fa', 'en', 'ru'] as const).map((lang) => [lang, new Set([...MATCHERS[lang].keys()].map((k) => (k.length === 1 ? k.charCodeAt(0) : k.charCodeAt(0) * 65536 + k.charCodeAt(1))))]),
) as Record<Lang, Set<number>>;

// At each word that begins with the first letter of some form, the matchers of its bucket are tried;
// after a match the scan goes on from its end.
function matchPlaces(lang: Lang, key: string): RegExpExecArray[] {
  if (hasSurrogates(key)) return matchPlacesByRegex(lang, key);
  const keys = BUCKET_KEYS[lang];
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
    const opens = (i === 0 || !isWordCode(key.charCodeAt(i - 1))) && (keys.has(c) || (j > i + 1 && keys.has(c * 65536 + key.charCodeAt(i + 1))));
    const m = opens ? matchAt(lang, key, i, key.slice(i, j)) : null;
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
    const m = matchAt(lang, key, s.index, s[0]);
    if (m && m[0].length) {
      out.push(m);
      starts.lastIndex = m.index + m[0].length;
    }
  }
  return out;
}

const OURS = perLanguage((p) => p.cues.ours);

// "in X", and "capital of X" (Amman, the capital of Jordan, hosts but does not act).
const TOPIC = new RegExp(
  `(?:^|[\\s(«"'“,،])(?:on|about|over|regarding|concerning|including|such as|ranging from|(?:situation|developments|crisis|conflict|war|issue) (?:in|of)|${rx('درباره|در مورد|پیرامون|بحران|تحولات|وضعیت|مسئله|مساله|موضوع|اوضاع')}|о|об|по|вокруг|ситуаци\\p{L}* (?:в|на|вокруг))\\s(?:the\\s)?$`,
  'u',
);
// A report's source, not its subject: «به نقل از خبرگزاری آلمان», "according to the German news agency",
// «со ссылкой на немецкое агентство» (a news agency that signs an MoU itself is named without these words).
const MEDIA_BEFORE = perLanguage((p) => p.cues.mediaBefore);
const MEDIA_AFTER = perLanguage((p) => p.cues.mediaAfter);
const LOCATIVE = /(?:^|[\s(«"'“,،])(?:در|in|at|в|во|на территории|پایتخت|در خاک|capital of|on the territory of|столиц\p{L}*)\s$/u;
// «آستانه» is "on the eve of / threshold of" before these nouns.
const EVE_NOUNS = new Set(
  [
    'سفر', 'نوروز', 'ولادت', 'میلاد', 'سال', 'سالروز', 'سالگرد', 'برگزاری', 'انتخابات', 'عید', 'ماه', 'روز', 'هفته',
    'جشن', 'آغاز', 'شروع', 'ورود', 'دیدار', 'اجلاس', 'نشست', 'فصل', 'شهادت', 'رحلت', 'تحویل', 'بازگشایی',
    'مسابقات', 'جام', 'فرارسیدن', 'فرا', 'ایام', 'دهه', 'افتتاح', 'اعزام', 'تحمل', 'ورشکستگی', 'فروپاشی', 'جنگ',
    'امضا', 'امضای', 'انعقاد', 'انتشار', 'قرن', 'هزاره', 'سده', 'مراسم', 'جشنواره', 'اربعین', 'محرم', 'رمضان',
    'کنفرانس', 'همایش', 'نمایشگاه', 'پایان', 'اتمام', 'خطر', 'بحران', 'ورود', 'تصویب', 'تولد', 'ازدواج', 'رسیدن',
  ].map((w) => keyText(w).key),
);
const DUSHANBE_BEFORE = new Set(['به', 'فرودگاه', 'شهر', 'وارد', 'مقصد'].map((w) => keyText(w).key));

function nextWord(key: string, end: number): string {
  const m = /^[\s،,]*([\p{L}\p{M}]+)/u.exec(key.slice(end, end + 40));
  return m ? m[1] : '';
}
function prevWord(key: string, start: number): string {
  const m = /([\p{L}\p{M}]+)[\s،,]*$/u.exec(key.slice(Math.max(0, start - 40), start));
  return m ? m[1] : '';
}

const FA_ASTANA = keyText('آستانه').key;
const FA_DUSHANBE = keyText('دوشنبه').key;
const FA_CAPITAL = keyText('پایتخت').key;
const FA_IN = keyText('در').key;
const FA_TAJIKISTAN = keyText('تاجیکستان').key;
const FA_EXCLUDE_AFTER: Record<string, RegExp> = {
  [keyText('آذربایجان').key]: new RegExp(`^\\s?(?:${rx('شرقی|غربی|غرب|شرق')})`, 'u'),
  [keyText('آمریکا').key]: new RegExp(`^(?:ی\\s)?\\s?(?:${rx('لاتین|جنوبی|شمالی|مرکزی')})`, 'u'),
  [keyText('امریکا').key]: new RegExp(`^(?:ی\\s)?\\s?(?:${rx('لاتین|جنوبی|شمالی|مرکزی')})`, 'u'),
};
const FA_EXCLUDE_BEFORE = new Set(['دریای', 'اقیانوس', 'استان', 'دریا'].map((w) => keyText(w).key));
const EN_EXCLUDE_BEFORE = new Set(['latin', 'south', 'north', 'central', 'new']);
const EN_EXCLUDE_AFTER = /^\s+(?:ocean|gulf|sea|peninsula|subcontinent)/;
const SCO = new RegExp(`shanghai cooperation|${keyText('همکاری شانگهای').key}|шанхайск\\p{L}* организаци`, 'u');
const NAZARBAYEV = new RegExp(`^\\s+(?:nazarbay|${keyText('نظربای').key}|${keyText('نظربا').key}|назарбаев)`, 'u');

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
    if (lang === 'en') {
      if (e.exactCase) {
        let orig = '';
        for (let i = start; i < end; i++) orig += originalAt(i);
        if (flat(orig) !== flat(e.exactCase)) continue;
      } else {
        const first = originalAt(start);
        if (first !== first.toUpperCase()) continue;
      }
      // "New England", "Latin America": a capitalised word before makes another place (but "the new British ambassador" is British)
      const before = prevWord(key, start);
      if (EN_EXCLUDE_BEFORE.has(before) && !e.place.city && /\p{Lu}/u.test(originalAt(key.lastIndexOf(before, start)))) continue;
      if (EN_EXCLUDE_AFTER.test(key.slice(end, end + 20))) continue;
    } else if (e.exactCase) {
      let orig = '';
      for (let i = start; i < end; i++) orig += originalAt(i);
      if (flat(orig) !== flat(e.exactCase)) continue;
    }
    if (lang === 'fa') {
      const after = FA_EXCLUDE_AFTER[e.surface];
      if (after && after.test(key.slice(end, end + 20))) continue;
      const prev = prevWord(key, start);
      if (FA_EXCLUDE_BEFORE.has(prev)) continue;
      if (e.surface === FA_DUSHANBE) {
        const next = nextWord(key, end);
        // («در دوشنبه» too, in an item about Tajikistan)
        if (!DUSHANBE_BEFORE.has(prev) && next !== FA_CAPITAL && !(prev === FA_IN && key.includes(FA_TAJIKISTAN))) continue;
      }
      if (e.surface === FA_ASTANA && EVE_NOUNS.has(nextWord(key, end))) continue;
    }
    if (lang === 'ru' && /латинск\p{L}*\s$/u.test(key.slice(Math.max(0, start - 14), start))) continue;
    // the Shanghai Cooperation Organization («سازمان همکاری شانگهای», ШОС) is not Shanghai
    if (e.place.name === 'Shanghai' && SCO.test(key.slice(Math.max(0, start - 24), end + 24))) continue;
    // "Nursultan Nazarbayev" is a person, Nur-Sultan (Astana, 2019–2022) a city
    if (e.place.code === 'KZ' && e.place.city && NAZARBAYEV.test(key.slice(end, end + 16))) continue;
    const before = key.slice(Math.max(0, start - 20), start);
    // «в Индию» (accusative) is a direction, «в Индии» a place: a country something goes to is not merely a host
    const direction = lang === 'ru' && !e.place.city && /(?:ию|ую|у|ю)$/u.test(m[0]);
    // «به نقل از خبرگزاری آلمان», "the German news agency": the source of a report, not a party to it
    const source = MEDIA_BEFORE[lang].test(key.slice(Math.max(0, start - 30), start)) || MEDIA_AFTER[lang].test(key.slice(end, end + 24));
    out.push({ place: e.place, start, end, locative: LOCATIVE.test(before) && !direction, ours: false, topic: source || TOPIC.test(key.slice(Math.max(0, start - 24), start)) });
  }
  // "on Afghanistan and Syria": a topic list shares its first item's role
  for (let i = 1; i < out.length; i++) {
    if (out[i - 1].topic && !out[i].topic && /^\s*(?:,|and|or|و|и|или)?\s*$/u.test(key.slice(out[i - 1].end, out[i].start))) out[i].topic = true;
  }
  // «آستانه» is the city only in a text about Kazakhstan.
  const hasKz = out.some((x) => x.place.code === 'KZ' && !(lang === 'fa' && key.slice(x.start, x.end).startsWith(FA_ASTANA)));
  const filtered = hasKz ? out : out.filter((x) => !(lang === 'fa' && key.startsWith(FA_ASTANA, x.start)));
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
        locative: LOCATIVE.test(before),
        ours: true,
        topic: false,
      });
    }
    filtered.sort((a, b) => a.start - b.start);
  }
  return filtered;
}
