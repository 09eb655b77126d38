import { ApiError, gql } from '../api/graphql-client.js';
import { canWrite, session } from '../auth/session.js';
import { errorMessage } from '../charts/chart-panel.js';
import { h, link, replace } from '../components/dom.js';
import type { RouteMatch } from '../router.js';

// Watched sources: their health and last poll, and (ANALYST) adding, pausing, resuming and polling them.

interface SourceRow {
  id: string;
  kind: string;
  location: string;
  publisher: string;
  state: string;
  health: 'NEW' | 'OK' | 'FAILING' | 'PAUSED';
  consecutiveFailures: number;
  pollIntervalMinutes: number;
  nextPollAt: string | null;
  lastDeliveredAt: string | null;
  lastPoll: { at: string; fetched: number; new: number; duplicate: number; failed: number; pending: number; notModified: boolean; error: string | null } | null;
}

const FIELDS = `id kind location publisher state health consecutiveFailures pollIntervalMinutes nextPollAt lastDeliveredAt
  lastPoll { at fetched new duplicate failed pending notModified error }`;
const LIST = `query Sources { sources(first: 100) { totalCount nodes { ${FIELDS} } } }`;

const HEALTH_TEXT: Record<SourceRow['health'], string> = { NEW: 'not polled yet', OK: 'healthy', FAILING: 'failing', PAUSED: 'paused' };

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

function ago(iso: string | null): string {
  if (!iso) return 'never';
  const minutes = Math.round((Date.now() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} days ago`;
}

function healthBadge(row: SourceRow): HTMLElement {
  return h('span', { class: `badge badge-health-${row.health.toLowerCase()}`, data: { health: row.health } }, HEALTH_TEXT[row.health]);
}

function lastPollText(row: SourceRow): HTMLElement {
  const poll = row.lastPoll;
  if (!poll) return h('span', { class: 'muted' }, '—');
  if (poll.error) {
    return h('span', null, h('span', { class: 'error-text' }, poll.error), h('br'), h('span', { class: 'muted' }, `${when(poll.at)}, ${row.consecutiveFailures} failure(s) in a row`));
  }
  const counts = poll.notModified
    ? 'not modified'
    : `${poll.fetched} read: ${poll.new} new, ${poll.duplicate} known, ${poll.failed} failed${poll.pending ? `, ${poll.pending} waiting` : ''}`;
  return h('span', null, counts, h('br'), h('span', { class: 'muted' }, when(poll.at)));
}

/** The list of sources with their health; an analyst can add, pause, resume and poll them. */
export async function sourcesView(root: HTMLElement, _match: RouteMatch): Promise<void> {
  const status = h('p', { class: 'muted', attrs: { role: 'status', 'aria-live': 'polite' } });
  const table = h('div', { data: { list: 'sources' } }, h('p', { class: 'muted' }, 'Loading…'));
  replace(
    root,
    h('header', { class: 'view-header' }, h('h1', null, 'Sources'), h('span', { class: 'muted' }, 'Feeds Dyad polls for news')),
    canWrite() ? addForm(() => void load(), status) : null,
    status,
    table,
  );

  async function act(row: SourceRow, mutation: 'pauseSource' | 'resumeSource' | 'pollSource', done: string): Promise<void> {
    status.textContent = `${row.publisher}: working…`;
    try {
      await gql(`mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id: row.id });
      status.textContent = `${row.publisher}: ${done}.`;
    } catch (error) {
      status.textContent = `${row.publisher}: ${errorMessage(error)}`;
    }
    await load();
  }

  async function load(): Promise<void> {
    let rows: SourceRow[];
    try {
      rows = (await gql<{ sources: { nodes: SourceRow[] } }>(LIST)).sources.nodes;
    } catch (error) {
      replace(table, h('p', { class: 'error-text' }, errorMessage(error)));
      return;
    }
    if (!root.isConnected) return;
    if (!rows.length) {
      replace(table, h('p', { class: 'muted' }, canWrite() ? 'No sources yet: add a feed above.' : 'No sources yet.'));
      root.dataset.ready = 'true';
      return;
    }
    const writer = canWrite();
    const admin = session()?.role === 'ADMIN';
    replace(
      table,
      h(
        'table',
        { class: 'data-table' },
        h('thead', null, h('tr', null, ...['Source', 'Health', 'Last poll', 'Last delivered', 'Next poll', writer ? 'Actions' : null].filter(Boolean).map((t) => h('th', { attrs: { scope: 'col' } }, t as string)))),
        h(
          'tbody',
          null,
          ...rows.map((row) => {
            const button = (text: string, action: string, run: () => void) =>
              h('button', { class: 'link-button', attrs: { type: 'button', 'data-action': action }, on: { click: run } }, text);
            const mayChange = writer && (row.kind !== 'FOLDER' || admin);
            return h(
              'tr',
              { data: { source: row.id, health: row.health } },
              h('td', null, h('strong', null, row.publisher), h('br'), h('span', { class: 'muted', dir: 'ltr' }, `${row.kind} · ${row.location}`)),
              h('td', null, healthBadge(row)),
              h('td', null, lastPollText(row)),
              h('td', { title: when(row.lastDeliveredAt) }, ago(row.lastDeliveredAt)),
              h('td', null, row.state === 'PAUSED' ? '—' : when(row.nextPollAt), h('br'), h('span', { class: 'muted' }, `every ${row.pollIntervalMinutes} min`)),
              writer
                ? h(
                    'td',
                    null,
                    mayChange ? button('Poll now', 'poll', () => void act(row, 'pollSource', 'polled')) : null,
                    ' ',
                    mayChange
                      ? row.state === 'PAUSED'
                        ? button('Resume', 'resume', () => void act(row, 'resumeSource', 'resumed'))
                        : button('Pause', 'pause', () => void act(row, 'pauseSource', 'paused'))
                      : null,
                  )
                : null,
            );
          }),
        ),
      ),
    );
    root.dataset.ready = 'true';
  }

  await load();
}

function addForm(onAdded: () => void, status: HTMLElement): HTMLElement {
  const field = (name: string, labelText: string, control: HTMLElement) =>
    h('label', null, `${labelText} `, control, h('span', { class: 'error-text field-error', data: { errorFor: name } }));
  const kind = h('select', { attrs: { name: 'kind' } }, h('option', { attrs: { value: 'FEED' } }, 'Feed (RSS, Atom, JSON Feed)'), h('option', { attrs: { value: 'JSON_LINES' } }, 'JSON Lines URL'));
  const location = h('input', { attrs: { name: 'location', type: 'url', required: true, size: 40, placeholder: 'https://…/rss' } });
  const publisher = h('input', { attrs: { name: 'publisher', type: 'text', required: true, placeholder: 'IRNA' } });
  const language = h('select', { attrs: { name: 'language' } }, ...[['', 'detect'], ['fa', 'Persian'], ['en', 'English'], ['ru', 'Russian']].map(([v, t]) => h('option', { attrs: { value: v } }, t)));
  const country = h('input', { attrs: { name: 'publisherCountry', type: 'text', size: 3, maxlength: 2, placeholder: 'IR' } });
  const interval = h('input', { attrs: { name: 'pollIntervalMinutes', type: 'number', min: 1, max: 10080, value: 60 } });
  const form = h(
    'form',
    { class: 'panel', data: { form: 'add-source' } },
    h('h2', null, 'Add a source'),
    h('div', { class: 'filter-bar' },
      field('kind', 'Kind', kind), field('location', 'URL', location), field('publisher', 'Publisher', publisher),
      field('language', 'Language', language), field('publisherCountry', 'Country', country), field('pollIntervalMinutes', 'Every (min)', interval),
      h('button', { attrs: { type: 'submit' } }, 'Add')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const span of form.querySelectorAll<HTMLElement>('[data-error-for]')) span.textContent = '';
    const input = {
      kind: kind.value,
      location: location.value.trim(),
      publisher: publisher.value.trim(),
      language: language.value || null,
      publisherCountry: country.value.trim().toUpperCase() || null,
      pollIntervalMinutes: Number(interval.value),
    };
    try {
      const added = await gql<{ addSource: { id: string; publisher: string } }>(
        `mutation($i: AddSourceInput!) { addSource(input: $i) { id publisher } }`,
        { i: input },
      );
      status.textContent = `${added.addSource.publisher}: added; it is polled within a minute.`;
      form.reset();
      onAdded();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      let shown = false;
      for (const [name, message] of Object.entries(fields)) {
        const span = form.querySelector<HTMLElement>(`[data-error-for="${name}"]`);
        if (span) {
          span.textContent = message;
          shown = true;
        }
      }
      if (!shown) status.textContent = errorMessage(error);
    }
  });
  return form;
}

/** For the overview: when each source last delivered a new item, failing ones first. */
export function sourceDeliveryPanel(): HTMLElement {
  const body = h('div', null, h('p', { class: 'muted' }, 'Loading…'));
  const panel = h('section', { class: 'panel', data: { panel: 'source-delivery' } }, h('div', { class: 'panel-header' }, h('h2', null, 'Sources'), link('/sources', 'All sources')), body);
  gql<{ sources: { nodes: SourceRow[] } }>(LIST)
    .then(({ sources }) => {
      if (!sources.nodes.length) return replace(body, h('p', { class: 'muted' }, 'No watched sources.'));
      const order = { FAILING: 0, NEW: 1, OK: 2, PAUSED: 3 };
      const rows = [...sources.nodes].sort((a, b) => order[a.health] - order[b.health] || a.publisher.localeCompare(b.publisher));
      replace(
        body,
        h('table', { class: 'data-table' },
          h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, 'Source'), h('th', { attrs: { scope: 'col' } }, 'Health'), h('th', { attrs: { scope: 'col' } }, 'Last delivered'))),
          h('tbody', null, ...rows.slice(0, 10).map((row) =>
            h('tr', { data: { source: row.id } }, h('td', null, row.publisher), h('td', null, healthBadge(row)), h('td', { title: when(row.lastDeliveredAt) }, ago(row.lastDeliveredAt)))))),
      );
    })
    .catch((error) => replace(body, h('p', { class: 'error-text' }, errorMessage(error))));
  return panel;
}
