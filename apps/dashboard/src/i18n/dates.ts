// Dates arrive as Gregorian YYYY-MM-DD. Shown in Gregorian, or in the Solar Hijri calendar through Intl
// (`fa-IR-u-ca-persian`) when the user picks it; the choice is remembered.

export type Calendar = 'gregorian' | 'persian';

const STORAGE_KEY = 'dyad.calendar';
let calendar: Calendar = readCalendar();
const listeners = new Set<() => void>();

function readCalendar(): Calendar {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'persian' ? 'persian' : 'gregorian';
  } catch {
    return 'gregorian';
  }
}

export const currentCalendar = () => calendar;

export function setCalendar(next: Calendar): void {
  calendar = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered
  }
  document.documentElement.dataset.calendar = next;
  for (const listener of listeners) listener();
}

export const onCalendarChange = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The user's locale for numbers and Gregorian dates. */
export const uiLocale = () => navigator.language || 'en';

/** Noon UTC, so no time zone moves the day. */
export function parseDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, (m || 1) - 1, d || 1, 12));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** A day (YYYY-MM-DD) in the chosen calendar; '—' when unknown. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  const date = parseDay(day);
  if (calendar === 'persian') {
    return formatter('fa-day', () => new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })).format(date);
  }
  return formatter(`${uiLocale()}-day`, () => new Intl.DateTimeFormat(uiLocale(), { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })).format(date);
}

/** What a meeting with no known date shows (no report gave one; it is in no per-period chart). */
export const DATE_UNKNOWN = 'Date unknown';

/** A meeting's day, or "Date unknown". */
export const formatMeetingDay = (day: string | null | undefined) => (day ? formatDay(day) : DATE_UNKNOWN);

/** A month (its first day, YYYY-MM-DD, or YYYY-MM) for chart axes. */
export function formatMonth(day: string): string {
  const date = parseDay(day.length === 7 ? `${day}-01` : day);
  if (calendar === 'persian') {
    // The Solar Hijri month that contains the 15th of the Gregorian month: axis buckets stay Gregorian months.
    const mid = new Date(date.getTime() + 14 * 86_400_000);
    return formatter('fa-month', () => new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: 'short', timeZone: 'UTC' })).format(mid);
  }
  return formatter(`${uiLocale()}-month`, () => new Intl.DateTimeFormat(uiLocale(), { year: 'numeric', month: 'short', timeZone: 'UTC' })).format(date);
}

/** Both calendars, for a tooltip: the other calendar than the one shown. */
export function otherCalendar(day: string | null | undefined): string {
  if (!day) return '';
  const date = parseDay(day);
  return calendar === 'persian'
    ? day
    : formatter('fa-day-latn', () => new Intl.DateTimeFormat('en-u-ca-persian', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })).format(date);
}

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return isoDay(new Date(parseDay(day).getTime() + days * 86_400_000));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / 86_400_000);
}

/** Today in Tehran (UTC+03:30), the API's notion of "today" for overdue. */
export function today(): string {
  return isoDay(new Date(Date.now() + 3.5 * 3_600_000));
}

/** The last day of the month that starts on `day`. */
export function monthEnd(day: string): string {
  const date = parseDay(day);
  return isoDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0, 12)));
}
