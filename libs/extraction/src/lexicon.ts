// Builds matchers from lexicon entries written in ordinary spelling: non-ASCII letters go through the same
// key() as the text, `_` is an optional joint (ZWNJ, nothing or a space), ASCII stays regex syntax.
import { keyText } from './normalize.js';

export const LEFT = '(?<![\\p{L}\\p{M}\\p{N}])';
export const RIGHT = '(?![\\p{L}\\p{M}])';
// Persian suffixes glued on once ZWNJ is stripped (همکاریهای، کشورمان، تفاهمنامهای).
export const FA_SUFFIX = '(?:ترین|های|شان|تان|مان|ها|ای|ان|ات|اش|تر|ش|م|ت|ی)';
export const FA_RIGHT = `${FA_SUFFIX}{0,2}${RIGHT}`;

/** Maps the non-ASCII characters of a regex source through key(); `_` becomes `\s?`, a space `\s+`. */
export function rx(source: string): string {
  let out = '';
  for (const ch of source) {
    if (ch === '_') out += '\\s?';
    else if (ch === ' ') out += '\\s+';
    else if (ch.charCodeAt(0) < 0x80) out += ch;
    else out += keyText(ch).key;
  }
  // 'a|b' is one unit wherever it is spliced in
  return source.includes('|') ? `(?:${out})` : out;
}

function refuseDuplicates(items: readonly string[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    const k = rx(item);
    if (seen.has(k)) throw new Error(`«${item}» is listed twice in one word list`);
    seen.add(k);
  }
}

function alternation(items: readonly string[]): string {
  return [...items].sort((a, b) => b.length - a.length).map(rx).join('|');
}

/**
 * A word-bounded alternation in list order, for English and Russian entries (regex syntax, no key()):
 * a `*` after a letter takes any ending («визит*» = визита, визитом …); an entry may be a regex fragment
 * where a word list cannot say it ("(?:held|hold) talks"). `right: false` lets the last word run on.
 */
export function terms(items: readonly string[], { right = true } = {}): string {
  refuseDuplicates(items);
  return `${LEFT}(?:${items.map((w) => w.replace(/(?<=\p{L})\*/gu, '\\p{L}*')).join('|')})${right ? RIGHT : ''}`;
}

/**
 * Persian phrases in list order, written in ordinary spelling: unlike words() they take no glued suffixes
 * unless `end` (what must follow, e.g. RIGHT or FA_RIGHT) allows them; with no `end` the last word may run on.
 */
export function phrases(items: readonly string[], end = ''): string {
  refuseDuplicates(items);
  return `${LEFT}(?:${rx(items.join('|'))})${end}`;
}

/** Tests one whole token against a list; an entry's trailing `*` takes any ending («министр*»). No `g`. */
export function wholeWord(items: readonly string[]): RegExp {
  refuseDuplicates(items);
  return new RegExp(`^(?:${items.map((w) => (w.endsWith('*') ? `${w.slice(0, -1)}\\p{L}*` : w)).join('|')})$`, 'u');
}

/** A word-bounded alternation; Persian entries accept glued suffixes. A word listed twice is refused. */
export function words(items: readonly string[], lang: 'fa' | 'en' | 'ru' = 'fa'): string {
  refuseDuplicates(items);
  return `${LEFT}(?:${alternation(items)})${lang === 'fa' ? FA_RIGHT : RIGHT}`;
}

// V8 cannot scan quickly for a pattern that starts with a lookbehind, so a regex whose every top-level
// alternative starts with LEFT also gets a twin without it; matching checks the left boundary by hand.
const FAST = new WeakMap<RegExp, RegExp>();

function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let last = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(last, i));
      last = i + 1;
    }
  }
  out.push(source.slice(last));
  return out;
}

export function compile(source: string, flags = 'gu'): RegExp {
  const re = new RegExp(source, flags);
  const alts = topLevelAlternatives(source);
  if (flags.includes('g') && !flags.includes('m') && alts.every((a) => a.startsWith(LEFT))) {
    FAST.set(re, new RegExp(alts.map((a) => a.slice(LEFT.length)).join('|'), flags));
  }
  return re;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

function leftBoundaryOk(text: string, i: number): boolean {
  if (i === 0) return true;
  let j = i - 1;
  const c = text.charCodeAt(j);
  if (c >= 0xdc00 && c <= 0xdfff && j > 0) j--;
  return !WORD_CHAR.test(String.fromCodePoint(text.codePointAt(j)!));
}

/** Calls `fn` for every match of a global regex in `text` from `from`, like a lastIndex loop, but faster. */
export function forEachMatch(re: RegExp, text: string, fn: (m: RegExpExecArray) => void, from = 0): void {
  // a regex without `g` keeps lastIndex at 0 and would match the same place forever
  if (!re.global) throw new Error(`forEachMatch needs a global regex: /${re.source.slice(0, 40)}…/${re.flags}`);
  const fast = FAST.get(re);
  const r = fast ?? re;
  r.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = r.exec(text))) {
    if (m[0].length === 0) {
      r.lastIndex++;
      continue;
    }
    if (fast && !leftBoundaryOk(text, m.index)) {
      r.lastIndex = m.index + 1;
      continue;
    }
    fn(m);
  }
}

/** Light verb endings: امضا کرد / کردند / کرده است / شد / رسید … */
export const FA_PERSON = '(?:ند|یم|ید|ه\\s+است|ه\\s+اند|ه\\s+بود|ه\\s+اند|م|ی|د|ه)?';

/**
 * A Persian compound verb from its noun and the past/present stems of its light verb, with the optional
 * prefixes (ن, می, نمی) and person endings: faVerb('امضا', ['کرد', 'شد']) finds «امضا کردند», «امضا نمی‌شود».
 */
export function faVerb(noun: string, stems: readonly string[]): string {
  return `${LEFT}${rx(noun)}\\s?(?:ن|می|نمی)?\\s?(?:${rx(stems.join('|'))})${FA_PERSON}${RIGHT}`;
}

export interface Hit {
  start: number;
  end: number;
}

export function allHits(re: RegExp, text: string, from = 0, to = text.length): Hit[] {
  const out: Hit[] = [];
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index >= to) break;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function firstHit(re: RegExp, text: string, from = 0, to = text.length): Hit | null {
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m || m.index >= to) return null;
  return { start: m.index, end: m.index + m[0].length };
}
