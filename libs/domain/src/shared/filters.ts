import { COUNTRY_CODE_SHAPE as ISO_ALPHA2, isOneOf, LANGUAGES } from '@dyad/vocabulary';
import { assertDate } from '../lifecycle/dates.js';
import { DomainError } from './domain.error.js';
import type {
  EventStatus, EventType, FollowUpHorizon, FollowUpStatus, ProposalKind, ProposalStatus, ReviewStatus, Sector,
} from './vocabulary.js';

/** What every list and chart can be narrowed by. */
export interface CooperationFilter {
  /** ISO alpha-2 codes; every one must be a party. */
  countries?: string[] | null;
  /** Any of these sectors. */
  sectors?: Sector[] | null;
  /** Inclusive YYYY-MM-DD bounds on the fact's date. */
  from?: string | null;
  to?: string | null;
  /** Words to find (ZWNJ-, letter-variant- and case-insensitive). */
  text?: string | null;
}

export interface MeetingFilter extends CooperationFilter {
  types?: EventType[] | null;
  /** HELD, SCHEDULED, CANCELLED: any of these. */
  statuses?: EventStatus[] | null;
  reviewStatuses?: ReviewStatus[] | null;
  /** true: only SCHEDULED meetings dated today (Tehran) or later, or undated; false: all the others. */
  upcoming?: boolean | null;
  /** true: only meetings with no known date; false: only dated ones. */
  undated?: boolean | null;
  /** Reported by any of these publishers (a source's exact publisher). */
  publishers?: string[] | null;
  /** Reported in any of these languages (a source's language). */
  languages?: string[] | null;
}

export interface ProposalFilter extends CooperationFilter {
  kinds?: ProposalKind[] | null;
  statuses?: ProposalStatus[] | null;
}

export interface FollowUpFilter extends CooperationFilter {
  statuses?: FollowUpStatus[] | null;
  horizons?: FollowUpHorizon[] | null;
  /** true: only overdue ones; false: only those not overdue. */
  overdue?: boolean | null;
  /** ISO alpha-2 codes; every one must own the follow-up. */
  owners?: string[] | null;
}


/** Checks the shape of a filter; a bad one is refused whole with a message naming the field. */
export function assertCooperationFilter(filter: (CooperationFilter & { owners?: string[] | null }) | null | undefined): void {
  if (!filter) return;
  const badOwners = (filter.owners ?? []).filter((code) => !ISO_ALPHA2.test(code));
  if (badOwners.length) {
    throw DomainError.invalid(`owners must be ISO 3166-1 alpha-2 codes in upper case: got ${badOwners.join(', ')}`, { field: 'owners' });
  }
  const badCodes = (filter.countries ?? []).filter((code) => !ISO_ALPHA2.test(code));
  if (badCodes.length) {
    throw DomainError.invalid(`countries must be ISO 3166-1 alpha-2 codes in upper case, e.g. "IR": got ${badCodes.join(', ')}`, {
      field: 'countries',
    });
  }
  if ((filter.countries?.length ?? 0) > 10) throw DomainError.invalid('countries takes at most 10 codes', { field: 'countries' });
  for (const field of ['from', 'to'] as const) {
    const value = filter[field];
    if (value != null) assertDate(value, field);
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    throw DomainError.invalid(`from (${filter.from}) is after to (${filter.to})`, { field: 'from' });
  }
  if (filter.text != null && filter.text.length > 200) throw DomainError.invalid('text takes at most 200 characters', { field: 'text' });
  const sources = filter as { publishers?: string[] | null; languages?: string[] | null };
  if ((sources.publishers?.length ?? 0) > 10) throw DomainError.invalid('publishers takes at most 10 names', { field: 'publishers' });
  const longName = sources.publishers?.find((name) => name.length > 200);
  if (longName !== undefined) throw DomainError.invalid('a publisher name takes at most 200 characters', { field: 'publishers' });
  const badLanguages = (sources.languages ?? []).filter((language) => !isOneOf(LANGUAGES, language));
  if (badLanguages.length) {
    throw DomainError.invalid(`languages are ${LANGUAGES.join(', ')}, not ${badLanguages.join(', ')}`, { field: 'languages' });
  }
}
