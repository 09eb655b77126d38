import { isCountryCode } from '@dyad/vocabulary';
import { addDays, daysBetween, isoDay, today } from '../i18n/dates.js';

// The filter state lives in the URL's query string, so any view can be shared or bookmarked:
// ?period=12m|24m|ytd|all (or from=YYYY-MM-DD&to=YYYY-MM-DD) &countries=IR,KZ &sectors=CINEMA,CULTURE

export const PERIODS = { '3m': 'Last 3 months', '12m': 'Last 12 months', '24m': 'Last 24 months', ytd: 'This year', all: 'All time' } as const;
export type PeriodPreset = keyof typeof PERIODS;
export const DEFAULT_PERIOD: PeriodPreset = '12m';

export interface Filters {
  period: PeriodPreset | 'custom';
  from: string | null;
  to: string | null;
  countries: string[];
  sectors: string[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const list = (value: string | null) => (value ? value.split(',').map((v) => v.trim().toUpperCase()).filter(Boolean) : []);

export function readFilters(search = location.search): Filters {
  const params = new URLSearchParams(search);
  const from = params.get('from');
  const to = params.get('to');
  const countries = list(params.get('countries')).filter((c) => isCountryCode(c));
  const sectors = list(params.get('sectors')).filter((s) => /^[A-Z_]+$/.test(s));
  if ((from && DAY.test(from)) || (to && DAY.test(to))) {
    return { period: 'custom', from: from && DAY.test(from) ? from : null, to: to && DAY.test(to) ? to : null, countries, sectors };
  }
  const preset = params.get('period');
  const period = preset && preset in PERIODS ? (preset as PeriodPreset) : DEFAULT_PERIOD;
  return { period, ...presetRange(period), countries, sectors };
}

export function presetRange(period: PeriodPreset, now = today()): { from: string | null; to: string | null } {
  switch (period) {
    case '3m':
      return { from: addDays(now, -91), to: now };
    case '12m':
      return { from: addDays(now, -365), to: now };
    case '24m':
      return { from: addDays(now, -730), to: now };
    case 'ytd':
      return { from: `${now.slice(0, 4)}-01-01`, to: now };
    case 'all':
      return { from: null, to: null };
  }
}

/** The period just before, of the same length (null for "all time"). */
export function previousRange(filters: Filters): { from: string; to: string } | null {
  if (!filters.from) return null;
  const to = filters.to ?? today();
  const length = daysBetween(filters.from, to) + 1;
  const prevTo = addDays(filters.from, -1);
  return { from: addDays(prevTo, -(length - 1)), to: prevTo };
}

/** The query string for filters, dropping defaults, keeping other parameters of `base`. */
export function filtersToSearch(filters: Filters, base: URLSearchParams = new URLSearchParams()): string {
  const params = new URLSearchParams(base);
  for (const key of ['period', 'from', 'to', 'countries', 'sectors']) params.delete(key);
  if (filters.period === 'custom') {
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
  } else if (filters.period !== DEFAULT_PERIOD) params.set('period', filters.period);
  if (filters.countries.length) params.set('countries', filters.countries.join(','));
  if (filters.sectors.length) params.set('sectors', filters.sectors.join(','));
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

/** The GraphQL filter input (CooperationFilterInput) for the filters. */
export function filterInput(filters: Pick<Filters, 'from' | 'to' | 'countries' | 'sectors'>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (filters.countries.length) input.countries = filters.countries;
  if (filters.sectors.length) input.sectors = filters.sectors;
  if (filters.from) input.from = filters.from;
  if (filters.to) input.to = filters.to;
  return input;
}

export const describePeriod = (filters: Filters) =>
  filters.period === 'custom' ? `${filters.from ?? '…'} – ${filters.to ?? '…'}` : PERIODS[filters.period];

export { isoDay };
