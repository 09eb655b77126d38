import { DomainError } from '../shared/domain.error.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return date.toISOString().slice(0, 10) === value;
}

/** Dates the system accepts and stores: wider than any news, narrow enough that a chart by month stays small. */
export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

/** True for a real calendar date within DATE_RANGE. */
export function isDateInRange(value: unknown): value is string {
  return isIsoDate(value) && value >= DATE_RANGE.min && value <= DATE_RANGE.max;
}

/** Days from `from` to `to`, both included (ISO dates). */
export interface DayRange {
  from: string;
  to: string;
}

/** Refuses (BAD_USER_INPUT naming `field`) anything but a real YYYY-MM-DD date within DATE_RANGE. */
export function assertDate(value: unknown, field: string): asserts value is string {
  if (!isIsoDate(value)) throw DomainError.invalid(`${field} must be a date written YYYY-MM-DD, not "${String(value)}"`, { field });
  if (!isDateInRange(value)) {
    throw DomainError.invalid(`${field} must be between ${DATE_RANGE.min} and ${DATE_RANGE.max}, not ${value}`, { field });
  }
}

function parse(value: string): Date {
  if (!isIsoDate(value)) throw new RangeError(`not a YYYY-MM-DD date: ${value}`);
  return new Date(`${value}T00:00:00Z`);
}

const format = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(value: string, days: number): string {
  const date = parse(value);
  date.setUTCDate(date.getUTCDate() + days);
  return format(date);
}

/** Adds calendar months, clamping to the month's last day (2025-01-31 + 1 month = 2025-02-28). */
export function addMonths(value: string, months: number): string {
  const date = parse(value);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return format(date);
}

/** Today in Tehran (UTC+03:30), where most of our sources publish. */
export function todayInTehran(now: Date = new Date()): string {
  return format(new Date(now.getTime() + 3.5 * 3600_000));
}
