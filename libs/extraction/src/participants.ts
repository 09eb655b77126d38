// People acting in the event: name, title, organisation and country, read from title phrases
// («علی اکبر طالبیمتین رایزن فرهنگی ایران در قزاقستان», "Iranian Foreign Minister Mohammad Javad Zarif",
// «министр иностранных дел Ирана Аббас Арагчи»).
import { hasSurrogates, isLetterOrDigitCode, isWordCode } from './chars.js';
import { type Doc, memo, mentionsIn, originalText, remember } from './document.js';
import type { Mention } from './gazetteer.js';
import { PACKS, perLanguage, type TitleWords } from './lang/index.js';
import { wholeWord } from './lexicon.js';
import { keyText, toOriginal } from './normalize.js';
import type { Span } from './sentences.js';
import type { Participant } from './types.js';

const k = (s: string) => keyText(s).key;

// A word list answers the same for the same word, so each answer is kept (items repeat their words).
function remembered(re: RegExp): (word: string) => boolean {
  const answers = new Map<string, boolean>();
  return (word: string): boolean => {
    let yes = answers.get(word);
    if (yes === undefined) {
      if (answers.size >= 20_000) answers.clear();
      answers.set(word, (yes = re.test(word)));
    }
    return yes;
  };
}

/** Whole-word membership in a pack's list: a set of key() spellings, or a regex where an entry takes any ending. */
function member(list: readonly string[]): (word: string) => boolean {
  if (list.some((w) => w.endsWith('*'))) return remembered(wholeWord(list));
  const words = new Set(list.map(k));
  return (word) => words.has(word);
}

/** A pack's title words, ready for its reader. */
interface Titles {
  reader: TitleWords['reader'];
  head: (w: string) => boolean;
  governmentHead: (w: string) => boolean;
  /** Any head, of a title or coordinated with one. */
  anyHead: (w: string) => boolean;
  relativeHead: (w: string) => boolean;
  pluralEndings: readonly string[];
  appositionHead: (w: string) => boolean;
  orgHead: (w: string) => boolean;
  modifier: (w: string) => boolean;
  complement: (w: string) => boolean;
  complementEndings: readonly string[];
  complementLink: (w: string) => boolean;
  article: (w: string) => boolean;
  /** An article at the start of a title text. */
  leadingArticle: RegExp | null;
  and: (w: string) => boolean;
  posted: (w: string) => boolean;
  postedIn: (w: string) => boolean;
  andContinue: (w: string) => boolean;
  stop: (w: string) => boolean;
  /** A stop word, or a word never part of a name. */
  nameStop: (w: string) => boolean;
  notName: (w: string) => boolean;
  nameOpener: (w: string) => boolean;
  backReference: (w: string) => boolean;
  nameLink: (w: string) => boolean;
  /** A name link joined to the name by a hyphen ("al-Kadhimi"). */
  hyphenLink: RegExp | null;
  possessive: RegExp | null;
  subjectNext: (w: string) => boolean;
  subjectVerb: (w: string) => boolean;
  verb: (w: string) => boolean;
  /** A word opening like a verb (a verb prefix and two letters more). */
  verbLike: RegExp | null;
  personLike: (first: string) => boolean;
}

function titlesOf(t: TitleWords): Titles {
  const head = member(t.heads);
  const governmentHead = t.governmentHeads.length ? member(t.governmentHeads) : head;
  const coordinated = member(t.coordinatedHeads);
  const stop = member(t.stop);
  const notName = member(t.notName);
  const alt = (list: readonly string[]) => list.map(k).join('|');
  const adjectiveLike = new Set(t.adjectiveLikeNames);
  const nominative = (w: string) => {
    const c = t.nameCases.find(([e]) => w.endsWith(e));
    return c ? w.slice(0, -c[0].length) + c[1] : w;
  };
  const subjectVerb = member(t.subjectVerbs);
  return {
    reader: t.reader,
    head,
    governmentHead,
    anyHead: (w) => governmentHead(w) || head(w) || coordinated(w),
    relativeHead: member(t.relativeHeads),
    pluralEndings: t.pluralEndings,
    appositionHead: member(t.appositionHeads),
    orgHead: member(t.orgHeads),
    modifier: member(t.modifiers),
    complement: member(t.complement),
    complementEndings: t.complementEndings,
    complementLink: member(t.complementLinks),
    article: member(t.articles),
    leadingArticle: t.articles.length ? new RegExp(`^(?:${alt(t.articles)})\\s+`, 'iu') : null,
    and: member(t.and),
    posted: member(t.posted),
    postedIn: member(t.postedIn),
    andContinue: member(t.andContinue),
    stop,
    nameStop: (w) => stop(w) || notName(w),
    notName,
    nameOpener: member(t.nameOpeners),
    backReference: member(t.backReference),
    nameLink: member(t.nameLinks),
    hyphenLink: t.nameLinks.length ? new RegExp(`^(?:${alt(t.nameLinks)})-`, 'u') : null,
    possessive: t.possessive.length ? new RegExp(`(?:${alt(t.possessive)})$`, 'u') : null,
    subjectNext: member(t.subjectNext),
    subjectVerb: (w) => subjectVerb(w) || t.pastEndings.some((e) => w.length > e.length && w.endsWith(e) && /^\p{L}+$/u.test(w.slice(0, -e.length))),
    verb: t.verbPrefixes.length && t.verbStems.length ? remembered(new RegExp(`^(?:${alt(t.verbPrefixes)})(?:${alt(t.verbStems)})`, 'u')) : () => false,
    verbLike: t.verbPrefixes.length ? new RegExp(`^(?:${alt(t.verbPrefixes)})\\p{L}{2,}`, 'u') : null,
    // adjective endings open place and body names; the first names that end so are listed
    personLike: (first) => first.length < 5 || !t.adjectiveEndings.some((e) => first.endsWith(e)) || adjectiveLike.has(nominative(first)),
  };
}

const TITLES = perLanguage((pack) => titlesOf(pack.titles));

// heads of international bodies (the UN Secretary-General) belong to no country, in whatever language they are named
const INTERNATIONAL = new RegExp(
  [
    ...Object.values(PACKS).flatMap((p) => p.titles.international.map(k)),
    ...Object.values(PACKS).flatMap((p) => p.titles.internationalShort.map((w) => `\\b${k(w)}\\b`)),
  ].join('|'),
  'u',
);

interface Tok extends Span {
  w: string;
  punct: boolean;
  /** mentionAt's answer for `msOf` (the sentence's mentions it was asked with). */
  m?: Mention | undefined;
  msOf?: Mention[];
}

// Sentences are tokenised once per item: participants, titles and known people all read them.
const TOKENS = memo<Tok[]>('tokens');

function tokens(doc: Doc, span: Span): Tok[] {
  return remember(doc, TOKENS, span, tokenize);
}

const TOKEN = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-]*|[،,:؛;.«»"()–—]/gu;
// A code unit's part in a token, by table (filled as met): a word character (and a letter or digit), punctuation, a join.
const WORD = 1;
const LETTER_OR_DIGIT = 2;
const PUNCT = 4;
// inside a word: an apostrophe or a hyphen
const JOIN = 8;
const KNOWN = 128;
const TOKEN_CLASS = new Uint8Array(0x10000);
for (const c of '،,:؛;.«»"()–—') TOKEN_CLASS[c.charCodeAt(0)] = KNOWN | PUNCT;
for (const c of "'’-") TOKEN_CLASS[c.charCodeAt(0)] = KNOWN | JOIN;

function tokenClass(c: number): number {
  let k = TOKEN_CLASS[c];
  if (k === 0) TOKEN_CLASS[c] = k = KNOWN | (isWordCode(c) ? WORD : 0) | (isLetterOrDigitCode(c) ? LETTER_OR_DIGIT : 0);
  return k;
}
// Words (a letter, mark or digit, then those, apostrophes and hyphens) and punctuation, as TOKEN finds them.
function tokenize(doc: Doc, span: Span): Tok[] {
  if ((doc.astral ??= hasSurrogates(doc.key))) return tokenizeByRegex(doc, span);
  const key = doc.key;
  const n = key.length;
  const out: Tok[] = [];
  // (a token must start inside the span; it may run on past its end)
  const stop = Math.min(span.end, n);
  for (let i = span.start; i < stop; ) {
    const k = tokenClass(key.charCodeAt(i));
    if (k & WORD) {
      let j = i + 1;
      while (j < n && tokenClass(key.charCodeAt(j)) & (WORD | JOIN)) j++;
      out.push({ start: i, end: j, w: key.slice(i, j), punct: (k & LETTER_OR_DIGIT) === 0, m: undefined, msOf: undefined });
      i = j;
    } else if (k & PUNCT) {
      out.push({ start: i, end: i + 1, w: key[i], punct: true, m: undefined, msOf: undefined });
      i++;
    } else i++;
  }
  return out;
}

function tokenizeByRegex(doc: Doc, span: Span): Tok[] {
  const out: Tok[] = [];
  const re = TOKEN;
  re.lastIndex = span.start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(doc.key)) && m.index < span.end) {
    out.push({ start: m.index, end: m.index + m[0].length, w: m[0], punct: !/[\p{L}\p{N}]/u.test(m[0][0]), m: undefined, msOf: undefined });
  }
  return out;
}

function mentionAt(ms: Mention[], t: Tok): Mention | undefined {
  if (t.msOf === ms) return t.m;
  t.msOf = ms;
  return (t.m = ms.find((m) => m.start <= t.start && m.end > t.start));
}

function countryOf(doc: Doc, ms: Mention[], span: Span): string | null {
  const inside = ms.filter((m) => m.start >= span.start && m.end <= span.end);
  const pick = inside.find((m) => !m.locative) ?? inside[0];
  return pick ? pick.place.code : null;
}

/** `text` less what `re` finds (a possessive ending, a leading article). */
function without(text: string, re: RegExp | null): string {
  return re ? text.replace(re, '') : text;
}

function spanOf(toks: Tok[], a: number, b: number): Span {
  return { start: toks[a].start, end: toks[b].end };
}

// No capitals: a title runs from its head to its country; the name stands before it, after a comma or in quotes.
function uncased(doc: Doc, span: Span, ms: Mention[]): Participant[] {
  const T = TITLES[doc.lang];
  const toks = tokens(doc, span);
  const out: Participant[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (t.punct || !T.head(t.w)) {
      i++;
      continue;
    }
    // title phrase
    let j = i + 1;
    let sawCountry = false;
    for (; j < toks.length && j - i < 14; j++) {
      const u = toks[j];
      if (u.punct) break;
      const m = mentionAt(ms, u);
      if (T.and(u.w)) {
        if (j + 1 < toks.length && T.andContinue(toks[j + 1].w) && !sawCountry) {
          j++;
          continue;
        }
        break;
      }
      if (T.postedIn(u.w)) {
        const next = T.posted(t.w) && toks[j + 1] && mentionAt(ms, toks[j + 1]);
        if (next) {
          j++;
          while (j + 1 < toks.length && toks[j + 1].start < next.end) j++;
          j++;
        }
        break;
      }
      if (T.stop(u.w) || T.verbLike?.test(u.w)) break;
      if (m) {
        sawCountry = true;
        while (j + 1 < toks.length && toks[j + 1].start < m.end) j++;
        // a title ends at its country unless a posting follows («سفیر ایران در قزاقستان»)
        if (T.posted(t.w) && toks[j + 1] && T.postedIn(toks[j + 1].w) && toks[j + 2] && mentionAt(ms, toks[j + 2])) continue;
        j++;
        break;
      }
    }
    const phraseEnd = j - 1;
    const nameTok = (u: Tok) => !u.punct && !T.nameStop(u.w) && !T.head(u.w) && !mentionAt(ms, u) && !/\d/.test(u.w) && !u.w.endsWith('-') && !T.verb(u.w);
    // name to the left: «علی لاریجانی دبیر …», «"ایاد علاوی" رهبر …», «حسنی مبارک، رییس جمهوری مصر»
    let nameSpan: Span | null = quotedBefore(toks, i) ?? null;
    if (!nameSpan) {
      const comma = COMMAS.has(toks[i - 1]?.w ?? '');
      const end = comma ? i - 1 : i;
      let a = end;
      while (a > 0 && end - a < 4 && nameTok(toks[a - 1])) a--;
      // after a comma only a short name opening a clause counts
      const opens = a === 0 || toks[a - 1].punct || T.nameOpener(toks[a - 1].w);
      if (a < end && (!comma || (end - a >= 2 && end - a <= 3 && opens))) nameSpan = spanOf(toks, a, end - 1);
    }
    // or to the right: «سخنگوی وزارت خارجه روسیه «ماریا زاخارووا»»
    if (!nameSpan) nameSpan = quotedAfter(toks, phraseEnd + 1);
    // or to the right: «وزیر امور خارجه ایران، عباس عراقچی»
    if (!nameSpan && sawCountry) {
      let b = phraseEnd + 1;
      if (COMMAS.has(toks[b]?.w ?? '')) b++;
      let c = b;
      while (c < toks.length && c - b < 4 && !toks[c].punct && !T.nameStop(toks[c].w) && !T.head(toks[c].w) && !mentionAt(ms, toks[c])) c++;
      if (c - b >= 2 && (c === toks.length || toks[c].punct || T.nameStop(toks[c].w))) nameSpan = spanOf(toks, b, c - 1);
    }
    if (nameSpan && phraseEnd >= i) {
      let orgIdx = -1;
      for (let x = i + 1; x <= phraseEnd; x++) if (T.orgHead(toks[x].w)) { orgIdx = x; break; }
      const phrase = spanOf(toks, i, phraseEnd);
      const title = orgIdx > 0 ? spanOf(toks, i, orgIdx - 1) : phrase;
      out.push({
        name: originalText(doc, nameSpan),
        title: originalText(doc, title),
        organization: orgIdx > 0 ? originalText(doc, spanOf(toks, orgIdx, phraseEnd)) : null,
        country: countryOf(doc, ms, phrase),
      });
    }
    i = Math.max(i + 1, phraseEnd + 1);
  }
  // «به گزارش ایرنا، محمد مقیمی در این دیدار …», «کاظم غریب‌آبادی و ویکرام مصری در این دیدار …»:
  // bare names as the subject of a clause
  const bare = (x: number) => {
    let y = x;
    while (y < toks.length && y - x < 4 && !toks[y].punct && !T.nameStop(toks[y].w) && !T.head(toks[y].w) && !T.orgHead(toks[y].w) && !mentionAt(ms, toks[y]) && !/\d/.test(toks[y].w)) y++;
    return y - x >= 2 && y - x <= 3 && y < toks.length ? y : -1;
  };
  for (let x = 0; x < toks.length; x++) {
    const atStart = x === 0 || COMMAS.has(toks[x - 1].w) || toks[x - 1].w === ':' || toks[x - 1].w === '«';
    if (!atStart) continue;
    const y = bare(x);
    if (y < 0) continue;
    const names = [spanOf(toks, x, y - 1)];
    let end = y;
    if (T.and(toks[y].w)) {
      const z = bare(y + 1);
      if (z > 0) {
        names.push(spanOf(toks, y + 1, z - 1));
        end = z;
      }
    }
    if (!T.subjectNext(toks[end].w)) continue;
    for (const span of names) {
      const name = originalText(doc, span);
      if (!out.some((p) => p.name === name)) out.push({ name, title: null, organization: null, country: null });
    }
  }
  return out;
}

const COMMAS = new Set(['،', ',']);
const QUOTE_OPEN = new Set(['«', '"']);
const QUOTE_CLOSE = new Set(['»', '"']);

// «ماریا زاخارووا» / "ایاد علاوی" right before index i: the words inside the quotes.
function quotedBefore(toks: Tok[], i: number): Span | null {
  // «"رجب طیب اردوغان"، رهبر …»: a comma may stand between the name and its title
  if (COMMAS.has(toks[i - 1]?.w ?? '')) i--;
  if (!QUOTE_CLOSE.has(toks[i - 1]?.w ?? '')) return null;
  let a = i - 2;
  while (a >= 0 && i - 2 - a < 5 && !toks[a].punct) a--;
  if (a < 0 || !QUOTE_OPEN.has(toks[a].w) || a + 1 > i - 2) return null;
  return spanOf(toks, a + 1, i - 2);
}

function quotedAfter(toks: Tok[], i: number): Span | null {
  if (!QUOTE_OPEN.has(toks[i]?.w ?? '')) return null;
  let b = i + 1;
  while (b < toks.length && b - i <= 5 && !toks[b].punct) b++;
  if (b >= toks.length || !QUOTE_CLOSE.has(toks[b].w) || b - 1 < i + 1) return null;
  return spanOf(toks, i + 1, b - 1);
}

// Whether a code unit changes in lower case, by table (0: not yet known, 1: no, 2: yes).
const UPPER = new Uint8Array(0x10000);

function upperAt(text: string, i: number | undefined): boolean {
  if (i === undefined || i >= text.length) return false;
  const c = text.charCodeAt(i);
  let u = UPPER[c];
  if (u === 0) {
    const ch = String.fromCharCode(c);
    UPPER[c] = u = ch !== ch.toLowerCase() ? 2 : 1;
  }
  return u === 2;
}

function capitalised(doc: Doc, t: Tok): boolean {
  if (upperAt(doc.source, doc.kt.start[t.start])) return true;
  // "al-Kadhimi", "el-Sisi" (a name link is joined by a hyphen)
  if (!t.w.includes('-')) return false;
  const link = TITLES[doc.lang].hyphenLink?.exec(t.w);
  if (!link) return false;
  return upperAt(doc.source, doc.kt.start[Math.min(t.end - 1, t.start + link[0].length)]);
}

// Capitals: a run of title words, then the capitalised name ("Iranian Foreign Minister Mohammad Javad Zarif").
function cased(doc: Doc, span: Span, ms: Mention[]): Participant[] {
  const T = TITLES[doc.lang];
  const toks = tokens(doc, span);
  const out: Participant[] = [];
  const cap = (x: number) => x < toks.length && !toks[x].punct && capitalised(doc, toks[x]);
  for (let i = 0; i < toks.length; i++) {
    if (!T.head(toks[i].w)) continue;
    // the title run: heads, modifiers, and an "of …" complement that may hold commas and "and"
    let h = i;
    let inComplement = false;
    while (h + 1 < toks.length) {
      const u = toks[h + 1];
      if (T.head(u.w) || (!inComplement && T.modifier(u.w))) h++;
      else if (T.complementLink(u.w) && (cap(h + 2) || (T.article(toks[h + 2]?.w ?? '') && cap(h + 3)))) {
        inComplement = true;
        h++;
      } else if (inComplement && T.article(u.w) && cap(h + 2)) h++;
      else if (inComplement && (u.w === ',' || T.and(u.w)) && cap(h + 2) && T.complement(toks[h + 2].w)) h++;
      else if (cap(h + 1) && !mentionAt(ms, u)) h++;
      // "Saud bin Hamoud", "Vicente de la O Levy": name links, one or two, before a capitalised word
      else if (T.nameLink(u.w) && h > i && (cap(h + 2) || (T.nameLink(toks[h + 2]?.w ?? '') && cap(h + 3)))) h++;
      // "ambassador to France", "counsellor in Kazakhstan"
      else if (T.postedIn(u.w) && (T.head(toks[h].w) || T.complement(toks[h].w)) && h + 2 < toks.length && mentionAt(ms, toks[h + 2])) {
        const m = mentionAt(ms, toks[h + 2])!;
        h += 2;
        while (h + 1 < toks.length && toks[h + 1].start < m.end) h++;
      }
      else if (mentionAt(ms, u)) {
        const m = mentionAt(ms, u)!;
        while (h + 1 < toks.length && toks[h + 1].start < m.end) h++;
        inComplement = true;
      } else break;
    }
    // the name: the capitalised tail after the last country or complement word
    // name links ("Saud bin Hamoud Al Habsi") are part of a name
    let b = h;
    while (
      b > i &&
      !toks[b].punct &&
      (capitalised(doc, toks[b]) || T.nameLink(toks[b].w)) &&
      !T.complement(toks[b].w) &&
      !T.complementEndings.some((e) => toks[b].w.endsWith(e)) &&
      !T.head(toks[b].w) &&
      !mentionAt(ms, toks[b])
    ) b--;
    let nameStart = b + 1;
    while (nameStart <= h && T.nameLink(toks[nameStart].w)) nameStart++;
    // "Iran's cultural counselor in Kazakhstan, Ali Akbar Talebi-Matin, met …": the name in apposition
    let nameEnd = h;
    if (nameStart > h && toks[h + 1]?.w === ',') {
      let e = h + 2;
      while (e < toks.length && e - (h + 2) < 5 && (cap(e) || (T.nameLink(toks[e].w) && cap(e + 1))) && !mentionAt(ms, toks[e]) && !T.head(toks[e].w) && !T.orgHead(toks[e].w)) e++;
      const closes = e >= toks.length || toks[e].punct || !capitalised(doc, toks[e]);
      if (e - (h + 2) >= 2 && closes && !T.notName(toks[h + 2].w)) {
        nameStart = h + 2;
        nameEnd = e - 1;
      }
    }
    if (nameStart > nameEnd || T.notName(toks[nameStart].w)) {
      i = h;
      continue;
    }
    // left extension: modifiers, demonyms, "Iran's"
    let a = i;
    while (a > 0) {
      const u = toks[a - 1];
      if (u.punct || (T.notName(u.w) && !T.complementLink(u.w))) break;
      if (T.modifier(u.w) || capitalised(doc, u) || T.possessive?.test(u.w) || mentionAt(ms, u)) a--;
      else break;
      if (i - a > 8) break;
    }
    const region = spanOf(toks, a, h);
    const titleEnd = nameEnd === h ? nameStart - 1 : h;
    let orgA = -1;
    let orgB = -1;
    for (let x = a; x <= titleEnd; x++) {
      if (T.orgHead(toks[x].w) && capitalised(doc, toks[x])) {
        orgA = x;
        while (orgA > a && capitalised(doc, toks[orgA - 1]) && !T.head(toks[orgA - 1].w)) orgA--;
        orgB = x;
        while (orgB + 1 <= titleEnd && (T.complementLink(toks[orgB + 1].w) || T.and(toks[orgB + 1].w) || T.article(toks[orgB + 1].w)) || (orgB + 1 <= titleEnd && capitalised(doc, toks[orgB + 1]) && !T.head(toks[orgB + 1].w))) orgB++;
        break;
      }
    }
    let ta = a;
    while (ta < i && (mentionAt(ms, toks[ta]) || T.possessive?.test(toks[ta].w) || (orgA >= 0 && ta >= orgA && ta <= orgB))) ta++;
    // "head of Kazakhstan's State Centre …": the title stops where the organisation starts
    let te = titleEnd;
    if (orgA > i) {
      te = orgA - 1;
      while (te > i && (T.complementLink(toks[te].w) || T.article(toks[te].w))) te--;
    }
    out.push({
      // "Abbas Araghchi's visit": the name without the possessive
      name: without(originalText(doc, spanOf(toks, nameStart, nameEnd)), T.possessive),
      title: without(originalText(doc, spanOf(toks, Math.min(ta, i), te)), T.leadingArticle),
      organization: orgA >= 0 ? originalText(doc, spanOf(toks, orgA, orgB)) : null,
      country: countryOf(doc, ms, region),
    });
    i = nameEnd;
  }
  // "Ali Asghar Khaji, senior assistant to the foreign minister"
  for (let i = 0; i + 2 < toks.length; i++) {
    if (toks[i].w !== ',' || i < 2) continue;
    let j = i + 1;
    if (T.article(toks[j]?.w ?? '')) j++;
    let k = j;
    while (k < toks.length && k - j < 4 && (T.modifier(toks[k].w) || mentionAt(ms, toks[k]) || T.possessive?.test(toks[k].w))) k++;
    if (!toks[k] || !(T.head(toks[k].w) || T.appositionHead(toks[k].w))) continue;
    let a = i;
    while (a > 0 && i - a < 4 && cap(a - 1) && !T.head(toks[a - 1].w) && !T.complement(toks[a - 1].w) && !mentionAt(ms, toks[a - 1]) && !T.notName(toks[a - 1].w)) a--;
    if (i - a < 2 || (a > 0 && cap(a - 1))) continue;
    const name = originalText(doc, spanOf(toks, a, i - 1));
    if (out.some((p) => p.name === name)) continue;
    let e = k;
    while (e + 1 < toks.length && !toks[e + 1].punct && e - k < 8) e++;
    out.push({ name, title: originalText(doc, spanOf(toks, j, e)), organization: null, country: countryOf(doc, ms, spanOf(toks, j, e)) });
  }
  return out;
}

// Capitals and case endings: the title takes the genitive words of bodies' names («министр иностранных дел Ирана Аббас Арагчи»).
function casedInflected(doc: Doc, span: Span, ms: Mention[]): Participant[] {
  const T = TITLES[doc.lang];
  const toks = tokens(doc, span);
  const out: Participant[] = [];
  for (let i = 0; i < toks.length; i++) {
    // a capitalised head inside a title («Заместитель Министра») is not a new title; after a verb it is
    if (!T.head(toks[i].w)) continue;
    if (capitalised(doc, toks[i]) && i > 0 && !toks[i - 1].punct && (capitalised(doc, toks[i - 1]) || T.head(toks[i - 1].w) || T.modifier(toks[i - 1].w))) continue;
    let h = i;
    while (h + 1 < toks.length && h - i < 12) {
      let u = toks[h + 1];
      // «министр высшего образования, науки и инноваций»: a portfolio list goes on after a comma
      if (u.w === ',' && h + 2 < toks.length && !capitalised(doc, toks[h + 2]) && !toks[h + 2].punct) {
        h++;
        u = toks[h + 1];
      }
      // «(ФСВТС)»: an abbreviation in brackets inside the title
      if (u.w === '(' && toks[h + 3]?.w === ')') {
        h += 3;
        continue;
      }
      if (u.punct) break;
      const m = mentionAt(ms, u);
      if (m) {
        while (h + 1 < toks.length && toks[h + 1].start < m.end) h++;
        continue;
      }
      // «Заместитель Министра культуры …», «глава Федеральной службы …», «глава Коломенского городского округа»:
      // capitalised office words and adjectives of a body's name still belong to the title
      const bodyWord = T.head(u.w) || T.orgHead(u.w) || T.modifier(u.w) || !T.personLike(u.w);
      if (capitalised(doc, u) && !bodyWord) break;
      // «… встретился с Президентом …»: a capitalised office word after an ordinary word opens the next title
      const p = toks[h];
      if (capitalised(doc, u) && T.head(u.w) && !capitalised(doc, p) && !T.head(p.w) && !T.modifier(p.w)) break;
      h++;
    }
    let c = h + 1;
    while (c < toks.length && c - h <= 3 && !toks[c].punct && capitalised(doc, toks[c]) && !mentionAt(ms, toks[c]) && !T.head(toks[c].w)) c++;
    // a name is two or three words («Сергей Лавров»), or initials and a surname («А.Ю.Руденко»)
    if (c - h - 1 < 2 && !(c === h + 2 && toks[h + 1].w.includes('.'))) continue;
    // «Нагорный Карабах», «Ближнему Востоку»: a place or a body, not a person
    if (!T.personLike(toks[h + 1].w)) continue;
    let orgIdx = -1;
    for (let x = i + 1; x <= h; x++) if (T.orgHead(toks[x].w)) { orgIdx = x; break; }
    // «турецким коллегой»: a demonym before the head belongs to the title
    let a = i;
    // «азербайджанскую — вице-премьер …»: the demonym may stand before a dash
    const prev = i > 1 && (toks[i - 1].w === '—' || toks[i - 1].w === '–') ? toks[i - 2] : i > 0 ? toks[i - 1] : undefined;
    const before = prev ? mentionAt(ms, prev) : undefined;
    if (before) while (a > 0 && toks[a - 1].end > before.start) a--;
    const phrase = spanOf(toks, a, h);
    out.push({
      name: originalText(doc, spanOf(toks, h + 1, c - 1)),
      title: originalText(doc, orgIdx > 0 ? spanOf(toks, before && prev !== toks[i - 1] ? i : a, orgIdx - 1) : before && prev !== toks[i - 1] ? spanOf(toks, i, h) : phrase),
      organization: orgIdx > 0 ? originalText(doc, spanOf(toks, orgIdx, h)) : null,
      country: countryOf(doc, ms, phrase),
    });
    i = c - 1;
  }
  return out;
}

/**
 * Countries of the people named in the span by a surname the item gave a country elsewhere ("Iran's Oil Minister
 * Mohsen Paknejad … On Sunday Paknejad arrived in Havana").
 */
export function knownPeopleIn(doc: Doc, span: Span): string[] {
  if (!doc.people) {
    doc.people = new Map();
    const clash = new Set<string>();
    for (const p of findParticipants(doc, [...(doc.title ? [doc.title] : []), ...doc.sentences])) {
      if (!p.country) continue;
      const surname = keyText(p.name).key.split(/\s+/).pop()!;
      if (surname.length < 3) continue;
      if (doc.people.has(surname) && doc.people.get(surname) !== p.country) clash.add(surname);
      doc.people.set(surname, p.country);
    }
    for (const c of clash) doc.people.delete(c);
  }
  const out = new Set<string>();
  for (const t of tokens(doc, span)) {
    const country = doc.people.get(t.w);
    if (country) out.add(country);
  }
  return [...out];
}

/** Adds a person unless already listed under the same or a fuller name (then only a missing country is filled in). */
export function addParticipant(list: Participant[], p: Participant): void {
  const dup = list.find((q) => q.name === p.name || q.name.includes(p.name) || p.name.includes(q.name));
  if (!dup) list.push(p);
  else if (!dup.country && p.country) dup.country = p.country;
}

/** Participants named in the given sentences, de-duplicated by name. */
export function findParticipants(doc: Doc, spans: Span[]): Participant[] {
  const out: Participant[] = [];
  // (copies: an event may fill in a country without changing what another event read)
  for (const span of spans) for (const p of peopleIn(doc, span)) addParticipant(out, { name: p.name, title: p.title, organization: p.organization, country: p.country });
  return out;
}

// Each sentence is read once per item.
const PEOPLE = memo<Participant[]>('people');

function peopleIn(doc: Doc, span: Span): Participant[] {
  return remember(doc, PEOPLE, span, readPeople);
}

function readPeople(doc: Doc, span: Span): Participant[] {
  const ms = mentionsIn(doc, span);
  const reader = TITLES[doc.lang].reader;
  const found = reader === 'uncased' ? uncased(doc, span, ms) : reader === 'casedInflected' ? casedInflected(doc, span, ms) : cased(doc, span, ms);
  if (reader !== 'uncased') {
    const subject = namedSubject(doc, span, ms);
    if (subject) found.push(subject);
  }
  return found;
}

// "Jahangiri made the remarks during a meeting with …", «Климкин рассказал …»: a bare name opening the
// sentence (after a dateline) as the subject of a verb.
function namedSubject(doc: Doc, span: Span, ms: Mention[]): Participant | null {
  const T = TITLES[doc.lang];
  const inflected = T.reader === 'casedInflected';
  const toks = tokens(doc, span);
  let x = 0;
  // "TEHRAN –", "МОСКВА, 18 ноя —": skip a dateline
  const dash = toks.findIndex((t, i) => i < 6 && (t.w === '–' || t.w === '—' || t.w === '-'));
  if (dash >= 0) x = dash + 1;
  let y = x;
  while (y < toks.length && y - x < 3 && !toks[y].punct && capitalised(doc, toks[y]) && !mentionAt(ms, toks[y]) && !T.head(toks[y].w) && !T.modifier(toks[y].w) && !T.orgHead(toks[y].w) && !T.notName(toks[y].w)) y++;
  if (y === x || y >= toks.length) return null;
  const next = toks[y];
  const verb = T.subjectVerb(next.w) && !(inflected && capitalised(doc, next));
  if (!verb) return null;
  // «Стороны обсудили …», «Документ подписали …»: a lone Russian word opening a sentence is a name only if the
  // item writes it capitalised inside a sentence too («… заявил Климкин»)
  if (inflected && y - x === 1 && !capitalisedMidSentence(doc, toks[x].w)) return null;
  return { name: originalText(doc, spanOf(toks, x, y - 1)), title: null, organization: null, country: null };
}

function capitalisedMidSentence(doc: Doc, w: string): boolean {
  for (let i = doc.key.indexOf(w); i >= 0; i = doc.key.indexOf(w, i + 1)) {
    const before = doc.key.slice(Math.max(0, i - 3), i);
    const after = doc.key[i + w.length] ?? ' ';
    if (/[\p{L}\p{M}]/u.test(before.slice(-1)) || /[\p{L}\p{M}]/u.test(after)) continue;
    if (/^\s*$/.test(before) || /[.!?…:\n«"“—–-]\s*$/.test(before)) continue;
    const c = doc.source[toOriginal(doc.kt, i, i + 1).start];
    if (c && c !== c.toLowerCase()) return true;
  }
  return false;
}

/** Title heads (minister, «وزیر», министр) in the span with no country named beside them. */
export function unattributedTitles(doc: Doc, span: Span): number {
  const T = TITLES[doc.lang];
  const toks = tokens(doc, span);
  // "minister … in Tehran": a place where someone is says nothing of whose official they are
  const ms = doc.mentions.filter((m) => m.start >= span.start && m.end <= span.end && !m.locative && !(m.place.city && !m.place.capital));
  let n = 0;
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i].w;
    if (!T.governmentHead(w) || T.relativeHead(w)) continue;
    // «مدیر کل این آژانس» points back to a body already named
    if (T.backReference(toks[i + 1]?.w ?? '')) continue;
    let a = i;
    while (a > 0 && i - a < 3 && !toks[a - 1].punct) a--;
    let b = i;
    for (let n = 0; b + 1 < toks.length && b - i < 16 && !toks[b + 1].punct; n++) {
      const w = toks[b + 1].w;
      // «رییس تشکیلات خودگردان و نخست‌وزیر فلسطین»: a country after coordinated titles is both titles'
      if (T.and(w)) {
        if (!T.anyHead(toks[b + 2]?.w ?? '')) break;
      } else if (b - i >= 8) break;
      b++;
    }
    const from = toks[a].start;
    const to = toks[b].end;
    // heads of international bodies (the UN Secretary-General) belong to no country
    if (INTERNATIONAL.test(doc.key.slice(from, to))) continue;
    if (!ms.some((m) => m.start >= from && m.end <= to)) n++;
  }
  return n;
}

/** Title heads (minister, «وزیر», министр, "the foreign ministers") in the span. */
export function titleHeads(doc: Doc, span: Span): number {
  const T = TITLES[doc.lang];
  let n = 0;
  for (const t of tokens(doc, span)) {
    if (T.head(t.w) || T.pluralEndings.some((e) => t.w.endsWith(e) && T.head(t.w.slice(0, -e.length)))) n++;
  }
  return n;
}
