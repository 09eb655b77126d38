import { gql } from '../api/graphql-client.js';
import { refreshOnMeetingChanges } from '../api/live.js';
import { PAIR, PAIR_MEETING_FIELDS, PAIR_PROPOSAL_FIELDS } from '../api/queries.js';
import { label } from '../i18n/labels.js';
import { chartPanel, errorMessage } from '../charts/chart-panel.js';
import { colour } from '../charts/palette.js';
import { countryNode, loadCountries, pairName, partiesNode } from '../components/countries.js';
import { type Connection, connectionOf } from '../api/paging.js';
import { scoreHelp } from '../components/score-help.js';
import { listPanel } from '../components/data-table.js';
import { h, link, replace } from '../components/dom.js';
import { type EvidenceSpan, quoteBlock, sourceLink } from '../components/evidence.js';
import { filterBar } from '../components/filter-bar.js';
import { followUpColumns, type FollowUpRow, FOLLOW_UP_LIST, meetingLabel } from '../components/follow-up-list.js';
import { meetingDay, statusBadge, undatedNote, UPCOMING_LIST, upcomingColumns, type UpcomingRow } from '../components/meeting-status.js';
import { historyList, lifecycleStepper } from '../components/stepper.js';
import { downloadCsv } from '../export/csv.js';
import { fetchAll } from '../api/paging.js';
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
  countries: { code: string }[];
  originMeeting: { id: string; date: string | null; type: string } | null;
}

interface PairData {
  meetings: Connection<PairMeeting>;
  undated: Connection<PairMeeting>;
  proposals: Connection<PairProposal>;
}

const PAIR_MEETINGS_PAGE = `query PairMeetings($f: MeetingFilterInput, $first: Int = 50, $after: String) { meetings(filter: $f, first: $first, after: $after) { ${connectionOf(PAIR_MEETING_FIELDS)} } }`;
const PAIR_PROPOSALS_PAGE = `query PairProposals($f: ProposalFilterInput, $after: String) { proposals(filter: $f, first: 50, after: $after) { ${connectionOf(PAIR_PROPOSAL_FIELDS)} } }`;

/** "Load more" under a list of cards: fetches the next page after the last one shown and appends its cards. */
function loadMoreCards<T>(first: Connection<T>, next: (after: string) => Promise<Connection<T>>, cards: (rows: T[]) => HTMLElement[]): HTMLElement {
  let after = first.pageInfo.endCursor;
  let shown = first.nodes.length;
  const note = h('span', { class: 'muted' }, `Showing ${shown} of ${first.totalCount}. `);
  const button = h('button', { class: 'load-more', attrs: { type: 'button', 'data-action': 'load-more' } }, 'Load more');
  const footer = h('p', { class: 'cards-more' }, note, button);
  button.addEventListener('click', async () => {
    if (!after) return;
    button.disabled = true;
    try {
      const page = await next(after);
      footer.before(...cards(page.nodes));
      shown += page.nodes.length;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      note.textContent = `Showing ${shown} of ${page.totalCount}. `;
      if (!after) button.remove();
    } catch (error) {
      note.textContent = `${errorMessage(error)} `;
    } finally {
      button.disabled = false;
    }
  });
  return footer;
}

export async function pairView(root: HTMLElement, match: RouteMatch): Promise<() => void> {
  const codes = match.params.pair.toUpperCase().split(/[-–]/).filter((c) => /^[A-Z]{2}$/.test(c));
  if (codes.length !== 2) {
    replace(root, h('h1', null, 'Country pair'), h('p', { class: 'error-text' }, 'A pair is two ISO codes, e.g. /pairs/IR-KZ.'));
    return () => undefined;
  }
  await loadCountries();
  document.title = `${pairName(codes)} · Dyad`;
  const filters = readFilters();
  const base = filterInput({ ...filters, countries: codes });
  const score = chartPanel('pair-score', 'Cooperation score over time', { description: 'Score per month, 0–100: meetings held, agreements signed and proposals advanced in the last 24 months, less overdue follow-ups.' });
  score.element.append(scoreHelp(codes, filterInput({ ...filters, countries: [] }), pairName(codes)));
  const meetingsBox = h('div', { class: 'cards', data: { list: 'pair-meetings' } }, h('p', { class: 'muted' }, 'Loading…'));
  const proposalsBox = h('div', { class: 'cards', data: { list: 'pair-proposals' } });
  const followUps = listPanel<FollowUpRow>('pair-follow-ups', 'Follow-ups', followUpColumns());
  const upcoming = listPanel<UpcomingRow>('pair-upcoming', 'Upcoming meetings', upcomingColumns(), { emptyText: 'No meeting of this pair announced.' });
  const meetingsCsv = h('button', { class: 'link-button', attrs: { type: 'button', 'data-action': 'export-csv' } }, 'CSV');

  replace(
    root,
    h('header', { class: 'view-header' }, h('h1', null, partiesNode(codes, { link: false })), h('span', { class: 'muted' }, codes.join('–')), refreshOnMeetingChanges(codes)),
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
  void upcoming.page(async (first, after) => (await gql<{ meetings: Connection<UpcomingRow> }>(UPCOMING_LIST, { filter: { countries: codes, upcoming: true }, first, after })).meetings, 10);

  let data: PairData;
  const undated = { ...filterInput({ ...filters, from: null, to: null, countries: codes }), undated: true };
  try {
    data = await gql<PairData>(PAIR, { meetings: base, undated, proposals: base });
  } catch (error) {
    replace(meetingsBox, h('p', { class: 'error-text' }, errorMessage(error)));
    return () => score.destroy();
  }
  const dated = data.meetings.nodes.filter((m) => m.date !== null).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const meetings = [...dated, ...data.undated.nodes];
  const undatedCards = data.undated.nodes.map(meetingCard);
  replace(meetingsBox, meetings.length ? [...dated.map(meetingCard), ...undatedCards] : h('p', { class: 'muted' }, 'No meetings for this pair in this period.'));
  if (data.meetings.pageInfo.hasNextPage) {
    // more dated meetings go before the undated ones, which always close the list
    const more = loadMoreCards(data.meetings, (after) => gql<{ meetings: Connection<PairMeeting> }>(PAIR_MEETINGS_PAGE, { f: base, after }).then((r) => r.meetings), (rows) => rows.filter((m) => m.date !== null).map(meetingCard));
    if (undatedCards[0]) undatedCards[0].before(more);
    else meetingsBox.append(more);
  }
  if (data.undated.totalCount > data.undated.nodes.length) meetingsBox.append(h('p', { class: 'muted' }, `${data.undated.totalCount} meetings with no date. `, link(undatedHref, 'All of them')));
  meetingsCsv.addEventListener('click', async () => {
    meetingsCsv.disabled = true;
    try {
      // every meeting of the pair in the period, not only the cards loaded, and the undated ones
      const all = [...(await fetchAll((first, after) => gql<{ meetings: Connection<PairMeeting> }>(PAIR_MEETINGS_PAGE, { f: base, first, after }).then((r) => r.meetings))).filter((m) => m.date !== null), ...(await fetchAll((first, after) => gql<{ meetings: Connection<PairMeeting> }>(PAIR_MEETINGS_PAGE, { f: undated, first, after }).then((r) => r.meetings)))];
      downloadCsv(`meetings ${pairName(codes)}`, ['id', 'date', 'type', 'status', 'countries', 'country codes', 'location', 'participants', 'review', 'evidence'], all.map((m) => [
        m.id, m.date, m.type, m.status, pairName(m.countries.map((c) => c.code)), m.countries.map((c) => c.code).join(' '), m.location?.name ?? '', m.participants.map((p) => p.name).join('; '), m.reviewStatus, m.evidence[0]?.quote ?? '',
      ]));
    } finally {
      meetingsCsv.disabled = false;
    }
  });
  replace(proposalsBox, data.proposals.nodes.length ? data.proposals.nodes.map(proposalCard) : h('p', { class: 'muted' }, 'No proposals for this pair in this period.'));
  if (data.proposals.pageInfo.hasNextPage) {
    proposalsBox.append(loadMoreCards(data.proposals, (after) => gql<{ proposals: Connection<PairProposal> }>(PAIR_PROPOSALS_PAGE, { f: base, after }).then((r) => r.proposals), (more) => more.map(proposalCard)));
  }
  // Overdue first, then by due date: the API's order.
  await followUps.page(async (first, after) => (await gql<{ followUps: Connection<FollowUpRow> }>(FOLLOW_UP_LIST, { filter: base, first, after })).followUps);
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
      partiesNode(meeting.countries.map((c) => c.code), { link: false }),
    ),
    h('h3', null, link(`/meetings/${meeting.id}`, h('span', { dir: 'auto' }, meeting.summary ?? meeting.sources.find((s) => s.title)?.title ?? `${label(meeting.type)}: ${pairName(meeting.countries.map((c) => c.code))}`))),
    meeting.participants.length
      ? h('ul', { class: 'participants' }, meeting.participants.map((p) => h('li', { dir: 'auto' }, p.name, p.title ? `, ${p.title}` : '', p.organization ? ` (${p.organization})` : '', p.country ? [' — ', countryNode(p.country.code)] : '')))
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
    h('p', { class: 'card-context', data: { context: 'proposal' } }, partiesNode(proposal.countries.map((c) => c.code), { link: false }),
      proposal.originMeeting ? [' · from ', link(`/meetings/${proposal.originMeeting.id}`, meetingLabel(proposal.originMeeting))] : null),
    lifecycleStepper(proposal.status, proposal.history),
    historyList(proposal.history),
    quote ? quoteBlock(quote) : null,
  );
}
