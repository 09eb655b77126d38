import { currentCalendar, uiLocale } from './dates.js';

const cache = new Map<string, Intl.NumberFormat>();

/** A number formatted for the user's locale (Persian digits when the Solar Hijri calendar is on). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  const locale = currentCalendar() === 'persian' ? 'fa-IR' : uiLocale();
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f.format(value);
}

/** "+12%", "−3", "new" against the previous period. */
export function formatChange(current: number, previous: number): { text: string; trend: 'up' | 'down' | 'flat' } {
  const diff = current - previous;
  if (diff === 0) return { text: '±0', trend: 'flat' };
  const sign = diff > 0 ? '+' : '−';
  const pct = previous === 0 ? '' : ` (${sign}${formatNumber(Math.abs(diff) / previous, { style: 'percent', maximumFractionDigits: 0 })})`;
  return { text: `${sign}${formatNumber(Math.abs(diff))}${pct}`, trend: diff > 0 ? 'up' : 'down' };
}
