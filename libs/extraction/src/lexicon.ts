// Builds matchers from lexicon entries written in ordinary spelling: non-ASCII letters go through the same
// key() as the text, `_` is an optional joint (ZWNJ, nothing or a space), ASCII stays regex syntax.
import { hasSurrogates, isWordCode } from './chars.js';
import { keyText } from './normalize.js';

export const LEFT = '(?<![\\p{L}\\p{M}\\p{N}])';
export const RIGHT = '(?![\\p{L}\\p{M}])';

/** Maps the non-ASCII characters of a regex source through key(); `_` becomes `\s?`, a space `\s+`. */
export function rx(source: string): string {
  let out = '';
  for (const ch of source) {
    if (ch === '_') out += '\\s?';
    else if (ch === ' ') out += '\\s+';
    else if (ch.charCodeAt(0) < 0x80) out += ch;
    else out += keyedChar(ch);
  }
  // 'a|b' is one unit wherever it is spliced in
  return source.includes('|') ? `(?:${out})` : out;
}

// (each character keyed once: called per character of every lexicon entry, key() would be optimised for
// one-letter texts at load and compiled again for the first item)
const KEYED = new Map<string, string>();

function keyedChar(ch: string): string {
  let k = KEYED.get(ch);
  if (k === undefined) KEYED.set(ch, (k = keyText(ch).key));
  return k;
}

/**
 * An alternation of lexicon entries as a regex source, `(?:…)`, with no boundaries: key() spelling, a space any
 * whitespace, a `*` after a letter any ending («данн*», «шанхайск* организаци»). null for no entries.
 */
export function alternativesOf(items: readonly string[]): string | null {
  if (!items.length) return null;
  return `(?:${items.map((w) => w.split(/(?<=\p{L})\*/u).map(rx).join('\\p{L}*')).join('|')})`;
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
 * unless `end` (what must follow, e.g. RIGHT, or the Persian word end of lang/fa/morphology.ts) allows them; with no `end` the last word may run on.
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

/**
 * A word-bounded alternation, longest entry first; `end` is what must follow (a language's glued suffixes and
 * RIGHT: lang/fa/morphology.ts). A word listed twice is refused.
 */
export function words(items: readonly string[], end = RIGHT): string {
  refuseDuplicates(items);
  return `${LEFT}(?:${alternation(items)})${end}`;
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

// A scan for a long alternation in `u` mode is slow, and most of them find nothing in an item. A word-bounded
// alternative whose every match must begin with one of a few literal strings (its words' openings) is instead
// looked for only at the words of the text that begin so, found through an index of the text's word starts;
// the regex's other alternatives (no literal opening, another left context) are found by a scan for them
// alone, their lookbehinds left out. The regex is then tried, sticky, at those places only, in order.
interface Openings {
  /** Literal openings, each starting with a word character. */
  literals: Opening[];
  /** The regex (its fast twin when every alternative opens with a literal), sticky: tried at one place. */
  at: RegExp;
  /** The places the other alternatives may match (a superset), or null. */
  rest: RegExp | null;
  /** LEADS.size once its leads were added: an index built before knows none of them. */
  version: number;
}
interface Opening {
  literal: string;
  /** Its word characters before the first other one: every word it opens begins so. */
  lead: string;
}

// The leads of every regex's openings, and for each word met, the leads it begins with (most words of an item
// recur in the next one; the memo is emptied when it grows large or a lead is added).
const LEADS = new Set<string>();
let longestLead = 0;
const WORD_LEADS = new Map<string, string[]>();
const MAX_MEMO_WORDS = 50_000;

function openingsOf(literals: string[]): Opening[] {
  return [...new Set(literals)].map((literal) => {
    let n = 1;
    while (n < literal.length && isWordCode(literal.charCodeAt(n))) n++;
    const lead = literal.slice(0, n);
    if (!LEADS.has(lead)) {
      LEADS.add(lead);
      longestLead = Math.max(longestLead, n);
      WORD_LEADS.clear();
    }
    return { literal, lead };
  });
}

function leadsOf(word: string): string[] {
  let found = WORD_LEADS.get(word);
  if (found) return found;
  found = [];
  for (let n = 1; n <= word.length && n <= longestLead; n++) {
    const prefix = word.slice(0, n);
    if (LEADS.has(prefix)) found.push(prefix);
  }
  if (WORD_LEADS.size >= MAX_MEMO_WORDS) WORD_LEADS.clear();
  WORD_LEADS.set(word, found);
  return found;
}
const OPENINGS = new WeakMap<RegExp, Openings>();

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

export function compile(source: string, flags = 'gu'): RegExp {
  const re = new RegExp(source, flags);
  if (!flags.includes('g') || flags.includes('m')) return re;
  const alts = topLevelAlternatives(source);
  const bounded = alts.every((a) => a.startsWith(LEFT));
  if (bounded) FAST.set(re, new RegExp(alts.map((a) => a.slice(LEFT.length)).join('|'), flags));
  if (flags !== 'gu') return re;
  const literals: string[] = [];
  const rest: string[] = [];
  for (const alt of alts) {
    const found = alt.startsWith(LEFT) ? leadingLiterals(alt.slice(LEFT.length)) : null;
    if (found && found.every((l) => isWordCode(l.charCodeAt(0)))) literals.push(...found);
    else rest.push(withoutLookbehinds(alt));
  }
  if (!literals.length) return re;
  // (every candidate of a literal is a word start, so the left boundary holds)
  const at = rest.length ? new RegExp(source, 'uy') : new RegExp(alts.map((a) => a.slice(LEFT.length)).join('|'), 'uy');
  OPENINGS.set(re, { literals: openingsOf(literals), at, rest: rest.length ? new RegExp(rest.join('|'), 'gu') : null, version: LEADS.size });
  return re;
}

// An alternative without its leading lookbehinds matches at least where it did.
function withoutLookbehinds(alt: string): string {
  while (/^\(\?<[=!]/.test(alt)) {
    const end = groupEnd(alt, 0);
    if (end < 0) break;
    alt = alt.slice(end);
  }
  return alt;
}

// Every place a regex matches at (not only where its successive matches start).
function matchStarts(re: RegExp, text: string, from: number): number[] {
  const out: number[] = [];
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push(m.index);
    re.lastIndex = m.index + 1;
  }
  return out;
}

/** Where the text's words start, by each lead (of a regex's openings) they begin with. */
export interface WordStarts {
  byLead: Map<string, number[]>;
  /** LEADS.size when it was built. */
  version: number;
}

/** The word starts of `text`, or null for a text with astral characters (those are matched by regex). */
export function wordStarts(text: string): WordStarts | null {
  if (hasSurrogates(text)) return null;
  const byLead = new Map<string, number[]>();
  const n = text.length;
  for (let i = 0; i < n; ) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordCode(text.charCodeAt(j))) j++;
    for (const lead of leadsOf(text.slice(i, j))) {
      const list = byLead.get(lead);
      if (list) list.push(i);
      else byLead.set(lead, [i]);
    }
    i = j;
  }
  return { byLead, version: LEADS.size };
}

// The word starts where one of the literals opens, in order.
function candidates(text: string, index: WordStarts, literals: Opening[]): number[] {
  let out: number[] = [];
  for (const { literal, lead } of literals) {
    const list = index.byLead.get(lead);
    if (!list) continue;
    let hits = list;
    if (literal !== lead) {
      hits = [];
      for (const i of list) if (text.startsWith(literal, i)) hits.push(i);
    }
    out = union(out, hits);
  }
  return out;
}

// Two ascending lists as one, without repeats.
function union(a: number[], b: number[]): number[] {
  if (!b.length) return a;
  if (!a.length) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (out.length === 0 || out[out.length - 1] !== x) out.push(x);
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

function leftBoundaryOk(text: string, i: number): boolean {
  if (i === 0) return true;
  let j = i - 1;
  const c = text.charCodeAt(j);
  if (c >= 0xdc00 && c <= 0xdfff && j > 0) j--;
  return !WORD_CHAR.test(String.fromCodePoint(text.codePointAt(j)!));
}

/**
 * Calls `fn` with the start and end of every match of a global regex in `text` from `from`, like a lastIndex loop, but faster.
 * `words` (the text's wordStarts) lets a word-bounded regex be tried only where its words begin.
 */
export function forEachMatch(re: RegExp, text: string, fn: (start: number, end: number) => void, from = 0, words: WordStarts | null = null): void {
  // a regex without `g` keeps lastIndex at 0 and would match the same place forever
  if (!re.global) throw new Error(`forEachMatch needs a global regex: /${re.source.slice(0, 40)}…/${re.flags}`);
  let m: RegExpExecArray | null;
  const openings = words ? OPENINGS.get(re) : undefined;
  if (openings && openings.version <= words!.version) {
    const { at, rest } = openings;
    let places = candidates(text, words!, openings.literals);
    if (rest) places = union(places, matchStarts(rest, text, from));
    let next = from;
    for (const i of places) {
      if (i < next) continue;
      // (sticky: a match ends at lastIndex; test() makes no match array)
      at.lastIndex = i;
      if (!at.test(text) || at.lastIndex === i) continue;
      next = at.lastIndex;
      fn(i, next);
    }
    return;
  }
  const fast = FAST.get(re);
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
    fn(m.index, m.index + m[0].length);
  }
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
