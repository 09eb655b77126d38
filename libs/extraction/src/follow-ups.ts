// Follow-ups: concrete next steps. Agreed signings and projects, accepted invitations, the next meeting or
// a committee to convene. Owners are countries; the horizon and due date come from the same sentence.
import { BOTH_SIDES, EVENT_CUES, FUTURE, FUTURE_MEETING, HORIZON_CUES, NEXT_STEP, NUMBER_WORDS, WITHIN } from './cues.js';
import { type Doc, evidence, hasHit, hitsIn, mentionsIn, originalText } from './document.js';
import { addDays, addMonths } from './jalali.js';
import type { ProposalMention } from './proposals.js';
import type { Span } from './sentences.js';
import type { ExtractedFollowUp } from './types.js';
import type { FollowUpHorizon } from './vocabulary.js';
import { rx } from './lexicon.js';
import { COUNTRY_NAMES } from './gazetteer.js';

export function horizonOf(doc: Doc, sentence: Span): FollowUpHorizon {
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
  for (const m of doc.key.slice(sentence.start, sentence.end).matchAll(/(?<!\d)(20\d\d)(?!\d)/g)) {
    if (+m[1] > pubYear) return `${m[1]}-01-01`;
  }
  return null;
}

export function dueDateOf(doc: Doc, sentence: Span): string | null {
  if (!doc.publishedAt) return null;
  const re = WITHIN[doc.lang];
  re.lastIndex = 0;
  const m = re.exec(doc.key.slice(sentence.start, sentence.end));
  if (!m) return null;
  const n = m[1] === undefined ? 1 : /^\d+$/.test(m[1]) ? +m[1] : NUMBER_WORDS[m[1]];
  if (!n) return null;
  const unit = m[2];
  if (/^(?:month|ماه|месяц)/u.test(unit)) return addMonths(doc.publishedAt, n);
  if (/^(?:week|هفته|недел)/u.test(unit)) return addDays(doc.publishedAt, 7 * n);
  if (/^(?:day|روز|дн|дней)/u.test(unit)) return addDays(doc.publishedAt, n);
  if (/^(?:year|سال|год|лет)/u.test(unit)) return addMonths(doc.publishedAt, 12 * n);
  return null;
}

// The destination of a visit: the country after «سفر به», "visit to", "to visit", "посетить", "в Иран".
const DESTINATION_BEFORE = {
  fa: new RegExp(`(?<![\\p{L}\\p{M}])(?:${rx('سفر به|بازدید از|سفر به کشور|به')})\\s$`, 'u'),
  en: /\b(?:visit to|visit|to|travel to|trip to)\s$/,
  ru: /(?<![\p{L}\p{M}])(?:в|во|посетить)\s$/u,
};

function destination(doc: Doc, sentence: Span): string | null {
  for (const m of mentionsIn(doc, sentence)) {
    const before = doc.key.slice(Math.max(sentence.start, m.start - 16), m.start);
    if (DESTINATION_BEFORE[doc.lang].test(before)) return m.place.code;
  }
  return null;
}

const DONE_STATUSES = new Set(['SIGNED', 'IMPLEMENTING', 'COMPLETED']);

const ACTION: Record<string, string> = {
  MOU: 'Sign the memorandum of understanding',
  AGREEMENT: 'Sign the agreement',
  JOINT_PROJECT: 'Carry out the joint project',
  EVENT: 'Hold the event',
  EXCHANGE: 'Carry out the exchange',
  TRAINING: 'Hold the training',
  OTHER: 'Carry out the decision',
};

/** `event`: the sentences that report the event itself (its own announcement is not a further step). */
export function findFollowUps(doc: Doc, parties: string[], mentions: ProposalMention[], sentences: Span[], event: Span[] = []): ExtractedFollowUp[] {
  const out: ExtractedFollowUp[] = [];
  const used = new Set<string>();
  const bySentence = new Map<number, ExtractedFollowUp>();
  const add = (description: string, owners: string[], sentence: Span, key: string) => {
    const ev = evidence(doc, sentence);
    const horizon = horizonOf(doc, sentence);
    const dueDate = dueDateOf(doc, sentence);
    // one follow-up per step and per sentence; a later mention with a horizon or a due date refines it
    const existing = used.has(key) ? out.find((x) => x.description === description) : bySentence.get(sentence.start);
    if (existing) {
      if (!existing.evidence.some((e) => e.start === ev.start)) existing.evidence.push(ev);
      if (existing.horizon === 'UNSPECIFIED' && horizon !== 'UNSPECIFIED') existing.horizon = horizon;
      if (!existing.dueDate && dueDate) existing.dueDate = dueDate;
      return;
    }
    used.add(key);
    const f: ExtractedFollowUp = { description, owners: [...new Set(owners)].sort(), horizon, dueDate, evidence: [ev] };
    bySentence.set(sentence.start, f);
    out.push(f);
  };
  // A document this report shows signed (or under way) needs no "sign it" step, whatever an earlier
  // sentence said of its drafting («متن آن … نهایی شده بود»).
  const done = new Set(mentions.filter((m) => DONE_STATUSES.has(m.status)).map((m) => m.kind));
  for (const m of mentions) {
    if (m.kind === 'VISIT' && (m.status === 'PROPOSED' || m.status === 'AGREED')) {
      const dest = destination(doc, m.sentence);
      const owners = dest && parties.includes(dest) ? parties.filter((p) => p !== dest) : parties;
      const label = dest ? `Visit ${COUNTRY_NAMES.get(dest) ?? dest}` : 'Visit (invitation)';
      add(label, owners.length ? owners : parties, m.sentence, `VISIT:${dest}`);
    } else if (done.has(m.kind) && (m.status === 'AGREED' || m.status === 'NEGOTIATING') && horizonOf(doc, m.sentence) !== 'UNSPECIFIED') {
      // a further dated step about a document signed here ("and agreed to draw up a roadmap within three months")
      add(`Follow up: ${clip(originalText(doc, m.sentence))}`, parties, m.sentence, `FUT:${m.sentence.start}`);
    } else if ((m.status === 'AGREED' || m.status === 'NEGOTIATING') && ACTION[m.kind] && !done.has(m.kind) && isStep(doc, m)) {
      const desc =
        m.kind === 'OTHER'
          ? `Carry out: ${clip(originalText(doc, m.sentence))}`
          : m.status === 'NEGOTIATING'
            ? ACTION[m.kind].replace(/^Sign/, 'Finalise and sign')
            : ACTION[m.kind];
      add(desc, parties, m.sentence, m.kind === 'OTHER' ? `OTHER:${m.sentence.start}` : m.kind);
    }
  }
  // next meeting, committees, other dated future steps
  for (const s of sentences) {
    const next = hitsIn(doc, NEXT_STEP[doc.lang], s);
    const future = hasHit(doc, FUTURE[doc.lang], s);
    const horizon = horizonOf(doc, s);
    const meetingAhead =
      hasHit(doc, FUTURE_MEETING[doc.lang], s) || (future && (hasHit(doc, EVENT_CUES.MEETING[doc.lang], s) || hasHit(doc, EVENT_CUES.VISIT[doc.lang], s)));
    if (next.length && (future || horizon !== 'UNSPECIFIED')) {
      add(`Next step: ${originalText(doc, next[0])}`, parties, s, `NEXT:${s.start}`);
    } else if (meetingAhead && !event.includes(s) && mentionsIn(doc, s).some((m) => parties.includes(m.place.code))) {
      // a meeting or visit still to come between the same countries: "Putin will visit Egypt in 2020"
      const dest = destination(doc, s);
      add(dest && parties.includes(dest) ? `Visit ${COUNTRY_NAMES.get(dest) ?? dest}` : 'Hold the next meeting', parties, s, `MEET:${s.start}`);
    } else if (future && horizon !== 'UNSPECIFIED' && !mentions.some((m) => m.sentence.start === s.start) && hasHit(doc, BOTH_SIDES[doc.lang], s)) {
      add(`Follow up: ${clip(originalText(doc, s))}`, parties, s, `FUT:${s.start}`);
    }
  }
  return out;
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

// An agreed document to sign, a decision («مقرر شد», "agreed to"), or anything with a time frame is a
// next step; a bare future ("will take part") is not.
function isStep(doc: Doc, m: ProposalMention): boolean {
  if (m.kind === 'MOU' || m.kind === 'AGREEMENT') return true;
  return horizonOf(doc, m.sentence) !== 'UNSPECIFIED';
}
