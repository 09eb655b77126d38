// The pipeline: key() → chrome → language → publication date → places, dates, sentences → event
// (anchor sentence, type, parties, date, location) → participants, sectors, proposals, follow-ups.
import { findChrome, blankChrome } from './chrome.js';
import { PACKS, perLanguage } from './lang/index.js';
import {
  ACCEPTED_INVITATION, BOTH_SIDES, CANCELLED_MEETING, COMMENTARY, COOPERATION, DECREE, EVENT_CUES, FUTURE_MEETING, FUTURE_SIGNING, ONGOING_TALKS, HOSTILE, INTERVIEW, NOT_DONE_BEFORE, PROPOSAL_CUES, RELATIONS, SAYS, SPECULATION,
  SPORT_MATCH, STATUS_CUES,
} from './cues.js';
import { type DateHit, findDates, findPublicationDate } from './dates.js';
import { allHitsOf, background, type Doc, evidence, hasHit, hitsIn, memo, type Memo, mentionsIn, remember } from './document.js';
import { findFollowUps } from './follow-ups.js';
import { addDays } from './jalali.js';
import { alternativesOf, compile } from './lexicon.js';
import { COUNTRY_NAMES, findMentions, type Mention } from './gazetteer.js';
import { detectScriptLanguage } from './language.js';
import { keyText, type KeyedText } from './normalize.js';
import { addParticipant, findParticipants, knownPeopleIn, titleHeads, unattributedTitles } from './participants.js';
import { findProposalMentions, mergeProposals, type ProposalMention } from './proposals.js';
import { findSectors } from './sectors.js';
import { splitSentences, type Span } from './sentences.js';
import type { ExtractOptions, ExtractedEvent, ExtractionResult, Participant } from './types.js';
import type { DateSource, EventStatus, EventType, Language, Sector } from './vocabulary.js';

const MAX_TITLE = 200;
const STATED = new Set(['SIGNED', 'IMPLEMENTING', 'COMPLETED', 'STALLED', 'WITHDRAWN', 'NEGOTIATING']);
const ANCHOR_WINDOW = 8;

// The title is the last short line before the first paragraph: lines above it are the outlet, the section
// («سیاسی», "Tehran Times") or a dateline.
export function findTitle(key: string): Span | null {
  const shortLines: Span[] = [];
  let pos = 0;
  let sawBody = false;
  while (pos < key.length) {
    let nl = key.indexOf('\n', pos);
    if (nl < 0) nl = key.length;
    let s = pos;
    let e = nl;
    while (s < e && /\s/.test(key[s])) s++;
    while (e > s && /\s/.test(key[e - 1])) e--;
    pos = nl + 1;
    if (e <= s || !/\p{L}/u.test(key.slice(s, e))) continue;
    const line = key.slice(s, e);
    const words = line.split(/\s+/).length;
    const body = line.length > MAX_TITLE || (/[.!?؟:]$/.test(line) && words >= 8);
    if (body) {
      sawBody = true;
      break;
    }
    shortLines.push({ start: s, end: e });
    if (shortLines.length > 6) break;
  }
  if (!shortLines.length || !sawBody) return null;
  const words = (x: Span) => key.slice(x.start, x.end).split(/\s+/).length;
  for (let i = shortLines.length - 1; i >= 0; i--) if (words(shortLines[i]) >= 3) return shortLines[i];
  return null;
}


// A past perfect: the words before a signing verb ("had signed"), or how its match ends («امضا کرده بود»).
const PAST_PERFECT = perLanguage(({ events: e }) => {
  const before = alternativesOf(e.pastPerfectBefore);
  const end = alternativesOf(e.pastPerfectEnd);
  return { before: before ? new RegExp(`${before}\\s+$`, 'u') : null, end: end ? new RegExp(`${end}$`, 'u') : null };
});

// A signing reported as news: not future or denied, not an old document ("signed in 2021") whose state
// the sentence is about.
function signingDone(doc: Doc, span: Span): boolean {
  return remember(doc, SIGNING_DONE, span, readSigningDone);
}

function readSigningDone(doc: Doc, span: Span): boolean {
  for (const h of hitsIn(doc, EVENT_CUES.SIGNING[doc.lang], span)) {
    const before = doc.key.slice(Math.max(span.start, h.start - 40), h.start);
    if (NOT_DONE_BEFORE[doc.lang].test(before)) continue;
    // "had signed", «امضا کرده بود»: background to the news, not the news
    const perfect = PAST_PERFECT[doc.lang];
    if (perfect.before?.test(before) || perfect.end?.test(doc.key.slice(h.start, h.end))) continue;
    if (STATE_CUES.some((re) => hasHit(doc, re[doc.lang], span))) continue;
    if (background(doc, span, h)) continue;
    // «Путин подписал распоряжение …», "signed an executive order": a decree at home
    if (DECREE[doc.lang].test(doc.key.slice(h.end, h.end + 24))) continue;
    return true;
  }
  return false;
}

// What a sentence says is asked again by every event and rule that reads it: each answer is kept per item.
const SIGNING_DONE = memo<boolean>('signing done');
const CUE_IN: Record<'MEETING' | 'CALL' | 'VISIT', Memo<boolean>> = { MEETING: memo('meeting cue'), CALL: memo('call cue'), VISIT: memo('visit cue') };
// (callers only read the list)
const VISITED = memo<string[]>('countries visited');

const STATE_CUES = STATUS_CUES.filter(([s, , kinds]) => !kinds && (s === 'STALLED' || s === 'IMPLEMENTING' || s === 'COMPLETED' || s === 'WITHDRAWN')).map(([, re]) => re);

function cueIn(doc: Doc, type: 'MEETING' | 'CALL' | 'VISIT', span: Span | null): boolean {
  if (!span) return false;
  return remember(doc, CUE_IN[type], span, READ_CUE[type]);
}

const READ_CUE = {
  MEETING: (doc: Doc, span: Span) => readCue(doc, 'MEETING', span),
  CALL: (doc: Doc, span: Span) => readCue(doc, 'CALL', span),
  VISIT: (doc: Doc, span: Span) => readCue(doc, 'VISIT', span),
};

function readCue(doc: Doc, type: 'MEETING' | 'CALL' | 'VISIT', span: Span): boolean {
  // "invited him to visit Iran": a visit proposed is not a visit made
  const invitations = type === 'VISIT' ? hitsIn(doc, PROPOSAL_CUES.VISIT[doc.lang]!, span) : [];
  return hitsIn(doc, EVENT_CUES[type][doc.lang], span).some(
    (h) => !background(doc, span, h) && !invitations.some((x) => x.start <= h.start && x.end >= h.end),
  );
}

// "accepted an invitation to visit Iran", «دعوت … را پذیرفت», «принял приглашение»: a visit now planned.
function acceptedInvitation(doc: Doc, span: Span): boolean {
  return hasHit(doc, PROPOSAL_CUES.VISIT[doc.lang]!, span) && hasHit(doc, ACCEPTED_INVITATION[doc.lang], span);
}

function partiesIn(doc: Doc, span: Span, allowCapitals: boolean): string[] {
  const out: string[] = [];
  for (const m of mentionsIn(doc, span)) {
    if (m.locative || m.topic) continue;
    if (m.place.city && !(allowCapitals && m.place.capital)) continue;
    out.push(m.place.code);
  }
  return out;
}

// Quoted speech: «…», “…”, "…".
// (and asides in brackets: «لقاء الیوم (دیدار امروز)» is a programme's name); found once per item
const QUOTES = compile('«[^«»]*»|“[^“”]*”|"[^"\\n]*"|\\([^()\\n]*\\)');

function quoteRanges(doc: Doc): Span[] {
  return allHitsOf(doc, QUOTES);
}

function cueOutsideQuotes(doc: Doc, s: Span): boolean {
  const quotes = quoteRanges(doc).filter((q) => q.start < s.end && q.end > s.start);
  if (!quotes.length) return true;
  const inQuote = (h: Span) => quotes.some((q) => h.start >= q.start && h.end <= q.end);
  for (const type of ['MEETING', 'CALL', 'VISIT', 'SIGNING'] as const) {
    if (hitsIn(doc, EVENT_CUES[type][doc.lang], s).some((h) => !inQuote(h))) return true;
  }
  return false;
}

// A sentence that reports an event: its own cue, not sport, quoted speech, an interview or hostility.
interface Anchor {
  span: Span;
  status: EventStatus;
}

function findAnchors(doc: Doc): Anchor[] {
  const out: Anchor[] = [];
  for (const s of doc.sentences) {
    const cancelled = hasHit(doc, CANCELLED_MEETING[doc.lang], s);
    const signingAhead = hasHit(doc, FUTURE_SIGNING[doc.lang], s) && !signingDone(doc, s);
    const ahead = hasHit(doc, FUTURE_MEETING[doc.lang], s) || acceptedInvitation(doc, s) || signingAhead;
    const cue = cueIn(doc, 'MEETING', s) || cueIn(doc, 'CALL', s) || cueIn(doc, 'VISIT', s) || signingDone(doc, s) || cancelled || ahead;
    if (!cue) continue;
    // «دیدار» / "match" between national teams is sport, not diplomacy
    if (hasHit(doc, SPORT_MATCH[doc.lang], s)) continue;
    // reported speech or an interview is not the reported event
    if (!cueOutsideQuotes(doc, s)) continue;
    if (hasHit(doc, INTERVIEW[doc.lang], s) && !hasHit(doc, EVENT_CUES.SIGNING[doc.lang], s)) continue;
    // an analyst's reading of events, or what may happen, is not a report of an event
    if (hasHit(doc, COMMENTARY[doc.lang], s) || hasHit(doc, SPECULATION[doc.lang], s)) continue;
    // criticism, sanctions or an attack reported with "talks" is not cooperation (protests against a visit do not undo it)
    if (hasHit(doc, HOSTILE[doc.lang], s) && !hasHit(doc, COOPERATION[doc.lang], s) && !visited(doc, s).length) continue;
    if (!mentionsIn(doc, s).length && !hasHit(doc, BOTH_SIDES[doc.lang], s)) continue;
    const future = ahead && !signingDone(doc, s) && !hasHit(doc, PAST_MEETING[doc.lang], s);
    out.push({ span: s, status: cancelled ? 'CANCELLED' : future ? 'SCHEDULED' : 'HELD' });
  }
  return out;
}

function eventType(doc: Doc, anchor: Span, t: Span | null): EventType {
  if (cueIn(doc, 'CALL', t) || cueIn(doc, 'CALL', anchor)) return 'CALL';
  if (t && signingDone(doc, t) && !cueIn(doc, 'MEETING', t)) return 'SIGNING';
  // "the sides are negotiating", «ведут переговоры»: how things stand, not a meeting held
  if (hasHit(doc, ONGOING_TALKS[doc.lang], anchor) && !hasHit(doc, PAST_MEETING[doc.lang], anchor)) return 'STATEMENT';
  const meeting = cueIn(doc, 'MEETING', anchor);
  // "Iran invites Omani minister to visit Tehran" reports an invitation, not a visit
  const titleVisit = cueIn(doc, 'VISIT', t) && !hasHit(doc, PROPOSAL_CUES.VISIT[doc.lang]!, t!) && !hasHit(doc, FUTURE_MEETING[doc.lang], t!);
  if (titleVisit && !cueIn(doc, 'MEETING', t)) return 'VISIT';
  if (meeting) return 'MEETING';
  if (signingDone(doc, anchor)) return 'SIGNING';
  if (cueIn(doc, 'VISIT', anchor) || acceptedInvitation(doc, anchor)) return 'VISIT';
  // "Iran will sign a deal with Total on Tuesday": a signing still to come
  if (hasHit(doc, FUTURE_SIGNING[doc.lang], anchor) && !hasHit(doc, PAST_MEETING[doc.lang], anchor)) return 'SIGNING';
  return 'MEETING';
}

// "GENEVA, July 20, 2023 (MNA) –", «АСТАНА, 3 марта. /ТАСС/.»: the city and date the report was filed.
const DATELINE = /^([\p{L}][\p{L}\s.\-]{1,30}?)(?:\s?,\s?([^–—\n]{0,30}?))?\s?(?:\([^)]{1,20}\)\s?)?(?:[–—-]|\.\s?\/|\.$)/u;

interface Dateline {
  city: Span;
  date: Span | null;
}

// A dateline opens the first paragraph: an upper-case place ("GENEVA,"), or a known city right before the dash ("Tehran–").
function dateline(key: string, first: Span | undefined, source: string, kt: KeyedText, mentions: Mention[]): Dateline | null {
  if (!first) return null;
  const m = DATELINE.exec(key.slice(first.start, Math.min(first.end, first.start + 80)));
  if (!m) return null;
  const city = { start: first.start, end: first.start + m[1].length };
  const original = source.slice(kt.start[city.start], kt.end[city.end - 1]);
  const known = mentions.some((x) => x.place.city && x.start === city.start && x.end >= city.end - 1);
  if (original !== original.toUpperCase() && !(known && !m[2])) return null;
  if (!m[2]) return { city, date: null };
  const dateStart = first.start + m[0].indexOf(m[2], m[1].length);
  return { city, date: { start: dateStart, end: dateStart + m[2].length } };
}

// `ahead`: the event is still to come, so "on Wednesday" is the next Wednesday.
// "a UN spokeswoman said on Friday", «روز جمعه گفت», «заявил в пятницу»: the day something was said, not the day of what is to come
const SAID_BEFORE = perLanguage((p) => p.cues.saidBefore);
const SAID_AFTER = perLanguage((p) => p.cues.saidAfter);
function spokenOn(doc: Doc, d: DateHit): boolean {
  const before = doc.key.slice(Math.max(0, d.start - 30), d.start);
  const after = doc.key.slice(d.end, d.end + 16);
  return SAID_BEFORE[doc.lang].test(before) || SAID_AFTER[doc.lang].test(after);
}

// `later`: sentences after the event's own, which date it only by a recent day (an older one there is
// another event's: "… the Russia–Africa summit, which ended on 24 October in Sochi").
function eventDate(doc: Doc, spans: Span[], skip: Span | null, ahead: boolean, later: Span[] = []): { date: string | null; dateSource: DateSource | null } {
  const read = (d: DateHit) => (ahead ? d.ahead : d.date);
  const recent = doc.publishedAt && !ahead ? addDays(doc.publishedAt, -7) : null;
  // "spoke ahead of the 9 December summit": for a held event, a yearless day coming up soon is not its date
  const soon = doc.publishedAt ? addDays(doc.publishedAt, 60) : null;
  const upcoming = (d: DateHit) => !ahead && !d.relative && !!soon && !!d.ahead && d.ahead !== d.date && d.ahead > doc.publishedAt! && d.ahead <= soon;
  for (const s of spans) {
    const hits = doc.dates.filter(
      // a meeting held cannot have happened after its report ("the working group meets tomorrow")
      (d) =>
        d.start >= s.start && d.end <= s.end && read(d) && !upcoming(d) && !(skip && d.start >= skip.start && d.end <= skip.end) &&
        (ahead || !doc.publishedAt || read(d)! <= doc.publishedAt) && !(recent && later.includes(s) && read(d)! < recent) && !(ahead && spokenOn(doc, d)),
    );
    const abs = hits.find((d) => !d.relative);
    if (abs) return { date: read(abs), dateSource: 'TEXT' };
    const rel = hits.find((d) => d.relative);
    if (rel) return { date: read(rel), dateSource: 'RELATIVE' };
  }
  if (doc.publishedAt) return { date: doc.publishedAt, dateSource: 'PUBLISHED' };
  return { date: null, dateSource: null };
}

function location(doc: Doc, anchor: Span | null, parties: string[]): ExtractedEvent['location'] {
  const inBody = (m: { start: number }) => !doc.title || m.start > doc.title.end;
  if (anchor) {
    // an upper-case city opening the sentence is a dateline ("TEHRAN –"), where the report was filed
    const cities = mentionsIn(doc, anchor).filter((m) => m.place.city && !isDatelineCity(doc, anchor, m));
    // a visit happens where it goes ("Moscow and Cairo are preparing Putin's visit to Egypt")
    const goesTo = visited(doc, anchor).filter((c) => parties.includes(c));
    const city =
      cities.find((m) => m.locative && (!goesTo.length || goesTo.includes(m.place.code))) ??
      cities.find((m) => VISIT_TO[doc.lang].test(doc.key.slice(Math.max(0, m.start - 12), m.start))) ??
      (goesTo.length ? undefined : cities[0]);
    if (city) return { name: city.place.name, country: city.place.code };
    if (goesTo.length) return { name: COUNTRY_NAMES.get(goesTo[0]) ?? goesTo[0], country: goesTo[0] };
  }

  if (doc.title) {
    const city = mentionsIn(doc, doc.title).find((m) => m.place.city && (m.locative || VISIT_TO[doc.lang].test(doc.key.slice(Math.max(0, m.start - 12), m.start))));
    if (city) return { name: city.place.name, country: city.place.code };
  }
  const anyCity = doc.mentions.find((m) => m.place.city && m.locative && parties.includes(m.place.code) && inBody(m));
  if (anyCity) return { name: anyCity.place.name, country: anyCity.place.code };
  if (anchor) {
    // "Iran's cultural counselor in Kazakhstan": a posting, not where the event was
    const country = mentionsIn(doc, anchor).find((m) => !m.place.city && m.locative && !m.ours && parties.includes(m.place.code) && !POSTED_IN[doc.lang].test(doc.key.slice(Math.max(anchor.start, m.start - 40), m.start)));
    if (country) return { name: COUNTRY_NAMES.get(country.place.code) ?? country.place.name, country: country.place.code };
  }
  // a visit happens in the country visited: "Larijani, visiting Egypt, held talks …"
  for (const s of [anchor, doc.title]) {
    const code = s ? visited(doc, s).find((c) => parties.includes(c)) : undefined;
    if (code) return { name: COUNTRY_NAMES.get(code) ?? code, country: code };
  }
  return null;
}

function isDatelineCity(doc: Doc, sentence: Span, m: { start: number; end: number }): boolean {
  if (m.start - sentence.start > 2) return false;
  const original = doc.source.slice(doc.kt.start[m.start], doc.kt.end[m.end - 1]);
  return original === original.toUpperCase() && /^\s?[,–—\-(]/.test(doc.key.slice(m.end, m.end + 3));
}

// "to Moscow", «به مسکو», «وارد مسکو»: the place a visit goes to is where it happens.
// Whole words: «Иванов » ends in «в», "Toronto " in "to".
const VISIT_TO = perLanguage((p) => p.cues.visitTo);
// Where the event took place: its sentence, later sentences about it, who received whom, the dateline.
function placeOf(doc: Doc, b: Built, line: Dateline | null): ExtractedEvent['location'] {
  const { anchor, parties, participants } = b;
  const found = location(doc, anchor, parties) ?? laterCity(doc, b.later, parties);
  if (found) return found;
  // "Mamin received the Uzbek delegation": the host receives at home; an ambassador is met where he is posted
  if (anchor && HOSTING[doc.lang].test(doc.key.slice(anchor.start, anchor.end))) {
    const host = participants.find((p) => p.country && parties.includes(p.country))?.country;
    if (host) return { name: COUNTRY_NAMES.get(host) ?? host, country: host };
  }
  const envoy = participants.find((p) => p.country && p.title && ENVOY[doc.lang].test(keyText(p.title).key));
  const posted = envoy && parties.find((c) => c !== envoy.country);
  if (posted && parties.length === 2) return { name: COUNTRY_NAMES.get(posted) ?? posted, country: posted };
  return datelineLocation(doc, line, parties);
}

function laterCity(doc: Doc, later: Span[], parties: string[]): ExtractedEvent['location'] {
  for (const s of later) {
    const city = cityIn(doc, s, parties);
    if (city) return city;
  }
  return null;
}

function cityIn(doc: Doc, s: Span, parties: string[]): ExtractedEvent['location'] {
  const city = mentionsIn(doc, s).find((m) => m.place.city && m.locative && parties.includes(m.place.code));
  return city ? { name: city.place.name, country: city.place.code } : null;
}

// The sentence after an announcement that says where and when it will be
const WILL_BE_HELD = perLanguage((p) => p.cues.willBeHeld);
const HOSTING = perLanguage((p) => p.cues.hosting);
const ENVOY = perLanguage((p) => p.cues.envoy);

// A diplomat's posting: "ambassador in", «رایزن فرهنگی ایران در», «посол … в».
const POSTED_IN = perLanguage((p) => p.cues.postedIn);

// A country word used as an adjective: a capitalised word or a word for people follows ("Russian Deputy …", "Iranian officials").
const ADJECTIVE_USE = perLanguage((p) => {
  const nouns = alternativesOf(p.events.adjectiveNouns);
  const alts = [...(p.places.capitalised ? ['\\p{Lu}'] : []), ...(nouns ? [`${nouns}\\b`] : [])];
  return alts.length ? new RegExp(`^\\s+(?:${alts.join('|')})`, 'u') : null;
});

// Before the place a visit goes to: "left Tehran for Yerevan", "in Tehran", «بازدید از».
const DESTINATION = perLanguage((p) => p.cues.destination);

// The country a visit goes to is a party of it: "arrived in Tehran", «وارد مسکو شد», «прибыл в Москву».
function visited(doc: Doc, span: Span): string[] {
  return remember(doc, VISITED, span, readVisited);
}

function readVisited(doc: Doc, span: Span): string[] {
  const cues = hitsIn(doc, EVENT_CUES.VISIT[doc.lang], span).filter((h) => !background(doc, span, h));
  if (!cues.length) return [];
  const out: string[] = [];
  for (const m of mentionsIn(doc, span)) {
    if (m.topic || m.ours) continue;
    const before = doc.key.slice(Math.max(span.start, m.start - 14), m.start);
    if (!DESTINATION[doc.lang].test(before)) continue;
    // "visiting Finnish President Niinistö", "visiting Russian officials": an adjective names the visitor, not where he went
    if (!m.place.city && ADJECTIVE_USE[doc.lang]?.test(doc.source.slice(doc.kt.end[m.end - 1], doc.kt.end[m.end - 1] + 24))) continue;
    if (cues.some((h) => Math.abs(h.start - m.start) <= 50)) out.push(m.place.code);
  }
  return out;
}

function datelineCountry(doc: Doc, line: Dateline | null): string | null {
  if (!line) return null;
  return doc.mentions.find((x) => x.start >= line.city.start && x.end <= line.city.end)?.place.code ?? null;
}

function datelineLocation(doc: Doc, line: Dateline | null, parties: string[]): ExtractedEvent['location'] {
  if (!line) return null;
  const m = doc.mentions.find((x) => x.place.city && x.start >= line.city.start && x.end <= line.city.end);
  return m && parties.includes(m.place.code) ? { name: m.place.name, country: m.place.code } : null;
}

let trace: ((sentence: string, verdict: string) => void) | null = null;

/** For tuning tools (not part of the lib's API): reports each candidate sentence and what became of it. */
export function traceExtraction(fn: typeof trace): void {
  trace = fn;
}

/** Runs the whole pipeline on one news item. */
export function extract(text: string, options: ExtractOptions = {}): ExtractionResult {
  const kt = keyText(text);
  const script = detectScriptLanguage(text);
  const lang: Language = options.lang ?? (script === 'ar' || !script ? 'en' : script);
  const publisherCountry = options.publisherCountry ?? (PACKS[lang].events.defaultPublisher || null);
  const published = findPublicationDate(kt.key, lang);
  const chrome = findChrome(kt.key);
  if (published) {
    // the header line that carries the publication date is chrome, not a title or a body date
    const ls = kt.key.lastIndexOf('\n', published.start) + 1;
    let le = kt.key.indexOf('\n', published.end);
    if (le < 0) le = kt.key.length;
    if (le - ls <= 80) chrome.push({ start: ls, end: le });
    chrome.sort((x, y) => x.start - y.start);
  }
  const key = blankChrome(kt.key, chrome);
  const title = findTitle(key);
  const sentences = splitSentences(key).filter((s) => !title || s.start >= title.end || s.end <= title.start);
  const originalAt = (i: number) => text.slice(kt.start[i], kt.end[i]);
  const places = findMentions(key, lang, publisherCountry, originalAt);
  const line = dateline(key, sentences[0], text, kt, places);
  // a dateline's date ("GENEVA, July 20, 2023 (MNA) –") is the publication date when nothing else gives one
  const lineDate = line?.date ? findDates(key.slice(line.date.start, line.date.end), lang, null).find((d) => d.date && !d.relative) : undefined;
  const publishedAt = options.publishedAt ?? published?.date ?? lineDate?.date ?? null;
  const doc: Doc = {
    source: text,
    kt,
    key,
    lang,
    publisherCountry,
    publishedAt,
    title,
    sentences,
    mentions: places,
    dates: findDates(key, lang, publishedAt),
    cache: new Map(),
    answers: new Map(),
    home: publisherCountry,
  };
  doc.home ??= datelineCountry(doc, line);
  const titleText = title ? evidence(doc, title).text : null;
  const result: ExtractionResult = { language: lang, publishedAt, title: titleText, events: [] };
  if (script === 'ar' && !options.lang) return result;

  // an item whose headline (or lead, with no headline) is commentary or speculation reports no event of its own
  const head = title ?? sentences.find((s) => key.slice(s.start, s.end).split(/\s+/).length >= 5);
  if (head && (hasHit(doc, COMMENTARY[lang], head) || (title && hasHit(doc, SPECULATION[lang], title) && !quotedHeadline(doc, title)))) return result;
  // a sports report: its «دیدار» and "meetings" are games («شیلی ۲ بر یک مغلوب ونزوئلا شد»)
  if ([title, leadOf(doc)].some((s) => !!s && hasHit(doc, SPORT_MATCH[lang], s))) return result;
  const allSentences = [...(title ? [title] : []), ...sentences];
  const mentions = findProposalMentions(doc, allSentences);
  const built: Built[] = [];
  const anchors = findAnchors(doc);
  const anchorSpans = anchors.map((a) => a.span);
  for (const anchor of anchors) {
    const main = built.length === 0;
    if (main && sentences.indexOf(anchor.span) >= ANCHOR_WINDOW) continue;
    // a later sentence naming no country is more of the event before it ("In the meeting, Rouhani also met Maliki")
    const last = built[built.length - 1];
    if (last && !mentionsIn(doc, anchor.span).some((m) => !m.topic) && anchor.status === last.status) {
      for (const p of findParticipants(doc, [anchor.span])) addParticipant(last.participants, p);
      last.later.push(anchor.span);
      continue;
    }
    const b = buildEvent(doc, anchor, main ? title : null, mentions, anchorSpans);
    trace?.(doc.key.slice(anchor.span.start, anchor.span.end), typeof b === 'string' ? b : `event ${b.type} ${b.status} ${b.parties.join(',')}`);
    if (typeof b === 'string') {
      // a sentence too thin to be an event of its own may still date the one reported («لاوروف قرار است فردا جمعه ۲۸ اکتبر …»)
      const last = built[built.length - 1];
      if (last && anchor.status === last.status && namesOnly(doc, anchor.span, last.parties)) last.later.push(anchor.span);
      continue;
    }
    // one event per set of parties: a later sentence about the same meeting names more of its people
    // "the two sides also discussed Afghanistan": the two sides are the event's own, not a new pair
    const same = b.backReference && built.length ? built[built.length - 1] : built.find((x) => b.parties.every((c) => x.parties.includes(c)));
    if (same) {
      // "… who has travelled to Egypt, said Iran will …" then "Larijani held talks yesterday with Mubarak": held
      if (same.status === 'SCHEDULED' && b.status === 'HELD' && b.anchor) {
        same.status = 'HELD';
        same.focus.push(b.anchor);
      }
      if (same.status === b.status) {
        for (const p of b.participants) addParticipant(same.participants, p);
        // a later sentence about the same meeting may be the one that dates it («قرار است فردا جمعه ۲۸ اکتبر …»)
        if (b.anchor && !same.focus.includes(b.anchor) && !b.backReference) same.later.push(b.anchor);
      }
      continue;
    }
    built.push(b);
  }
  if (!built.length) {
    const statement = buildStatement(doc, mentions) ?? relationsStatement(doc);
    if (statement) built.push(statement);
  }
  // each proposal belongs to the event reported last before it (the title and the lead to the first)
  const owner = (m: ProposalMention) => {
    let i = 0;
    for (let j = 1; j < built.length; j++) if (built[j].focus[built[j].focus.length - 1].start <= m.sentence.start) i = j;
    return i;
  };
  // a third country's old deal ("In 2017 Russia and Turkey agreed S-400 deliveries") is not this event's
  const about = (b: Built, m: ProposalMention) =>
    partiesIn(doc, m.sentence, m.sentence === title).every((c) => b.parties.includes(c)) || !background(doc, m.sentence, m.hit);
  result.events = built.map((b, i) =>
    finishEvent(
      doc,
      b,
      mentions.filter((m) => b.mentionFilter(m) && owner(m) === i && about(b, m)),
      i === 0 ? sentences : sentencesFrom(sentences, b.focus[b.focus.length - 1]),
      line,
    ),
  );
  return result;
}

// A sentence that names countries, all of them the event's ("the two sides also discussed …").
// (plain loops: an optimised caller met new array shapes here and was compiled again)
function namesOnly(doc: Doc, span: Span, parties: string[]): boolean {
  let named = false;
  for (const m of mentionsIn(doc, span)) {
    if (m.topic) continue;
    if (!parties.includes(m.place.code)) return false;
    named = true;
  }
  return named;
}

// The event's sentences and those of its documents, for its sectors.
function sectorFocus(focus: Span[], mentions: ProposalMention[]): Span[] {
  const out = [...focus];
  for (const m of mentions) if (m.kind === 'MOU' || m.kind === 'AGREEMENT') out.push(m.sentence);
  return out;
}

// "Chalabi: US troops may leave next year": a headline that quotes someone
function quotedHeadline(doc: Doc, s: Span): boolean {
  return /^[^:،,\n]{2,40}:/.test(doc.key.slice(s.start, s.end));
}

// The lead: the first body sentence that says something («خبرگزاری فارس:» on a line of its own does not).
function leadOf(doc: Doc): Span | null {
  if (doc.lead === undefined) doc.lead = doc.sentences.find((s) => doc.key.slice(s.start, s.end).split(/\s+/).length >= 5) ?? null;
  return doc.lead;
}

// A meeting reported as held, which ongoing talks in the same sentence do not undo.
// ("… will sign an MoU next month, he said after meeting the Kazakh deputy minister": the meeting is the event)
const PAST_MEETING = perLanguage((p) => p.cues.pastMeeting);

// Talks, calls and visits of officials with no subject named are diplomacy.
function sectorsOf(doc: Doc, type: EventType, focus: Span[]): Sector[] {
  const found = findSectors(doc, focus);
  return found.length || type === 'STATEMENT' || type === 'SIGNING' ? found : ['DIPLOMACY'];
}

function sentencesFrom(sentences: Span[], from: Span): Span[] {
  const i = sentences.indexOf(from);
  return i < 0 ? sentences : sentences.slice(i);
}

interface Built {
  type: EventType;
  status: EventStatus;
  parties: string[];
  focus: Span[];
  anchor: Span | null;
  participants: Participant[];
  /** Later sentences about the same event, read for its date when its own give none. */
  later: Span[];
  /** Its sentence names at most one country and says "the two sides": it refers to an event already reported. */
  backReference: boolean;
  /** Drops proposal mentions that are the event itself. */
  mentionFilter: (m: ProposalMention) => boolean;
}

// The event's sentence and the next two; for an event in the opening lines, the lead too (it introduces the actors).
// `until`: the sentence of the next event, whose people are its own.
function participantsAround(doc: Doc, s: Span | null, until: Span | null = null, withLead = true): Participant[] {
  if (!s) return [];
  const i = doc.sentences.indexOf(s);
  // a headline's people are named in the lead («Об этом заявил глава МИД Турции …»)
  const next = until ? doc.sentences.indexOf(until) : -1;
  const spans = i < 0 ? [s, ...doc.sentences.slice(0, 3)] : doc.sentences.slice(i, next > i ? Math.min(next, i + 3) : i + 3);
  const lead = withLead ? leadOf(doc) : null;
  if (lead && i > doc.sentences.indexOf(lead) && i <= doc.sentences.indexOf(lead) + 3) spans.push(lead);
  return findParticipants(doc, spans);
}

// Returns the event, or why the sentence is not one.
function buildEvent(doc: Doc, anchor: Anchor, title: Span | null, mentions: ProposalMention[], others: Span[]): Built | string {
  const { lang, home, sentences } = doc;
  const span = anchor.span;
  const type = eventType(doc, span, title);
  if (!type) return 'no event type';
  const focus: Span[] = [...(title ? [title] : []), span];
  // The acting countries of the event's own sentence: named, through their officials, or visited.
  const own = new Set([...partiesIn(doc, span, false), ...visited(doc, span)]);
  const people = findParticipants(doc, [span]);
  for (const p of people) if (p.country) own.add(p.country);
  // (the people the item named elsewhere are looked up only when the sentence itself falls short)
  if (own.size < 2) for (const c of knownPeopleIn(doc, span)) own.add(c);
  // «وزیر راه و شهرسازی … با وزیر حمل‌ونقل روسیه دیدار کرد»: an official with no country is the publisher's
  // (or, for an agency report, the country of its dateline: "TEHRAN – President Rouhani met …")
  if (own.size === 1 && home && !own.has(home) && unattributedTitles(doc, span) > 0) own.add(home);
  const parties = new Set(own);
  if (title) for (const c of partiesIn(doc, title, true)) parties.add(c);
  // the next sentence that reports a meeting with other countries is another event ("… then met Cuba's minister")
  const until = others.find((x) => x.start > span.start && mentionsIn(doc, x).some((m) => !m.topic && !own.has(m.place.code))) ?? null;
  // the lead introduces the first event's people, not a later one's
  const participants = participantsAround(doc, span, until, others[0] === span || !!title);
  for (const p of participants) if (p.country) parties.add(p.country);
  const i = sentences.indexOf(span);
  // who "the two countries" or an unnamed subject are: the lead says (or the next lines, when it does not)
  // the lead: the first real sentence, when the event comes within three sentences after it
  const leadSpan = leadOf(doc);
  const li = leadSpan ? sentences.indexOf(leadSpan) : -1;
  const afterLead = leadSpan && i > li && i <= li + 3 && (others[0] === span || !!title) ? leadSpan : null;
  const context = [...(afterLead ? [afterLead] : []), ...sentences.slice(i + 1, i + 3)];
  for (const s of context) {
    if (parties.size >= 2) break;
    for (const c of partiesIn(doc, s, false)) parties.add(c);
  }
  if (parties.size === 1 && home && !parties.has(home) && unattributedTitles(doc, span) > 0) parties.add(home);
  if (parties.size < 2) return 'fewer than two parties';
  // The acting countries must meet in the event's own sentence, or in a title or lead that reports the event.
  const support = new Set<string>();
  if (title && reportsInteraction(doc, title)) for (const c of partiesIn(doc, title, true)) support.add(c);
  if (afterLead) for (const c of partiesIn(doc, afterLead, false)) support.add(c);
  const both = hasHit(doc, BOTH_SIDES[lang], span);
  // "Rouhani made the remarks in a meeting with his Venezuelan counterpart": the lead said who Rouhani is
  const lead = afterLead ? new Set(partiesIn(doc, afterLead, false)) : new Set<string>();
  // (or "Erdogan, on his first visit to Australia, said …" after a lead that named the Turkish PM)
  const named = people.length > 0 || (type === 'VISIT' && visited(doc, span).length > 0);
  const strong =
    own.size >= 2 ||
    (own.size >= 1 && named && new Set([...own, ...lead]).size >= 2) ||
    (own.size >= 1 && support.size >= 2 && [...own].every((c) => support.has(c))) ||
    (own.size >= 1 && both) ||
    (own.size === 0 && both && support.size === 2);
  if (!strong) return 'parties not acting in the sentence';
  // the working group or session that is itself the event is not a proposal
  const mentionFilter = (m: ProposalMention) => !m.vague && !(m.kind === 'OTHER' && m.status !== 'AGREED' && (m.sentence === span || m.sentence === title));
  // A cooperation event says so: in the title or the event's sentences, or through a proposal.
  // (officials named on both sides, or a call between them, is enough)
  // (an official's trip to another country is an interaction of its own)
  const trip = visited(doc, span).length > 0 && (titleHeads(doc, span) >= 1 || participants.length > 0 || (!!afterLead && titleHeads(doc, afterLead) >= 1));
  const sides = new Set<string>();
  for (const p of participants) {
    const side = p.country ?? (p.title && home && parties.has(home) ? home : null);
    if (side) sides.add(side);
  }
  const officials =
    type === 'CALL' ||
    trip ||
    sides.size >= 2 ||
    (titleHeads(doc, span) >= 1 && new Set(partiesIn(doc, span, false)).size >= 2);
  if (!officials && !mentions.some(mentionFilter) && !focus.some((s) => hasHit(doc, COOPERATION[lang], s))) return 'no cooperation';
  if (title && hasHit(doc, HOSTILE[lang], title) && !hasHit(doc, COOPERATION[lang], title) && !mentions.length && !officials) return 'hostile headline';
  let status = anchor.status;
  // "Rouhani to visit Yerevan": a headline in the infinitive announces
  if (status === 'HELD' && title && hasHit(doc, FUTURE_MEETING[lang], title) && !cueIn(doc, 'MEETING', span) && !signingDone(doc, span)) status = 'SCHEDULED';
  return { type, status, parties: [...parties].sort(), focus, anchor: span, participants, mentionFilter, backReference: own.size < 2 && both, later: [] };
}

function reportsInteraction(doc: Doc, s: Span): boolean {
  return hasHit(doc, COOPERATION[doc.lang], s) || cueIn(doc, 'MEETING', s) || cueIn(doc, 'VISIT', s) || cueIn(doc, 'CALL', s);
}

// A report on the state of cooperation with no meeting: a status beyond "proposed" (signed, in force, stalled,
// dropped, being negotiated) between two countries named in the same sentence; plans ("will", "agreed") alone
// are not a statement. A headline that names the document counts as its sentence
// («لغو تفاهمنامه منطقه آزاد مشترک ایران و عراق»).
function buildStatement(doc: Doc, mentions: ProposalMention[]): Built | null {
  const { title, lang } = doc;
  const titleParties = title && mentions.some((m) => m.sentence === title) ? partiesIn(doc, title, true) : [];
  const partiesOf = (m: ProposalMention) => new Set([...partiesIn(doc, m.sentence, false), ...titleParties]);
  // the item's own subject: a statement in its lead, or about countries its title names (not background in a closing line)
  const lead = new Set([...(title ? [title] : []), ...doc.sentences.slice(0, 3)]);
  const titled = title ? new Set(partiesIn(doc, title, true)) : null;
  const titleOnRelations = !!title && (reportsInteraction(doc, title) || mentions.some((m) => m.sentence === title));
  const onTopic = (m: ProposalMention) => {
    if (!titled || lead.has(m.sentence)) return true;
    const shared = [...partiesOf(m)].filter((c) => titled.has(c)).length;
    return shared >= 2 || (shared >= 1 && titleOnRelations);
  };
  // a proposal made, accepted or rejected counts too, when both countries are named in its own sentence
  // sanctions or an attack named beside cooperation (the sentence's or the headline's) do not undo it
  const cooperative = !!title && hasHit(doc, COOPERATION[lang], title);
  const hostile = (s: Span) => hasHit(doc, HOSTILE[lang], s) && !cooperative && !hasHit(doc, COOPERATION[lang], s);
  const stated = mentions.filter(
    (m) => m.cue && (STATED.has(m.status) ? partiesOf(m).size >= 2 : new Set(partiesIn(doc, m.sentence, false)).size >= 2) && onTopic(m) && !hostile(m.sentence) && !hasHit(doc, COMMENTARY[lang], m.sentence),
  );
  if (!stated.length) return null;
  const parties = new Set<string>();
  for (const m of stated) for (const c of partiesOf(m)) parties.add(c);
  if (title && hasHit(doc, HOSTILE[lang], title) && !hasHit(doc, COOPERATION[lang], title)) return null;
  return {
    type: 'STATEMENT',
    status: 'HELD',
    parties: [...parties].sort(),
    focus: [...(title ? [title] : []), stated[0].sentence],
    anchor: null,
    participants: participantsAround(doc, stated[0].sentence),
    mentionFilter: () => true,
    backReference: false,
    later: [],
  };
}

// "The new British ambassador to Tehran says his country will continue to improve relationship with Iran":
// someone speaking of two countries' relations, in the headline, the lead or a sentence about the headline's country
function relationsStatement(doc: Doc): Built | null {
  const { title, lang } = doc;
  if (title && (hasHit(doc, HOSTILE[lang], title) || hasHit(doc, COMMENTARY[lang], title))) return null;
  // (any country the headline names, also as a place: «مخالفت با استرداد فوجیموری در شیلی»)
  const titled = title ? mentionsIn(doc, title).map((m) => m.place.code) : [];
  const partiesOf = (s: Span) => [...new Set(partiesIn(doc, s, true))].sort();
  const said = [...(title ? [title] : []), ...doc.sentences].find((s, i) => {
    if (!hasHit(doc, RELATIONS[lang], s) || !hasHit(doc, SAYS[lang], s) || hasHit(doc, HOSTILE[lang], s) || hasHit(doc, COMMENTARY[lang], s)) return false;
    const parties = partiesOf(s);
    return parties.length >= 2 && (i < 4 || parties.some((c) => titled.includes(c)));
  });
  if (!said) return null;
  return {
    type: 'STATEMENT',
    status: 'HELD',
    parties: partiesOf(said),
    focus: [...(title ? [title] : []), said],
    anchor: null,
    participants: participantsAround(doc, said),
    mentionFilter: () => true,
    backReference: false,
    later: [],
  };
}

function finishEvent(doc: Doc, b: Built, mentions: ProposalMention[], sentences: Span[], line: Dateline | null): ExtractedEvent {
  const { publishedAt, lang, publisherCountry } = doc;
  const { type, status, parties: partyList, focus, anchor, participants } = b;
  // Persian press names its own officials without a country: the one unattributed person is the publisher's
  if (publisherCountry && partyList.includes(publisherCountry) && !participants.some((p) => p.country === publisherCountry)) {
    const anon = participants.filter((p) => !p.country);
    const subject = anon.find((p) => p.title === null) ?? anon[0];
    if (subject && PACKS[lang].events.ownOfficialsUnnamed) subject.country = publisherCountry;
  }
  const anchorIndex = anchor ? doc.sentences.indexOf(anchor) : -1;
  const nextSentence = anchorIndex >= 0 ? doc.sentences[anchorIndex + 1] : undefined;
  // a cancelled event is dated by the day it was planned for ("planned for June 10 … has been cancelled")
  const ahead = status === 'SCHEDULED' || status === 'CANCELLED';
  // the event's own sentences first, then later sentences about it, then the title
  // (a statement from the headline is dated by the lead: "… announced on Sunday that they will postpone …")
  const lead = !anchor ? leadOf(doc) : null;
  // "… has invited Iran, Russia and Turkey to negotiations on Syria. The talks will be held in Geneva on September 11-12."
  const venue = ahead && nextSentence && !b.later.includes(nextSentence) && hasHit(doc, WILL_BE_HELD[lang], nextSentence) ? nextSentence : null;
  const venueCity = venue ? mentionsIn(doc, venue).find((m) => m.place.city && m.locative) : undefined;
  const dating = [...focus.filter((s) => s !== doc.title).reverse(), ...b.later, ...(venue ? [venue] : []), ...focus.filter((s) => s === doc.title), ...(lead && !focus.includes(lead) ? [lead] : [])];
  let { date, dateSource } = eventDate(doc, dating, line?.date ?? null, ahead, b.later);
  // (one about the event already, a later sentence, was read above, where only a recent day dates it: an older one is
  // another event's, «… итогов саммита Россия – Африка, завершившегося 24 октября в Сочи»)
  if (dateSource === 'PUBLISHED' && nextSentence && !ahead && !b.later.includes(nextSentence)) {
    // the second sentence often gives the day («… که روز ۷ تیر ۱۴۰۴ به ایروان سفر کرده بود»)
    const d = doc.dates.find((x) => !x.relative && x.date && x.start >= nextSentence.start && x.end <= nextSentence.end);
    if (d && (!publishedAt || d.date! <= publishedAt)) ({ date, dateSource } = { date: d.date, dateSource: 'TEXT' });
  }
  // an event still to come (or called off) has no date until the text gives one: its report's publication date is not it
  if (ahead && dateSource === 'PUBLISHED') ({ date, dateSource } = { date: null, dateSource: null });
  const proposals = mergeProposals(doc, mentions);
  const followUps = findFollowUps(doc, partyList, mentions, sentences, focus);
  const ev = focus.map((s) => evidence(doc, s));
  if (!focus.length && mentions.length) ev.push(evidence(doc, mentions[0].sentence));

  let confidence = type === 'STATEMENT' ? 0.4 : 0.5;
  if (anchor && cueIn(doc, 'MEETING', anchor)) confidence += 0.1;
  if (doc.title && focus.includes(doc.title) && partiesIn(doc, doc.title, true).length >= 2) confidence += 0.1;
  if (participants.length) confidence += 0.1;
  if (dateSource) confidence += 0.05;
  if (proposals.length) confidence += 0.05;
  return {
    type,
    status,
    date,
    dateSource,
    countries: partyList,
    location: type === 'CALL' ? null : venueCity ? { name: venueCity.place.name, country: venueCity.place.code } : placeOf(doc, b, line),
    sectors: sectorsOf(doc, type, sectorFocus(focus, mentions)),
    participants,
    proposals,
    followUps,
    evidence: ev,
    confidence: Math.round(Math.min(0.95, confidence) * 100) / 100,
  };
}
