import { DATE_SOURCES, type DateSource, type EventStatus } from '../shared/vocabulary.js';

export interface MeetingObservation {
  id: string;
  status: EventStatus;
  /** Held on, or planned for; null when the reading gives no date. */
  date: string | null;
  dateSource: DateSource | null;
  /** When it was said (publication date; an analyst's day); null when unknown. */
  reportedOn: string | null;
  /** An analyst's reading rather than a report's. */
  byAnalyst: boolean;
  recordedAt: Date;
}

export interface ResolvedMeeting {
  status: EventStatus;
  date: string | null;
  dateSource: DateSource | null;
}

// Among readings said on the same day, a cancellation outweighs an announcement.
const STATUS_WEIGHT: Record<EventStatus, number> = { SCHEDULED: 0, CANCELLED: 1, HELD: 2 };

/** Oldest said first; a reading with no date of its own cannot be shown to be later than a dated one. */
function bySaidOn(a: MeetingObservation, b: MeetingObservation): number {
  return (
    (a.reportedOn ?? '').localeCompare(b.reportedOn ?? '') ||
    STATUS_WEIGHT[a.status] - STATUS_WEIGHT[b.status] ||
    Number(a.date !== null) - Number(b.date !== null) ||
    (a.date ?? '').localeCompare(b.date ?? '') ||
    a.id.localeCompare(b.id)
  );
}

/**
 * A meeting's status and date from every reading of it, whatever order they arrived in:
 * - a HELD reading wins: what took place cannot be undone by an announcement or a cancellation;
 * - otherwise the reading said last decides (one said on an unknown day counts as the earliest), and on the
 *   same day CANCELLED wins over SCHEDULED, so "postponed" then "will now take place on …" is SCHEDULED;
 * - a held meeting's date is the earliest held date reported (outlets date one meeting a day apart); a meeting
 *   not held has the planned date said last (null when none was ever given);
 * - an analyst's reading overrides every reading said on or before the day they gave it, and their date
 *   stands while their status does; reports said later are weighed against it by the rules above.
 * Returns null when there is no reading.
 */
export function resolveMeetingStatus(readings: readonly MeetingObservation[]): ResolvedMeeting | null {
  const analyst = readings
    .filter((reading) => reading.byAnalyst)
    .reduce<MeetingObservation | null>((latest, reading) => (!latest || reading.recordedAt > latest.recordedAt ? reading : latest), null);
  const considered = analyst
    ? [analyst, ...readings.filter((r) => !r.byAnalyst && r.reportedOn !== null && r.reportedOn > (analyst.reportedOn ?? ''))]
    : [...readings];
  if (!considered.length) return null;

  const held = considered.filter((reading) => reading.status === 'HELD');
  let resolved: ResolvedMeeting;
  if (held.length) {
    const dated = held
      .filter((reading) => reading.date !== null)
      .sort((a, b) => a.date!.localeCompare(b.date!) || sourceRank(a) - sourceRank(b) || a.id.localeCompare(b.id))[0];
    resolved = { status: 'HELD', date: dated?.date ?? null, dateSource: dated?.dateSource ?? null };
  } else {
    const ordered = [...considered].sort(bySaidOn);
    const lastDated = ordered.filter((reading) => reading.date !== null).at(-1);
    resolved = { status: ordered.at(-1)!.status, date: lastDated?.date ?? null, dateSource: lastDated?.dateSource ?? null };
  }
  if (analyst && analyst.status === resolved.status) return { ...resolved, date: analyst.date, dateSource: analyst.dateSource };
  return resolved;
}

const sourceRank = (reading: MeetingObservation) => (reading.dateSource ? DATE_SOURCES.indexOf(reading.dateSource) : DATE_SOURCES.length);
