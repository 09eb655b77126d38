import { addDays, type CooperationFilter, type SqlParams } from '@dyad/domain';

export { anyOf, onlyKeys, rollupScope, scopeConditions } from '@dyad/domain';

// Which filters the rollup tables can answer, and the SQL pieces that read them. A filter the rollups cannot
// answer (text, more than two countries, dates not on month boundaries…) is answered from the base rows.

/** The filter's from/to as whole months (from a 1st, to a month's last day), or null when they cut a month. */
export function monthBounds(filter: CooperationFilter): { from: string | null; to: string | null } | null {
  if (filter.from && !filter.from.endsWith('-01')) return null;
  if (filter.to && !addDays(filter.to, 1).endsWith('-01')) return null;
  return { from: filter.from ? filter.from : null, to: filter.to ? `${filter.to.slice(0, 7)}-01` : null };
}

/**
 * Conditions on a rollup's month column for whole-month bounds. Facts with no date sit under a sentinel month
 * (`missing`: -infinity for meetings and proposals, infinity for follow-ups with no due date) that no date
 * bound keeps, as a date condition on a null keeps nothing.
 */
export function monthConditions(bounds: { from: string | null; to: string | null }, column: string, missing: string, params: SqlParams): string[] {
  const where: string[] = [];
  if (bounds.from || bounds.to) where.push(`${column} <> '${missing}'::date`);
  if (bounds.from) where.push(`${column} >= ${params.param(bounds.from)}::date`);
  if (bounds.to) where.push(`${column} <= ${params.param(bounds.to)}::date`);
  return where;
}

export interface SplitRange {
  /** Whole months the rollups answer (first days of the first and last month; null: unbounded), or null for none. */
  months: { from: string | null; to: string | null } | null;
  /**
   * Parts of a month at either end, answered from the base rows (inclusive dates): added (sign 1), or, when the
   * range covers most of a month, taken away from that whole month (sign -1: the days of the month outside the
   * range), so the base rows read are at most half a month at each end.
   */
  edges: { from: string; to: string; sign: 1 | -1 }[];
}

const monthOf = (date: string) => `${date.slice(0, 7)}-01`;
const lastDayOf = (date: string) => addDays(monthOf(addDays(monthOf(date), 32)), -1);
const span = (from: string, to: string) => Math.max(0, (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1);

/**
 * Splits the filter's from/to into whole months (rollups) and the partial months at its ends (base rows).
 * `complements: false` only adds edges (for an aggregate that cannot be taken away, such as a latest date).
 * `until`: the facts are dated up to that day (meetings held, proposals' status dates: up to today), so the days
 * after it weigh nothing when choosing which part of an end month to read from the base rows (a range ending
 * today takes its month from the rollups less the days after today, not the busiest days from the base rows).
 */
export function splitRange(filter: CooperationFilter, { complements = true, until }: { complements?: boolean; until?: string } = {}): SplitRange {
  const { from, to } = filter;
  const days = (first: string, last: string) => span(first, until && last > until ? until : last);
  if (from && to && monthOf(from) === monthOf(to) && !(from.endsWith('-01') && to === lastDayOf(to))) {
    return { months: null, edges: [{ from, to, sign: 1 }] };
  }
  const edges: SplitRange['edges'] = [];
  let first: string | null = null;
  let last: string | null = null;
  if (from) {
    if (from.endsWith('-01')) first = from;
    else if (complements && days(monthOf(from), addDays(from, -1)) < days(from, lastDayOf(from))) {
      edges.push({ from: monthOf(from), to: addDays(from, -1), sign: -1 });
      first = monthOf(from);
    } else {
      edges.push({ from, to: lastDayOf(from), sign: 1 });
      first = addDays(lastDayOf(from), 1);
    }
  }
  if (to) {
    if (to === lastDayOf(to)) last = monthOf(to);
    else if (complements && days(addDays(to, 1), lastDayOf(to)) < days(monthOf(to), to)) {
      edges.push({ from: addDays(to, 1), to: lastDayOf(to), sign: -1 });
      last = monthOf(to);
    } else {
      edges.push({ from: monthOf(to), to, sign: 1 });
      last = monthOf(addDays(monthOf(to), -1));
    }
  }
  const months = first && last && first > last ? null : { from: first, to: last };
  return { months, edges };
}

/** The last day of the months of a split (for conditions on dates), or null when unbounded. */
export const monthsEnd = (months: { to: string | null }) => (months.to ? lastDayOf(months.to) : null);
