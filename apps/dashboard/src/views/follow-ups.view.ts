import { shiftCursor } from '../api/cursor.js';
import { ApiError, gql } from '../api/graphql-client.js';
import { type Connection, fetchAll } from '../api/paging.js';
import { FOLLOW_UP_STATUSES } from '@dyad/vocabulary';
import { label } from '../i18n/labels.js';
import { canWrite } from '../auth/session.js';
import { errorMessage } from '../charts/chart-panel.js';
import { countriesNode, countryList, loadCountries, pairName } from '../components/countries.js';
import { countText } from '../components/data-table.js';
import { h, replace } from '../components/dom.js';
import { filterBar } from '../components/filter-bar.js';
import {
  FOLLOW_UP_LIST, FOLLOW_UP_ROW_FIELDS, followUpContext, followUpParties, followUpSource, type FollowUpRow, isOverdue, overdueBadge,
} from '../components/follow-up-list.js';
import { downloadCsv } from '../export/csv.js';
import { formatDay, otherCalendar } from '../i18n/dates.js';
import { directionOf } from '../i18n/text.js';
import { navigate, type RouteMatch } from '../router.js';
import { filterInput, readFilters } from '../state/filters.js';

type BoardFollowUp = FollowUpRow & { version: number; owners: { code: string }[] };

const PER_PAGE = 50;

// Allowed next statuses, as the lifecycle allows (the API refuses others and says why).
const NEXT: Record<string, string[]> = { OPEN: ['IN_PROGRESS', 'DONE', 'CANCELLED'], IN_PROGRESS: ['OPEN', 'DONE', 'CANCELLED'], DONE: [], CANCELLED: ['OPEN'] };

interface BoardColumn {
  status: string;
  element: HTMLElement;
  cards: HTMLElement;
  count: HTMLElement;
  more: HTMLButtonElement;
  shown: number;
  total: number;
  after: string | null;
  render(): void;
}

/**
 * A board by status, overdue first, filterable by owner country; each column pages ("Load more"), a status
 * change moves the card to its new column and both counts change at once; CSV exports every matching row.
 */
export async function followUpsView(root: HTMLElement, match: RouteMatch): Promise<void> {
  void loadCountries();
  const filters = readFilters();
  const owner = match.query.get('owner')?.toUpperCase() ?? '';
  const onlyOverdue = match.query.get('overdue') === '1';
  const statuses = (match.query.get('statuses') ?? '').split(',').filter((s) => (FOLLOW_UP_STATUSES as readonly string[]).includes(s));
  const shownStatuses = statuses.length ? statuses : [...FOLLOW_UP_STATUSES];

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
  const status = h('div', { class: 'panel-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const board = h('div', { class: 'board', data: { board: 'follow-ups' } }, h('p', { class: 'muted' }, 'Loading…'));
  replace(
    root,
    h('header', { class: 'view-header' }, h('h1', null, 'Follow-ups'), h('span', { class: 'muted' }, 'Due dates in the period; overdue first')),
    filterBar(filters),
    h('div', { class: 'filter-bar' }, h('label', null, 'Owner country ', ownerInput), h('label', null, overdueBox, ' Overdue only'), csv),
    status,
    board,
  );

  const filterFor = (statusesOf: string[]) => ({
    ...filterInput(filters),
    statuses: statusesOf,
    ...(onlyOverdue ? { overdue: true } : {}),
    ...(owner ? { owners: [owner] } : {}),
  });
  const page = (statusesOf: string[]) => async (first: number, after: string | null) =>
    (await gql<{ followUps: Connection<BoardFollowUp> }>(FOLLOW_UP_LIST, { filter: filterFor(statusesOf), first, after })).followUps;

  const columns = new Map<string, BoardColumn>();
  const move = (card: HTMLElement, from: string, to: string) => {
    const source = columns.get(from);
    const target = columns.get(to);
    // the columns' cursors are offsets into the server's order: a card leaving a column moves the rows not yet
    // loaded one place up, a card joining one moves them down (a row seen twice is shown once: see add)
    if (source) {
      source.total -= 1;
      source.shown -= 1;
      source.after = shiftCursor(source.after, -1);
      source.render();
    }
    if (target) {
      target.cards.prepend(card);
      target.total += 1;
      target.shown += 1;
      target.after = shiftCursor(target.after, 1);
      target.render();
    } else card.remove(); // its new status is not on this board (filtered out)
    if (source && !source.cards.querySelector('.board-card')) source.render();
  };

  try {
    const firstPages = await Promise.all(shownStatuses.map((s) => page([s])(PER_PAGE, null)));
    replace(board, shownStatuses.map((s, i) => {
      const column = boardColumn(s, firstPages[i], page([s]), (card, from, to) => move(card, from, to));
      columns.set(s, column);
      return column.element;
    }));
  } catch (error) {
    replace(board, h('p', { class: 'error-text', attrs: { role: 'alert' } }, errorMessage(error)));
    return;
  }
  csv.addEventListener('click', async () => {
    csv.disabled = true;
    try {
      const all = await fetchAll(page(shownStatuses), (done, total) => (csv.textContent = `CSV ${Math.round((100 * done) / Math.max(total, 1))}%`));
      downloadCsv(
        'follow-ups',
        ['id', 'description', 'status', 'horizon', 'due', 'overdue', 'countries', 'country codes', 'source meeting', 'source meeting date', 'owners', 'owner codes'],
        all.map((f) => [
          f.id, f.description, f.status, f.horizon, f.dueDate, isOverdue(f) ? 'yes' : 'no', pairName(followUpParties(f)), followUpParties(f).join(' '),
          followUpSource(f)?.id ?? '', followUpSource(f)?.date ?? '', countryList(f.owners.map((o) => o.code)), f.owners.map((o) => o.code).join(' '),
        ]),
      );
    } catch (error) {
      replace(status, h('span', { class: 'error-text', attrs: { role: 'alert' } }, `Export failed: ${errorMessage(error)}`));
    } finally {
      csv.textContent = 'CSV';
      csv.disabled = false;
    }
  });
  root.dataset.ready = 'true';
}

function boardColumn(
  status: string,
  first: Connection<BoardFollowUp>,
  source: (first: number, after: string | null) => Promise<Connection<BoardFollowUp>>,
  move: (card: HTMLElement, from: string, to: string) => void,
): BoardColumn {
  const count = h('span', { class: 'panel-count', data: { count: '' } });
  const cards = h('div', { class: 'board-cards' });
  const empty = h('p', { class: 'muted' }, 'None.');
  const more = h('button', { class: 'load-more', attrs: { type: 'button', 'data-action': 'load-more' } }, 'Load more');
  const element = h('section', { class: 'board-column', data: { status }, attrs: { 'aria-label': label(status) } }, h('h2', null, `${label(status)} `, count), cards, empty, more);
  const column: BoardColumn = {
    status,
    element,
    cards,
    count,
    more,
    shown: first.nodes.length,
    total: first.totalCount,
    after: first.pageInfo.hasNextPage ? first.pageInfo.endCursor : null,
    render() {
      count.textContent = countText(column.shown, column.total);
      count.dataset.count = String(column.shown);
      count.dataset.total = String(column.total);
      empty.hidden = cards.childElementCount > 0;
      more.hidden = !column.after;
    },
  };
  const add = (rows: BoardFollowUp[]) =>
    cards.append(...rows.filter((row) => !cards.querySelector(`[data-follow-up="${CSS.escape(row.id)}"]`)).map((row) => card(row, move)));
  add(first.nodes);
  more.addEventListener('click', async () => {
    if (!column.after) return;
    more.disabled = true;
    try {
      const page = await source(PER_PAGE, column.after);
      add(page.nodes);
      column.shown += page.nodes.length;
      column.total = page.totalCount;
      column.after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      column.render();
    } catch (error) {
      more.textContent = `Load more (${errorMessage(error)})`;
    } finally {
      more.disabled = false;
    }
  });
  column.render();
  return column;
}

function card(followUp: BoardFollowUp, move: (card: HTMLElement, from: string, to: string) => void): HTMLElement {
  const message = h('div', { attrs: { 'aria-live': 'polite' } });
  let current = followUp;
  const statusSelect = h('select', { attrs: { 'aria-label': 'Status', name: 'status' } });
  const fillOptions = () =>
    replace(
      statusSelect,
      h('option', { attrs: { value: current.status, selected: true } }, label(current.status)),
      NEXT[current.status].map((s) => h('option', { attrs: { value: s } }, `→ ${label(s)}`)),
    );
  fillOptions();
  const badge = h('span', { class: 'badge' }, label(followUp.status));
  const due = h('span', { class: 'due' });
  const renderDue = () => replace(due, h('span', { title: otherCalendar(current.dueDate) }, `Due ${formatDay(current.dueDate)}`), ' ', overdueBadge(current));
  renderDue();
  statusSelect.addEventListener('change', async () => {
    const status = statusSelect.value;
    if (status === current.status) return;
    statusSelect.disabled = true;
    replace(message);
    try {
      const { updateFollowUp } = await gql<{ updateFollowUp: BoardFollowUp }>(
        `mutation($id: ID!, $v: Int!, $input: UpdateFollowUpInput!) { updateFollowUp(id: $id, expectedVersion: $v, input: $input) { ${FOLLOW_UP_ROW_FIELDS} } }`,
        { id: current.id, v: current.version, input: { status } },
      );
      const from = current.status;
      current = updateFollowUp;
      element.dataset.status = current.status;
      element.classList.toggle('overdue', isOverdue(current));
      fillOptions();
      badge.textContent = label(current.status);
      renderDue();
      replace(message, h('span', { class: 'notice-ok' }, `Now ${label(current.status)}.`));
      move(element, from, current.status);
      statusSelect.focus();
    } catch (error) {
      statusSelect.value = current.status;
      const text = error instanceof ApiError && error.code === 'CONFLICT'
        ? 'Someone changed this follow-up while you were looking at it. Reload the board to see their change.'
        : errorMessage(error);
      replace(message, h('span', { class: 'error-text', attrs: { role: 'alert' } }, text));
    } finally {
      statusSelect.disabled = false;
    }
  });
  const element = h(
    'article',
    { class: isOverdue(followUp) ? 'board-card overdue' : 'board-card', data: { followUp: followUp.id, status: followUp.status } },
    h('p', { dir: directionOf(null, followUp.description) }, followUp.description),
    h('p', { class: 'card-context' }, followUpContext(followUp)),
    h('div', { class: 'card-meta' },
      due,
      h('span', null, label(followUp.horizon)),
      followUp.owners.length ? h('span', { data: { owners: followUp.owners.map((o) => o.code).join(' ') } }, 'Owners: ', countriesNode(followUp.owners.map((o) => o.code))) : null),
    canWrite() ? h('label', null, 'Status ', statusSelect) : badge,
    message,
  );
  return element;
}
