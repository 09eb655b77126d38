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

export function splitSentences(key: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(key[s])) s++;
    while (e > s && /\s/.test(key[e - 1])) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(key.slice(s, e))) out.push({ start: s, end: e });
  };
  for (let i = 0; i < key.length; i++) {
    const c = key[i];
    if (c === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '؟') continue;
    const next = key[i + 1];
    if (next !== undefined && !/[\s"'»”)\]]/.test(next)) continue;
    if (c === '.') {
      const m = /([\p{L}.]+)$/u.exec(key.slice(Math.max(0, i - 6), i));
      const word = m ? m[1] : '';
      if (ABBREVIATIONS.has(word) || (word.length === 1 && INITIALS.has(word.toLowerCase()))) continue;
    }
    let end = i + 1;
    while (end < key.length && /["'»”)\]]/.test(key[end])) end++;
    push(end);
    start = end;
    i = end - 1;
  }
  push(key.length);
  return out;
}
