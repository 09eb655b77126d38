import { fetchAll, MAX_PAGE, type PageSource } from '../api/paging.js';
import { errorMessage } from '../charts/chart-panel.js';
import { downloadCsv, type Cell } from '../export/csv.js';
import { formatNumber } from '../i18n/numbers.js';
import { type Child, h, replace } from './dom.js';

export interface Column<T> {
  header: string;
  /** What the cell shows (text or nodes; text from the API stays text). */
  render: (row: T) => Child;
  /** The CSV value; defaults to the rendered text. */
  csv?: (row: T) => Cell;
  numeric?: boolean;
  /** Only in the CSV export (e.g. the ISO codes beside the country names). */
  csvOnly?: boolean;
}

export interface ListPanel<T> {
  element: HTMLElement;
  loading(): void;
  error(error: unknown): void;
  /** Shows rows that are all there is (no paging). */
  show(rows: T[], totalCount?: number): void;
  /** Shows the first page of `source`, with "Load more" while there are more; CSV exports every row. */
  page(source: PageSource<T>, pageSize?: number): Promise<void>;
}

/** "(100 of 250)", or "(250)" when every row is shown. */
export const countText = (shown: number, total: number) =>
  total > shown ? `(${formatNumber(shown)} of ${formatNumber(total)})` : `(${formatNumber(shown)})`;

/** A list with a CSV export of every matching row, paging ("Load more"), and loading, empty and error states. */
export function listPanel<T>(id: string, title: string, columns: Column<T>[], options: { emptyText?: string; actions?: Child } = {}): ListPanel<T> {
  let rows: T[] = [];
  let total = 0;
  let source: PageSource<T> | null = null;
  let after: string | null = null;
  const shownColumns = columns.filter((c) => !c.csvOnly);
  const status = h('div', { class: 'panel-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const count = h('span', { class: 'panel-count', data: { count: '' } });
  const csv = h('button', { class: 'link-button', attrs: { type: 'button', 'data-action': 'export-csv', disabled: true } }, 'CSV');
  const more = h('button', { class: 'load-more', attrs: { type: 'button', 'data-action': 'load-more', hidden: true } }, 'Load more');
  const body = h('div', { class: 'table-scroll' });
  const tbody = h('tbody');
  const csvRow = (row: T) => columns.map((c) => (c.csv ? c.csv(row) : textOf(c.render(row))));
  const tr = (row: T) => h('tr', null, shownColumns.map((c) => h('td', { class: c.numeric ? 'num' : undefined }, c.render(row))));

  csv.addEventListener('click', async () => {
    if (!source) return downloadCsv(title, columns.map((c) => c.header), rows.map(csvRow));
    csv.disabled = true;
    element.dataset.exporting = 'true';
    try {
      const all = await fetchAll(source, (done, of) => (csv.textContent = `CSV ${Math.round((100 * done) / Math.max(of, 1))}%`));
      downloadCsv(title, columns.map((c) => c.header), all.map(csvRow));
    } catch (error) {
      replace(status, h('span', { class: 'error-text', attrs: { role: 'alert' } }, `Export failed: ${errorMessage(error)}`));
    } finally {
      csv.textContent = 'CSV';
      csv.disabled = false;
      delete element.dataset.exporting;
    }
  });

  const element = h(
    'section',
    { class: 'panel list-panel', data: { list: id, state: 'loading' }, attrs: { 'aria-label': title } },
    h('header', { class: 'panel-header' }, h('h2', null, title, ' ', count), h('div', { class: 'panel-actions' }, options.actions, csv)),
    status,
    body,
    more,
  );

  const render = () => {
    csv.disabled = rows.length === 0;
    count.textContent = countText(rows.length, Math.max(total, rows.length));
    count.dataset.count = String(rows.length);
    count.dataset.total = String(total);
    more.hidden = !(source && after && rows.length < total);
    if (!rows.length) {
      element.dataset.state = 'empty';
      replace(body);
      replace(status, options.emptyText ?? 'Nothing to show for these filters.');
      return;
    }
    element.dataset.state = 'ready';
    replace(status);
    if (!body.firstChild) {
      replace(
        body,
        h(
          'table',
          { class: 'data-table' },
          h('thead', null, h('tr', null, shownColumns.map((c) => h('th', { attrs: { scope: 'col' }, class: c.numeric ? 'num' : undefined }, c.header)))),
          tbody,
        ),
      );
    }
  };

  const nextPage = async (size: number) => {
    const page = await source!(size, after);
    total = page.totalCount;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    rows.push(...page.nodes);
    tbody.append(...page.nodes.map(tr));
    render();
  };

  let pageSize = MAX_PAGE;
  more.addEventListener('click', async () => {
    more.disabled = true;
    more.textContent = 'Loading…';
    try {
      await nextPage(pageSize);
    } catch (error) {
      replace(status, h('span', { class: 'error-text', attrs: { role: 'alert' } }, errorMessage(error)));
    } finally {
      more.disabled = false;
      more.textContent = 'Load more';
    }
  });

  return {
    element,
    loading() {
      element.dataset.state = 'loading';
      replace(status, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), 'Loading…');
    },
    error(error) {
      element.dataset.state = 'error';
      more.hidden = true;
      replace(body);
      replace(status, h('span', { class: 'error-text' }, errorMessage(error)));
    },
    show(next, totalCount) {
      source = null;
      rows = [...next];
      total = totalCount ?? next.length;
      replace(body);
      tbody.replaceChildren(...rows.map(tr));
      render();
    },
    async page(nextSource, size = MAX_PAGE) {
      source = nextSource;
      pageSize = size;
      rows = [];
      total = 0;
      after = null;
      replace(body);
      tbody.replaceChildren();
      this.loading();
      try {
        await nextPage(size);
      } catch (error) {
        this.error(error);
      }
    },
  };
}

function textOf(child: Child): string {
  if (child === null || child === undefined || child === false) return '';
  if (Array.isArray(child)) return child.map(textOf).join('');
  if (typeof child === 'string' || typeof child === 'number') return String(child);
  return child.textContent ?? '';
}
