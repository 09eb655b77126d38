import type { ChartConfiguration, ChartType } from 'chart.js';
import { ApiError } from '../api/graphql-client.js';
import { h, replace } from '../components/dom.js';
import { downloadCsv, type Cell } from '../export/csv.js';
import { download, slug } from '../export/download.js';
import { formatNumber } from '../i18n/numbers.js';
import { navigate } from '../router.js';
import { Chart } from './chart-setup.js';
import { colour } from './palette.js';

export interface Series {
  label: string;
  data: number[];
  colour?: string;
  /** Per-point colours (bars coloured by category). */
  colours?: string[];
}

export interface ChartData {
  type: 'bar' | 'line' | 'doughnut';
  /** The category axis: months, statuses, sectors… */
  labels: string[];
  /** The header of the table's first column. */
  labelHeader: string;
  series: Series[];
  stacked?: boolean;
  horizontal?: boolean;
  /** Where a click on a bar/point goes (the filtered list), or null. */
  href?: (index: number, seriesIndex: number) => string | null;
  /** A total column in the table view (stacked charts). */
  total?: boolean;
  /** Raw values for the label column in CSV (e.g. YYYY-MM-DD rather than a formatted month). */
  rawLabels?: string[];
}

export interface ChartPanel {
  element: HTMLElement;
  loading(): void;
  error(error: unknown): void;
  show(data: ChartData): void;
  /** A line under the chart (e.g. what it leaves out); null removes it. */
  note(content: HTMLElement | null): void;
  /** Resolves when the chart has drawn (or the panel shows an empty or error state). */
  drawn: Promise<void>;
  destroy(): void;
}

/**
 * A chart with a title, loading/empty/error states, a "view as table" alternative (the same numbers),
 * PNG export of the canvas and CSV export of the table.
 */
export function chartPanel(id: string, title: string, options: { description?: string; emptyText?: string; tall?: boolean } = {}): ChartPanel {
  let chart: Chart | null = null;
  let data: ChartData | null = null;
  let asTable = false;
  let settle!: () => void;
  const drawn = new Promise<void>((resolve) => (settle = resolve));

  const status = h('div', { class: 'panel-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const canvas = h('canvas', { attrs: { role: 'img', 'aria-label': title } });
  const canvasBox = h('div', { class: options.tall ? 'chart-box chart-box-tall' : 'chart-box' }, canvas);
  const tableBox = h('div', { class: 'chart-table', attrs: { hidden: true } });
  const noteBox = h('div', { class: 'chart-note-box' });
  const toggle = h('button', { class: 'link-button', attrs: { type: 'button', 'aria-pressed': 'false', 'data-action': 'toggle-table' } }, 'View as table');
  const png = h('button', { class: 'link-button', attrs: { type: 'button', 'data-action': 'export-png' } }, 'PNG');
  const csv = h('button', { class: 'link-button', attrs: { type: 'button', 'data-action': 'export-csv' } }, 'CSV');
  const actions = h('div', { class: 'panel-actions' }, toggle, png, csv);
  const element = h(
    'section',
    { class: 'panel chart-panel', data: { chart: id, state: 'loading' }, attrs: { 'aria-label': title } },
    h('header', { class: 'panel-header' }, h('h2', null, title), actions),
    options.description ? h('p', { class: 'panel-description' }, options.description) : null,
    status,
    canvasBox,
    tableBox,
    noteBox,
  );

  const setState = (state: 'loading' | 'empty' | 'error' | 'ready') => {
    element.dataset.state = state;
    for (const button of [toggle, png, csv]) button.disabled = state !== 'ready';
  };

  // The table is written when it is first shown, not with every chart: a chart of ten years has a row per month.
  let tableWritten = false;
  const writeTable = () => {
    if (tableWritten || !data) return;
    renderTable(tableBox, data);
    tableWritten = true;
  };
  toggle.addEventListener('click', () => {
    asTable = !asTable;
    if (asTable) writeTable();
    toggle.setAttribute('aria-pressed', String(asTable));
    toggle.textContent = asTable ? 'View as chart' : 'View as table';
    tableBox.hidden = !asTable;
    canvasBox.hidden = asTable;
  });
  png.addEventListener('click', () => {
    canvas.toBlob((blob) => blob && download(blob, `${slug(title)}.png`), 'image/png');
  });
  csv.addEventListener('click', () => {
    if (!data) return;
    const { columns, rows } = tableOf(data, true);
    downloadCsv(title, columns, rows);
  });

  return {
    element,
    drawn,
    loading() {
      setState('loading');
      replace(status, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), 'Loading…');
    },
    error(error) {
      setState('error');
      chart?.destroy();
      chart = null;
      canvasBox.hidden = true;
      replace(status, h('span', { class: 'error-text' }, errorMessage(error)));
      settle();
    },
    show(next) {
      data = next;
      chart?.destroy();
      chart = null;
      const empty = next.labels.length === 0 || next.series.every((s) => s.data.every((v) => !v));
      tableWritten = false;
      if (asTable) writeTable();
      if (empty) {
        setState('empty');
        canvasBox.hidden = true;
        replace(status, options.emptyText ?? 'Nothing in this period for these filters.');
        settle();
        return;
      }
      setState('ready');
      replace(status);
      canvasBox.hidden = asTable;
      chart = new Chart(canvas, config(next, () => {
        element.dataset.drawn = 'true';
        settle();
      }));
    },
    note(content) {
      replace(noteBox, content);
    },
    destroy() {
      chart?.destroy();
      chart = null;
    },
  };
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'GRAPHQL_VALIDATION_FAILED' || /Cannot query field/.test(error.message)) {
      return `This server's API does not offer this yet (${error.message}).`;
    }
    return `${error.message} (${error.code})`;
  }
  return error instanceof Error ? error.message : String(error);
}

function config(data: ChartData, onDrawn: () => void): ChartConfiguration<ChartType> {
  const doughnut = data.type === 'doughnut';
  let fired = false;
  return {
    type: data.type,
    data: {
      labels: data.labels,
      datasets: data.series.map((series, i) => {
        const base = series.colour ?? colour(i);
        return {
          label: series.label,
          data: series.data,
          backgroundColor: series.colours ?? (data.type === 'line' ? `${base}33` : base),
          borderColor: doughnut ? '#ffffff' : (series.colours ?? base),
          borderWidth: data.type === 'line' ? 2 : 1,
          pointRadius: data.type === 'line' ? 2 : undefined,
          fill: data.type === 'line' ? false : undefined,
        };
      }),
    },
    options: {
      indexAxis: data.horizontal ? 'y' : 'x',
      responsive: true,
      interaction: doughnut ? undefined : { mode: 'nearest', intersect: true },
      onHover: (event, elements) => {
        const target = event.native?.target as HTMLElement | undefined;
        if (target) target.classList.toggle('clickable', Boolean(data.href && elements.length));
      },
      onClick: (_event, elements) => {
        const hit = elements[0];
        if (!hit || !data.href) return;
        const href = data.href(hit.index, hit.datasetIndex);
        if (href) navigate(href);
      },
      plugins: {
        legend: { display: data.series.length > 1 || doughnut, position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label ? `${item.dataset.label}: ` : ''}${formatNumber(Number(item.raw))}`,
            footer: data.href ? () => 'Click to open the list' : undefined,
          },
        },
      },
      scales: doughnut
        ? {}
        : {
            // only the value axis gets a number formatter: an undefined callback would replace the category labels
            x: { stacked: data.stacked, beginAtZero: true, ticks: { autoSkip: true, maxRotation: 0, ...(data.horizontal ? { callback: numberTick, precision: 0 } : {}) } },
            y: { stacked: data.stacked, beginAtZero: true, ticks: { autoSkip: false, ...(data.horizontal ? {} : { callback: numberTick, precision: 0 }) } },
          },
    },
    plugins: [
      {
        id: 'dyadDrawn',
        afterRender: () => {
          if (fired) return;
          fired = true;
          onDrawn();
        },
      },
    ],
  } as ChartConfiguration<ChartType>;
}

function numberTick(this: unknown, value: string | number) {
  return typeof value === 'number' ? formatNumber(value) : value;
}

function tableOf(data: ChartData, raw: boolean): { columns: string[]; rows: Cell[][] } {
  const columns = [data.labelHeader, ...data.series.map((s) => s.label || 'Value'), ...(data.total ? ['Total'] : [])];
  const rows = data.labels.map((label, i) => {
    const values = data.series.map((s) => s.data[i] ?? 0);
    return [raw && data.rawLabels ? data.rawLabels[i] : label, ...values, ...(data.total ? [values.reduce((a, b) => a + b, 0)] : [])];
  });
  return { columns, rows };
}

function renderTable(box: HTMLElement, data: ChartData): void {
  const { columns, rows } = tableOf(data, false);
  const raw = data.rawLabels;
  const table = h(
    'table',
    { class: 'data-table' },
    h('thead', null, h('tr', null, columns.map((column) => h('th', { attrs: { scope: 'col' } }, column)))),
    h(
      'tbody',
      null,
      rows.map((row, r) =>
        h(
          'tr',
          { data: { key: raw?.[r] ?? String(row[0]) } },
          row.map((cell, c) => {
            if (c === 0) {
              const href = data.href?.(r, 0);
              return h('th', { attrs: { scope: 'row' } }, href ? h('a', { attrs: { href, 'data-route': '' } }, String(cell)) : String(cell));
            }
            return h('td', { class: 'num', data: { value: String(cell) } }, formatNumber(Number(cell)));
          }),
        ),
      ),
    ),
  );
  replace(box, table);
}
