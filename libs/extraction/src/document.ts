// The analysed document every recogniser reads: the chrome-blanked key, sentences, place and date
// mentions, and a way back to exact original offsets for evidence.
import type { Mention } from './gazetteer.js';
import { forEachMatch, wordStarts, type WordStarts } from './lexicon.js';
import type { DateHit } from './dates.js';
import { addDays } from './jalali.js';
import { toOriginal, type KeyedText } from './normalize.js';
import type { Span } from './sentences.js';
import type { Evidence } from './types.js';
import type { Language } from './vocabulary.js';

export interface Doc {
  source: string;
  kt: KeyedText;
  /** key() with chrome blanked; same length as kt.key. */
  key: string;
  lang: Language;
  publisherCountry: string | null;
  /** Whose officials go unnamed: the publisher's country, else the country of the dateline's city. */
  home: string | null;
  /** 45 days before publication: older dated cues are background. */
  backgroundLimit?: string;
  /** Surnames (key form) of the people the item names with a country, filled on first use. */
  people?: Map<string, string>;
  publishedAt: string | null;
  title: Span | null;
  /** Body sentences (the title excluded). */
  sentences: Span[];
  /** The first body sentence of five words or more, filled on first use. */
  lead?: Span | null;
  mentions: Mention[];
  dates: DateHit[];
  /** Hits per regex over the whole key, filled on first use. */
  cache: Map<RegExp, Span[]>;
  /** Where the key's words start (null: matched by regex alone), filled on first use. */
  words?: WordStarts | null;
  /** Whether the key holds astral characters (its scanners then fall back to regexes), filled on first use. */
  astral?: boolean;
  /** remember()'s answers, per memo and span. */
  answers: Map<Memo<unknown>, Map<number, unknown>>;
}

export function evidence(doc: Doc, span: Span): Evidence {
  const { start, end } = toOriginal(doc.kt, span.start, span.end);
  return { start, end, text: doc.source.slice(start, end) };
}

// (text whose only spacing is single spaces reads the same tidied)
const UNTIDY = /[^\S ]|\u200c| {2}/;

export function originalText(doc: Doc, span: Span): string {
  const { start, end } = toOriginal(doc.kt, span.start, span.end);
  const text = doc.source.slice(start, end);
  if (!UNTIDY.test(text)) return text.trim();
  return text.replace(/[\s\u200c]+/g, (m) => (m.includes('\u200c') && !/\s/.test(m) ? m : ' ')).trim();
}

// (doc.mentions are in text order)
export function mentionsIn(doc: Doc, span: Span): Mention[] {
  const ms = doc.mentions;
  const out: Mention[] = [];
  for (let i = firstFrom(ms, span.start); i < ms.length && ms[i].start < span.end; i++) if (ms[i].end <= span.end) out.push(ms[i]);
  return out;
}

// Each regex runs once over the whole key; sentence queries then read the cached hits.
export function allHitsOf(doc: Doc, re: RegExp): Span[] {
  let hits = doc.cache.get(re);
  if (hits) return hits;
  const found: Span[] = [];
  if (doc.words === undefined) doc.words = wordStarts(doc.key);
  forEachMatch(re, doc.key, (start, end) => found.push({ start, end }), 0, doc.words);
  hits = found;
  doc.cache.set(re, hits);
  return hits;
}

// the first cached hit that starts at or after `from`
function firstFrom(hits: Span[], from: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// (most sentences have no hit of a given cue: they share one empty list, which no caller changes)
const NO_HITS: readonly Span[] = [];

export function hitsIn(doc: Doc, re: RegExp, span: Span): readonly Span[] {
  const hits = allHitsOf(doc, re);
  let out: Span[] | null = null;
  for (let i = firstFrom(hits, span.start); i < hits.length && hits[i].start < span.end; i++) if (hits[i].end <= span.end) (out ??= []).push(hits[i]);
  return out ?? NO_HITS;
}

export function hasHit(doc: Doc, re: RegExp, span: Span): boolean {
  const hits = allHitsOf(doc, re);
  for (let i = firstFrom(hits, span.start); i < hits.length && hits[i].start < span.end; i++) if (hits[i].end <= span.end) return true;
  return false;
}

// YEAR: /(?<!\d)(1[34]\d\d|19\d\d|20\d\d)(?!\d)/g
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** A cue dated well before publication ("in late November 2006", «سال ۱۳۹۸») is background to the news. */
export function background(doc: Doc, span: Span, h: Span): boolean {
  if (!doc.publishedAt) return false;
  const from = Math.max(span.start, h.start - 60);
  const to = Math.min(span.end, h.end + 40);
  const pubYear = +doc.publishedAt.slice(0, 4);
  // (YEAR over key.slice(from, to), by hand: a run of exactly four digits inside the slice)
  const key = doc.key;
  for (let i = from; i < to; ) {
    if (!isDigit(key.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to && isDigit(key.charCodeAt(j))) j++;
    if (j - i === 4) {
      const n = +key.slice(i, j);
      if ((n >= 1300 && n < 1500) || (n >= 1900 && n < 2100)) {
        // a Solar Hijri year runs into the next Gregorian one
        const y = n < 1500 ? n + 622 : n;
        if (y < pubYear) return true;
      }
    }
    i = j;
  }
  const limit = (doc.backgroundLimit ??= addDays(doc.publishedAt, -45));
  // a day and month with no year may be still to come ("is scheduled to visit Iran on April 11")
  return doc.dates.some((d) => !d.relative && d.date && d.start >= from && d.end <= to && d.date < limit && !(d.ahead && d.ahead >= doc.publishedAt!));
}

/**
 * A question about the spans of an item, named by this object: remember() keeps its answers on the item
 * (doc.answers). (Kept in a WeakMap keyed by the item, an item's answers outlived it until a full collection,
 * as the young-generation collector keeps ephemerons' values: that cost a third of extraction's time.)
 */
export interface Memo<T> {
  readonly name: string;
  /** (only types the answers) */
  readonly answer?: T;
}

export const memo = <T>(name: string): Memo<T> => ({ name });

/** `read(doc, span)`, computed once per item and span. */
export function remember<T>(doc: Doc, memo: Memo<T>, span: Span, read: (doc: Doc, span: Span) => T): T {
  let answers = doc.answers.get(memo) as Map<number, T> | undefined;
  if (!answers) doc.answers.set(memo, (answers = new Map()));
  const id = spanId(span);
  let answer = answers.get(id);
  if (answer === undefined) answers.set(id, (answer = read(doc, span)));
  return answer;
}

// (the key of an item's own answers)
const ITEM: Span = { start: 0, end: 0 };

/** `read(doc)`, computed once per item. */
export function rememberItem<T>(doc: Doc, memo: Memo<T>, read: (doc: Doc) => T): T {
  return remember(doc, memo, ITEM, read);
}

/** A span's id in the per-item caches (a key() is far shorter than 2^26 characters). */
export const spanId = (span: Span): number => span.start * 0x4000000 + span.end;
