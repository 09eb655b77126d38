import { download, slug } from './download.js';

export type Cell = string | number | null | undefined;

// CSV injection: news text is untrusted, and a spreadsheet runs a cell that starts with a formula trigger.
// Triggers: = + - @ (and their full-width and small forms, which some spreadsheets fold to ASCII), | (DDE),
// tab and line breaks. Spreadsheets skip leading spaces and quotes before looking, and one set to another
// separator (; in much of Europe, tabs on paste) starts a new cell after it, so "x;=1+1" holds a formula
// cell too. Every place a cell can start gets a ' in front of the trigger, which makes it text.
const TRIGGER = '=+\\-@|\\t\\r\\n\\uFF1D\\uFF0B\\uFF0D\\uFF20\\uFE66\\uFE62\\uFE63\\uFE6B';
const SKIPPED = '\\s"\'\\u200B-\\u200D\\u2060\\uFEFF';
const CELL_START = new RegExp(`(^|[;,\\t|\\r\\n])([${SKIPPED}]*)(?=[${TRIGGER}])`, 'g');

/** A text cell that no spreadsheet reads as a formula. */
export function neutraliseCell(text: string): string {
  return text.replace(CELL_START, (_match, separator: string, padding: string) => `${separator}'${padding}`);
}

function quote(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  const text = neutraliseCell(cell);
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: string[], rows: Cell[][]): string {
  return [columns, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** Downloads rows as UTF-8 CSV (with a BOM, so spreadsheets read Persian correctly). */
export function downloadCsv(name: string, columns: string[], rows: Cell[][]): void {
  download(new Blob(['\uFEFF', toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), `${slug(name)}.csv`);
}
