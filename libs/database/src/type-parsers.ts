import pg from 'pg';

// Array columns in text format: node-postgres parses `{a,b,c}` character by character (postgres-array), a
// per-character push and a join per element, for every uuid of a page's source ids and every party set. PostgreSQL
// quotes an array element whenever it is empty, is NULL spelt in any case, or holds a comma, quote, backslash, brace
// or white space; so an array text with no `"` and no `\` has only plain elements, and splitting it at the commas
// gives what the full parser gives (an unquoted NULL is a null). Anything else (quotes, nested arrays, bounds such
// as `[0:1]={…}`) goes to the full parser.

const OPEN = 123; // {

/** A one-dimensional text-like array as node-postgres parses it, without the per-character walk when no element is quoted. */
export function parseStringArray(value: string): (string | null)[] | null {
  if (!value) return null;
  if (value.charCodeAt(0) !== OPEN || value.indexOf('"') !== -1 || value.indexOf('\\') !== -1 || value.indexOf('{', 1) !== -1) {
    return defaultStringArray(value);
  }
  if (value.length === 2) return [];
  const elements: (string | null)[] = value.slice(1, -1).split(',');
  for (let i = 0; i < elements.length; i++) if (elements[i] === 'NULL') elements[i] = null;
  return elements;
}

const defaultStringArray = pg.types.getTypeParser(1009 as never, 'text') as (value: string) => (string | null)[] | null;

// text[], char[], varchar[], uuid[]: the array types whose elements node-postgres keeps as strings
const STRING_ARRAYS = new Set([1009, 1014, 1015, 2951]);

/** node-postgres' type parsers, with the string arrays' faster (same result). For a pool's `types`. */
export const TYPE_PARSERS = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if ((format ?? 'text') === 'text' && STRING_ARRAYS.has(oid)) return parseStringArray;
    return pg.types.getTypeParser(oid as never, format as 'text');
  },
};
