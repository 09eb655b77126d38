// Follow-ups: concrete next steps. Agreed signings and projects, accepted invitations, the next meeting or
// a committee to convene. Owners are countries; the horizon and due date come from the same sentence.
import { BOTH_SIDES, EVENT_CUES, FUTURE, FUTURE_MEETING, HORIZON_CUES, NEXT_STEP, NUMBER_WORDS, PROPOSAL_CUES, WITHIN } from './cues.js';
import { PACKS, perLanguage } from './lang/index.js';
import { type Doc, evidence, hasHit, hitsIn, memo, mentionsIn, originalText, remember } from './document.js';
import { addDays, addMonths } from './jalali.js';
import type { ProposalMention } from './proposals.js';
import type { Span } from './sentences.js';
import type { ExtractedFollowUp } from './types.js';
import { type FollowUpHorizon, LANGUAGES } from './vocabulary.js';
import { meetAction, objectPhrase, proposalAction, visitAction, withOwners } from './labels.js';

// A sentence's horizon is asked for by each mention in it and each event: read once per item.
const HORIZONS = memo<FollowUpHorizon>('follow-up horizon');

export function horizonOf(doc: Doc, sentence: Span): FollowUpHorizon {
  return remember(doc, HORIZONS, sentence, readHorizon);
}

function readHorizon(doc: Doc, sentence: Span): FollowUpHorizon {
  let best: { h: FollowUpHorizon; at: number } | null = null;
  for (const [h, cues] of HORIZON_CUES) {
    const hits = hitsIn(doc, cues[doc.lang], sentence);
    if (hits.length && (!best || hits[0].start < best.at)) best = { h, at: hits[0].start };
  }
  if (best) return best.h;
  // a date still to come says how soon: «۲۱ января», "on Tuesday", "in 2020"
  const ahead = aheadDate(doc, sentence);
  if (!ahead || !doc.publishedAt) return 'UNSPECIFIED';
  if (ahead <= addDays(doc.publishedAt, 10)) return 'IMMEDIATE';
  return ahead <= addMonths(doc.publishedAt, 6) ? 'NEAR_TERM' : 'LONG_TERM';
}

// The first date in the sentence after publication, read forward; a later year on its own counts from its first day.
function aheadDate(doc: Doc, sentence: Span): string | null {
  if (!doc.publishedAt) return null;
  for (const d of doc.dates) {
    if (d.start < sentence.start || d.end > sentence.end) continue;
    if (d.ahead && d.ahead > doc.publishedAt) return d.ahead;
  }
  const pubYear = +doc.publishedAt.slice(0, 4);
  // (/(?<!\d)(20\d\d)(?!\d)/g over the sentence, by hand: a run of exactly four digits opening with 20)
  const key = doc.key;
  for (let i = sentence.start; i < sentence.end; ) {
    if (!isDigitCode(key.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < sentence.end && isDigitCode(key.charCodeAt(j))) j++;
    if (j - i === 4 && key.startsWith('20', i)) {
      const year = key.slice(i, j);
      if (+year > pubYear) return `${year}-01-01`;
    }
    i = j;
  }
  return null;
}

const isDigitCode = (c: number) => c >= 0x30 && c <= 0x39;

// (asked again by each mention of a sentence)
const DUE_DATES = memo<string | null>('due date');

export function dueDateOf(doc: Doc, sentence: Span): string | null {
  if (!doc.publishedAt) return null;
  return remember(doc, DUE_DATES, sentence, readDueDate);
}

function readDueDate(doc: Doc, sentence: Span): string | null {
  if (!doc.publishedAt) return null;
  const re = WITHIN[doc.lang];
  re.lastIndex = 0;
  const m = re.exec(doc.key.slice(sentence.start, sentence.end));
  if (!m) return null;
  const n = m[1] === undefined ? 1 : /^\d+$/.test(m[1]) ? +m[1] : NUMBER_WORDS[m[1]];
  if (!n) return null;
  const unit = m[2];
  const units = PACKS[doc.lang].dates.units;
  const is = (words: readonly string[]) => words.some((w) => unit.startsWith(w));
  if (is(units.month)) return addMonths(doc.publishedAt, n);
  if (is(units.week)) return addDays(doc.publishedAt, 7 * n);
  if (is(units.day)) return addDays(doc.publishedAt, n);
  if (is(units.year)) return addMonths(doc.publishedAt, 12 * n);
  return null;
}

// The destination of a visit: the country after «سفر به», "visit to", "to visit", "посетить", "в Иран".
const DESTINATION_BEFORE = perLanguage((p) => p.cues.destinationBefore);

function destination(doc: Doc, sentence: Span): string | null {
  for (const m of mentionsIn(doc, sentence)) {
    const before = doc.key.slice(Math.max(sentence.start, m.start - 16), m.start);
    if (DESTINATION_BEFORE[doc.lang].test(before)) return m.place.code;
  }
  return null;
}

const DONE_STATUSES = new Set(['SIGNED', 'IMPLEMENTING', 'COMPLETED']);

const ACTION_KINDS = new Set(['MOU', 'AGREEMENT', 'JOINT_PROJECT', 'EVENT', 'EXCHANGE', 'TRAINING', 'OTHER']);

/** `event`: the sentences that report the event itself (its own announcement is not a further step). */
export function findFollowUps(doc: Doc, parties: string[], mentions: ProposalMention[], sentences: Span[], event: Span[] = []): ExtractedFollowUp[] {
  const out: ExtractedFollowUp[] = [];
  const byKey = new Map<string, ExtractedFollowUp>();
  const bySentence = new Map<number, ExtractedFollowUp>();
  // (`describe` is called only for a new follow-up)
  const add = (describe: () => string, owners: string[], sentence: Span, key: string) => {
    const ev = evidence(doc, sentence);
    const horizon = horizonOf(doc, sentence);
    const dueDate = dueDateOf(doc, sentence);
    // one follow-up per step and per sentence; a later mention with a horizon or a due date refines it
    const existing = byKey.get(key) ?? bySentence.get(sentence.start);
    if (existing) {
      if (!existing.evidence.some((e) => e.start === ev.start)) existing.evidence.push(ev);
      if (existing.horizon === 'UNSPECIFIED' && horizon !== 'UNSPECIFIED') existing.horizon = horizon;
      if (!existing.dueDate && dueDate) existing.dueDate = dueDate;
      return;
    }
    const f: ExtractedFollowUp = { description: describe(), owners: [...new Set(owners)].sort(), horizon, dueDate, evidence: [ev] };
    byKey.set(key, f);
    bySentence.set(sentence.start, f);
    out.push(f);
  };
  // A document this report shows signed (or under way) needs no "sign it" step, whatever an earlier
  // sentence said of its drafting («متن آن … نهایی شده بود»).
  const done = new Set(mentions.filter((m) => DONE_STATUSES.has(m.status)).map((m) => m.kind));
  const { lang } = doc;
  const label = (owners: string[], action: string) => withOwners(lang, owners, action, doc.home);
  for (const m of mentions) {
    if (m.kind === 'VISIT' && (m.status === 'PROPOSED' || m.status === 'AGREED')) {
      const dest = destination(doc, m.sentence);
      const owners = dest && parties.includes(dest) ? parties.filter((p) => p !== dest) : parties;
      const action = () => (dest ? visitAction(lang, dest) : clauseAfter(doc, m.sentence, m.hit.start));
      add(() => label(owners.length ? owners : parties, action()), owners.length ? owners : parties, m.sentence, `VISIT:${dest}`);
    } else if (done.has(m.kind) && (m.status === 'AGREED' || m.status === 'NEGOTIATING') && horizonOf(doc, m.sentence) !== 'UNSPECIFIED') {
      // a further dated step about a document signed here ("and agreed to draw up a roadmap within three months")
      add(() => label(parties, decided(doc, m.sentence)), parties, m.sentence, `FUT:${m.sentence.start}`);
    } else if ((m.status === 'AGREED' || m.status === 'NEGOTIATING') && ACTION_KINDS.has(m.kind) && !done.has(m.kind) && isStep(doc, m)) {
      // «مقرر شد …», "agreed to …": the decision says what; a named step (dubbing, a working group) is carried out
      const action = () =>
        m.kind === 'OTHER' && (!m.lexical || hasHit(doc, PROPOSAL_CUES.OTHER[lang]!, m.sentence))
          ? decided(doc, m.sentence)
          : proposalAction(lang, m.kind, m.status, objectPhrase(doc, m.hit, m.sentence));
      add(() => label(parties, action()), parties, m.sentence, m.kind === 'OTHER' ? `OTHER:${m.sentence.start}` : m.kind);
    }
  }
  // next meeting, committees, other dated future steps
  for (const s of sentences) {
    const next = hitsIn(doc, NEXT_STEP[lang], s);
    const future = hasHit(doc, FUTURE[lang], s);
    const meetingAhead =
      hasHit(doc, FUTURE_MEETING[lang], s) || (future && (hasHit(doc, EVENT_CUES.MEETING[lang], s) || hasHit(doc, EVENT_CUES.VISIT[lang], s)));
    if (!next.length && !meetingAhead && !future) continue;
    const horizon = horizonOf(doc, s);
    if (next.length && (future || horizon !== 'UNSPECIFIED')) {
      add(() => label(parties, proposalAction(lang, 'EVENT', 'AGREED', objectPhrase(doc, next[0], s))), parties, s, `NEXT:${s.start}`);
    } else if (meetingAhead && !event.includes(s) && mentionsIn(doc, s).some((m) => parties.includes(m.place.code))) {
      // a meeting or visit still to come between the same countries: "Putin will visit Egypt in 2020"
      const dest = destination(doc, s);
      const visitor = parties.filter((p) => p !== dest);
      if (dest && parties.includes(dest)) add(() => label(visitor, visitAction(lang, dest)), visitor, s, `MEET:${s.start}`);
      else add(() => label(parties, meetAction(lang)), parties, s, 'MEET');
    } else if (future && horizon !== 'UNSPECIFIED' && !mentions.some((m) => m.sentence.start === s.start) && hasHit(doc, BOTH_SIDES[lang], s)) {
      add(() => label(parties, decided(doc, s)), parties, s, `FUT:${s.start}`);
    }
  }
  return out;
}

// What was decided: the clause after "agreed to", «مقرر شد», «договорились», else the sentence itself.
function decided(doc: Doc, s: Span): string {
  const cues = hitsIn(doc, PROPOSAL_CUES.OTHER[doc.lang]!, s);
  return clauseAfter(doc, s, cues.length ? cues[cues.length - 1].end : s.start);
}

function clauseAfter(doc: Doc, s: Span, from: number): string {
  let text = originalText(doc, { start: from, end: s.end }).replace(/^[\s,،:؛\-–—]+|[\s.!?؟]+$/gu, '');
  // "agreed that the sides would …", «مقرر شد که …», «договорились о том, что …»
  text = text.replace(CLAUSE_OPENER, '');
  if (!text) text = originalText(doc, s).replace(/[\s.!?؟]+$/u, '');
  if (text.length <= 90) return lowerStart(doc, text);
  const cut = text.slice(0, 88);
  return `${lowerStart(doc, cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)))}…`;
}

// (any language's opener is dropped on any item)
const CLAUSE_OPENER = new RegExp(
  `^(?:${LANGUAGES.flatMap((l) => PACKS[l].labels.clauseOpeners.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('|')})\\s+`,
  'iu',
);
const CAPITALS = perLanguage((p) => p.labels.capitals);

const lowerStart = (doc: Doc, s: string) => (!CAPITALS[doc.lang] || /^\p{Lu}{2}/u.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

// An agreed document to sign, a decision («مقرر شد», "agreed to"), or anything with a time frame is a
// next step; a bare future ("will take part") is not.
function isStep(doc: Doc, m: ProposalMention): boolean {
  if (m.kind === 'MOU' || m.kind === 'AGREEMENT') return true;
  return horizonOf(doc, m.sentence) !== 'UNSPECIFIED';
}
