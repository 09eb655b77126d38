import { isCountryCode } from '@dyad/vocabulary';
import { LANGUAGES, type Language } from '@dyad/extraction';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** True for a real Gregorian date written exactly as YYYY-MM-DD. */
export function isRealIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * A feed or page timestamp as YYYY-MM-DD. The calendar day is taken as written (the publisher's local day),
 * not shifted to UTC: "2025-04-14T01:00+03:30" was published on the 14th in Tehran.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  if (iso) {
    const date = `${iso[1]}-${iso[2]}-${iso[3]}`;
    return isRealIsoDate(date) ? date : null;
  }
  // RFC 822 (RSS pubDate): "Sun, 13 Apr 2025 10:00:00 +0330", two-digit years allowed.
  const rfc = /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{2}|\d{4})\b/.exec(text);
  if (rfc) {
    const month = MONTHS[rfc[2].toLowerCase()];
    const year = rfc[3].length === 2 ? 2000 + Number(rfc[3]) : Number(rfc[3]);
    const date = month ? `${year}-${pad(month)}-${pad(Number(rfc[1]))}` : '';
    return isRealIsoDate(date) ? date : null;
  }
  const time = Date.parse(text);
  if (!Number.isFinite(time)) return null;
  const date = new Date(time).toISOString().slice(0, 10);
  return isRealIsoDate(date) ? date : null;
}

/** `fa-IR`, `EN`, `ru_RU` → the language when it is one Dyad reads, else null. */
export function toLanguage(value: string | null | undefined): Language | null {
  const primary = value?.trim().split(/[-_]/)[0]?.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : null;
}

/** An assigned ISO 3166-1 alpha-2 code in upper case. */
export { isCountryCode };

/** An absolute http(s) URL (resolved against `base` when given), else null. */
export function toHttpUrl(value: string | null | undefined, base?: string): string | null {
  const text = value?.trim();
  if (!text) return null;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
