import { h } from '../components/dom.js';
import { currentCalendar, parseDay } from './dates.js';

// Date inputs in the chosen calendar. The browser's <input type="date"> is Gregorian only, so with the Solar
// Hijri calendar on, a date field is a text field that shows and takes 1404/01/24 (Persian or Latin digits)
// and keeps the Gregorian day (what the API takes) in data-iso. Conversions go through Intl's persian
// calendar both ways, so the dashboard and the charts agree on every day.

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const DAY_MS = 86_400_000;

let parts: Intl.DateTimeFormat | null = null;

/** [year, month, day] in the Solar Hijri calendar of a Gregorian YYYY-MM-DD. */
export function toSolarHijri(iso: string): [number, number, number] {
  parts ??= new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
  const got = Object.fromEntries(parts.formatToParts(parseDay(iso)).map((p) => [p.type, p.value]));
  return [Number.parseInt(got.year, 10), Number.parseInt(got.month, 10), Number.parseInt(got.day, 10)];
}

const dayOfYear = (month: number, day: number) => (month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day;
/** About the number of days since year 0: close enough to step towards the day. */
const dayNumber = (year: number, month: number, day: number) => Math.floor(year * 365.2422) + dayOfYear(month, day);

/** The Gregorian YYYY-MM-DD of a Solar Hijri day, or null when there is no such day (1403/12/31, 1404/13/01). */
export function fromSolarHijri(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > 31 || year < 1279 || year > 1479) return null;
  // Nowruz falls on 20 or 21 March: start there and correct by the difference Intl reports.
  let time = Date.UTC(year + 621, 2, 20, 12) + (dayOfYear(month, day) - 1) * DAY_MS;
  for (let i = 0; i < 5; i++) {
    const [y, m, d] = toSolarHijri(new Date(time).toISOString().slice(0, 10));
    const diff = dayNumber(year, month, day) - dayNumber(y, m, d);
    if (diff === 0) break;
    time += diff * DAY_MS;
  }
  const iso = new Date(time).toISOString().slice(0, 10);
  const [y, m, d] = toSolarHijri(iso);
  return y === year && m === month && d === day ? iso : null;
}

const latinDigits = (text: string) =>
  text.replace(/[۰-۹]/g, (c) => String(PERSIAN_DIGITS.indexOf(c))).replace(/[٠-٩]/g, (c) => String(ARABIC_DIGITS.indexOf(c)));
const persianDigits = (text: string) => text.replace(/\d/g, (c) => PERSIAN_DIGITS[Number(c)]);

/** "۱۴۰۴/۰۱/۲۴" for 2025-04-13. */
export function formatSolarHijriInput(iso: string): string {
  const [y, m, d] = toSolarHijri(iso);
  return persianDigits(`${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`);
}

/** The Gregorian day of "1404/01/24" or "۱۴۰۴-۱-۲۴"; null when it is not a Solar Hijri day. */
export function parseSolarHijriInput(text: string): string | null {
  const match = /^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$/.exec(latinDigits(text));
  return match ? fromSolarHijri(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/**
 * A date input in the current calendar. Read its day with `isoOf`: YYYY-MM-DD, '' when empty, or null when
 * what was typed is not a day (the field then says so and is marked invalid).
 */
export function dateInput(value: string | null, attrs: Record<string, string | number | boolean> = {}): HTMLInputElement {
  if (currentCalendar() !== 'persian') return h('input', { attrs: { ...attrs, type: 'date', value: value ?? '' } });
  const input = h('input', {
    attrs: { ...attrs, type: 'text', inputmode: 'numeric', size: 11, dir: 'ltr', lang: 'fa', placeholder: '۱۴۰۴/۰۱/۲۴', value: value ? formatSolarHijriInput(value) : '' },
    data: { calendar: 'persian', iso: value ?? '' },
  });
  input.title = 'Solar Hijri: year/month/day, e.g. ۱۴۰۴/۰۱/۲۴ or 1404/01/24';
  const sync = () => {
    const text = input.value.trim();
    const iso = text ? parseSolarHijriInput(text) : '';
    input.dataset.iso = iso ?? 'invalid';
    input.setCustomValidity(iso === null ? 'Not a Solar Hijri day: year/month/day, e.g. 1404/01/24' : '');
    if (iso === null) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  // capture: runs before the form's own change listeners, which read the day
  input.addEventListener('change', sync, true);
  input.addEventListener('input', sync);
  return input;
}

/** The Gregorian day in a date input from `dateInput`: YYYY-MM-DD, '' when empty, null when not a day. */
export function isoOf(input: HTMLInputElement): string | null {
  if (input.dataset.calendar !== 'persian') return input.value;
  const iso = input.dataset.iso ?? '';
  return iso === 'invalid' ? null : iso;
}
