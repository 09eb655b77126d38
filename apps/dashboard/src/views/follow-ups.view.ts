import { ApiError, gql } from '../api/graphql-client.js';
import { FOLLOW_UP_STATUSES } from '@dyad/vocabulary';
import { label } from '../i18n/labels.js';
import { canWrite } from '../auth/session.js';
import { errorMessage } from '../charts/chart-panel.js';
import { countryName, loadCountries } from '../components/countries.js';
import { h, link, replace } from '../components/dom.js';
import { filterBar } from '../components/filter-bar.js';
import { isOverdue, overdueBadge } from '../components/follow-up-list.js';
import { downloadCsv } from '../export/csv.js';
import { formatDay, otherCalendar } from '../i18n/dates.js';
import { directionOf } from '../i18n/text.js';
import { navigate, type RouteMatch } from '../router.js';
import { filterInput, readFilters } from '../state/filters.js';

interface BoardFollowUp {
  id: string;
  description: string;
  status: string;
  horizon: string;
  dueDate: string | null;
  overdue: boolean;
  version: number;
  owners: { code: string }[];
  meeting: { id: string; date: string | null; countries: { code: string }[] } | null;
}

const PER_COLUMN = 100;
const FIELDS = 'id description status horizon dueDate overdue version owners { code } meeting { id date countries { code } }';

// Allowed next statuses, as the lifecycle allows (the API refuses others and says why).
const NEXT: Record<string, string[]> = { OPEN: ['IN_PROGRESS', 'DONE', 'CANCELLED'], IN_PROGRESS: ['OPEN', 'DONE', 'CANCELLED'], DONE: [], CANCELLED: ['OPEN'] };

/** A board by status, overdue first, filterable by owner country, with inline status updates. */
export async function followUpsView(root: HTMLElement, match: RouteMatch): Promise<void> {
  void loadCountries();
  const filters = readFilters();
  const owner = match.query.get('owner')?.toUpperCase() ?? '';
  const onlyOverdue = match.query.get('overdue') === '1';
  const statuses = (match.query.get('statuses') ?? '').split(',').filter((s) => (FOLLOW_UP_STATUSES as readonly string[]).includes(s));
  const columns = statuses.length ? statuses : [...FOLLOW_UP_STATUSES];

  const ownerInput = h('input', { attrs: { type: 'text', name: 'owner', size: 4, value: owner, placeholder: 'IR', list: 'dyad-countries', 'aria-label': 'Owner country' } });
  ownerInput.addEventListener('change', () => {
    const params = new URLSearchParams(location.search);
    const value = ownerInput.value.trim().toUpperCase();
    if (/^[A-Z]{2}$/.test(value)) params.set('owner', value);
    else params.delete('owner');
    navigate(`${location.pathname}?${params}`);
  });
  const overdueBox = h('input', { attrs: { type: 'checkbox', name: 'overdue', checked: onlyOverdue } });
  overdueBox.addEventListener('change', () => {
    const params = new URLSearchParams(location.search);
    if (overdueBox.checked) params.set('overdue', '1');
    else params.delete('overdue');
    navigate(`${location.pathname}?${params}`);
  });
  const csv = h('button', { class: 'link-button', attrs: { type: 'button', 'data-action': 'export-csv' } }, 'CSV');
  const board = h('div', { class: 'board', data: { board: 'follow-ups' } }, h('p', { class: 'muted' }, 'Loading…'));
  replace(
    root,
    h('header', { class: 'view-header' }, h('h1', null, 'Follow-ups'), h('span', { class: 'muted' }, 'Due dates in the period; overdue first')),
    filterBar(filters),
    h('div', { class: 'filter-bar' }, h('label', null, 'Owner country ', ownerInput), h('label', null, overdueBox, ' Overdue only'), csv),
    board,
  );

  const variables: Record<string, unknown> = {};
  const query = `query Board(${columns.map((_, i) => `$f${i}: FollowUpFilterInput`).join(', ')}) {\n${columns
    .map((status, i) => {
      variables[`f${i}`] = {
        ...filterInput(filters),
        statuses: [status],
        ...(onlyOverdue ? { overdue: true } : {}),
        ...(owner ? { owners: [owner] } : {}),
      };
      return `  c${i}: followUps(filter: $f${i}, first: ${PER_COLUMN}) { totalCount nodes { ${FIELDS} } }`;
    })
    .join('\n')}\n}`;
  let data: Record<string, { totalCount: number; nodes: BoardFollowUp[] }>;
  try {
    data = await gql(query, variables);
  } catch (error) {
    replace(board, h('p', { class: 'error-text', attrs: { role: 'alert' } }, errorMessage(error)));
    return;
  }
  const sorted = (rows: BoardFollowUp[]) =>
    [...rows].sort((a, b) => Number(isOverdue(b)) - Number(isOverdue(a)) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  const all: BoardFollowUp[] = [];
  replace(
    board,
    columns.map((status, i) => {
      const column = data[`c${i}`];
      const rows = sorted(column.nodes);
      all.push(...rows);
      return h(
        'section',
        { class: 'board-column', data: { status }, attrs: { 'aria-label': label(status) } },
        h('h2', null, `${label(status)} `, h('span', { class: 'panel-count' }, column.totalCount > column.nodes.length ? `(${rows.length} of ${column.totalCount})` : `(${rows.length})`)),
        rows.length ? rows.map(card) : h('p', { class: 'muted' }, 'None.'),
      );
    }),
  );
  csv.addEventListener('click', () =>
    downloadCsv('follow-ups', ['id', 'description', 'status', 'horizon', 'due', 'overdue', 'owners', 'meeting'], all.map((f) => [f.id, f.description, f.status, f.horizon, f.dueDate, isOverdue(f) ? 'yes' : 'no', f.owners.map((o) => o.code).join(' '), f.meeting?.id ?? ''])),
  );
  root.dataset.ready = 'true';
}

function card(followUp: BoardFollowUp): HTMLElement {
  const message = h('div', { attrs: { 'aria-live': 'polite' } });
  let current = followUp;
  const statusSelect = h(
    'select',
    { attrs: { 'aria-label': 'Status', name: 'status' } },
    h('option', { attrs: { value: followUp.status, selected: true } }, label(followUp.status)),
    NEXT[followUp.status].map((s) => h('option', { attrs: { value: s } }, `→ ${label(s)}`)),
  );
  statusSelect.addEventListener('change', async () => {
    const status = statusSelect.value;
    if (status === current.status) return;
    statusSelect.disabled = true;
    replace(message);
    try {
      const { updateFollowUp } = await gql<{ updateFollowUp: BoardFollowUp }>(
        `mutation($id: ID!, $v: Int!, $input: UpdateFollowUpInput!) { updateFollowUp(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`,
        { id: current.id, v: current.version, input: { status } },
      );
      current = updateFollowUp;
      element.dataset.status = current.status;
      element.classList.toggle('overdue', isOverdue(current));
      replace(message, h('span', { class: 'notice-ok' }, `Now ${label(current.status)}; it moves column when the board reloads.`));
    } catch (error) {
      statusSelect.value = current.status;
      const text = error instanceof ApiError && error.code === 'CONFLICT'
        ? 'Not saved: someone changed this follow-up since the board loaded. Reload the board to see it.'
        : errorMessage(error);
      replace(message, h('span', { class: 'error-text', attrs: { role: 'alert' } }, text));
    } finally {
      statusSelect.disabled = false;
    }
  });
  const element = h(
    'article',
    { class: isOverdue(followUp) ? 'board-card overdue' : 'board-card', data: { followUp: followUp.id, status: followUp.status } },
    h('p', { dir: directionOf(null, followUp.description) }, followUp.meeting ? link(`/meetings/${followUp.meeting.id}`, followUp.description) : followUp.description),
    h('div', { class: 'card-meta' },
      h('span', { title: otherCalendar(followUp.dueDate) }, `Due ${formatDay(followUp.dueDate)}`), overdueBadge(followUp),
      h('span', null, label(followUp.horizon)),
      h('span', { title: followUp.owners.map((o) => countryName(o.code)).join(', ') }, followUp.owners.map((o) => o.code).join(', '))),
    canWrite() ? h('label', null, 'Status ', statusSelect) : h('span', { class: 'badge' }, label(followUp.status)),
    message,
  );
  return element;
}
