import { download, slug } from './download.js';

export type Cell = string | number | null | undefined;

// A cell a spreadsheet would run as a formula is prefixed with ' (CSV injection): news text is untrusted.
function quote(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: string[], rows: Cell[][]): string {
  return [columns, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** Downloads rows as UTF-8 CSV (with a BOM, so spreadsheets read Persian correctly). */
export function downloadCsv(name: string, columns: string[], rows: Cell[][]): void {
  download(new Blob(['\uFEFF', toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), `${slug(name)}.csv`);
}
