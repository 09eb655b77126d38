import { addDays, type DayRange, type EventStatus } from '@dyad/domain';
import { sharesActor } from './actor-similarity.js';

/** A known meeting of the same parties that a report might describe. */
export interface MeetingCandidate {
  id: string;
  type: string;
  status: EventStatus;
  /** Held on, or (not held yet) planned for. */
  date: string | null;
  /** For a meeting not held and with no date: the day it was first announced. */
  announcedOn: string | null;
  locationCountryCode: string | null;
  locationKey: string | null;
  /** Its participants' actor matching keys (see sharesActor). */
  participantKeys: string[];
}

/** What one report says of a meeting. */
export interface ReportedMeeting {
  type: string;
  status: EventStatus;
  date: string | null;
  /** The report's publication date. */
  reportedOn: string | null;
  locationCountryCode: string | null;
  locationKey: string | null;
  /** The people it names, as actor matching keys: one person matches across scripts and spellings. */
  participantKeys: string[];
}

/** An announced date may slip by up to a week (and a report may date it a day early). */
export const SLIP_DAYS = 7;
/** An announcement with no date ("will visit Tehran soon") is about a meeting at most this long after it. */
export const ANNOUNCED_WINDOW_DAYS = 45;

// Calls are not the talks they arrange; the other types may all describe one encounter.
const IN_PERSON = new Set(['MEETING', 'VISIT', 'SIGNING']);

function compatibleTypes(a: string, b: string): boolean {
  return a === b || (IN_PERSON.has(a) && IN_PERSON.has(b));
}

/** Whether two dates are at most one day apart (outlets date the same meeting by their own clocks). */
export function withinOneDay(a: string, b: string): boolean {
  return a === b || addDays(a, 1) === b || addDays(b, 1) === a;
}

/** When a meeting is, as far as one side knows: held on a day, planned for a day, or announced on a day. */
export type When = { kind: 'HELD' | 'PLANNED' | 'ANNOUNCED'; day: string };

function whenReported(report: ReportedMeeting): When | null {
  if (report.status === 'HELD') return report.date ? { kind: 'HELD', day: report.date } : null;
  if (report.date) return { kind: 'PLANNED', day: report.date };
  return report.reportedOn ? { kind: 'ANNOUNCED', day: report.reportedOn } : null;
}

function whenKnown(candidate: Pick<MeetingCandidate, 'status' | 'date' | 'announcedOn'>): When | null {
  if (candidate.status === 'HELD') return candidate.date ? { kind: 'HELD', day: candidate.date } : null;
  if (candidate.date) return { kind: 'PLANNED', day: candidate.date };
  return candidate.announcedOn ? { kind: 'ANNOUNCED', day: candidate.announcedOn } : null;
}

const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * How many days apart two accounts of one meeting would be, or null when their dates rule that out:
 * - held and held: at most a day apart;
 * - held and planned: held from a day before the planned date to SLIP_DAYS after it;
 * - held and announced with no date: held on the announcement's day or up to ANNOUNCED_WINDOW_DAYS after;
 * - planned and planned: at most SLIP_DAYS apart; planned and announced: planned within the announcement's
 *   window; announced and announced: announced at most SLIP_DAYS apart.
 */
export function daysApart(a: When, b: When): number | null {
  const [x, y] = a.kind <= b.kind ? [a, b] : [b, a]; // ANNOUNCED < HELD < PLANNED
  const gap = daysFrom(x.day, y.day);
  const within = (low: number, high: number) => (gap >= low && gap <= high ? Math.abs(gap) : null);
  if (x.kind === 'HELD' && y.kind === 'HELD') return within(-1, 1);
  if (x.kind === 'HELD' && y.kind === 'PLANNED') return within(-SLIP_DAYS, 1); // y = planned, x = held: held − planned ∈ [−1, SLIP]
  if (x.kind === 'ANNOUNCED' && y.kind === 'HELD') return within(0, ANNOUNCED_WINDOW_DAYS);
  if (x.kind === 'ANNOUNCED' && y.kind === 'PLANNED') return within(-1, ANNOUNCED_WINDOW_DAYS);
  return within(-SLIP_DAYS, SLIP_DAYS); // planned–planned, announced–announced
}

/**
 * Picks the known meeting (already of the same parties) that a report describes, or null. The dates must
 * fit (see daysApart) and the types be compatible; then:
 * - two accounts of a held meeting also need a shared participant or place (or, with the place unknown, the
 *   same day and type), so two different meetings held days apart stay two;
 * - an announcement or cancellation and another account need a shared participant or place, or an unknown
 *   place on one side: announcements often name neither, and the date window already bounds them.
 * The nearest date wins, then the same type.
 */
export function matchMeeting(reported: ReportedMeeting, candidates: MeetingCandidate[]): MeetingCandidate | null {
  const matches: { candidate: MeetingCandidate; days: number }[] = [];
  for (const candidate of candidates) {
    const days = datesAndTypesFit(reported, candidate);
    if (days === null) continue;
    const samePeople = sharesActor(reported.participantKeys, candidate.participantKeys);
    const placeKnown = reported.locationCountryCode !== null && candidate.locationCountryCode !== null;
    const samePlace =
      (placeKnown && candidate.locationCountryCode === reported.locationCountryCode) ||
      (reported.locationKey !== null && candidate.locationKey === reported.locationKey);
    const bothHeld = reported.status === 'HELD' && candidate.status === 'HELD';
    const fits = bothHeld
      ? samePeople || samePlace || (!placeKnown && days === 0 && candidate.type === reported.type)
      : samePeople || samePlace || !placeKnown;
    if (fits) matches.push({ candidate, days });
  }
  matches.sort(
    (a, b) =>
      a.days - b.days ||
      Number(b.candidate.type === reported.type) - Number(a.candidate.type === reported.type) ||
      a.candidate.id.localeCompare(b.candidate.id),
  );
  return matches[0]?.candidate ?? null;
}

/**
 * How many days apart the report and a known meeting are (see daysApart), or null when their dates or types
 * rule the meeting out whatever its participants and place: the part of matchMeeting that needs neither, so
 * linking reads the participants of only the candidates that pass it.
 */
export function datesAndTypesFit(
  reported: ReportedMeeting,
  candidate: Pick<MeetingCandidate, 'type' | 'status' | 'date' | 'announcedOn'>,
): number | null {
  const reportedWhen = whenReported(reported);
  const known = whenKnown(candidate);
  if (!reportedWhen || !known || !compatibleTypes(candidate.type, reported.type)) return null;
  return daysApart(reportedWhen, known);
}

/**
 * The days to look for candidates on, for a report: the dates of held or planned meetings, and the first-reported
 * days of those announced with no date, that daysApart could accept. Narrower than one window for every case: a
 * report of a meeting held on a day matches a dated meeting only from a week before it to a day after, so a busy
 * pair's meetings of the weeks around are not read.
 */
export function candidateWindows(reported: ReportedMeeting): { dated: DayRange; announced: DayRange } | null {
  const when = whenReported(reported);
  if (!when) return null;
  const { dated, announced } = WINDOW_OFFSETS[when.kind];
  const range = ([low, high]: readonly [number, number]) => ({ from: addDays(when.day, low), to: addDays(when.day, high) });
  return { dated: range(dated), announced: range(announced) };
}

// For each kind of report, the day offsets (lowest, highest) at which daysApart accepts a known meeting held or
// planned, and one announced: found by trying every offset daysApart could accept, so the windows follow its rules.
const WINDOW_OFFSETS = Object.fromEntries(
  (['HELD', 'PLANNED', 'ANNOUNCED'] as const).map((kind) => {
    const day = '2001-01-01';
    const accepted = (known: When['kind'][]) => {
      const offsets: number[] = [];
      for (let k = -ANNOUNCED_WINDOW_DAYS - 1; k <= ANNOUNCED_WINDOW_DAYS + 1; k++) {
        if (known.some((other) => daysApart({ kind, day }, { kind: other, day: addDays(day, k) }) !== null)) offsets.push(k);
      }
      return [Math.min(...offsets), Math.max(...offsets)] as const;
    };
    return [kind, { dated: accepted(['HELD', 'PLANNED']), announced: accepted(['ANNOUNCED']) }];
  }),
) as Record<When['kind'], { dated: readonly [number, number]; announced: readonly [number, number] }>;
