// Matching keys for people's names across Persian, Latin and Cyrillic spellings: «طالبی‌متین»,
// "Talebi-Matin" and «Талеби-Матин» all key as `tlbmtn`.
//
// Persian script writes no short vowels, and every script renders Persian sounds its own way (ق and غ
// are q, gh or г; خ is kh or х), so a key keeps only a consonant skeleton: each script is first brought to
// Latin letters (the language packs' tables for Persian and Cyrillic, lang/<code>/names.ts, tuned for how Persian,
// Russian and Central Asian names are written in each other's scripts; the `transliteration` package folds every other letter,
// diacritics included, to ASCII), then the sounds that scripts confuse share one letter and vowels go.
import { transliterate } from 'transliteration';
import { PACKS } from './lang/index.js';
import { LANGUAGES } from './vocabulary.js';

/** A name as its matching key: consonant skeletons of its words, titles and honorifics left out. */
export interface ActorNameKey {
  /** One skeleton per word of the name ("Ali Akbar Talebi-Matin" → ["l", "kbr", "tlbmtn"]). */
  tokens: string[];
  /** The skeletons run together ("lkbrtlbmtn"): spacing and hyphens differ between reports. */
  compact: string;
}

// Titles and honorifics, keyed as the words of a name are (lower case, Persian letters unified, ZWNJ gone);
// any language's on any name.
const TITLE_WORDS = new Set(LANGUAGES.flatMap((l) => PACKS[l].names.honorifics).map(wordKey));

// Scripts other than Latin, in the packs' order: a word is brought to Latin by the first whose letter it holds.
const SCRIPTS = LANGUAGES.flatMap((l) => PACKS[l].names.scripts);

// Latin spellings of one sound, in this order, to upper-case marks (so a later rule cannot re-read them):
// kh/х/خ and h/ح/ه are one letter, as are q, gh and g (ق, غ and г render each other), and dzh/dj/zh/j.
const LATIN_RULES: [RegExp, string][] = [
  [/x/g, 'KS'],
  [/dzh|dj|zh|j/g, 'J'],
  [/shch|sch|sh/g, 'X'],
  [/tch|ch/g, 'C'],
  [/kh/g, 'H'],
  [/gh|q/g, 'G'],
  [/ph/g, 'F'],
  [/ck|c/g, 'K'],
  [/w/g, 'V'],
];

const VOWELS = /[aeiouy]/g;
const APOSTROPHES = /['’ʼʻ`´]/g;

function wordKey(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200c\u200d\u200e\u200f\u0640\u064b-\u065f\u0670]/g, '')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/\.+$/, '');
}

/** One word's consonant skeleton, or '' when nothing of it is left (a vowel-only word). */
function skeleton(word: string): string {
  const script = SCRIPTS.find((s) => s.letters.test(word));
  let latin = script ? script.toLatin(word) : word;
  // Only now the package: it folds diacritics and other scripts to ASCII (ş, ç and ž are read above first).
  latin = latin.replace(/[şšçčž]/g, (c) => ({ ş: 'sh', š: 'sh', ç: 'ch', č: 'ch', ž: 'zh' })[c]!);
  latin = transliterate(latin).replace(APOSTROPHES, '');
  for (const [pattern, replacement] of LATIN_RULES) latin = latin.replace(pattern, replacement);
  latin = latin.toLowerCase().replace(/[^a-z]/g, '');
  // A final h is a vowel sign (زاده, Zadeh, Заде).
  return latin.replace(VOWELS, '').replace(/h$/, '').replace(/(.)\1+/g, '$1');
}

/**
 * The matching key of a person's name, titles and honorifics left out. Words are split on spaces; hyphens
 * and ZWNJ join (Talebi-Matin, طالبی‌متین are one word, and a report that dropped the ZWNJ keys the same).
 */
export function actorNameKey(name: string): ActorNameKey {
  const words = name
    .split(/[\s,()«»"“”]+/u)
    .map(wordKey)
    .filter((word) => word && !TITLE_WORDS.has(word));
  const tokens = words.map((word) => skeleton(word.replace(/[-‐‑–]/g, ''))).filter(Boolean);
  return { tokens, compact: tokens.join('') };
}

/** The shortest surname that may stand for a full name ("Zarif" for "Mohammad Javad Zarif"): three consonants. */
export const MIN_SURNAME_KEY = 3;

/**
 * Whether two names are the same person's, as far as names tell: the same skeleton (spacing aside), or
 * one is a single word (a surname) of at least MIN_SURNAME_KEY consonants that ends the other at a word
 * boundary. Two full names must agree in full: "Ali Ahmadi" and "Reza Ahmadi" are two people, and so are
 * "Ali Ahmadi" and "Mohammad Ali Ahmadi". The caller checks countries and ambiguity.
 */
export function sameActorName(a: ActorNameKey, b: ActorNameKey): boolean {
  if (!a.compact || !b.compact) return false;
  if (a.compact === b.compact) return a.compact.length >= 2;
  const [short, long] = a.compact.length < b.compact.length ? [a, b] : [b, a];
  if (short.tokens.length !== 1 || short.compact.length < MIN_SURNAME_KEY) return false;
  let suffix = '';
  for (let i = long.tokens.length - 1; i > 0; i--) {
    suffix = long.tokens[i] + suffix;
    if (suffix === short.compact) return true;
    if (suffix.length >= short.compact.length) return false;
  }
  return false;
}

/** Whether any name of one list is the same person as any name of the other (see sameActorName). */
export function sharesActorName(a: readonly ActorNameKey[], b: readonly ActorNameKey[]): boolean {
  return a.some((x) => b.some((y) => sameActorName(x, y)));
}

/** An ActorNameKey from the stored form (`tokens.join(' ')`). */
export function storedActorKey(stored: string): ActorNameKey {
  const tokens = stored.split(' ').filter(Boolean);
  return { tokens, compact: tokens.join('') };
}
