// Readable labels in the item's language: a proposal is named by its phrase with its object («تفاهم‌نامه همکاری
// سینمایی», "memorandum of understanding on trade facilitation", «соглашение о сотрудничестве в сфере туризма»);
// a follow-up says who does what ("Iran and Kazakhstan: sign the memorandum of understanding on trade").
import { type Doc, originalText } from './document.js';
import type { Mention } from './gazetteer.js';
import type { Span } from './sentences.js';
import { PACKS, perLanguage } from './lang/index.js';
import { keyText } from './normalize.js';
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

// (at most `max` tokens)
function tokensFrom(doc: Doc, from: number, to: number, max: number): Tok[] {
  const out: Tok[] = [];
  const re = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-]*|[^\s\p{L}\p{M}\p{N}]/gu;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while (out.length < max && (m = re.exec(doc.key)) && m.index < to) out.push({ start: m.index, end: m.index + m[0].length, w: m[0] });
  return out;
}

const isWord = (t: Tok) => /[\p{L}\p{N}]/u.test(t.w[0]);

/** The mention's phrase widened to its object, in the original spelling; at most MAX_WORDS words. */
export function objectPhrase(doc: Doc, hit: Span, sentence: Span): string {
  // (each event's proposals and follow-ups ask again for the same mentions)
  let memo = PHRASES.get(doc);
  if (!memo) PHRASES.set(doc, (memo = new Map()));
  const id = `${hit.start}:${hit.end}:${sentence.start}:${sentence.end}`;
  let phrase = memo.get(id);
  if (phrase === undefined) memo.set(id, (phrase = widen(doc, hit, sentence)));
  return phrase;
}

const PHRASES = new WeakMap<Doc, Map<string, string>>();

function widen(doc: Doc, hit: Span, sentence: Span): string {
  // (the loop below reads fewer than MAX_WORDS tokens)
  const right = tokensFrom(doc, hit.end, sentence.end, MAX_WORDS);
  const countries = doc.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
  const inCountry = (t: Tok) => countries.some((m: Mention) => t.start >= m.start && t.end <= m.end);
  let end = hit.end;
  let words = doc.key.slice(hit.start, hit.end).split(/\s+/).length;
  const rules = OBJECT[doc.lang];
  for (let i = 0; i < right.length && words < MAX_WORDS; i++) {
    const t = right[i];
    if (!isWord(t) || rules.stop.has(t.w) || /^\d/.test(t.w)) break;
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
  // a phrase does not end on a preposition
  let text = doc.key.slice(hit.start, end);
  while (true) {
    const last = text.split(/\s+/).pop() ?? '';
    if (text.includes(' ') && TRAILING.has(last)) {
      text = text.slice(0, text.length - last.length).trimEnd();
    } else break;
  }
  return originalText(doc, { start: hit.start, end: hit.start + text.length });
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
  return name
    .split(' ')
    .map((w) => {
      const e = endings.find(([from]) => w.length > from.length && w.endsWith(from));
      return e ? w.slice(0, w.length - e[0].length) + e[1] : w;
    })
    .join(' ');
}

export function meetAction(lang: Language): string {
  return ACTIONS[lang].meet;
}

/** "Iran and Kazakhstan: sign …", «ایران و قزاقستان: امضای …». */
export function withOwners(lang: Language, owners: string[], action: string, first: string | null = null): string {
  if (!owners.length) return upperFirst(lang, action);
  // the publisher's own country leads ("Iran and Iraq"), the others follow in code order
  const ordered = [...owners].sort((a, b) => +(b === first) - +(a === first) || a.localeCompare(b));
  const names = ordered.map((c) => countryName(c, lang));
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
