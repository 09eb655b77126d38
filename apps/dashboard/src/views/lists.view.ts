import { gql } from '../api/graphql-client.js';
import { connectionOf, type Connection } from '../api/paging.js';
import { EVIDENCE } from '../api/queries.js';
import { EVENT_STATUSES, EVENT_TYPES, LANGUAGES, PROPOSAL_KINDS, PROPOSAL_STATUSES, REVIEW_STATUSES } from '@dyad/vocabulary';
import { label } from '../i18n/labels.js';
import { loadCountries, pairName, partiesNode } from '../components/countries.js';
import { type Column, listPanel } from '../components/data-table.js';
import { h, link, replace } from '../components/dom.js';
import { filterBar } from '../components/filter-bar.js';
import { meetingLabel } from '../components/follow-up-list.js';
import { enumFilter, enumParam, flagFilter, LANGUAGE_NAMES, textFilter } from '../components/list-filters.js';
import { meetingDay, statusBadge } from '../components/meeting-status.js';
import { formatDay } from '../i18n/dates.js';
import { directionOf } from '../i18n/text.js';
import type { RouteMatch } from '../router.js';
import { filterInput, readFilters } from '../state/filters.js';

// The lists a chart or a tile opens: the overview's filters plus the clicked value (type, status, kind…),
// and the search. Every list pages (Load more) and exports every matching row.

export interface MeetingRow {
  id: string;
  type: string;
  status: string;
  date: string | null;
  reviewStatus: string;
  countries: { code: string }[];
  location: { name: string | null } | null;
  sources: { id: string; publisher: string | null; language: string }[];
  evidence: { quote: string; newsItem: { id: string } }[];
}

const MEETING_ROW_FIELDS = `id type status date reviewStatus countries { code } location { name } sources { id publisher language } ${EVIDENCE}`;
export const MEETINGS_PAGE = `query Meetings($f: MeetingFilterInput, $first: Int, $after: String) { meetings(filter: $f, first: $first, after: $after) { ${connectionOf(MEETING_ROW_FIELDS)} } }`;

export function meetingColumns(): Column<MeetingRow>[] {
  return [
    { header: 'Date', render: (m) => link(`/meetings/${m.id}`, meetingDay(m.date)), csv: (m) => m.date },
    { header: 'Type', render: (m) => label(m.type), csv: (m) => m.type },
    { header: 'Status', render: (m) => statusBadge(m.status) ?? label(m.status), csv: (m) => m.status },
    { header: 'Countries', render: (m) => partiesNode(m.countries.map((c) => c.code)), csv: (m) => pairName(m.countries.map((c) => c.code)) },
    { header: 'Country codes', render: () => null, csv: (m) => m.countries.map((c) => c.code).join(' '), csvOnly: true },
    { header: 'Location', render: (m) => h('span', { dir: 'auto' }, m.location?.name ?? ''), csv: (m) => m.location?.name ?? '' },
    { header: 'Evidence', render: (m) => (m.evidence[0] ? h('span', { dir: directionOf(null, m.evidence[0].quote) }, m.evidence[0].quote.slice(0, 160)) : ''), csv: (m) => m.evidence[0]?.quote ?? '' },
    { header: 'Sources', render: (m) => String(m.sources.length), csv: (m) => m.sources.length, numeric: true },
    { header: 'Publishers', render: (m) => h('span', { dir: 'auto' }, [...new Set(m.sources.map((s) => s.publisher).filter(Boolean))].join(', ')), csv: (m) => [...new Set(m.sources.map((s) => s.publisher).filter(Boolean))].join('; ') },
    { header: 'Review', render: (m) => label(m.reviewStatus), csv: (m) => m.reviewStatus },
  ];
}

/** The source filters shared by the meetings list and the search: publisher, language, review status, event status. */
function sourceFilters(query: URLSearchParams) {
  const publisher = (query.get('publisher') ?? '').trim().slice(0, 200);
  return {
    publisher,
    languages: enumParam(query, 'languages', LANGUAGES),
    reviewStatuses: enumParam(query, 'review', REVIEW_STATUSES),
    statuses: enumParam(query, 'statuses', EVENT_STATUSES),
  };
}

function sourceFilterInputs(query: URLSearchParams): HTMLElement[] {
  const f = sourceFilters(query);
  return [
    enumFilter('statuses', 'Event statuses', EVENT_STATUSES, f.statuses),
    enumFilter('review', 'Review statuses', REVIEW_STATUSES, f.reviewStatuses),
    enumFilter('languages', 'Languages', LANGUAGES, f.languages, (code) => LANGUAGE_NAMES[code] ?? code),
    textFilter('publisher', 'Publisher', f.publisher, { placeholder: 'e.g. IRNA', size: 12 }),
  ];
}

function meetingSourceFilter(query: URLSearchParams): Record<string, unknown> {
  const f = sourceFilters(query);
  return {
    ...(f.statuses.length ? { statuses: f.statuses } : {}),
    ...(f.reviewStatuses.length ? { reviewStatuses: f.reviewStatuses } : {}),
    ...(f.languages.length ? { languages: f.languages } : {}),
    ...(f.publisher ? { publishers: [f.publisher] } : {}),
  };
}

export async function meetingListView(root: HTMLElement, match: RouteMatch): Promise<void> {
  await loadCountries();
  const filters = readFilters();
  const types = enumParam(match.query, 'types', EVENT_TYPES);
  const upcoming = match.query.get('upcoming') === '1';
  const undated = match.query.get('undated') === '1';
  const text = (match.query.get('q') ?? '').trim().slice(0, 200);
  const list = listPanel('meetings', 'Meetings', meetingColumns());
  replace(
    root,
    h('header', { class: 'view-header' }, h('h1', null, 'Meetings')),
    filterBar(filters),
    h(
      'div',
      { class: 'filter-bar' },
      textFilter('q', 'Words', text, { placeholder: 'search the reports', type: 'search' }),
      enumFilter('types', 'Types', EVENT_TYPES.filter((t) => t !== 'STATEMENT'), types),
      ...sourceFilterInputs(match.query),
      flagFilter('upcoming', 'Upcoming only', upcoming),
      flagFilter('undated', 'Date unknown only', undated),
    ),
    list.element,
  );
  const f = {
    // Upcoming meetings lie after any period, undated ones in none: those two ignore the period.
    ...filterInput(upcoming || undated ? { ...filters, from: null, to: null } : filters),
    ...(types.length ? { types } : {}),
    ...meetingSourceFilter(match.query),
    ...(upcoming ? { upcoming: true } : {}),
    ...(undated ? { undated: true } : {}),
    ...(text ? { text } : {}),
  };
  await list.page(async (first, after) => (await gql<{ meetings: Connection<MeetingRow> }>(MEETINGS_PAGE, { f, first, after })).meetings);
  root.dataset.ready = 'true';
}

export interface ProposalRow {
  id: string;
  kind: string;
  title: string;
  status: string;
  statusDate: string | null;
  countries: { code: string }[];
  originMeeting: { id: string; date: string | null; type: string } | null;
}

const PROPOSAL_ROW_FIELDS = 'id kind title status statusDate countries { code } originMeeting { id date type }';
export const PROPOSALS_PAGE = `query Proposals($f: ProposalFilterInput, $first: Int, $after: String) { proposals(filter: $f, first: $first, after: $after) { ${connectionOf(PROPOSAL_ROW_FIELDS)} } }`;

export function proposalColumns(): Column<ProposalRow>[] {
  return [
    { header: 'Proposal', render: (p) => h('span', { dir: directionOf(null, p.title) }, p.title), csv: (p) => p.title },
    { header: 'Kind', render: (p) => label(p.kind), csv: (p) => p.kind },
    { header: 'Status', render: (p) => label(p.status), csv: (p) => p.status },
    { header: 'Since', render: (p) => formatDay(p.statusDate), csv: (p) => p.statusDate },
    { header: 'Countries', render: (p) => partiesNode(p.countries.map((c) => c.code)), csv: (p) => pairName(p.countries.map((c) => c.code)) },
    { header: 'Country codes', render: () => null, csv: (p) => p.countries.map((c) => c.code).join(' '), csvOnly: true },
    {
      header: 'From meeting',
      render: (p) => (p.originMeeting ? link(`/meetings/${p.originMeeting.id}`, meetingLabel(p.originMeeting)) : h('span', { class: 'muted' }, '—')),
      csv: (p) => (p.originMeeting ? `${p.originMeeting.date ?? ''} ${p.originMeeting.type}`.trim() : ''),
    },
  ];
}

export async function proposalListView(root: HTMLElement, match: RouteMatch): Promise<void> {
  await loadCountries();
  const filters = readFilters();
  const kinds = enumParam(match.query, 'kinds', PROPOSAL_KINDS);
  const statuses = enumParam(match.query, 'statuses', PROPOSAL_STATUSES);
  const text = (match.query.get('q') ?? '').trim().slice(0, 200);
  const list = listPanel('proposals', 'Proposals', proposalColumns());
  replace(
    root,
    h('header', { class: 'view-header' }, h('h1', null, 'Proposals'), h('span', { class: 'muted' }, 'The period applies to the date of the current status')),
    filterBar(filters),
    h(
      'div',
      { class: 'filter-bar' },
      textFilter('q', 'Words', text, { placeholder: 'search the proposals', type: 'search' }),
      enumFilter('kinds', 'Kinds', PROPOSAL_KINDS, kinds),
      enumFilter('statuses', 'Statuses', PROPOSAL_STATUSES, statuses),
    ),
    list.element,
  );
  const f = { ...filterInput(filters), ...(kinds.length ? { kinds } : {}), ...(statuses.length ? { statuses } : {}), ...(text ? { text } : {}) };
  await list.page(async (first, after) => (await gql<{ proposals: Connection<ProposalRow> }>(PROPOSALS_PAGE, { f, first, after })).proposals);
  root.dataset.ready = 'true';
}

interface NewsRow {
  id: string;
  title: string | null;
  url: string | null;
  language: string;
  publisher: string | null;
  publishedAt: string | null;
  meetings: { id: string }[];
}

const NEWS_PAGE = `query News($f: NewsItemFilterInput, $first: Int, $after: String) { newsItems(filter: $f, first: $first, after: $after) { ${connectionOf('id title url language publisher publishedAt meetings { id }')} } }`;

function newsColumns(): Column<NewsRow>[] {
  return [
    { header: 'Published', render: (n) => formatDay(n.publishedAt), csv: (n) => n.publishedAt },
    {
      header: 'Title',
      render: (n) => {
        const title = h('span', { dir: 'auto' }, n.title ?? '(untitled)');
        return n.meetings[0] ? link(`/meetings/${n.meetings[0].id}`, title) : title;
      },
      csv: (n) => n.title,
    },
    { header: 'Language', render: (n) => LANGUAGE_NAMES[n.language] ?? n.language, csv: (n) => n.language },
    { header: 'Publisher', render: (n) => h('span', { dir: 'auto' }, n.publisher ?? ''), csv: (n) => n.publisher },
    { header: 'Meetings', render: (n) => String(n.meetings.length), csv: (n) => n.meetings.length, numeric: true },
    { header: 'URL', render: () => null, csv: (n) => n.url, csvOnly: true },
  ];
}

/** `/search?q=…`: news items, meetings and proposals with these words, with the source filters. */
export async function searchView(root: HTMLElement, match: RouteMatch): Promise<void> {
  await loadCountries();
  const text = (match.query.get('q') ?? '').trim().slice(0, 200);
  const source = sourceFilters(match.query);
  const news = listPanel('search-news', 'News items', newsColumns(), { emptyText: 'No news item has these words.' });
  const meetings = listPanel('search-meetings', 'Meetings', meetingColumns(), { emptyText: 'No meeting reported with these words.' });
  const proposals = listPanel('search-proposals', 'Proposals', proposalColumns(), { emptyText: 'No proposal with these words.' });
  replace(
    root,
    h('header', { class: 'view-header' }, h('h1', null, text ? h('span', null, 'Search: ', h('span', { dir: 'auto', class: 'search-terms' }, text)) : 'Search')),
    h(
      'form',
      { class: 'filter-bar', attrs: { role: 'search', 'aria-label': 'Search filters' }, on: { submit: (e) => e.preventDefault() } },
      textFilter('q', 'Words', text, { placeholder: 'in Persian, English or Russian', type: 'search', size: 28 }),
      ...sourceFilterInputs(match.query),
    ),
    text ? null : h('p', { class: 'muted' }, 'Type words to find the news items, meetings and proposals that contain them (Persian, English or Russian; ZWNJs, letter variants and case do not matter).'),
    text ? [news.element, meetings.element, proposals.element] : null,
  );
  if (!text) {
    root.dataset.ready = 'true';
    return;
  }
  const newsFilter = { text, ...(source.languages.length ? { languages: source.languages } : {}), ...(source.publisher ? { publisher: source.publisher } : {}) };
  const meetingFilter = { text, ...meetingSourceFilter(match.query) };
  await Promise.all([
    news.page(async (first, after) => (await gql<{ newsItems: Connection<NewsRow> }>(NEWS_PAGE, { f: newsFilter, first, after })).newsItems, 20),
    meetings.page(async (first, after) => (await gql<{ meetings: Connection<MeetingRow> }>(MEETINGS_PAGE, { f: meetingFilter, first, after })).meetings, 20),
    proposals.page(async (first, after) => (await gql<{ proposals: Connection<ProposalRow> }>(PROPOSALS_PAGE, { f: { text }, first, after })).proposals, 20),
  ]);
  root.dataset.ready = 'true';
}
