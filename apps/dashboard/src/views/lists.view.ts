import { gql } from '../api/graphql-client.js';
import { EVIDENCE } from '../api/queries.js';
import { EVENT_STATUSES, EVENT_TYPES, PROPOSAL_KINDS, PROPOSAL_STATUSES } from '@dyad/vocabulary';
import { label, pairKey } from '../i18n/labels.js';
import { countryName, loadCountries } from '../components/countries.js';
import { type Column, listPanel } from '../components/data-table.js';
import { h, link, replace } from '../components/dom.js';
import { filterBar } from '../components/filter-bar.js';
import { meetingDay, statusBadge } from '../components/meeting-status.js';
import { formatDay } from '../i18n/dates.js';
import { directionOf } from '../i18n/text.js';
import { navigate, type RouteMatch } from '../router.js';
import { filterInput, readFilters } from '../state/filters.js';

// The lists a chart or a tile opens: the overview's filters plus the clicked value (type, status, kind…).

const PAGE = 100;

function enumParam(query: URLSearchParams, name: string, allowed: readonly string[]): string[] {
  return (query.get(name) ?? '').split(',').filter((v) => allowed.includes(v));
}

/** Checkboxes for an enum filter kept in the URL (`?types=MEETING,VISIT`). */
function enumFilter(name: string, caption: string, values: readonly string[], chosen: string[]): HTMLElement {
  const boxes = values.map((value) => {
    const box = h('input', { attrs: { type: 'checkbox', value, checked: chosen.includes(value) } });
    box.addEventListener('change', () => {
      const params = new URLSearchParams(location.search);
      const picked = boxes.filter((b) => b.checked).map((b) => b.value);
      if (picked.length) params.set(name, picked.join(','));
      else params.delete(name);
      navigate(`${location.pathname}?${params.toString().replace(/%2C/g, ',')}`);
    });
    return box;
  });
  return h('details', { class: 'multi-select', data: { filter: name } }, h('summary', null, chosen.length ? `${caption}: ${chosen.map(label).join(', ')}` : `All ${caption.toLowerCase()}`), h('div', { class: 'multi-select-options' }, boxes.map((b) => h('label', null, b, ' ', label(b.value)))));
}

/** A checkbox for a yes/no filter kept in the URL (`?upcoming=1`). */
function flagFilter(name: string, caption: string, on: boolean): HTMLElement {
  const box = h('input', { attrs: { type: 'checkbox', checked: on } });
  box.addEventListener('change', () => {
    const params = new URLSearchParams(location.search);
    if (box.checked) params.set(name, '1');
    else params.delete(name);
    navigate(`${location.pathname}?${params.toString().replace(/%2C/g, ',')}`);
  });
  return h('label', { class: 'flag-filter', data: { filter: name } }, box, ' ', caption);
}

interface MeetingRow {
  id: string;
  type: string;
  status: string;
  date: string | null;
  reviewStatus: string;
  countries: { code: string }[];
  location: { name: string | null } | null;
  sources: { id: string }[];
  evidence: { quote: string; newsItem: { id: string } }[];
}

export async function meetingListView(root: HTMLElement, match: RouteMatch): Promise<void> {
  await loadCountries();
  const filters = readFilters();
  const types = enumParam(match.query, 'types', EVENT_TYPES);
  const statuses = enumParam(match.query, 'statuses', EVENT_STATUSES);
  const upcoming = match.query.get('upcoming') === '1';
  const undated = match.query.get('undated') === '1';
  const columns: Column<MeetingRow>[] = [
    { header: 'Date', render: (m) => link(`/meetings/${m.id}`, meetingDay(m.date)), csv: (m) => m.date },
    { header: 'Type', render: (m) => label(m.type), csv: (m) => m.type },
    { header: 'Status', render: (m) => statusBadge(m.status) ?? label(m.status), csv: (m) => m.status },
    { header: 'Countries', render: (m) => (m.countries.length === 2 ? link(`/pairs/${pairKey(m.countries.map((c) => c.code))}`, m.countries.map((c) => countryName(c.code)).join(' – ')) : m.countries.map((c) => countryName(c.code)).join(', ')), csv: (m) => m.countries.map((c) => c.code).join(' ') },
    { header: 'Location', render: (m) => h('span', { dir: 'auto' }, m.location?.name ?? ''), csv: (m) => m.location?.name ?? '' },
    { header: 'Evidence', render: (m) => (m.evidence[0] ? h('span', { dir: directionOf(null, m.evidence[0].quote) }, m.evidence[0].quote.slice(0, 160)) : ''), csv: (m) => m.evidence[0]?.quote ?? '' },
    { header: 'Sources', render: (m) => String(m.sources.length), csv: (m) => m.sources.length, numeric: true },
    { header: 'Review', render: (m) => label(m.reviewStatus), csv: (m) => m.reviewStatus },
  ];
  const list = listPanel('meetings', 'Meetings', columns);
  replace(
    root,
    h('header', { class: 'view-header' }, h('h1', null, 'Meetings')),
    filterBar(filters),
    h(
      'div',
      { class: 'filter-bar' },
      enumFilter('types', 'Types', EVENT_TYPES.filter((t) => t !== 'STATEMENT'), types),
      enumFilter('statuses', 'Statuses', EVENT_STATUSES, statuses),
      flagFilter('upcoming', 'Upcoming only', upcoming),
      flagFilter('undated', 'Date unknown only', undated),
    ),
    list.element,
  );
  list.loading();
  try {
    const { meetings } = await gql<{ meetings: { totalCount: number; nodes: MeetingRow[] } }>(
      `query($f: MeetingFilterInput, $first: Int) { meetings(filter: $f, first: $first) { totalCount nodes { id type status date reviewStatus countries { code } location { name } sources { id } ${EVIDENCE} } } }`,
      {
        f: {
          // Upcoming meetings lie after any period, undated ones in none: those two ignore the period.
          ...filterInput(upcoming || undated ? { ...filters, from: null, to: null } : filters),
          ...(types.length ? { types } : {}),
          ...(statuses.length ? { statuses } : {}),
          ...(upcoming ? { upcoming: true } : {}),
          ...(undated ? { undated: true } : {}),
        },
        first: PAGE,
      },
    );
    list.show(meetings.nodes, meetings.totalCount);
    root.dataset.ready = 'true';
  } catch (error) {
    list.error(error);
  }
}

interface ProposalRow {
  id: string;
  kind: string;
  title: string;
  status: string;
  statusDate: string | null;
  countries: { code: string }[];
  originMeeting: { id: string } | null;
}

export async function proposalListView(root: HTMLElement, match: RouteMatch): Promise<void> {
  await loadCountries();
  const filters = readFilters();
  const kinds = enumParam(match.query, 'kinds', PROPOSAL_KINDS);
  const statuses = enumParam(match.query, 'statuses', PROPOSAL_STATUSES);
  const columns: Column<ProposalRow>[] = [
    { header: 'Proposal', render: (p) => h('span', { dir: directionOf(null, p.title) }, p.originMeeting ? link(`/meetings/${p.originMeeting.id}`, p.title) : p.title), csv: (p) => p.title },
    { header: 'Kind', render: (p) => label(p.kind), csv: (p) => p.kind },
    { header: 'Status', render: (p) => label(p.status), csv: (p) => p.status },
    { header: 'Since', render: (p) => formatDay(p.statusDate), csv: (p) => p.statusDate },
    { header: 'Countries', render: (p) => (p.countries.length === 2 ? link(`/pairs/${pairKey(p.countries.map((c) => c.code))}`, p.countries.map((c) => c.code).join('–')) : p.countries.map((c) => c.code).join(', ')), csv: (p) => p.countries.map((c) => c.code).join(' ') },
  ];
  const list = listPanel('proposals', 'Proposals', columns);
  replace(
    root,
    h('header', { class: 'view-header' }, h('h1', null, 'Proposals'), h('span', { class: 'muted' }, 'The period applies to the date of the current status')),
    filterBar(filters),
    h('div', { class: 'filter-bar' }, enumFilter('kinds', 'Kinds', PROPOSAL_KINDS, kinds), enumFilter('statuses', 'Statuses', PROPOSAL_STATUSES, statuses)),
    list.element,
  );
  list.loading();
  try {
    const { proposals } = await gql<{ proposals: { totalCount: number; nodes: ProposalRow[] } }>(
      `query($f: ProposalFilterInput, $first: Int) { proposals(filter: $f, first: $first) { totalCount nodes { id kind title status statusDate countries { code } originMeeting { id } } } }`,
      { f: { ...filterInput(filters), ...(kinds.length ? { kinds } : {}), ...(statuses.length ? { statuses } : {}) }, first: PAGE },
    );
    list.show(proposals.nodes, proposals.totalCount);
    root.dataset.ready = 'true';
  } catch (error) {
    list.error(error);
  }
}
