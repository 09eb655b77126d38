import { gql } from '../api/graphql-client.js';
import { COUNTRIES } from '../api/queries.js';
import { h } from './dom.js';

// Country names from the API (`countries`), loaded once; codes are shown where a name is unknown.
let names = new Map<string, string>();
let loading: Promise<void> | null = null;
const datalist = h('datalist', { attrs: { id: 'dyad-countries' } });

export function loadCountries(): Promise<void> {
  return (loading ??= gql<{ countries: { code: string; name: string }[] }>(COUNTRIES)
    .then((data) => {
      names = new Map(data.countries.map((c) => [c.code, c.name]));
      datalist.replaceChildren(...data.countries.map((c) => h('option', { attrs: { value: c.code } }, c.name)));
    })
    .catch(() => {
      loading = null;
    }));
}

export const countryName = (code: string) => names.get(code) ?? code;

/** "Iran – Kazakhstan" for a pair. */
export const pairName = (codes: string[]) => codes.map(countryName).join(' – ');

/** The shared <datalist> for country inputs. */
export function countryOptions(): HTMLDataListElement {
  return datalist;
}
