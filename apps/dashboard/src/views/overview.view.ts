import { sourceDeliveryPanel } from './sources.view.js';
import { gql } from '../api/graphql-client.js';
import { refreshOnMeetingChanges } from '../api/live.js';
import { OVERVIEW, TOP_PAIRS, TOP_PAIRS_WITH_TRENDS } from '../api/queries.js';
import { ACTIVE_PROPOSAL_STATUSES, EVENT_TYPES, FOLLOW_UP_STATUSES, PROPOSAL_STATUSES, SIGNED_OR_LATER } from '@dyad/vocabulary';
import { label, pairKey } from '../i18n/labels.js';
import { type ChartPanel, chartPanel, errorMessage } from '../charts/chart-panel.js';
import { EVENT_TYPE_COLOURS, FOLLOW_UP_COLOURS, colour } from '../charts/palette.js';
import { loadCountries, pairName, partiesNode } from '../components/countries.js';
import type { Connection } from '../api/paging.js';
import { listPanel } from '../components/data-table.js';
import { h, link, replace } from '../components/dom.js';
import { filterBar } from '../components/filter-bar.js';
import { followUpColumns, type FollowUpRow, FOLLOW_UP_LIST } from '../components/follow-up-list.js';
import { undatedNote, UPCOMING_LIST, upcomingColumns, type UpcomingRow } from '../components/meeting-status.js';
import { formatDay, formatMonth, monthEnd } from '../i18n/dates.js';
import { formatChange, formatNumber } from '../i18n/numbers.js';
import type { RouteMatch } from '../router.js';
import { type Filters, describePeriod, filterInput, filtersToSearch, previousRange, readFilters } from '../state/filters.js';

const PAIRS_SHOWN = 5;

interface OverviewData {
  timeline: { periods: { period: string; label: string; total: number; byType: { type: string; count: number }[] }[]; undatedMeetings: number };
  previousTimeline: { periods: { total: number }[] };
  active: { total: number };
  previousActive: { total: number };
  mous: { total: number };
  previousMous: { total: number };
  funnel: { total: number; byStatus: { status: string; count: number }[]; steps: { status: string; reached: number }[] };
  followUps: { total: number; overdue: number; dueNext30Days: number; byStatus: { status: string; count: number }[] };
  previousFollowUps: { overdue: number };
  sectors: { sector: string; meetings: number; proposals: number; signed: number }[];
}

interface DyadRow {
  countries: { code: string; name: string }[];
  meetingCount: number;
  proposalCount: number;
  signedCount: number;
  openFollowUps: number;
  overdueFollowUps: number;
  lastActivity: string | null;
  score: number;
}

interface ScoreTrend {
  points: { period: string; label: string; score: number }[];
  undatedMeetings: number;
}

/** Query string for a list opened from the overview: the overview's filters plus `extra`. */
function listHref(path: string, filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  return `${path}${filtersToSearch(filters, params)}`;
}

export async function overviewView(root: HTMLElement, _match: RouteMatch): Promise<() => void> {
  const filters = readFilters();
  const previous = previousRange(filters);
  void loadCountries();
  performance.clearMarks('dyad:overview-start');
  performance.mark('dyad:overview-start');

  const tiles = h('div', { class: 'tiles', attrs: { 'aria-label': 'Key figures' } });
  const timeline = chartPanel('timeline', 'Cooperation timeline', { description: 'Meetings held per month, stacked by event type. Click a bar for the list.' });
  const funnel = chartPanel('funnel', 'Proposal funnel', { description: 'How many proposals reached each lifecycle step, and where they are now.' });
  const followUps = chartPanel('follow-ups', 'Follow-up status', { description: 'Follow-ups due in the period, by status.' });
  const sectors = chartPanel('sectors', 'Sectors', { description: 'Meetings, proposals and signed proposals per sector.' });
  const trend = chartPanel('score-trend', 'Top pairs: cooperation score', { description: 'Score per month for the top country pairs.' });
  const charts: ChartPanel[] = [timeline, funnel, followUps, sectors, trend];
  const overdue = listPanel<FollowUpRow>('overdue', 'Overdue follow-ups', followUpColumns(), { emptyText: 'No overdue follow-ups.' });
  // Upcoming whatever the period: what is coming is after it.
  const upcomingFilter = { ...filterInput({ ...filters, from: null, to: null }), upcoming: true };
  const upcoming = listPanel<UpcomingRow>('upcoming', 'Upcoming meetings', upcomingColumns(), {
    emptyText: 'No meeting announced.',
    actions: link(listHref('/meetings', { ...filters, period: 'all', from: null, to: null }, { upcoming: '1' }), 'All'),
  });
  const pairs = listPanel<DyadRow>('pairs', 'Top country pairs', [
    { header: 'Pair', render: (d) => partiesNode(d.countries.map((c) => c.code), { search: filtersToSearch(filters) }), csv: (d) => pairName(d.countries.map((c) => c.code)) },
    { header: 'Country codes', render: () => null, csv: (d) => pairKey(d.countries.map((c) => c.code)), csvOnly: true },
    { header: 'Score', render: (d) => formatNumber(d.score, { maximumFractionDigits: 1 }), csv: (d) => d.score, numeric: true },
    { header: 'Meetings', render: (d) => formatNumber(d.meetingCount), csv: (d) => d.meetingCount, numeric: true },
    { header: 'Proposals', render: (d) => formatNumber(d.proposalCount), csv: (d) => d.proposalCount, numeric: true },
    { header: 'Signed', render: (d) => formatNumber(d.signedCount), csv: (d) => d.signedCount, numeric: true },
    { header: 'Open follow-ups', render: (d) => formatNumber(d.openFollowUps), csv: (d) => d.openFollowUps, numeric: true },
    { header: 'Overdue', render: (d) => formatNumber(d.overdueFollowUps), csv: (d) => d.overdueFollowUps, numeric: true },
    { header: 'Last activity', render: (d) => formatDay(d.lastActivity), csv: (d) => d.lastActivity },
  ]);

  replace(
    root,
    h('header', { class: 'view-header' }, h('h1', null, 'Overview'), h('p', { class: 'muted' }, describePeriod(filters)), refreshOnMeetingChanges()),
    filterBar(filters),
    tiles,
    h('div', { class: 'grid grid-2' }, timeline.element, upcoming.element),
    h('div', { class: 'grid grid-2' }, funnel.element, followUps.element),
    overdue.element,
    h('div', { class: 'grid grid-2' }, sectors.element, trend.element),
    pairs.element,
  );
  for (const panel of charts) panel.loading();
  overdue.loading();
  upcoming.loading();
  pairs.loading();
  replace(tiles, ...['Meetings', 'Active proposals', 'MoUs signed', 'Overdue follow-ups'].map((title) => tile(title, null, null, null)));

  const base = filterInput(filters);
  const prev = previous ? filterInput({ ...filters, ...previous }) : null;
  // The previous period's variables filter to an empty range when there is none ("all time"): the last day
  // the API accepts (dates run 1900-01-01 to 2100-12-31), when nothing has happened yet.
  const none = { ...base, from: '2100-12-31', to: '2100-12-31' };
  const variables = {
    meetings: base,
    previousMeetings: prev ?? none,
    active: { ...base, statuses: ACTIVE_PROPOSAL_STATUSES },
    previousActive: { ...(prev ?? none), statuses: ACTIVE_PROPOSAL_STATUSES },
    mous: { ...base, kinds: ['MOU'], statuses: SIGNED_OR_LATER },
    previousMous: { ...(prev ?? none), kinds: ['MOU'], statuses: SIGNED_OR_LATER },
    proposals: base,
    followUps: base,
    previousFollowUps: prev ?? none,
    cooperation: base,
  };
  const pairPage = async (first: number, after: string | null) =>
    (await gql<{ dyads: Connection<DyadRow> }>(TOP_PAIRS, { cooperation: base, pairs: first, after })).dyads;
  // Every request goes out at once: the pairs with their score trends, and the two lists, wait on nothing else.
  void gql<{ dyads: Connection<DyadRow & { scoreTrend: ScoreTrend }> }>(TOP_PAIRS_WITH_TRENDS, { cooperation: base, pairs: PAIRS_SHOWN })
    .then(({ dyads }) => {
      showTrend(trend, dyads.nodes, filters);
      void pairs.page((first, after) => (after === null && first === PAIRS_SHOWN ? Promise.resolve(dyads) : pairPage(first, after)), PAIRS_SHOWN);
    })
    .catch((error) => {
      pairs.error(error);
      trend.error(error);
    });
  void upcoming.page(async (first, after) => (await gql<{ meetings: Connection<UpcomingRow> }>(UPCOMING_LIST, { filter: upcomingFilter, first, after })).meetings, 10);
  void overdue.page(
    async (first, after) => (await gql<{ followUps: Connection<FollowUpRow> }>(FOLLOW_UP_LIST, { filter: { ...base, overdue: true }, first, after })).followUps,
    20,
  );

  const fromOverview = [timeline, funnel, followUps, sectors];
  let data: OverviewData;
  try {
    data = await gql<OverviewData>(OVERVIEW, variables);
  } catch (error) {
    for (const panel of fromOverview) panel.error(error);
    replace(tiles, h('p', { class: 'error-text' }, errorMessage(error)));
    markReady(root, charts);
    return () => charts.forEach((c) => c.destroy());
  }
  if (!root.isConnected) return () => undefined;

  const meetingsNow = data.timeline.periods.reduce((sum, p) => sum + p.total, 0);
  const meetingsBefore = data.previousTimeline.periods.reduce((sum, p) => sum + p.total, 0);
  // The charts count meetings held; the lists they open show the same.
  const held = { statuses: 'HELD' };
  replace(
    tiles,
    tile('Meetings', meetingsNow, previous ? meetingsBefore : null, listHref('/meetings', filters, held)),
    tile('Active proposals', data.active.total, previous ? data.previousActive.total : null, listHref('/proposals', filters, { statuses: ACTIVE_PROPOSAL_STATUSES.join(',') })),
    tile('MoUs signed', data.mous.total, previous ? data.previousMous.total : null, listHref('/proposals', filters, { kinds: 'MOU', statuses: SIGNED_OR_LATER.join(',') })),
    tile('Overdue follow-ups', data.followUps.overdue, previous ? data.previousFollowUps.overdue : null, listHref('/follow-ups', filters, { overdue: '1' }), true),
  );

  const months = data.timeline.periods;
  timeline.show({
    type: 'bar',
    stacked: true,
    total: true,
    labelHeader: 'Month',
    labels: months.map((p) => formatMonth(p.period)),
    rawLabels: months.map((p) => p.label),
    series: EVENT_TYPES.filter((type) => type !== 'STATEMENT').map((type) => ({
      label: label(type),
      colour: EVENT_TYPE_COLOURS[type],
      data: months.map((p) => p.byType.find((t) => t.type === type)?.count ?? 0),
    })),
    href: (index, seriesIndex) => {
      const period = months[index];
      const type = EVENT_TYPES[seriesIndex];
      return listHref('/meetings', { ...filters, period: 'custom', from: period.period, to: monthEnd(period.period) }, { ...held, ...(type && seriesIndex >= 0 ? { types: type } : {}) });
    },
  });
  timeline.note(undatedNote(data.timeline.undatedMeetings, listHref('/meetings', { ...filters, period: 'all', from: null, to: null }, { ...held, undated: '1' })));

  const statuses = [...PROPOSAL_STATUSES];
  funnel.show({
    type: 'bar',
    horizontal: true,
    labelHeader: 'Status',
    labels: statuses.map(label),
    rawLabels: statuses,
    series: [
      { label: 'Reached', colour: colour(0), data: statuses.map((s) => data.funnel.steps.find((step) => step.status === s)?.reached ?? 0) },
      { label: 'Now at', colour: colour(1), data: statuses.map((s) => data.funnel.byStatus.find((b) => b.status === s)?.count ?? 0) },
    ],
    href: (index) => listHref('/proposals', filters, { statuses: statuses[index] }),
  });

  followUps.show({
    type: 'doughnut',
    labelHeader: 'Status',
    labels: [...FOLLOW_UP_STATUSES.map(label), 'Overdue (open or in progress)'],
    rawLabels: [...FOLLOW_UP_STATUSES, 'OVERDUE'],
    series: [
      {
        label: 'Follow-ups',
        data: [...FOLLOW_UP_STATUSES.map((s) => data.followUps.byStatus.find((b) => b.status === s)?.count ?? 0), data.followUps.overdue],
        colours: [...FOLLOW_UP_STATUSES.map((s) => FOLLOW_UP_COLOURS[s]), FOLLOW_UP_COLOURS.OVERDUE],
      },
    ],
    href: (index) => (index < FOLLOW_UP_STATUSES.length ? listHref('/follow-ups', filters, { statuses: FOLLOW_UP_STATUSES[index] }) : listHref('/follow-ups', filters, { overdue: '1' })),
  });

  const busy = data.sectors.filter((s) => s.meetings || s.proposals || s.signed);
  sectors.show({
    type: 'bar',
    horizontal: true,
    labelHeader: 'Sector',
    labels: busy.map((s) => label(s.sector)),
    rawLabels: busy.map((s) => s.sector),
    series: [
      { label: 'Meetings', colour: colour(0), data: busy.map((s) => s.meetings) },
      { label: 'Proposals', colour: colour(1), data: busy.map((s) => s.proposals) },
      { label: 'Signed', colour: colour(2), data: busy.map((s) => s.signed) },
    ],
    href: (index, seriesIndex) =>
      listHref(seriesIndex === 0 ? '/meetings' : '/proposals', { ...filters, sectors: [busy[index].sector] }, seriesIndex === 2 ? { statuses: SIGNED_OR_LATER.join(',') } : seriesIndex === 0 ? held : {}),
  });

  root.append(sourceDeliveryPanel());
  markReady(root, charts);
  return () => charts.forEach((c) => c.destroy());
}

/** The score per month of the top pairs (read with them), one line each. */
function showTrend(trend: ChartPanel, top: { countries: { code: string }[]; scoreTrend: ScoreTrend }[], filters: Filters): void {
  if (!top.length) return trend.show({ type: 'line', labelHeader: 'Month', labels: [], series: [] });
  const pairs = top.map((dyad) => dyad.countries.map((c) => c.code));
  const first = top[0].scoreTrend.points;
  const periods = first.map((p) => p.period);
  trend.show({
    type: 'line',
    labelHeader: 'Month',
    labels: periods.map(formatMonth),
    rawLabels: first.map((p) => p.label),
    series: pairs.map((pair, i) => ({
      label: pairName(pair),
      colour: colour(i),
      data: periods.map((period) => top[i].scoreTrend.points.find((p) => p.period === period)?.score ?? 0),
    })),
    href: (_index, seriesIndex) => `/pairs/${pairKey(pairs[seriesIndex])}${filtersToSearch(filters)}`,
  });
  const undated = top.reduce((total, dyad) => total + dyad.scoreTrend.undatedMeetings, 0);
  trend.note(undatedNote(undated, null));
}

/** data-ready on the view and a performance mark once every chart has drawn (tests and the bench wait on it). */
function markReady(root: HTMLElement, charts: ChartPanel[]): void {
  void Promise.all(charts.map((c) => c.drawn)).then(() => {
    if (!root.isConnected) return;
    performance.mark('dyad:charts-drawn');
    root.dataset.ready = 'true';
    document.body.dataset.ready = 'overview';
  });
}

function tile(title: string, value: number | null, previous: number | null, href: string | null, lowerIsBetter = false): HTMLElement {
  const change = value !== null && previous !== null ? formatChange(value, previous) : null;
  const good = change && change.trend !== 'flat' ? (change.trend === 'up') !== lowerIsBetter : null;
  const body = [
    h('span', { class: 'tile-title' }, title),
    h('span', { class: 'tile-value', data: { value: value === null ? '' : String(value) } }, value === null ? '…' : formatNumber(value)),
    change
      ? h('span', { class: `tile-change ${good === null ? '' : good ? 'good' : 'bad'}`, title: `Previous period: ${formatNumber(previous ?? 0)}` }, `${change.text} vs previous period`)
      : h('span', { class: 'tile-change muted' }, value === null ? '' : 'no previous period'),
  ];
  return href ? h('a', { class: 'tile', attrs: { href, 'data-route': '' }, data: { tile: title } }, body) : h('div', { class: 'tile', data: { tile: title } }, body);
}
