import { DomainError } from '@dyad/domain';
import { GRANULARITIES, type Granularity } from './analytics.types.js';

/** The PostgreSQL `date_trunc` unit and `generate_series` step of a granularity. */
export const PERIOD_SQL: Record<Granularity, { unit: string; step: string }> = {
  MONTH: { unit: 'month', step: '1 month' },
  QUARTER: { unit: 'quarter', step: '3 months' },
  YEAR: { unit: 'year', step: '1 year' },
};

/** Points in one chart series (100 years by month); more is refused with a message saying what to change. */
export const MAX_PERIODS = 1200;

export function tooManyPeriods(granularity: Granularity): DomainError {
  return DomainError.invalid(
    `the range spans more than ${MAX_PERIODS} periods by ${granularity}, the most one answer holds; narrow from/to or use a coarser granularity (QUARTER, YEAR)`,
    { field: 'filter', limit: 'periods', maxPeriods: MAX_PERIODS },
  );
}

export function assertGranularity(value: unknown): asserts value is Granularity {
  if (!GRANULARITIES.includes(value as Granularity)) {
    throw DomainError.invalid(`granularity must be one of ${GRANULARITIES.join(', ')}, not "${String(value)}"`, { field: 'granularity' });
  }
}

/** The label of the period starting on `period` (YYYY-MM-DD): 2025-04, 2025-Q2 or 2025. */
export function periodLabel(period: string, granularity: Granularity): string {
  const year = period.slice(0, 4);
  const month = Number(period.slice(5, 7));
  switch (granularity) {
    case 'MONTH':
      return period.slice(0, 7);
    case 'QUARTER':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'YEAR':
      return year;
  }
}
