// The cue tables the algorithms read, assembled from the language packs (lang/<code>/cues.ts), in the
// shapes the rules use: a table per cue, with one regex per language.
import { PACKS, perLanguage, type Cues } from './lang/index.js';
import { LANGUAGES, type FollowUpHorizon, type Language, type ProposalKind, type ProposalStatus, type Sector, PROPOSAL_KINDS } from './vocabulary.js';

type PerLang<T> = Record<Language, T>;

const cue = <K extends keyof Cues>(k: K): PerLang<Cues[K]> => perLanguage((p) => p.cues[k]);
function table<K extends string, V>(keys: readonly K[], pick: (c: Cues, key: K) => V): Record<K, PerLang<V>> {
  return Object.fromEntries(keys.map((key) => [key, perLanguage((p) => pick(p.cues, key))])) as Record<K, PerLang<V>>;
}

export const EVENT_CUES = table(['MEETING', 'CALL', 'VISIT', 'SIGNING'] as const, (c, k) => c.event[k]);
export const PROPOSAL_CUES: Record<ProposalKind, PerLang<RegExp | null>> = table(PROPOSAL_KINDS, (c, k) => c.proposal[k]);
export const GENERIC_PROPOSAL = cue('genericProposal');
export const OTHER_LEXICAL = cue('otherLexical');

/** Status cues, with the proposal kinds a cue applies to when not all. Order matters only for ties; the nearest cue to a mention wins. */
type StatusRow = [ProposalStatus, keyof Cues['status'], ProposalKind[]?];
const STATUS_ORDER: StatusRow[] = [
  ['WITHDRAWN', 'withdrawn'],
  ['STALLED', 'stalled'],
  ['COMPLETED', 'completed'],
  // a festival, a course or a visit that took place is done; a document "held" or "taking place" is not
  ['COMPLETED', 'held', ['EVENT', 'TRAINING', 'EXCHANGE', 'VISIT', 'JOINT_PROJECT', 'OTHER']],
  ['IMPLEMENTING', 'implementing'],
  ['SIGNED', 'signed'],
  ['AGREED', 'textAgreed'],
  ['NEGOTIATING', 'negotiating'],
  ['AGREED', 'agreed'],
  ['PROPOSED', 'proposed'],
];
export const STATUS_CUES: [ProposalStatus, PerLang<RegExp>, ProposalKind[]?][] = STATUS_ORDER.map(([status, name, kinds]) =>
  kinds ? [status, perLanguage((p) => p.cues.status[name]), kinds] : [status, perLanguage((p) => p.cues.status[name])],
);

export const NOT_DONE_BEFORE = cue('notDoneBefore');
export const NOT_DONE_AFTER = cue('notDoneAfter');

export const HORIZON_CUES: [FollowUpHorizon, PerLang<RegExp>][] = (['IMMEDIATE', 'LONG_TERM', 'NEAR_TERM'] as const).map((h) => [
  h,
  perLanguage((p) => p.cues.horizon[h]),
]);

// "within three months" → a due date.
export const WITHIN = cue('within');
export const NUMBER_WORDS: Record<string, number> = Object.assign({}, ...LANGUAGES.map((l) => PACKS[l].cues.numberWords));

export const NEXT_STEP = cue('nextStep');
export const FUTURE = cue('future');

const SECTOR_ORDER: readonly Exclude<Sector, 'OTHER'>[] = [
  'CINEMA', 'CULTURE', 'TRADE', 'ENERGY', 'FINANCE', 'INDUSTRY', 'TRANSPORT', 'EDUCATION', 'SCIENCE', 'TECHNOLOGY', 'HEALTH',
  'AGRICULTURE', 'TOURISM', 'SPORT', 'MEDIA', 'DEFENSE', 'SECURITY', 'WATER', 'DIPLOMACY',
];
export const SECTOR_CUES: [Sector, PerLang<RegExp>][] = SECTOR_ORDER.map((s) => [s, perLanguage((p) => p.cues.sector[s])]);

export const BOTH_SIDES = cue('bothSides');
export const SPORT_MATCH = cue('sportMatch');
export const COOPERATION = cue('cooperation');
export const HOSTILE = cue('hostile');
export const RELATIONS = cue('relations');
export const SAYS = cue('says');
export const INTERVIEW = cue('interview');
export const FUTURE_MEETING = cue('futureMeeting');
export const ACCEPTED_INVITATION = cue('acceptedInvitation');
export const ONGOING_TALKS = cue('ongoingTalks');
export const FUTURE_SIGNING = cue('futureSigning');
export const DECREE = cue('decree');
export const COMMENTARY = cue('commentary');
export const SPECULATION = cue('speculation');
export const CANCELLED_MEETING = cue('cancelledMeeting');
export const GENERIC_OBJECT: Partial<Record<ProposalKind, PerLang<RegExp>>> = table(
  ['OTHER', 'JOINT_PROJECT', 'EXCHANGE', 'AGREEMENT'] as const,
  (c, k) => c.genericObject[k],
);
