import { COUNTRY_CODES } from '@dyad/vocabulary';
import { pairKey } from '../i18n/labels.js';
import { h, link } from './dom.js';

// One naming of countries everywhere (tables, legends, lists, titles, exports): the short common name in the
// UI's language (<html lang>: "Iran", "Russia", not "Islamic Republic of Iran"), from the browser's
// Intl.DisplayNames, with the ISO code on hover. The code is shown only where a browser knows no name for it.

let displayNames: Intl.DisplayNames | null = null;
let displayLocale = '';

/** "Iran" for IR, in the UI language. */
export function countryName(code: string): string {
  const locale = document.documentElement.lang || 'en';
  if (!displayNames || displayLocale !== locale) {
    try {
      displayNames = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    } catch {
      displayNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    }
    displayLocale = locale;
  }
  try {
    return displayNames.of(code) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
}

/** "Iran – Kazakhstan": the parties of a meeting or proposal, as text (CSV cells, legends, titles). */
export const pairName = (codes: string[]) => codes.map(countryName).join(' – ');

/** "Iran, Kazakhstan": a list of countries that are not parties to each other (owners). */
export const countryList = (codes: string[]) => codes.map(countryName).join(', ');

/** A country name with its ISO code on hover. */
export function countryNode(code: string): HTMLElement {
  return h('span', { class: 'country', title: code, data: { country: code } }, countryName(code));
}

/** The parties, named with their codes on hover; a pair links to its pair view. */
export function partiesNode(codes: string[], options: { link?: boolean; search?: string } = {}): HTMLElement {
  const names = codes.flatMap((code, i) => [i ? ' – ' : '', countryNode(code)]);
  if (codes.length === 2 && options.link !== false) return link(`/pairs/${pairKey(codes)}${options.search ?? ''}`, ...names);
  return h('span', { class: 'parties' }, ...names);
}

/** Owners (or any list of countries), named with codes on hover. */
export function countriesNode(codes: string[]): HTMLElement {
  return h('span', { class: 'countries' }, ...codes.flatMap((code, i) => [i ? ', ' : '', countryNode(code)]));
}

const datalist = h('datalist', { attrs: { id: 'dyad-countries' } });
let filled = false;

/** Kept for the views that await it: the names come from the browser, so there is nothing to load. */
export function loadCountries(): Promise<void> {
  if (!filled) {
    filled = true;
    const options = COUNTRY_CODES.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name));
    datalist.replaceChildren(...options.map((c) => h('option', { attrs: { value: c.code } }, c.name)));
  }
  return Promise.resolve();
}

/** The shared <datalist> for country inputs. */
export function countryOptions(): HTMLDataListElement {
  return datalist;
}
