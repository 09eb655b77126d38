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

// A scan for a long alternation in `u` mode is slow, and most of them find nothing in an item. A regex whose
// every match must begin with one of a few literal strings also gets a prefilter: a plain (non-`u`) regex for
// those strings finds the candidate places fast, and a sticky twin of the regex is tried only there.
interface Prefilter {
  /** Where a match can begin. */
  starts: RegExp;
  /** The regex (its fast twin, when it has one) tried at one place. */
  at: RegExp;
}
const PREFILTER = new WeakMap<RegExp, Prefilter>();

const QUANTIFIER = /^(?:[*+?]|\{\d*(?:,\d*)?\})\??/;
const LITERAL_ESCAPE = /^[.\\/\-()[\]{}|^$*+?,:'"«»،]$/;

/** Index just past the group opening at `i` (source[i] === '('). */
function groupEnd(source: string, i: number): number {
  let depth = 0;
  let inClass = false;
  for (let j = i; j < source.length; j++) {
    const c = source[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return -1;
}

/**
 * The literal strings one of which opens every match of `source` (a sequence of alternatives), or null when
 * some alternative can begin with anything else (a class, `\s`, an optional letter …).
 */
export function leadingLiterals(source: string): string[] | null {
  const out: string[] = [];
  for (const alt of topLevelAlternatives(source)) {
    const found = sequenceLiterals(alt);
    if (!found) return null;
    out.push(...found);
  }
  return out;
}

function sequenceLiterals(seq: string): string[] | null {
  let i = 0;
  let lit = '';
  while (i < seq.length) {
    const c = seq[i];
    if (c === '(') {
      const end = groupEnd(seq, i);
      if (end < 0) return null;
      const q = QUANTIFIER.exec(seq.slice(end));
      // a lookaround takes no text: before the first letter it only constrains, after it the literal ends
      if (/^\(\?<?[=!]/.test(seq.slice(i, i + 4))) {
        if (lit) break;
        if (q) return null;
        i = end;
        continue;
      }
      if (lit) break;
      if (q && !/^[+]|^\{[1-9]/.test(q[0])) return null;
      const inner = seq.slice(i + (seq[i + 1] === '?' ? 3 : 1), end - 1);
      if (/^\(\?<[^=!]/.test(seq.slice(i, i + 4))) return null;
      return leadingLiterals(inner);
    }
    let ch: string;
    let len = 1;
    if (c === '\\') {
      const e = seq[i + 1];
      if (e === 'b' && !lit) {
        i += 2;
        continue;
      }
      if (e === 'n') ch = '\n';
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(seq.slice(i + 2, i + 6))) {
        ch = String.fromCharCode(parseInt(seq.slice(i + 2, i + 6), 16));
        len = 6;
      } else if (e !== undefined && LITERAL_ESCAPE.test(e)) ch = e;
      else break;
      if (len === 1) len = 2;
    } else if ('.[^$|)*+?{'.includes(c)) break;
    else ch = c;
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) break;
    const q = QUANTIFIER.exec(seq.slice(i + len));
    if (q) {
      // "s?" / "\p{L}*": the letter may be missing, so the literal ends before it; "a+" holds it once
      if (/^[+]|^\{[1-9]/.test(q[0])) lit += ch;
      break;
    }
    lit += ch;
    i += len;
  }
  return lit ? [lit] : null;
}

const escapeLiteral = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function compile(source: string, flags = 'gu'): RegExp {
  const re = new RegExp(source, flags);
  const alts = topLevelAlternatives(source);
  let scan = source;
  if (flags.includes('g') && !flags.includes('m') && alts.every((a) => a.startsWith(LEFT))) {
    scan = alts.map((a) => a.slice(LEFT.length)).join('|');
    FAST.set(re, new RegExp(scan, flags));
  }
  if (flags === 'gu' || flags === 'g') {
    const literals = leadingLiterals(scan);
    if (literals) {
      const unique = [...new Set(literals)].sort((a, b) => b.length - a.length);
      PREFILTER.set(re, { starts: new RegExp(unique.map(escapeLiteral).join('|'), 'g'), at: new RegExp(scan, `${flags.replace('g', '')}y`) });
    }
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
  const pre = PREFILTER.get(re);
  let m: RegExpExecArray | null;
  if (pre) {
    const { starts, at } = pre;
    starts.lastIndex = from;
    let s: RegExpExecArray | null;
    while ((s = starts.exec(text))) {
      const i = s.index;
      at.lastIndex = i;
      m = at.exec(text);
      if (!m || m[0].length === 0 || (fast && !leftBoundaryOk(text, i))) {
        starts.lastIndex = i + 1;
        continue;
      }
      starts.lastIndex = i + m[0].length;
      fn(m);
    }
    return;
  }
  const r = fast ?? re;
  r.lastIndex = from;
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
