import { normalizeForSearch } from '@dyad/extraction';
import { OPEN_FOLLOW_UP_STATUSES, sqlList } from '@dyad/vocabulary';
import { todayInTehran } from '../lifecycle/dates.js';
import type { CooperationFilter, FollowUpFilter, MeetingFilter, ProposalFilter } from './filters.js';
import { containsPattern, type SqlParams } from './sql.js';

// WHERE conditions for the filters, shared by the lists (domain services) and the charts (analytics),
// so a number on a chart and the length of the list it opens always agree.

/**
 * Every one of `codes` is a party of the row aliased `alias`: its stored, GIN-indexed party set contains them
 * (kept equal to the party rows by database triggers), so this is one index lookup.
 */
function hasAllParties(alias: string, codes: string[], params: SqlParams): string {
  return `${alias}.party_codes @> ${params.param([...new Set(codes)])}::char(2)[]`;
}

function commonConditions(filter: CooperationFilter, alias: string, dateColumn: string, params: SqlParams): string[] {
  const where: string[] = [];
  if (filter.sectors?.length) where.push(`${alias}.sectors && ${params.param(filter.sectors)}::sector[]`);
  if (filter.from) where.push(`${alias}.${dateColumn} >= ${params.param(filter.from)}`);
  if (filter.to) where.push(`${alias}.${dateColumn} <= ${params.param(filter.to)}`);
  return where;
}

/** The rollup scope of a countries filter: every fact, one country's, or one dyad's; null for three or more. */
export function rollupScope(countries: readonly string[] | null | undefined): { a: string; b: string } | null {
  const codes = [...new Set(countries ?? [])].sort();
  if (codes.length === 0) return { a: '', b: '' };
  if (codes.length === 1) return { a: codes[0], b: '' };
  if (codes.length === 2) return { a: codes[0], b: codes[1] };
  return null;
}

/** Whether the filter narrows by nothing but `keys` (a null or an empty list narrows by nothing). */
export function onlyKeys(filter: object, keys: readonly string[]): boolean {
  return Object.entries(filter).every(([key, value]) => keys.includes(key) || value == null || (Array.isArray(value) && value.length === 0));
}

/** `column = ANY(values)` for a filter's list of enum values, or nothing when it has none. */
export const anyOf = (column: string, values: readonly string[] | null | undefined, type: string, params: SqlParams): string[] =>
  values?.length ? [`${column} = ANY(${params.param(values)}::${type}[])`] : [];

/** A rollup row (aliased `alias`) of the scope (see rollupScope). */
export const scopeConditions = (scope: { a: string; b: string }, params: SqlParams, alias = 'r'): string[] => [
  `${alias}.a = ${params.param(scope.a)}`,
  `${alias}.b = ${params.param(scope.b)}`,
];

/**
 * A count from a rollup `table` (the sum of its `sum` column over the scope's months and shards) for a filter that
 * narrows by at most two countries and the enum columns the rollup is keyed by (`keyed`: the filter's field, the
 * column, its SQL type), else null.
 */
function countFromRollups<F extends CooperationFilter>(
  filter: F,
  table: string,
  sum: string,
  keyed: readonly (readonly [field: keyof F & string, column: string, type: string])[],
  params: SqlParams,
): string | null {
  const scope = onlyKeys(filter, ['countries', ...keyed.map(([field]) => field)]) ? rollupScope(filter.countries) : null;
  if (!scope) return null;
  const where = [
    ...scopeConditions(scope, params),
    ...keyed.flatMap(([field, column, type]) => anyOf(`r.${column}`, filter[field] as readonly string[] | null | undefined, type, params)),
  ];
  return `SELECT coalesce(sum(r.${sum}), 0)::int FROM ${table} r WHERE ${where.join(' AND ')}`;
}

/**
 * The number of meetings a filter keeps, from the `rollup_meeting` counts when the rollups hold exactly that number:
 * at most two countries, types, statuses, and no other condition (rejected meetings are out of the rollups as they
 * are out of the list by default); for two countries alone, from the pair's `rollup_dyad` rows (at most one per
 * shard). Null otherwise.
 */
export function meetingCountFromRollups(filter: MeetingFilter | null | undefined, params: SqlParams): string | null {
  const f = filter ?? {};
  const scope = rollupScope(f.countries);
  if (scope?.b && onlyKeys(f, ['countries'])) {
    return `SELECT coalesce(sum(r.listed_meetings), 0)::int FROM rollup_dyad r WHERE ${scopeConditions(scope, params).join(' AND ')}`;
  }
  return countFromRollups(f, 'rollup_meeting', 'meetings', [['types', 'type', 'event_type'], ['statuses', 'status', 'event_status']], params);
}

/** The number of proposals a filter keeps, from `rollup_proposal` (every proposal is in it, undated ones too), or null. */
export function proposalCountFromRollups(filter: ProposalFilter | null | undefined, params: SqlParams): string | null {
  return countFromRollups(filter ?? {}, 'rollup_proposal', 'proposals', [['kinds', 'kind', 'proposal_kind'], ['statuses', 'status', 'proposal_status']], params);
}

/**
 * The number of follow-ups a filter keeps, from `rollup_follow_up` (by the stored party set, as the list's condition;
 * those with no due date are in it too), or null.
 */
export function followUpCountFromRollups(filter: FollowUpFilter | null | undefined, params: SqlParams): string | null {
  return countFromRollups(filter ?? {}, 'rollup_follow_up', 'follow_ups', [['statuses', 'status', 'follow_up_status'], ['horizons', 'horizon', 'follow_up_horizon']], params);
}

/**
 * The list's page of ids (newest first, undated last, then by id) from `meeting_pair` when the filter is two
 * countries and nothing else (rejected meetings left out, as by default): the first entries of one index range
 * instead of a walk of every meeting's party set. Null otherwise.
 */
export function meetingPairPage(filter: MeetingFilter | null | undefined, params: SqlParams): ((limit: string, offset: string) => string) | null {
  const f = filter ?? {};
  const scope = onlyKeys(f, ['countries']) ? rollupScope(f.countries) : null;
  if (!scope?.b) return null;
  const a = params.param(scope.a);
  const b = params.param(scope.b);
  return (limit, offset) =>
    `SELECT p.meeting_id FROM meeting_pair p WHERE p.a = ${a} AND p.b = ${b} ORDER BY p.date DESC NULLS LAST, p.meeting_id LIMIT ${limit} OFFSET ${offset}`;
}

/** The normalised search key for a text filter, or null when it normalises to nothing. */
export function searchKey(text: string | null | undefined): string | null {
  if (!text) return null;
  const key = normalizeForSearch(text).toLowerCase();
  return key.length ? key : null;
}

/** Conditions on `meeting` aliased as `alias`. Rejected meetings are left out unless asked for. */
export function meetingConditions(filter: MeetingFilter | null | undefined, alias: string, params: SqlParams): string[] {
  const f = filter ?? {};
  const where = commonConditions(f, alias, 'date', params);
  if (f.countries?.length) where.push(hasAllParties(alias, f.countries, params));
  if (f.types?.length) where.push(`${alias}.type = ANY(${params.param(f.types)}::event_type[])`);
  if (f.statuses?.length) where.push(`${alias}.status = ANY(${params.param(f.statuses)}::event_status[])`);
  if (f.upcoming != null) {
    const upcoming = `(${alias}.status = 'SCHEDULED' AND (${alias}.date IS NULL OR ${alias}.date >= ${params.param(todayInTehran())}))`;
    where.push(f.upcoming ? upcoming : `NOT ${upcoming}`);
  }
  if (f.undated != null) where.push(`${alias}.date IS ${f.undated ? '' : 'NOT '}NULL`);
  if (f.publishers?.length || f.languages?.length) {
    const conditions = [
      ...(f.publishers?.length ? [`ss.publisher = ANY(${params.param(f.publishers)})`] : []),
      ...(f.languages?.length ? [`ss.language = ANY(${params.param(f.languages)})`] : []),
    ];
    // the sources carry their items' language and publisher (MeetingSourceLanguagePublisher1800000000005)
    where.push(`EXISTS (SELECT 1 FROM meeting_source ss WHERE ss.meeting_id = ${alias}.id AND ${conditions.join(' AND ')})`);
  }
  if (f.reviewStatuses?.length) where.push(`${alias}.review_status = ANY(${params.param(f.reviewStatuses)}::review_status[])`);
  else where.push(`${alias}.review_status <> 'REJECTED'`);
  const key = searchKey(f.text);
  if (key) {
    const pattern = params.param(containsPattern(key));
    // the meetings of the matching news items and summaries, each found by its trigram index, then taken by id (a
    // test of every meeting's items and summary took seconds at 1,000,000 meetings; TextSearchIndexes1800000000004);
    // found once for a list's count and page together where the statement shares it
    const matching = params.arrayOnce(
      `SELECT ms.meeting_id FROM news_item n JOIN meeting_source ms ON ms.news_item_id = n.id WHERE n.search_key LIKE ${pattern}
      UNION SELECT s.id FROM meeting s WHERE s.summary IS NOT NULL AND lower(s.summary) LIKE ${pattern}`,
      'uuid',
    );
    where.push(`${alias}.id = ANY(${matching})`);
  }
  return where;
}

/** Conditions on `proposal` aliased as `alias`; the date range applies to the current status's date. */
export function proposalConditions(filter: ProposalFilter | null | undefined, alias: string, params: SqlParams): string[] {
  const f = filter ?? {};
  const where = commonConditions(f, alias, 'status_date', params);
  if (f.countries?.length) where.push(hasAllParties(alias, f.countries, params));
  if (f.kinds?.length) where.push(`${alias}.kind = ANY(${params.param(f.kinds)}::proposal_kind[])`);
  if (f.statuses?.length) where.push(`${alias}.status = ANY(${params.param(f.statuses)}::proposal_status[])`);
  const key = searchKey(f.text);
  if (key) where.push(`${alias}.search_key LIKE ${params.param(containsPattern(key))}`);
  return where;
}

/**
 * Conditions on `follow_up_action` aliased as `alias`. A follow-up's parties are its meeting's, else its
 * proposal's, else its owners; the date range applies to the due date.
 */
export function followUpConditions(
  filter: FollowUpFilter | null | undefined,
  alias: string,
  params: SqlParams,
  today: string,
): string[] {
  const f = filter ?? {};
  const where: string[] = [];
  if (f.from) where.push(`${alias}.due_date >= ${params.param(f.from)}`);
  if (f.to) where.push(`${alias}.due_date <= ${params.param(f.to)}`);
  // a follow-up's stored party set is its meeting's, else its proposal's, else its owners
  if (f.countries?.length) where.push(hasAllParties(alias, f.countries, params));
  if (f.owners?.length) {
    where.push(
      [...new Set(f.owners)]
        .map((code) => `EXISTS (SELECT 1 FROM follow_up_owner o WHERE o.follow_up_id = ${alias}.id AND o.country_code = ${params.param(code)})`)
        .join(' AND '),
    );
  }
  // a follow-up's sectors are its meeting's, copied onto it and GIN-indexed (FollowUpMeetingSectors1800000000006)
  if (f.sectors?.length) where.push(`${alias}.meeting_sectors && ${params.param(f.sectors)}::sector[]`);
  if (f.statuses?.length) where.push(`${alias}.status = ANY(${params.param(f.statuses)}::follow_up_status[])`);
  if (f.horizons?.length) where.push(`${alias}.horizon = ANY(${params.param(f.horizons)}::follow_up_horizon[])`);
  if (f.overdue != null) {
    const open = `${alias}.status IN ${sqlList(OPEN_FOLLOW_UP_STATUSES)}`;
    const before = `${alias}.due_date < ${params.param(today)}`;
    // overdue: a range of the open follow-ups' due-date index (follow_up_open_due); a null due date is never overdue
    where.push(f.overdue ? `${before} AND ${open}` : `NOT (coalesce(${before}, false) AND ${open})`);
  }
  const key = searchKey(f.text);
  if (key) where.push(`lower(${alias}.description) LIKE ${params.param(containsPattern(key))}`);
  return where;
}

export const whereClause = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
