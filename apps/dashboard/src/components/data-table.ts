import { errorMessage } from '../charts/chart-panel.js';
import { downloadCsv, type Cell } from '../export/csv.js';
import { type Child, h, replace } from './dom.js';

export interface Column<T> {
  header: string;
  /** What the cell shows (text or nodes; text from the API stays text). */
  render: (row: T) => Child;
  /** The CSV value; defaults to the rendered text. */
  csv?: (row: T) => Cell;
  numeric?: boolean;
}

export interface ListPanel<T> {
  element: HTMLElement;
  loading(): void;
  error(error: unknown): void;
  show(rows: T[], totalCount?: number): void;
}

/** A list with a CSV export of what it shows, and loading, empty and error states. */
export function listPanel<T>(id: string, title: string, columns: Column<T>[], options: { emptyText?: string; actions?: Child } = {}): ListPanel<T> {
  let rows: T[] = [];
  const status = h('div', { class: 'panel-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const count = h('span', { class: 'panel-count' });
  const csv = h('button', { class: 'link-button', attrs: { type: 'button', 'data-action': 'export-csv', disabled: true } }, 'CSV');
  const body = h('div', { class: 'table-scroll' });
  csv.addEventListener('click', () =>
    downloadCsv(
      title,
      columns.map((c) => c.header),
      rows.map((row) => columns.map((c) => (c.csv ? c.csv(row) : textOf(c.render(row))))),
    ),
  );
  const element = h(
    'section',
    { class: 'panel list-panel', data: { list: id, state: 'loading' }, attrs: { 'aria-label': title } },
    h('header', { class: 'panel-header' }, h('h2', null, title, ' ', count), h('div', { class: 'panel-actions' }, options.actions, csv)),
    status,
    body,
  );
  return {
    element,
    loading() {
      element.dataset.state = 'loading';
      replace(status, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), 'Loading…');
    },
    error(error) {
      element.dataset.state = 'error';
      replace(body);
      replace(status, h('span', { class: 'error-text' }, errorMessage(error)));
    },
    show(next, totalCount) {
      rows = next;
      csv.disabled = next.length === 0;
      count.textContent = totalCount !== undefined && totalCount > next.length ? `(${next.length} of ${totalCount})` : `(${next.length})`;
      if (!next.length) {
        element.dataset.state = 'empty';
        replace(body);
        replace(status, options.emptyText ?? 'Nothing to show for these filters.');
        return;
      }
      element.dataset.state = 'ready';
      replace(status);
      replace(
        body,
        h(
          'table',
          { class: 'data-table' },
          h('thead', null, h('tr', null, columns.map((c) => h('th', { attrs: { scope: 'col' }, class: c.numeric ? 'num' : undefined }, c.header)))),
          h('tbody', null, next.map((row) => h('tr', null, columns.map((c) => h('td', { class: c.numeric ? 'num' : undefined }, c.render(row)))))),
        ),
      );
    },
  };
}

function textOf(child: Child): string {
  if (child === null || child === undefined || child === false) return '';
  if (Array.isArray(child)) return child.map(textOf).join('');
  if (typeof child === 'string' || typeof child === 'number') return String(child);
  return child.textContent ?? '';
}
