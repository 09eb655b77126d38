// Dates in text: Solar Hijri and Gregorian, numeric and textual, and relative words resolved against the
// publication date. All positions are key() indices.
import { PACKS } from './lang/index.js';
import { compile, rx } from './lexicon.js';

// Persian words in ordinary spelling, one alternative each
const alt = (words: readonly string[]) => words.map(rx).join('|');
import { addDays, isoDate, jalaliToGregorian, gregorianToJalali, weekday } from './jalali.js';
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

const FA = PACKS.fa.dates;
const EN = PACKS.en.dates;
const RU = PACKS.ru.dates;
const RU_MONTHS = RU.months.map(([m]) => m);

const faMonthKey = new Map<string, number>(FA.solarHijriMonths.map((m, i) => [rx(m), i + 1]));
const faGregKey = new Map<string, number>(FA.months.map(([m, n]) => [rx(m), n]));
const enMonth = new Map<string, number>(EN.months);

const D = '(?<![\\d/.\\-])';
const ND = '(?![\\d/])';
const NUMERIC = compile(`${D}(\\d{4})\\s?([/.\\-])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{1,2})${ND}|${D}(\\d{1,2})([./])(\\d{1,2})\\6(\\d{4})${ND}`);
// Jalali month names need a day number before them («مهر» is also the news agency).
const FA_TEXT = compile(
  `${D}(\\d{1,2})\\s?(?:ام\\s)?(${[...faMonthKey.keys()].join('|')})(?:\\s?ماه)?(?![\\p{L}])(?:\\s(?:سال\\s)?(\\d{4})${ND})?`,
);
const FA_GREG_TEXT = compile(`${D}(\\d{1,2})\\s(${[...faGregKey.keys()].join('|')})(?![\\p{L}])(?:\\s(?:سال\\s)?(\\d{4})${ND})?`);
const EN_MONTH_ALT = EN.months.map(([m]) => m).sort((a, b) => b.length - a.length).join('|');
const EN_DMY = compile(`${D}(\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?(${EN_MONTH_ALT})\\.?(?![\\p{L}])(?:,?\\s(\\d{4})${ND})?`);
const EN_MDY = compile(`(?<![\\p{L}])(${EN_MONTH_ALT})\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?(?![\\d\\p{L}])(?:,?\\s(\\d{4})${ND})?`);
const RU_TEXT = compile(`${D}(\\d{1,2})\\s(${RU_MONTHS.join('|')})(?:я|а|е)(?![\\p{L}])(?:\\s(\\d{4})${ND})?`);

const EN_WEEKDAYS = EN.weekdays.map(([w]) => w);
const FA_WEEKDAYS = FA.weekdays;
const RU_WEEKDAYS = RU.weekdays;

interface RelWord {
  re: RegExp;
  resolve: (m: RegExpExecArray) => { days?: number; weekday?: number } | null;
}

function relWords(lang: Language): RelWord {
  if (lang === 'fa') {
    const wd = FA_WEEKDAYS.map(([w]) => rx(w)).join('|');
    const re = compile(
      `(?<![\\p{L}])(?:(${alt(FA.today)})|(${alt(FA.yesterday)})|(${alt(FA.dayBeforeYesterday)})|(${wd})|(${alt(FA.tomorrow)}))(?![\\p{L}])`,
    );
    const wdMap = new Map(FA_WEEKDAYS.map(([w, n]) => [w.replace('_', ''), n]));
    return {
      re,
      resolve: (m) => {
        if (m[1]) return { days: 0 };
        if (m[2]) return { days: -1 };
        if (m[3]) return { days: -2 };
        if (m[5]) return { days: 1 };
        const n = wdMap.get(m[4].replace(/\s/g, ''));
        return n === undefined ? null : { weekday: n };
      },
    };
  }
  if (lang === 'ru') {
    const re = compile(`(?<![\\p{L}])(?:(${RU.today.join('|')})|(${RU.yesterday.join('|')})|(${RU.dayBeforeYesterday.join('|')})|(${RU_WEEKDAYS.map(([w]) => w).join('|')})|(${RU.tomorrow.join('|')}))(?![\\p{L}])`);
    const wdMap = new Map(RU_WEEKDAYS);
    return {
      re,
      resolve: (m) => (m[1] ? { days: 0 } : m[2] ? { days: -1 } : m[3] ? { days: -2 } : m[5] ? { days: 1 } : { weekday: wdMap.get(m[4]) ?? 0 }),
    };
  }
  const re = compile(`(?<![\\p{L}])(?:(${EN.today.join('|')})|(${EN.yesterday.join('|')})|(${EN_WEEKDAYS.join('|')})|(${EN.tomorrow.join('|')}))(?![\\p{L}])`);
  return {
    re,
    resolve: (m) => (m[1] ? { days: 0 } : m[2] ? { days: -1 } : m[4] ? { days: 1 } : { weekday: EN_WEEKDAYS.indexOf(m[3]) }),
  };
}
const REL: Record<Language, RelWord> = { fa: relWords('fa'), en: relWords('en'), ru: relWords('ru') };
const FA_FRIDAY_PRAYER = new RegExp(`${rx('نماز')}\\s$`, 'u');
const FA_DUSHANBE_CITY = new RegExp(`^\\s?،?\\s?${rx('پایتخت')}`, 'u');
const FA_DUSHANBE_BEFORE = new RegExp(`(?<![\\p{L}\\p{M}])(?:${rx('به|فرودگاه|شهر|وارد|مقصد')})\\s$`, 'u');
// «در دوشنبه» is the city in an item about Tajikistan (a weekday is «روز دوشنبه», or a bare «دوشنبه»)
const FA_IN = new RegExp(`(?<![\\p{L}\\p{M}])${rx('در')}\\s$`, 'u');
const FA_TAJIKISTAN = rx('تاجیکستان');

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
  const out: DateHit[] = [];
  const push = (m: RegExpExecArray, date: string | null, relative = false, ahead: string | null = date) =>
    out.push({ start: m.index, end: m.index + m[0].length, date, relative, ahead });
  let m: RegExpExecArray | null;
  NUMERIC.lastIndex = 0;
  while ((m = NUMERIC.exec(key))) {
    const d = numericDate(m);
    if (d) push(m, d);
  }
  const pubYear = publishedAt ? +publishedAt.slice(0, 4) : 0;
  if (lang === 'fa') {
    const pubJy = publishedAt ? gregorianToJalali(publishedAt).jy : 0;
    FA_TEXT.lastIndex = 0;
    while ((m = FA_TEXT.exec(key))) {
      const day = +m[1];
      const month = faMonthKey.get(m[2].replace(/\s/g, ''))!;
      if (m[3]) {
        const y = +m[3];
        const d = y >= 1300 && y < 1500 ? jalaliToGregorian(y, month, day) : null;
        if (d) push(m, d);
      } else {
        const make = (y: number) => jalaliToGregorian(y, month, day);
        push(m, inferYear(make, [pubJy, pubJy - 1], publishedAt), false, inferYearAhead(make, [pubJy, pubJy + 1], publishedAt));
      }
    }
    FA_GREG_TEXT.lastIndex = 0;
    while ((m = FA_GREG_TEXT.exec(key))) {
      const month = faGregKey.get(m[2])!;
      const day = +m[1];
      if (m[3]) {
        const d = isoDate(+m[3], month, day);
        if (d) push(m, d);
      } else {
        // «۲۸ اکتبر» with no year: «می» (May) is also a verb prefix, so only with a day before it, as here
        const make = (y: number) => isoDate(y, month, day);
        push(m, inferYear(make, [pubYear, pubYear - 1], publishedAt), false, inferYearAhead(make, [pubYear, pubYear + 1], publishedAt));
      }
    }
  } else if (lang === 'en') {
    for (const re of [EN_DMY, EN_MDY]) {
      re.lastIndex = 0;
      while ((m = re.exec(key))) {
        const dmy = re === EN_DMY;
        const day = +(dmy ? m[1] : m[2]);
        const month = enMonth.get(dmy ? m[2] : m[1])!;
        // "may 5" without a year is too often the modal verb
        if (!m[3] && (dmy ? m[2] : m[1]) === 'may') continue;
        if (m[3]) {
          const d = isoDate(+m[3], month, day);
          if (d) push(m, d);
        } else {
          const make = (y: number) => isoDate(y, month, day);
          push(m, inferYear(make, [pubYear, pubYear - 1], publishedAt), false, inferYearAhead(make, [pubYear, pubYear + 1], publishedAt));
        }
      }
    }
  } else {
    RU_TEXT.lastIndex = 0;
    while ((m = RU_TEXT.exec(key))) {
      const month = RU_MONTHS.indexOf(m[2]) + 1;
      // «ма» + я = мая; «март» + а = марта
      if (m[2] === 'ма' && !key.startsWith('мая', m.index + m[0].indexOf('ма'))) continue;
      const day = +m[1];
      if (m[3]) {
        const d = isoDate(+m[3], month, day);
        if (d) push(m, d);
      } else {
        const make = (y: number) => isoDate(y, month, day);
        push(m, inferYear(make, [pubYear, pubYear - 1], publishedAt), false, inferYearAhead(make, [pubYear, pubYear + 1], publishedAt));
      }
    }
  }
  const rel = REL[lang];
  rel.re.lastIndex = 0;
  while ((m = rel.re.exec(key))) {
    if (out.some((h) => m!.index >= h.start && m!.index < h.end)) continue;
    if (lang === 'fa') {
      const before = key.slice(Math.max(0, m.index - 8), m.index);
      if (FA_FRIDAY_PRAYER.test(before)) continue;
      if (m[4] && m[4].replace(/\s/g, '') === rx('دوشنبه')) {
        const after = key.slice(m.index + m[0].length, m.index + m[0].length + 12);
        if (FA_DUSHANBE_CITY.test(after) || FA_DUSHANBE_BEFORE.test(before) || (FA_IN.test(before) && key.includes(FA_TAJIKISTAN))) continue;
      }
      // a weekday followed by a date is part of that date
    }
    const r = rel.resolve(m);
    if (!r) continue;
    let date: string | null = null;
    let ahead: string | null = null;
    if (publishedAt) {
      if (r.days !== undefined) date = ahead = addDays(publishedAt, r.days);
      else if (r.weekday !== undefined) {
        date = addDays(publishedAt, -((weekday(publishedAt) - r.weekday + 7) % 7));
        ahead = addDays(publishedAt, ((r.weekday - weekday(publishedAt) + 6) % 7) + 1);
      }
    }
    push(m, date, true, ahead);
  }
  out.sort((a, b) => a.start - b.start);
  // A weekday right before an absolute date ("Sunday, 13 April 2025") adds nothing.
  return out.filter((h, i) => !(h.relative && out[i + 1] && !out[i + 1].relative && out[i + 1].start - h.end <= 3));
}

const HEADER_LINES = 6;
// no `g`: tested line after line
const PUBLISHED_LABEL = compile(`(?:${rx(FA.publishedLabels.join('|'))}|${[...EN.publishedLabels, ...RU.publishedLabels].join('|')})\\s?:?`, 'u');

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
      PUBLISHED_LABEL.lastIndex = 0;
      if (line.length <= 60 || labelled) {
        const hits = findDates(line, lang, null).filter((h) => h.date && !h.relative);
        if (hits.length) return { ...hits[0], start: hits[0].start + pos, end: hits[0].end + pos };
      }
    }
    pos = nl + 1;
  }
  return null;
}
