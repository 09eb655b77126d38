// Persian word forms the lexicons accept: suffixes glued on once ZWNJ is stripped (همکاریهای، کشورمان،
// تفاهمنامهای), the person endings of light verbs, and compound verbs (امضا کردند، امضا نمی‌شود).
import { LEFT, RIGHT, rx, words as wordList } from '../../lexicon.js';

/** Suffixes glued to a word (no ZWNJ once keyed), at most two of them («همکاری‌هایشان»). */
export const SUFFIXES = ['ترین', 'های', 'شان', 'تان', 'مان', 'ها', 'ای', 'ان', 'ات', 'اش', 'تر', 'ش', 'م', 'ت', 'ی'];
export const FA_SUFFIX = `(?:${SUFFIXES.join('|')})`;
/** The end of a Persian word: glued suffixes, then no letter. */
export const FA_RIGHT = `${FA_SUFFIX}{0,2}${RIGHT}`;

/** Light verb endings: امضا کرد / کردند / کرده است / شد / رسید … */
export const PERSON_ENDINGS = ['ند', 'یم', 'ید', 'ه\\s+است', 'ه\\s+اند', 'ه\\s+بود', 'ه\\s+اند', 'م', 'ی', 'د', 'ه'];
export const FA_PERSON = `(?:${PERSON_ENDINGS.join('|')})?`;

/** Verb prefixes: negation, continuous, both. */
const VERB_PREFIXES = ['ن', 'می', 'نمی'];

/**
 * A Persian compound verb from its noun and the past/present stems of its light verb, with the optional
 * prefixes (ن, می, نمی) and person endings: faVerb('امضا', ['کرد', 'شد']) finds «امضا کردند», «امضا نمی‌شود».
 */
export function faVerb(noun: string, stems: readonly string[]): string {
  return `${LEFT}${rx(noun)}\\s?(?:${VERB_PREFIXES.join('|')})?\\s?(?:${rx(stems.join('|'))})${FA_PERSON}${RIGHT}`;
}

/** A word-bounded alternation of Persian words, each accepting glued suffixes. A word listed twice is refused. */
export function words(items: readonly string[]): string {
  return wordList(items, FA_RIGHT);
}
