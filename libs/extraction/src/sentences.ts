// Sentence spans over a key() string: split at . ! ? ؟ and newlines, not inside numbers or after
// abbreviations (U.S., Mr.) or initials, which the language packs list.
import { PACKS } from './lang/index.js';
import { LANGUAGES } from './vocabulary.js';

export interface Span {
  start: number;
  end: number;
}

// (any language's abbreviations and initials on any item)
const ABBREVIATIONS = new Set(LANGUAGES.flatMap((l) => PACKS[l].page.abbreviations));
const INITIALS = new Set(LANGUAGES.flatMap((l) => PACKS[l].page.initials));

// (by code unit: `key[i]` would make a string of every Persian or Russian character)
const NEWLINE = 0x0a;
const FULL_STOP = 0x2e;
const ENDS = new Set([FULL_STOP, 0x21, 0x3f, 0x061f]); // . ! ? ؟
// what may follow an end: whitespace, or a closing quote or bracket (which the sentence takes)
const CLOSERS = new Set([0x22, 0x27, 0xbb, 0x201d, 0x29, 0x5d]); // " ' » ” ) ]
const WHITESPACE = /\s/;
const isSpace = (c: number) => c === 0x20 || WHITESPACE.test(String.fromCharCode(c));

export function splitSentences(key: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(key.charCodeAt(s))) s++;
    while (e > s && isSpace(key.charCodeAt(e - 1))) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(key.slice(s, e))) out.push({ start: s, end: e });
  };
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === NEWLINE) {
      push(i);
      start = i + 1;
      continue;
    }
    if (!ENDS.has(c)) continue;
    if (i + 1 < key.length) {
      const next = key.charCodeAt(i + 1);
      if (!isSpace(next) && !CLOSERS.has(next)) continue;
    }
    if (c === FULL_STOP) {
      const m = /([\p{L}.]+)$/u.exec(key.slice(Math.max(0, i - 6), i));
      const word = m ? m[1] : '';
      if (ABBREVIATIONS.has(word) || (word.length === 1 && INITIALS.has(word.toLowerCase()))) continue;
    }
    let end = i + 1;
    while (end < key.length && CLOSERS.has(key.charCodeAt(end))) end++;
    push(end);
    start = end;
    i = end - 1;
  }
  push(key.length);
  return out;
}
