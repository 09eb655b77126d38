import { addDays } from '@dyad/domain';

export interface MeetingCandidate {
  id: string;
  type: string;
  date: string | null;
  locationCountryCode: string | null;
  locationKey: string | null;
  participantKeys: string[];
}

export interface ReportedMeeting {
  type: string;
  date: string;
  locationCountryCode: string | null;
  locationKey: string | null;
  participantKeys: string[];
}

// Calls are not the talks they arrange; the other types may all describe one encounter.
const IN_PERSON = new Set(['MEETING', 'VISIT', 'SIGNING']);

function compatibleTypes(a: string, b: string): boolean {
  return a === b || (IN_PERSON.has(a) && IN_PERSON.has(b));
}

/** Whether two dates are at most one day apart (outlets date the same meeting by their own clocks). */
export function withinOneDay(a: string, b: string): boolean {
  return a === b || addDays(a, 1) === b || addDays(b, 1) === a;
}

/**
 * Picks the known meeting (already of the same parties) that a report describes: date within a day, a
 * compatible type, and a shared participant or place. The closest date wins.
 */
export function matchMeeting(reported: ReportedMeeting, candidates: MeetingCandidate[]): MeetingCandidate | null {
  const reportedPeople = new Set(reported.participantKeys);
  const matches = candidates.filter((candidate) => {
    if (!candidate.date || !withinOneDay(candidate.date, reported.date)) return false;
    if (!compatibleTypes(candidate.type, reported.type)) return false;
    const samePeople = candidate.participantKeys.some((key) => reportedPeople.has(key));
    const samePlace =
      (reported.locationCountryCode !== null && candidate.locationCountryCode === reported.locationCountryCode) ||
      (reported.locationKey !== null && candidate.locationKey === reported.locationKey);
    const placeUnknown = reported.locationCountryCode === null || candidate.locationCountryCode === null;
    return samePeople || samePlace || (placeUnknown && candidate.date === reported.date && candidate.type === reported.type);
  });
  matches.sort((a, b) => Number(b.date === reported.date) - Number(a.date === reported.date) || a.id.localeCompare(b.id));
  return matches[0] ?? null;
}
