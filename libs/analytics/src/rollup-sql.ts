import { addDays, type CooperationFilter, type SqlParams } from '@dyad/domain';

// Which filters the rollup tables can answer, and the SQL pieces that read them. A filter the rollups cannot
// answer (text, more than two countries, dates not on month boundaries…) is answered from the base rows.

/** The rollup scope of a countries filter: every fact, one country's, or one dyad's; null for three or more. */
export function rollupScope(countries: readonly string[] | null | undefined): { a: string; b: string } | null {
  const codes = [...new Set(countries ?? [])].sort();
  if (codes.length === 0) return { a: '', b: '' };
  if (codes.length === 1) return { a: codes[0], b: '' };
  if (codes.length === 2) return { a: codes[0], b: codes[1] };
  return null;
}

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

export const scopeConditions = (scope: { a: string; b: string }, params: SqlParams, alias = 'r') => [
  `${alias}.a = ${params.param(scope.a)}`,
  `${alias}.b = ${params.param(scope.b)}`,
];

export const anyOf = (column: string, values: readonly string[] | null | undefined, type: string, params: SqlParams) =>
  values?.length ? [`${column} = ANY(${params.param(values)}::${type}[])`] : [];
