// Readable labels in the item's language: a proposal is named by its phrase with its object («تفاهم‌نامه همکاری
// سینمایی», "memorandum of understanding on trade facilitation", «соглашение о сотрудничестве в сфере туризма»);
// a follow-up says who does what ("Iran and Kazakhstan: sign the memorandum of understanding on trade").
import { type Doc, memo, originalText, remember, spanId } from './document.js';
import type { Mention } from './gazetteer.js';
import type { Span } from './sentences.js';
import { PACKS, perLanguage } from './lang/index.js';
import { isLetterOrDigitCode, isWordCode } from './chars.js';
import { isSpaceCode, isSurrogateCode, keyText } from './normalize.js';
import { LANGUAGES, type Language, type ProposalKind, type ProposalStatus } from './vocabulary.js';

const k = (s: string) => keyText(s).key;
const set = (words: readonly string[]) => new Set(words.map(k));

// How each language's object phrases run on (see LabelWords), built once per pack.
const OBJECT = perLanguage((p) => ({
  // where an object phrase ends: function words, verbs and clause openers that are not part of a name
  stop: set(p.labels.objectStop),
  links: new Set(p.labels.objectLinks),
  linkFirst: p.labels.objectLinkFirst,
  countryEnds: p.labels.objectCountryEnds,
  verbEndings: p.labels.objectVerbEndings,
}));
// a phrase does not end on a preposition or "and", in any language
const TRAILING = new Set(LANGUAGES.flatMap((l) => [...PACKS[l].labels.objectLinks, PACKS[l].labels.and.trim()]));
const MAX_WORDS = 8;

interface Tok extends Span {
  w: string;
}

// (at most `max` tokens; the regex reading of the tokens, for a text with astral characters)
function tokensFrom(doc: Doc, from: number, to: number, max: number): Tok[] {
  const out: Tok[] = [];
  const re = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-]*|[^\s\p{L}\p{M}\p{N}]/gu;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while (out.length < max && (m = re.exec(doc.key)) && m.index < to) out.push({ start: m.index, end: m.index + m[0].length, w: m[0] });
  return out;
}

// The same tokens read by hand over code units (a word, or one other character that is not white space);
// null where a surrogate is met, which the tables do not classify.
function tokensByHand(key: string, from: number, to: number, max: number): Tok[] | null {
  const out: Tok[] = [];
  const n = key.length;
  let i = from;
  while (out.length < max) {
    while (i < n && isSpaceCode(key.charCodeAt(i))) i++;
    if (i >= n || i >= to) break;
    const c = key.charCodeAt(i);
    if (isSurrogateCode(c)) return null;
    let j = i + 1;
    if (isWordCode(c)) {
      for (let d = key.charCodeAt(j); j < n && (isWordCode(d) || d === 0x27 || d === 0x2019 || d === 0x2d); d = key.charCodeAt(++j));
      if (j < n && isSurrogateCode(key.charCodeAt(j))) return null;
    }
    out.push({ start: i, end: j, w: key.slice(i, j) });
    i = j;
  }
  return out;
}

/** How many pieces `split(/\s+/)` cuts key[from, to) into. */
export function wordCount(key: string, from: number, to: number): number {
  let words = 1;
  for (let i = from; i < to; i++) {
    if (!isSpaceCode(key.charCodeAt(i))) continue;
    words++;
    while (i + 1 < to && isSpaceCode(key.charCodeAt(i + 1))) i++;
  }
  return words;
}

/** The mention's phrase widened to its object, in the original spelling; at most MAX_WORDS words. */
export function objectPhrase(doc: Doc, hit: Span, sentence: Span): string {
  // (each event's proposals and follow-ups ask again for the same mentions)
  const bySentence = remember(doc, PHRASES, hit, newPhrases);
  const sentenceId = spanId(sentence);
  let phrase = bySentence.get(sentenceId);
  if (phrase === undefined) bySentence.set(sentenceId, (phrase = widen(doc, hit, sentence)));
  return phrase;
}

// by the hit's span, then the sentence's
const PHRASES = memo<Map<number, string>>('object phrases');
const newPhrases = (): Map<number, string> => new Map();

function widen(doc: Doc, hit: Span, sentence: Span): string {
  const key = doc.key;
  // (the loop below reads fewer than MAX_WORDS tokens)
  const right = tokensByHand(key, hit.end, sentence.end, MAX_WORDS) ?? tokensFrom(doc, hit.end, sentence.end, MAX_WORDS);
  let countries: Mention[] | null = null;
  const inCountry = (t: Tok) => (countries ??= doc.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end)).some((m) => t.start >= m.start && t.end <= m.end);
  let end = hit.end;
  let words = wordCount(key, hit.start, hit.end);
  const rules = OBJECT[doc.lang];
  for (let i = 0; i < right.length && words < MAX_WORDS; i++) {
    const t = right[i];
    // a word opens with a letter or a digit, and a number ends the phrase
    const c = key.charCodeAt(t.start);
    if (!isLetterOrDigitCode(c) || rules.stop.has(t.w) || (c >= 0x30 && c <= 0x39)) break;
    const first = end === hit.end;
    // "… on trade facilitation": only after a linking preposition
    if (first && rules.linkFirst && !rules.links.has(t.w)) break;
    // up to a country («تفاهم‌نامه همکاری ایران») or a verb («подписали»), unless a link leads to it
    if (!first && !rules.links.has(right[i - 1].w)) {
      if (rules.countryEnds && inCountry(t)) break;
      if (t.w.length > 4 && rules.verbEndings.some((e) => t.w.endsWith(e))) break;
    }
    end = t.end;
    words++;
  }
  // a phrase does not end on a preposition (its last piece after white space, while it has a space)
  while (end > hit.start && key.lastIndexOf(' ', end - 1) >= hit.start) {
    let p = end;
    while (p > hit.start && !isSpaceCode(key.charCodeAt(p - 1))) p--;
    if (!TRAILING.has(key.slice(p, end))) break;
    end = p;
    while (end > hit.start && isSpaceCode(key.charCodeAt(end - 1))) end--;
  }
  return originalText(doc, { start: hit.start, end });
}

// Follow-up actions per proposal kind and status, in each language; {object} is the proposal's phrase.
const ACTIONS = perLanguage((p) => p.labels.actions);
const AND = perLanguage((p) => p.labels.and);
const COMMA = perLanguage((p) => p.labels.comma);
const VISIT_CASE = perLanguage((p) => p.labels.visitCase);
const CAPITALS = perLanguage((p) => p.labels.capitals);

/** What to do about a proposal still to be done: sign an agreed MoU, finalise one being negotiated, hold an event… */
export function proposalAction(lang: Language, kind: ProposalKind, status: ProposalStatus, object: string): string {
  const a = ACTIONS[lang];
  const template =
    kind === 'MOU' || kind === 'AGREEMENT'
      ? status === 'NEGOTIATING'
        ? a.finalise
        : a.sign
      : kind === 'EVENT' || kind === 'TRAINING'
        ? a.hold
        : a.carry;
  return template.replace('{object}', lowerFirst(lang, object));
}

export function visitAction(lang: Language, country: string): string {
  return ACTIONS[lang].visit.replace('{country}', visitCase(lang, countryName(country, lang)));
}

// «посетить Россию», «посетить Южную Корею»: each word takes the first ending of the pack's visitCase it ends with.
function visitCase(lang: Language, name: string): string {
  const endings = VISIT_CASE[lang];
  if (!endings.length) return name;
  const words = name.split(' ');
  let out = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const e = endings.find(([from]) => w.length > from.length && w.endsWith(from));
    out += (i ? ' ' : '') + (e ? w.slice(0, w.length - e[0].length) + e[1] : w);
  }
  return out;
}

export function meetAction(lang: Language): string {
  return ACTIONS[lang].meet;
}

/** "Iran and Kazakhstan: sign …", «ایران و قزاقستان: امضای …». */
export function withOwners(lang: Language, owners: string[], action: string, first: string | null = null): string {
  if (!owners.length) return upperFirst(lang, action);
  // the publisher's own country leads ("Iran and Iraq"), the others follow in code order
  const ordered = [...owners].sort((a, b) => +(b === first) - +(a === first) || a.localeCompare(b));
  const names: string[] = [];
  for (const c of ordered) names.push(countryName(c, lang));
  const who = names.length <= 2 ? names.join(AND[lang]) : `${names.slice(0, -1).join(COMMA[lang])}${AND[lang]}${names[names.length - 1]}`;
  return `${who}: ${action}`;
}

/** A proposal's description: its phrase, with a capital letter where the script has one. */
export function proposalDescription(lang: Language, phrase: string): string {
  return upperFirst(lang, phrase);
}

function upperFirst(lang: Language, s: string): string {
  return CAPITALS[lang] ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

// "The MoU" inside a sentence reads "the MoU"; acronyms (MoU, CIS) keep their case.
function lowerFirst(lang: Language, s: string): string {
  if (!CAPITALS[lang] || /^\p{Lu}{2}/u.test(s) || /^\p{Lu}\p{Ll}*\p{Lu}/u.test(s)) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

// Short common names of the countries, per language (ISO code → name), from the packs.
const NAMES = perLanguage((p) => p.places.names);

/** The short common name of a country in a language; the ISO code when the gazetteer does not know it. */
export function countryName(code: string, lang: Language): string {
  return NAMES[lang][code] ?? code;
}
