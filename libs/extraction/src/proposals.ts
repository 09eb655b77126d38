// Proposals: a kind (MoU, joint project, festival…) found in a sentence, with a status from the nearest
// tense/modality cue in that sentence. Mentions of the same kind merge; the most advanced status wins.
import { GENERIC_OBJECT, GENERIC_PROPOSAL, NOT_DONE_AFTER, NOT_DONE_BEFORE, OTHER_LEXICAL, PROPOSAL_CUES, STATUS_CUES } from './cues.js';
import { perLanguage } from './lang/index.js';
import { alternativesOf } from './lexicon.js';
import { background, type Doc, evidence, hitsIn } from './document.js';
import { objectPhrase, proposalDescription, wordCount } from './labels.js';
import { isSpaceCode } from './normalize.js';
import type { Span } from './sentences.js';
import type { ExtractedProposal } from './types.js';
import { PROPOSAL_KINDS, PROPOSAL_STATUSES, type ProposalKind, type ProposalStatus } from './vocabulary.js';

export interface ProposalMention {
  kind: ProposalKind;
  status: ProposalStatus;
  hit: Span;
  sentence: Span;
  /** The cue that set the status, if any. */
  cue: Span | null;
  /** A named step with no kind of its own (dubbing, a working group), not a bare decision («مقرر شد»). */
  lexical: boolean;
  /** A bare "proposal" still only proposed. */
  vague: boolean;
}

const NONE: readonly Span[] = [];
const REACHED = perLanguage((p) => p.cues.reached);
const LATER = new Set<ProposalStatus>(['IMPLEMENTING', 'COMPLETED', 'STALLED', 'WITHDRAWN']);
const RANK = new Map<ProposalStatus, number>(PROPOSAL_STATUSES.map((s, i) => [s, i]));

interface Cue extends Span {
  status: ProposalStatus;
  kinds?: ProposalKind[];
}

function statusCues(doc: Doc, sentence: Span): Cue[] {
  const out: Cue[] = [];
  for (const [status, cues, kinds] of STATUS_CUES) {
    for (const h of hitsIn(doc, cues[doc.lang], sentence)) {
      if (status === 'SIGNED') {
        const before = doc.key.slice(Math.max(sentence.start, h.start - 40), h.start);
        const after = doc.key.slice(h.end, Math.min(sentence.end, h.end + 12));
        // "will sign", "to be signed", «امضا خواهد شد» are never SIGNED
        if (NOT_DONE_BEFORE[doc.lang].test(before) || (NOT_DONE_AFTER[doc.lang].source !== '^$' && NOT_DONE_AFTER[doc.lang].test(after))) {
          out.push({ start: h.start, end: h.end, status: 'AGREED' });
          continue;
        }
      }
      // a later, more specific cue at the same place wins (IMPLEMENTING over SIGNED inside «تفاهم نامه امضا شده»)
      if (out.some((c) => c.start <= h.start && c.end >= h.end)) continue;
      out.push({ start: h.start, end: h.end, status, kinds });
    }
  }
  return out;
}

// Nearest cue wins, but Persian verbs follow their object (a cue after the noun is likelier to govern it), and
// a bare "proposal" word loses to a real status verb nearby («با استقبال از این پیشنهادها گفت: متن … در حال نهایی شدن است»).
const CUE_BEFORE_WEIGHT = perLanguage((p) => p.events.cueBeforeWeight);

function cueScore(doc: Doc, c: Cue, hit: Span): number {
  let d = distance(c, hit);
  if (c.end <= hit.start) d *= CUE_BEFORE_WEIGHT[doc.lang];
  if (c.status === 'PROPOSED') d += 40;
  return d;
}

function distance(a: Span, b: Span): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

export function findProposalMentions(doc: Doc, sentences: Span[]): ProposalMention[] {
  const out: ProposalMention[] = [];
  for (const sentence of sentences) {
    let cues: Cue[] | null = null;
    const before = out.length;
    for (const kind of PROPOSAL_KINDS) {
      const re = PROPOSAL_CUES[kind][doc.lang];
      if (!re) continue;
      const lexical = kind === 'OTHER' ? hitsIn(doc, OTHER_LEXICAL[doc.lang], sentence) : NONE;
      // the decision fallback only where nothing else matched
      const hits = kind === 'OTHER' ? (lexical.length ? lexical : out.length > before ? NONE : hitsIn(doc, re, sentence)) : hitsIn(doc, re, sentence);
      for (const hit of hits) {
        cues ??= statusCues(doc, sentence);
        // the cue nearest to the mention; status cues inside the mention itself (the «دعوت» of an invitation) count
        let best: Cue | null = null;
        let bestScore = Infinity;
        for (const c of cues) {
          if (c.kinds && !c.kinds.includes(kind)) continue;
          // a document's own word is not its status («договорённости» names the agreement; "not fulfilled" says its state)
          if ((kind === 'MOU' || kind === 'AGREEMENT') && c.start < hit.end && c.end > hit.start) continue;
          // "the contract signed in 2009": an old signing yields to anything said of the document now
          const score = cueScore(doc, c, hit) + (c.status === 'SIGNED' && background(doc, sentence, c) ? 200 : 0);
          if (score < bestScore || (score === bestScore && best && RANK.get(c.status)! > RANK.get(best.status)!)) {
            best = c;
            bestScore = score;
          }
        }
        // "the MoU signed in 2021 has not been implemented": a later state of a signed document wins
        if (best && best.status === 'SIGNED') {
          const later = cues.filter((c) => LATER.has(c.status) && (!c.kinds || c.kinds.includes(kind))).sort((x, y) => distance(x, hit) - distance(y, hit))[0];
          if (later) best = later;
        }
        // «договорённость» is itself an arrangement reached
        let status: ProposalStatus = best ? best.status : kind === 'AGREEMENT' && REACHED[doc.lang].test(doc.key.slice(hit.start, hit.end)) ? 'AGREED' : 'PROPOSED';
        if (kind === 'VISIT' && (status === 'SIGNED' || status === 'IMPLEMENTING' || status === 'COMPLETED')) status = 'PROPOSED';
        // "a proposal", «پیشنهاد», «предложение» of no known kind: an event of its own between two countries, but
        // beside a meeting it adds nothing until it is accepted, dropped or rejected
        const generic = kind === 'OTHER' && GENERIC_PROPOSAL[doc.lang].test(doc.key.slice(hit.start, hit.end));
        // "welcomed the proposals", «این پیشنهاد را پیگیری خواهد کرد»: the proposals already named
        if (generic && ANAPHORA[doc.lang]?.test(doc.key.slice(Math.max(0, hit.start - 12), hit.start))) continue;
        const vague = generic && (status === 'PROPOSED' || status === 'NEGOTIATING');
        if (kind === 'OTHER' && !lexical.length) status = 'AGREED';
        out.push({ kind, status, hit, sentence, cue: best, lexical: lexical.length > 0, vague });
      }
    }
  }
  return dropGenericObjects(doc, out);
}

export function mergeProposals(doc: Doc, mentions: ProposalMention[]): ExtractedProposal[] {
  // Same kind and same object merge: all MoU mentions are one MoU, but festivals and film days are two events.
  const groups = new Map<string, ProposalMention[]>();
  for (const m of mentions) {
    const key = DOCUMENT_KINDS.has(m.kind) ? m.kind : `${m.kind}:${objectOf(doc, m)}`;
    const list = groups.get(key) ?? [];
    list.push(m);
    groups.set(key, list);
  }
  const out: ExtractedProposal[] = [];
  const ordered = [...groups.entries()].sort(
    (a, b) => PROPOSAL_KINDS.indexOf(a[1][0].kind) - PROPOSAL_KINDS.indexOf(b[1][0].kind) || a[1][0].hit.start - b[1][0].hit.start,
  );
  for (const [, list] of ordered) {
    const kind = list[0].kind;
    let status: ProposalStatus = list[0].status;
    for (const m of list) if (RANK.get(m.status)! > RANK.get(status)!) status = m.status;
    const seen = new Set<number>();
    const ev = [];
    for (const m of list) {
      if (seen.has(m.sentence.start)) continue;
      seen.add(m.sentence.start);
      ev.push(evidence(doc, m.sentence));
    }
    out.push({ kind, status, description: proposalDescription(doc.lang, bestPhrase(doc, list)), evidence: ev });
  }
  return out;
}

/** The mention whose phrase says most about the object: "memorandum of understanding on trade facilitation". */
export function bestPhrase(doc: Doc, list: ProposalMention[]): string {
  let best = objectPhrase(doc, list[0].hit, list[0].sentence);
  let bestWords = wordCount(best, 0, best.length);
  for (let i = 1; i < list.length; i++) {
    const phrase = objectPhrase(doc, list[i].hit, list[i].sentence);
    const words = wordCount(phrase, 0, phrase.length);
    if (words > bestWords) {
      best = phrase;
      bestWords = words;
    }
  }
  return best;
}

const DOCUMENT_KINDS = new Set<ProposalKind>(['MOU', 'AGREEMENT', 'VISIT']);

// The object of a mention: its first word, without plural or case endings (جشنوارههای → جشنواره, festivals → festival).
function objectOf(doc: Doc, m: ProposalMention): string {
  if (m.kind === 'OTHER' && !m.cue) return 'decision';
  const { openers, endings } = OBJECT_WORDS[doc.lang];
  // its first piece split at white space, or its first two joined by a space after an opener
  const key = doc.key;
  const { start, end } = m.hit;
  let cut = start;
  while (cut < end && !isSpaceCode(key.charCodeAt(cut))) cut++;
  const first = key.slice(start, cut);
  let w = first;
  if (cut < end && openers?.test(first)) {
    let next = cut;
    while (next < end && isSpaceCode(key.charCodeAt(next))) next++;
    let stop = next;
    while (stop < end && !isSpaceCode(key.charCodeAt(stop))) stop++;
    w = `${first} ${key.slice(next, stop)}`;
  }
  return (endings ? w.replace(endings, '') : w).slice(0, 16);
}

const OBJECT_WORDS = perLanguage(({ events: e }) => {
  const openers = alternativesOf(e.objectOpeners);
  const endings = alternativesOf(e.objectEndings);
  return { openers: openers ? new RegExp(`^${openers}$`, 'u') : null, endings: endings ? new RegExp(`${endings}(?=\\s|$)`, 'gu') : null };
});

// A generic object word sharing a sentence with a document is that document's content, not a proposal:
// «تفاهمنامه تبادل الکترونیکی اطلاعات گمرکی», "an agreement on the construction of three plants".
const ANAPHORA = perLanguage((p) => {
  const words = alternativesOf(p.events.anaphora);
  return words ? new RegExp(`${words}\\s$`, 'u') : null;
});

function dropGenericObjects(doc: Doc, mentions: ProposalMention[]): ProposalMention[] {
  const documents = mentions.filter((m) => m.kind === 'MOU' || m.kind === 'AGREEMENT');
  const hasMou = mentions.some((m) => m.kind === 'MOU');
  return mentions.filter((m) => {
    if (!isGeneric(doc, m)) return true;
    // "the agreement", «این سند» after an MoU refers back to it
    if (m.kind === 'AGREEMENT' && hasMou && ANAPHORA[doc.lang]?.test(doc.key.slice(Math.max(0, m.hit.start - 12), m.hit.start))) return false;
    if (m.kind === 'AGREEMENT') return true;
    return !documents.some((d) => d.sentence.start === m.sentence.start);
  });
}

function isGeneric(doc: Doc, m: ProposalMention): boolean {
  const re = GENERIC_OBJECT[m.kind]?.[doc.lang];
  return !!re && re.test(doc.key.slice(m.hit.start, m.hit.end));
}
