// Solar Hijri ↔ Gregorian through jalaali-js (Borkowski's break-year algorithm, Jalali years -61…3177);
// this file keeps the lib's own names and its ISO-string, null-for-impossible conventions.
import { isLeapJalaaliYear, jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';

export function isJalaliLeapYear(jy: number): boolean {
  return isLeapJalaaliYear(jy);
}

export function jalaliMonthLength(jy: number, jm: number): number {
  return jalaaliMonthLength(jy, jm);
}

const DAY = 86_400_000;

// Gregorian dates by arithmetic on day numbers (days since 1970-01-01, proleptic calendar, H. Hinnant's
// civil-date algorithms): every item reads a few dates, and a Date object with an ISO string for each cost
// more than the rest of its date reading. Whatever is not a plain YYYY-MM-DD in years 0–9999 goes through
// Date as before.
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthLength = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]);

function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const format = (y: number, m: number, d: number) => `${y < 10 ? '000' : y < 100 ? '00' : y < 1000 ? '0' : ''}${y}-${pad2(m)}-${pad2(d)}`;

/** The date of a day number as YYYY-MM-DD; null outside years 0–9999 (which toISOString writes otherwise). */
function isoOfDay(days: number): string | null {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y >= 0 && y <= 9999 ? format(y, m, d) : null;
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 0x30;
const isDigitAt = (s: string, i: number) => s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39;

/** The day number of a valid YYYY-MM-DD, else null. */
function parseDay(iso: string): number | null {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 0x2d || iso.charCodeAt(7) !== 0x2d) return null;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigitAt(iso, i)) return null;
  const y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const m = digit(iso, 5) * 10 + digit(iso, 6);
  const d = digit(iso, 8) * 10 + digit(iso, 9);
  if (m < 1 || m > 12 || d < 1 || d > monthLength(y, m)) return null;
  return dayNumber(y, m, d);
}

// An item's day-months are read in this year and the last: the same few hundred dates for every item.
const FROM_JALALI = new Map<number, string | null>();
const MAX_KEPT = 20_000;

/** 1404/01/24 → 2025-04-13; null for an impossible date. */
export function jalaliToGregorian(jy: number, jm: number, jd: number): string | null {
  if (jm < 1 || jm > 12 || jd < 1 || jy < 1 || jy > 3000) return null;
  if (jd > jalaliMonthLength(jy, jm)) return null;
  // (whole numbers in range make a unique key)
  const key = Number.isInteger(jy) && Number.isInteger(jm) && Number.isInteger(jd) ? jy * 10_000 + jm * 100 + jd : null;
  let iso = key === null ? undefined : FROM_JALALI.get(key);
  if (iso === undefined) {
    const { gy, gm, gd } = toGregorian(jy, jm, jd);
    iso = new Date(Date.UTC(gy, gm - 1, gd)).toISOString().slice(0, 10);
    if (key !== null) {
      if (FROM_JALALI.size >= MAX_KEPT) FROM_JALALI.clear();
      FROM_JALALI.set(key, iso);
    }
  }
  return iso;
}

export function gregorianToJalali(iso: string): { jy: number; jm: number; jd: number } {
  const days = parseDay(iso);
  const [gy, gm, gd] = days === null ? iso.split('-').map(Number) : [+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10)];
  const { jy, jm, jd } = toJalaali(gy, gm, gd);
  return { jy, jm, jd };
}

/** A valid Gregorian YYYY-MM-DD or null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 2999) return null;
  if (Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d)) return d > monthLength(y, m) ? null : format(y, m, d);
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null;
  return t.toISOString().slice(0, 10);
}

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isoDate(+m[1], +m[2], +m[3]) === s;
}

export function addDays(iso: string, days: number): string {
  const from = Number.isInteger(days) ? parseDay(iso) : null;
  const out = from === null ? null : isoOfDay(from + days);
  return out ?? new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Adds calendar months, clamping the day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = parseDay(iso) !== null && Number.isInteger(months) && total >= 0 ? monthLength(ny, nm) : new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return isoDate(ny, nm, Math.min(d, last))!;
}

export function weekday(iso: string): number {
  const days = parseDay(iso);
  // (1970-01-01 was a Thursday)
  return days === null ? new Date(Date.parse(`${iso}T00:00:00Z`)).getUTCDay() : (((days + 4) % 7) + 7) % 7;
}
