import { gql } from '../api/graphql-client.js';
import { PAIR } from '../api/queries.js';
import { label } from '../i18n/labels.js';
import { chartPanel, errorMessage } from '../charts/chart-panel.js';
import { colour } from '../charts/palette.js';
import { countryName, loadCountries, pairName } from '../components/countries.js';
import { listPanel } from '../components/data-table.js';
import { h, link, replace } from '../components/dom.js';
import { type EvidenceSpan, quoteBlock, sourceLink } from '../components/evidence.js';
import { filterBar } from '../components/filter-bar.js';
import { followUpColumns, type FollowUpRow } from '../components/follow-up-list.js';
import { meetingDay, statusBadge, undatedNote, UPCOMING_LIST, upcomingColumns, type UpcomingRow } from '../components/meeting-status.js';
import { historyList, lifecycleStepper } from '../components/stepper.js';
import { downloadCsv } from '../export/csv.js';
import { formatDay, formatMonth } from '../i18n/dates.js';
import { directionOf } from '../i18n/text.js';
import type { RouteMatch } from '../router.js';
import { filterInput, readFilters } from '../state/filters.js';

interface PairMeeting {
  id: string;
  type: string;
  status: string;
  date: string | null;
  reviewStatus: string;
  sectors: string[];
  summary: string | null;
  countries: { code: string; name: string }[];
  location: { name: string | null; country: { code: string } | null } | null;
  participants: { id: string; name: string; title: string | null; organization: string | null; country: { code: string } | null }[];
  sources: { id: string; title: string | null; url: string | null; language: string }[];
  evidence: EvidenceSpan[];
}

interface PairProposal {
  id: string;
  kind: string;
  title: string;
  description: string | null;
  status: string;
  statusDate: string | null;
  history: { status: string; date: string; note: string | null; byAnalyst: boolean }[];
  evidence: EvidenceSpan[];
}

interface PairData {
  meetings: { totalCount: number; nodes: PairMeeting[] };
  undated: { totalCount: number; nodes: PairMeeting[] };
  proposals: { totalCount: number; nodes: PairProposal[] };
  followUps: { totalCount: number; nodes: FollowUpRow[] };
}

export async function pairView(root: HTMLElement, match: RouteMatch): Promise<() => void> {
  const codes = match.params.pair.toUpperCase().split(/[-–]/).filter((c) => /^[A-Z]{2}$/.test(c));
  if (codes.length !== 2) {
    replace(root, h('h1', null, 'Country pair'), h('p', { class: 'error-text' }, 'A pair is two ISO codes, e.g. /pairs/IR-KZ.'));
    return () => undefined;
  }
  await loadCountries();
  const filters = readFilters();
  const base = filterInput({ ...filters, countries: codes });
  const score = chartPanel('pair-score', 'Cooperation score over time', { description: 'Score per month; see the API docs for the formula.' });
  const meetingsBox = h('div', { class: 'cards', data: { list: 'pair-meetings' } }, h('p', { class: 'muted' }, 'Loading…'));
  const proposalsBox = h('div', { class: 'cards', data: { list: 'pair-proposals' } });
  const followUps = listPanel<FollowUpRow>('pair-follow-ups', 'Follow-ups', [
    ...followUpColumns(),
    { header: 'Owners', render: (f) => (f.owners ?? []).map((o) => o.code).join(', ') },
  ]);
  const upcoming = listPanel<UpcomingRow>('pair-upcoming', 'Upcoming meetings', upcomingColumns(), { emptyText: 'No meeting of this pair announced.' });
  const meetingsCsv = h('button', { class: 'link-button', attrs: { type: 'button', 'data-action': 'export-csv' } }, 'CSV');

  replace(
    root,
    h('header', { class: 'view-header' }, h('h1', null, pairName(codes)), h('span', { class: 'muted' }, codes.join('–'))),
    filterBar(filters, { countries: false }),
    h('div', { class: 'grid grid-2' }, score.element, upcoming.element),
    h('div', { class: 'grid grid-2' },
      h('section', { class: 'panel', attrs: { 'aria-label': 'Meetings' } }, h('header', { class: 'panel-header' }, h('h2', null, 'Meetings'), h('div', { class: 'panel-actions' }, meetingsCsv)), meetingsBox),
      h('section', { class: 'panel', attrs: { 'aria-label': 'Proposals' } }, h('header', { class: 'panel-header' }, h('h2', null, 'Proposals')), proposalsBox),
    ),
    followUps.element,
  );
  score.loading();
  upcoming.loading();
  followUps.loading();

  // Meetings with no known date belong to no period: the pair's are shown whatever the period.
  const undatedHref = `/meetings?period=all&countries=${codes.join(',')}&undated=1`;
  gql<{ dyadScoreTrend: { points: { period: string; label: string; score: number }[]; undatedMeetings: number } }>(
    `query($c: [String!]!, $f: CooperationFilterInput) { dyadScoreTrend(countries: $c, granularity: MONTH, filter: $f) { points { period label score } undatedMeetings } }`,
    { c: codes, f: filterInput({ ...filters, countries: [] }) },
  )
    .then(({ dyadScoreTrend: { points, undatedMeetings } }) => {
      score.show({ type: 'line', labelHeader: 'Month', labels: points.map((p) => formatMonth(p.period)), rawLabels: points.map((p) => p.label), series: [{ label: 'Score', colour: colour(0), data: points.map((p) => p.score) }] });
      score.note(undatedNote(undatedMeetings, `${undatedHref}&statuses=HELD`));
    })
    .catch((error) => score.error(error));
  gql<{ meetings: { totalCount: number; nodes: UpcomingRow[] } }>(UPCOMING_LIST, { filter: { countries: codes, upcoming: true }, first: 10 })
    .then(({ meetings }) => upcoming.show(meetings.nodes, meetings.totalCount))
    .catch((error) => upcoming.error(error));

  let data: PairData;
  try {
    const undated = { ...filterInput({ ...filters, from: null, to: null, countries: codes }), undated: true };
    data = await gql<PairData>(PAIR, { meetings: base, undated, proposals: base, followUps: base });
  } catch (error) {
    replace(meetingsBox, h('p', { class: 'error-text' }, errorMessage(error)));
    followUps.error(error);
    return () => score.destroy();
  }
  const dated = data.meetings.nodes.filter((m) => m.date !== null).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const meetings = [...dated, ...data.undated.nodes];
  replace(meetingsBox, meetings.length ? meetings.map(meetingCard) : h('p', { class: 'muted' }, 'No meetings for this pair in this period.'));
  if (data.meetings.totalCount > data.meetings.nodes.length) meetingsBox.append(h('p', { class: 'muted' }, `Showing ${dated.length} of ${data.meetings.totalCount}. `, link(`/meetings?countries=${codes.join(',')}`, 'All meetings')));
  if (data.undated.totalCount > data.undated.nodes.length) meetingsBox.append(h('p', { class: 'muted' }, `${data.undated.totalCount} meetings with no date. `, link(undatedHref, 'All of them')));
  meetingsCsv.addEventListener('click', () =>
    downloadCsv(`meetings ${codes.join('-')}`, ['id', 'date', 'type', 'countries', 'location', 'participants', 'review', 'evidence'], meetings.map((m) => [
      m.id, m.date, m.type, m.countries.map((c) => c.code).join(' '), m.location?.name ?? '', m.participants.map((p) => p.name).join('; '), m.reviewStatus, m.evidence[0]?.quote ?? '',
    ])),
  );
  replace(proposalsBox, data.proposals.nodes.length ? data.proposals.nodes.map(proposalCard) : h('p', { class: 'muted' }, 'No proposals for this pair in this period.'));
  const rows = [...data.followUps.nodes].sort((a, b) => Number(Boolean(b.overdue)) - Number(Boolean(a.overdue)) || (a.dueDate ?? '9').localeCompare(b.dueDate ?? '9'));
  followUps.show(rows, data.followUps.totalCount);
  root.dataset.ready = 'true';
  return () => score.destroy();
}

function meetingCard(meeting: PairMeeting): HTMLElement {
  const languages = new Map(meeting.sources.map((s) => [s.id, s.language]));
  const quote = meeting.evidence[0];
  return h(
    'article',
    { class: 'card', data: { meeting: meeting.id } },
    h('div', { class: 'card-meta' },
      h('strong', null, meetingDay(meeting.date)),
      h('span', { class: 'badge' }, label(meeting.type)),
      statusBadge(meeting.status),
      meeting.reviewStatus !== 'EXTRACTED' ? h('span', { class: 'badge badge-status' }, label(meeting.reviewStatus)) : null,
      meeting.location?.name ? h('span', { dir: 'auto' }, meeting.location.name) : null,
      h('span', null, meeting.countries.map((c) => countryName(c.code)).join(', ')),
    ),
    h('h3', null, link(`/meetings/${meeting.id}`, meeting.summary ? h('span', { dir: 'auto' }, meeting.summary) : `${label(meeting.type)} of ${meeting.countries.map((c) => c.code).join(', ')}`)),
    meeting.participants.length
      ? h('ul', { class: 'participants' }, meeting.participants.map((p) => h('li', { dir: 'auto' }, p.name, p.title ? `, ${p.title}` : '', p.organization ? ` (${p.organization})` : '', p.country ? ` — ${p.country.code}` : '')))
      : null,
    quote ? quoteBlock(quote, languages.get(quote.newsItem.id) ?? quote.newsItem.language) : null,
    meeting.sources.length > 1 ? h('p', { class: 'quote-source' }, `${meeting.sources.length} sources: `, meeting.sources.map((s, i) => [i ? ', ' : '', sourceLink(s)])) : null,
  );
}

function proposalCard(proposal: PairProposal): HTMLElement {
  const quote = proposal.evidence[0];
  return h(
    'article',
    { class: 'card', data: { proposal: proposal.id, status: proposal.status } },
    h('div', { class: 'card-meta' }, h('span', { class: 'badge' }, label(proposal.kind)), h('span', { class: 'badge badge-status' }, label(proposal.status)), proposal.statusDate ? formatDay(proposal.statusDate) : null),
    h('h3', { dir: directionOf(null, proposal.title) }, proposal.title),
    lifecycleStepper(proposal.status, proposal.history),
    historyList(proposal.history),
    quote ? quoteBlock(quote) : null,
  );
}
