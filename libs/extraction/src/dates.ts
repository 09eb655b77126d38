// Dates in text: Solar Hijri and Gregorian, numeric and textual, and relative words resolved against the
// publication date. All positions are key() indices.
import { addDays, isoDate, jalaliToGregorian, gregorianToJalali, weekday } from './jalali.js';
import { type DayMonthForm, PACKS, perLanguage, type WeekdayCity } from './lang/index.js';
import { rx } from './lexicon.js';
import { keyText } from './normalize.js';
import type { Language } from './vocabulary.js';

export interface DateHit {
  start: number;
  end: number;
  /** YYYY-MM-DD, or null for a relative word with no publication date to resolve it against. */
  date: string | null;
  relative: boolean;
  /** The same words read forward, for an event still to come: "on Wednesday" → the next Wednesday, "11 April" → the next 11 April. */
  ahead: string | null;
}

/** Entries of a pack's list as alternatives of a regex, longest first (one entry cannot cut off a longer one). */
const alt = (list: readonly string[]) => [...list].map(rx).sort((a, b) => b.length - a.length).join('|');
/** How a matched entry is looked up: its key() spelling with no joints or spaces. */
const bare = (s: string) => s.replace(/[\s_]/g, '');
const keyOf = (form: string) => bare(keyText(form).key);

// Every pattern below opens with a number or a word, and its left boundary (no digit, no letter before it) is
// checked by hand: V8 scans quickly for a pattern that does not start with a lookbehind.
const ND = '(?![\\d/])';

/** A pattern that opens with a number: tried only where a number starts (see eachAtNumbers). */
interface AtNumbers {
  /** Sticky: whether it matches at a place (V8 answers a sticky test quickly, a sticky exec slowly). */
  at: RegExp;
  /** Global: the match itself, from that place. */
  re: RegExp;
}
const atNumbers = (source: string): AtNumbers => ({ at: new RegExp(source, 'uy'), re: new RegExp(source, 'gu') });
// y/m/d or d/m/y in digits; the year tells the calendar
const NUMERIC = atNumbers(`(\\d{4})\\s?([/.\\-])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{1,2})${ND}|(\\d{1,2})([./])(\\d{1,2})\\6(\\d{4})${ND}`);

interface DayMonth {
  form: DayMonthForm;
  /** Groups: day, month, year (the first two in the form's order). */
  re: RegExp;
  /** For a day-month form, which opens with its day. */
  numbered: AtNumbers | null;
  month: Map<string, number>;
  needYear: Set<string>;
}

function dayMonth(form: DayMonthForm): DayMonth {
  const opt = (list: readonly string[], after = '') => (list.length ? `(?:(?:${alt(list)})${after})?` : '');
  const gap = form.touching ? '\\s?' : '\\s';
  const day = `(\\d{1,2})${opt(form.ordinals)}`;
  const month = `(${alt(form.months.map(([m]) => m))})${form.dot ? '\\.?' : ''}${opt(form.monthWords.map((w) => `_${w}`))}`;
  const year = `(?:${form.yearComma ? ',?' : ''}\\s${opt(form.yearWords, '\\s')}(\\d{4})${ND})?`;
  const source =
    form.order === 'day-month'
      ? `${day}${gap}${opt(form.between, '\\s')}${month}(?![\\p{L}])${year}`
      : `${month}${gap}${opt(form.between, '\\s')}${day}(?![\\d\\p{L}])${year}`;
  return {
    form,
    re: new RegExp(source, 'gu'),
    numbered: form.order === 'day-month' ? atNumbers(source) : null,
    month: new Map(form.months.map(([m, n]) => [keyOf(m), n])),
    needYear: new Set(form.needYear.map(keyOf)),
  };
}

type Resolution = { days: number } | { weekday: number };

interface Relative {
  re: RegExp;
  /** What each word means, by its bare key. */
  meaning: Map<string, Resolution>;
  notDateAfter: RegExp | null;
  /** Weekdays that are also a city; `after` is tested on `afterLength` characters after the word. */
  cities: { weekday: string; after: RegExp; afterLength: number; before: RegExp; in: RegExp; country: string[] }[];
  /** How far back the words before a match are read: the longest word of those lists, its space and one more. */
  back: number;
}

function relative(lang: Language): Relative {
  const d = PACKS[lang].dates;
  const meaning = new Map<string, Resolution>();
  const groups: [readonly string[], (w: string) => Resolution][] = [
    [d.today, () => ({ days: 0 })],
    [d.yesterday, () => ({ days: -1 })],
    [d.dayBeforeYesterday, () => ({ days: -2 })],
    [d.weekdays.map(([w]) => w), (w) => ({ weekday: d.weekdays.find(([x]) => x === w)![1] })],
    [d.tomorrow, () => ({ days: 1 })],
  ];
  for (const [list, mean] of groups) for (const w of list) meaning.set(keyOf(w), mean(w));
  const all = groups.flatMap(([list]) => list);
  const city = (c: WeekdayCity) => ({
    weekday: keyOf(c.weekday),
    after: new RegExp(`^\\s?[,،]?\\s?(?:${alt(c.after)})`, 'u'),
    afterLength: Math.max(...c.after.map((w) => keyText(w).key.length)) + 3,
    before: new RegExp(`(?<![\\p{L}\\p{M}])(?:${alt(c.before)})\\s$`, 'u'),
    in: new RegExp(`(?<![\\p{L}\\p{M}])(?:${alt(c.in)})\\s$`, 'u'),
    country: c.country.map((w) => keyText(w).key),
  });
  return {
    re: new RegExp(`(?:${alt(all)})(?![\\p{L}])`, 'gu'),
    meaning,
    notDateAfter: d.notDateAfter.length ? new RegExp(`(?:${alt(d.notDateAfter)})\\s$`, 'u') : null,
    cities: d.weekdayCities.map(city),
    back: Math.max(0, ...[...d.notDateAfter, ...d.weekdayCities.flatMap((c) => [...c.before, ...c.in])].map((w) => keyText(w).key.length)) + 2,
  };
}

// \p{L} by UTF-16 code unit, learnt as met (0 not yet known, 1 a letter, 2 not)
const LETTER_CLASS = new Uint8Array(0x10000);
const P_L = /^\p{L}$/u;

/** Whether a letter (a code point of \p{L}) stands just before `i`. */
function letterBefore(key: string, i: number): boolean {
  if (i === 0) return false;
  const c = key.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const cp = key.codePointAt(i - 2)!;
    if (cp > 0xffff) return P_L.test(String.fromCodePoint(cp));
  }
  let k = LETTER_CLASS[c];
  if (k === 0) LETTER_CLASS[c] = k = P_L.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** Whether a digit or a date separator stands just before `i` (a number does not start inside another). */
function numberBefore(key: string, i: number): boolean {
  if (i === 0) return false;
  const c = key.charCodeAt(i - 1);
  return (c >= 0x30 && c <= 0x39) || c === 0x2f || c === 0x2e || c === 0x2d;
}

/** Every match of `re` (global) with nothing `before` it, as the pattern with that lookbehind finds them. */
function each(re: RegExp, key: string, before: (key: string, i: number) => boolean, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(key))) {
    if (before(key, m.index)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    fn(m);
  }
}

/** Where a number starts in `key`: a digit with no digit or date separator before it. */
function numberStarts(key: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39 && !numberBefore(key, i)) out.push(i);
  }
  return out;
}

/**
 * Every match of a pattern that opens with a digit, with no number before it: what `each(re, key,
 * numberBefore, fn)` finds, tried only at the starts of numbers (a match there is the global regex's
 * leftmost one from there).
 */
function eachAtNumbers({ at, re }: AtNumbers, key: string, starts: number[], fn: (m: RegExpExecArray) => void): void {
  let from = 0;
  for (const i of starts) {
    if (i < from) continue;
    at.lastIndex = i;
    if (!at.test(key)) continue;
    re.lastIndex = i;
    const m = re.exec(key)!;
    fn(m);
    from = i + m[0].length;
  }
}

interface Reader {
  dayMonth: DayMonth[];
  relative: Relative;
}

function reader(lang: Language): Reader {
  return { dayMonth: PACKS[lang].dates.dayMonth.map(dayMonth), relative: relative(lang) };
}

const READERS = perLanguage((pack) => reader(pack.language));

function numericDate(m: RegExpExecArray): string | null {
  if (m[1]) {
    const y = +m[1];
    const a = +m[3];
    const b = +m[4];
    if (y >= 1300 && y < 1500) return jalaliToGregorian(y, a, b);
    if (y >= 1900 && y < 2100) return isoDate(y, a, b);
    return null;
  }
  const y = +m[8];
  if (y >= 1900 && y < 2100) return isoDate(y, +m[7], +m[5]);
  if (y >= 1300 && y < 1500) return jalaliToGregorian(y, +m[7], +m[5]);
  return null;
}

// A yearless day-month is the latest such date not after publication (+ a week of slack for announcements).
function inferYear(make: (year: number) => string | null, years: number[], publishedAt: string | null): string | null {
  if (!publishedAt) return null;
  const limit = addDays(publishedAt, 7);
  for (const y of years) {
    const d = make(y);
    if (d && d <= limit) return d;
  }
  return null;
}

// Read forward: the earliest such date from the day before publication on.
function inferYearAhead(make: (year: number) => string | null, years: number[], publishedAt: string | null): string | null {
  if (!publishedAt) return null;
  const from = addDays(publishedAt, -1);
  for (const y of years) {
    const d = make(y);
    if (d && d >= from) return d;
  }
  return null;
}

/** Every absolute and relative date in `key`, in text order. */
export function findDates(key: string, lang: Language, publishedAt: string | null): DateHit[] {
  const { dayMonth, relative: rel } = READERS[lang];
  const out: DateHit[] = [];
  const push = (m: RegExpExecArray, date: string | null, relative = false, ahead: string | null = date) =>
    out.push({ start: m.index, end: m.index + m[0].length, date, relative, ahead });
  const starts = numberStarts(key);
  eachAtNumbers(NUMERIC, key, starts, (m) => {
    const d = numericDate(m);
    if (d) push(m, d);
  });
  const pubYear = publishedAt ? +publishedAt.slice(0, 4) : 0;
  const pubJy = publishedAt ? gregorianToJalali(publishedAt).jy : 0;
  for (const { form, re, numbered, month: months, needYear } of dayMonth) {
    const dayFirst = form.order === 'day-month';
    const solar = form.calendar === 'solarHijri';
    const make = (y: number, month: number, day: number) => (solar ? jalaliToGregorian(y, month, day) : isoDate(y, month, day));
    const thisYear = solar ? pubJy : pubYear;
    const read = (m: RegExpExecArray) => {
      const word = bare(dayFirst ? m[2] : m[1]);
      const month = months.get(word)!;
      const day = +(dayFirst ? m[1] : m[2]);
      if (m[3]) {
        const y = +m[3];
        const d = !solar || (y >= 1300 && y < 1500) ? make(y, month, day) : null;
        if (d) push(m, d);
      } else if (!needYear.has(word)) {
        const at = (y: number) => make(y, month, day);
        push(m, inferYear(at, [thisYear, thisYear - 1], publishedAt), false, inferYearAhead(at, [thisYear, thisYear + 1], publishedAt));
      }
    };
    if (numbered) eachAtNumbers(numbered, key, starts, read);
    else each(re, key, letterBefore, read);
  }
  each(rel.re, key, letterBefore, (m) => {
    if (out.some((h) => m.index >= h.start && m.index < h.end)) return;
    const before = key.slice(Math.max(0, m.index - rel.back), m.index);
    if (rel.notDateAfter?.test(before)) return;
    const word = bare(m[0]);
    for (const c of rel.cities) {
      if (word !== c.weekday) continue;
      const after = key.slice(m.index + m[0].length, m.index + m[0].length + c.afterLength);
      if (c.after.test(after) || c.before.test(before) || (c.in.test(before) && c.country.some((n) => key.includes(n)))) return;
    }
    const r = rel.meaning.get(word)!;
    let date: string | null = null;
    let ahead: string | null = null;
    if (publishedAt) {
      if ('days' in r) date = ahead = addDays(publishedAt, r.days);
      else {
        date = addDays(publishedAt, -((weekday(publishedAt) - r.weekday + 7) % 7));
        ahead = addDays(publishedAt, ((r.weekday - weekday(publishedAt) + 6) % 7) + 1);
      }
    }
    push(m, date, true, ahead);
  });
  // (in text order already when only one reader found dates)
  let sorted = true;
  for (let i = 1; i < out.length && sorted; i++) sorted = out[i - 1].start <= out[i].start;
  if (!sorted) out.sort((a, b) => a.start - b.start);
  // A weekday right before an absolute date ("Sunday, 13 April 2025") adds nothing.
  return out.filter((h, i) => !(h.relative && out[i + 1] && !out[i + 1].relative && out[i + 1].start - h.end <= 3));
}

const HEADER_LINES = 6;
// no `g`: tested line after line
const PUBLISHED_LABEL = new RegExp(`(?:${Object.values(PACKS).flatMap((p) => p.dates.publishedLabels).map(rx).join('|')})\\s?:?`, 'u');

/** The publication date from a short header line near the top (e.g. `1404/01/24 - 09:47`). */
export function findPublicationDate(key: string, lang: Language): DateHit | null {
  let pos = 0;
  let seen = 0;
  while (pos < key.length && seen < HEADER_LINES) {
    let nl = key.indexOf('\n', pos);
    if (nl < 0) nl = key.length;
    const line = key.slice(pos, nl);
    if (line.trim()) {
      seen++;
      const labelled = PUBLISHED_LABEL.test(line);
      if (line.length <= 60 || labelled) {
        const hits = findDates(line, lang, null).filter((h) => h.date && !h.relative);
        if (hits.length) {
          const h = hits[0];
          return { start: h.start + pos, end: h.end + pos, date: h.date, relative: h.relative, ahead: h.ahead };
        }
      }
    }
    pos = nl + 1;
  }
  return null;
}
