import { ApiError, gql } from '../api/graphql-client.js';
import { label } from '../i18n/labels.js';
import { canWrite } from '../auth/session.js';
import { errorMessage } from '../charts/chart-panel.js';
import { countryName, loadCountries } from '../components/countries.js';
import { listPanel } from '../components/data-table.js';
import { h, link, replace } from '../components/dom.js';
import { meetingDay, statusBadge } from '../components/meeting-status.js';
import { formatDay } from '../i18n/dates.js';
import { navigate, type RouteMatch } from '../router.js';

// A person across reports in every language: «طالبی‌متین», Talebi-Matin and Талеби-Матин are one actor.
// /actors lists and searches them; /actors/<id> shows one: their meetings (with the languages of the reports
// that name them), the countries they met, the titles they held over time; analysts merge and split.

const PAGE = 50;
const LANGUAGE_NAMES: Record<string, string> = { fa: 'Persian', en: 'English', ru: 'Russian' };

interface ActorSummary {
  id: string;
  name: string;
  aliases: string[];
  meetingCount: number;
  country: { code: string } | null;
}

interface ActorMeeting {
  id: string;
  type: string;
  status: string;
  date: string | null;
  countries: { code: string }[];
  sources: { id: string; language: string; title: string | null; publisher: string | null }[];
}

interface Participation {
  id: string;
  meetingId: string;
  reportedName: string;
  title: string | null;
}

interface ActorDetail extends ActorSummary {
  version: number;
  titles: { title: string; organization: string | null; firstSeen: string | null; lastSeen: string | null; meetings: number }[];
  countries: { country: { code: string }; meetings: number }[];
  meetings: { totalCount: number; nodes: ActorMeeting[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  participations: Participation[];
}

const ACTOR_LIST = `query Actors($search: String, $after: String) {
  actors(search: $search, first: ${PAGE}, after: $after) { totalCount nodes { id name aliases meetingCount country { code } } }
}`;

const MEETINGS = `meetings(first: ${PAGE}, after: $after) {
    totalCount
    nodes { id type status date countries { code } sources { id language title publisher } }
    pageInfo { hasNextPage endCursor }
  }`;

const ACTOR = `query Actor($id: ID!, $after: String) { actor(id: $id) {
  id name aliases version meetingCount country { code }
  titles { title organization firstSeen lastSeen meetings }
  countries { country { code } meetings }
  ${MEETINGS}
  participations { id meetingId reportedName title }
} }`;

const MORE_MEETINGS = `query ActorMeetings($id: ID!, $after: String) { actor(id: $id) { ${MEETINGS} } }`;

const languageName = (code: string) => LANGUAGE_NAMES[code] ?? code;

/** /actors?q=…: every actor, searchable in any script. */
export async function actorListView(root: HTMLElement, match: RouteMatch): Promise<void> {
  await loadCountries();
  const query = match.query.get('q')?.trim() ?? '';
  const input = h('input', { attrs: { type: 'search', name: 'q', value: query, placeholder: 'Talebi, طالبی, Талеби…', 'aria-label': 'Search actors' } });
  const form = h('form', { class: 'filter-bar', attrs: { role: 'search' } }, input, h('button', { attrs: { type: 'submit' } }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    navigate(q ? `/actors?q=${encodeURIComponent(q)}` : '/actors', { replace: true });
  });
  const panel = listPanel<ActorSummary>('actors', 'Actors', [
    { header: 'Name', render: (a) => link(`/actors/${a.id}`, h('span', { dir: 'auto' }, a.name)), csv: (a) => a.name },
    { header: 'Country', render: (a) => (a.country ? countryName(a.country.code) : '—') },
    { header: 'Also reported as', render: (a) => a.aliases.map((alias, i) => [i ? ' · ' : '', h('bdi', null, alias)]), csv: (a) => a.aliases.join(' · ') },
    { header: 'Meetings', render: (a) => a.meetingCount, numeric: true },
  ], { emptyText: query ? `No actor matches “${query}”.` : 'No actors yet.' });
  replace(root, h('h1', null, 'Actors'), h('p', { class: 'muted' }, 'One person across Persian, English and Russian reports; search in any script.'), form, panel.element);
  panel.loading();
  try {
    const data = await gql<{ actors: { totalCount: number; nodes: ActorSummary[] } }>(ACTOR_LIST, { search: query || null });
    panel.show(data.actors.nodes, data.actors.totalCount);
  } catch (error) {
    panel.error(error);
  }
  root.dataset.ready = 'true';
}

/** /actors/<id>: one person's meetings, countries and titles over time. */
export async function actorView(root: HTMLElement, match: RouteMatch): Promise<void> {
  await loadCountries();
  const id = match.params.id;
  let actor: ActorDetail;
  try {
    actor = (await gql<{ actor: ActorDetail }>(ACTOR, { id, after: null })).actor;
  } catch (error) {
    const missing = error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT');
    replace(root, h('h1', null, missing ? 'No such actor' : 'Actor'), h('p', { class: 'error-text' }, missing ? 'This actor does not exist (it may have been merged into another). ' : errorMessage(error)), link('/actors', 'All actors'));
    root.dataset.ready = 'true';
    return;
  }

  const meetingsPanel = listPanel<ActorMeeting>('actor-meetings', 'Meetings', [
    { header: 'Date', render: (m) => meetingDay(m.date), csv: (m) => m.date ?? '' },
    { header: 'Event', render: (m) => [link(`/meetings/${m.id}`, label(m.type)), ' ', statusBadge(m.status)], csv: (m) => `${label(m.type)} ${m.status}` },
    { header: 'Countries', render: (m) => m.countries.map((c) => countryName(c.code)).join(' – ') },
    {
      header: 'Reported in',
      render: (m) =>
        [...new Set(m.sources.map((s) => s.language))].sort().map((code) => h('span', { class: 'badge', data: { language: code }, title: m.sources.filter((s) => s.language === code).map((s) => s.title ?? s.publisher ?? '').join('; ') }, languageName(code))),
      csv: (m) => [...new Set(m.sources.map((s) => languageName(s.language)))].sort().join(', '),
    },
  ]);
  const meetings = [...actor.meetings.nodes];
  let pageInfo = actor.meetings.pageInfo;
  const more = h('button', { attrs: { type: 'button', 'data-action': 'load-more', hidden: !pageInfo.hasNextPage } }, 'Load more');
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const next = (await gql<{ actor: Pick<ActorDetail, 'meetings'> }>(MORE_MEETINGS, { id, after: pageInfo.endCursor })).actor.meetings;
      meetings.push(...next.nodes);
      pageInfo = next.pageInfo;
      meetingsPanel.show(meetings, next.totalCount);
      more.hidden = !pageInfo.hasNextPage;
    } catch (error) {
      meetingsPanel.error(error);
    } finally {
      more.disabled = false;
    }
  });
  meetingsPanel.show(meetings, actor.meetings.totalCount);

  const titlesPanel = listPanel<ActorDetail['titles'][number]>('actor-titles', 'Titles over time', [
    { header: 'Title', render: (t) => h('span', { dir: 'auto' }, t.title, t.organization ? ` (${t.organization})` : '') },
    { header: 'First seen', render: (t) => formatDay(t.firstSeen), csv: (t) => t.firstSeen ?? '' },
    { header: 'Last seen', render: (t) => formatDay(t.lastSeen), csv: (t) => t.lastSeen ?? '' },
    { header: 'Meetings', render: (t) => t.meetings, numeric: true },
  ], { emptyText: 'No report gave a title.' });
  titlesPanel.show(actor.titles);

  const countries = h(
    'section',
    { class: 'panel', data: { list: 'actor-countries' }, attrs: { 'aria-label': 'Countries met' } },
    h('h2', null, 'Countries'),
    h('ul', { class: 'facts' }, actor.countries.map((c) => h('li', { data: { country: c.country.code } }, countryName(c.country.code), h('span', { class: 'muted' }, ` · ${c.meetings} ${c.meetings === 1 ? 'meeting' : 'meetings'}`)))),
  );

  replace(
    root,
    h('p', { class: 'muted' }, link('/actors', 'Actors'), ' ›'),
    h('h1', { dir: 'auto', data: { actor: actor.id } }, actor.name),
    h('p', { class: 'card-meta' },
      actor.country ? countryName(actor.country.code) : 'Country unknown',
      ` · ${actor.meetingCount} ${actor.meetingCount === 1 ? 'meeting' : 'meetings'}`,
      actor.aliases.length ? [' · also reported as ', h('span', { class: 'aliases' }, actor.aliases.map((alias, i) => [i ? ' · ' : '', h('bdi', null, alias)]))] : null),
    meetingsPanel.element,
    more,
    titlesPanel.element,
    countries,
    canWrite() ? analystTools(actor) : null,
  );
  root.dataset.ready = 'true';
}

/** Merge another actor into this one; split participations off as another person. */
function analystTools(actor: ActorDetail): HTMLElement {
  const message = h('p', { class: 'form-message', attrs: { role: 'status', 'aria-live': 'polite' } });
  const fail = (error: unknown) => {
    message.className = 'form-message error-text';
    message.textContent =
      error instanceof ApiError && error.code === 'CONFLICT'
        ? 'Someone changed this actor while you were looking at it. Reload to see their change.'
        : errorMessage(error);
  };

  const search = h('input', { attrs: { type: 'search', name: 'merge-search', placeholder: 'Name in any script', 'aria-label': 'Find the actor to merge in' } });
  const results = h('ul', { class: 'facts', data: { list: 'merge-candidates' } });
  const find = h('form', { class: 'filter-bar' }, search, h('button', { attrs: { type: 'submit' } }, 'Find'));
  find.addEventListener('submit', async (event) => {
    event.preventDefault();
    const q = search.value.trim();
    if (!q) return;
    try {
      const found = (await gql<{ actors: { nodes: ActorSummary[] } }>(ACTOR_LIST, { search: q, after: null })).actors.nodes.filter((a) => a.id !== actor.id);
      replace(results, found.length ? found.map((other) => {
        const merge = h('button', { attrs: { type: 'button', 'data-action': 'merge' } }, 'Merge into this actor');
        merge.addEventListener('click', async () => {
          try {
            await gql(`mutation($t: ID!, $v: Int!, $d: [ID!]!) { mergeActors(targetId: $t, expectedVersion: $v, duplicateIds: $d) { id } }`, { t: actor.id, v: actor.version, d: [other.id] });
            navigate(`/actors/${actor.id}`, { replace: true });
          } catch (error) {
            fail(error);
          }
        });
        return h('li', null, h('span', { dir: 'auto' }, other.name), ` · ${other.country ? countryName(other.country.code) : 'country unknown'} · ${other.meetingCount} meetings `, merge);
      }) : h('li', null, 'No other actor matches.'));
    } catch (error) {
      fail(error);
    }
  });

  const boxes = actor.participations.map((p) => h('input', { attrs: { type: 'checkbox', name: 'split', value: p.id } }));
  const splitName = h('input', { attrs: { type: 'text', name: 'split-name', placeholder: 'Their name (optional)', 'aria-label': 'Name of the other person' } });
  const split = h('button', { attrs: { type: 'submit' } }, 'Split off as another person');
  const splitForm = h(
    'form',
    null,
    h('ul', { class: 'facts' }, actor.participations.map((p, i) =>
      h('li', null, h('label', null, boxes[i], ' ', h('bdi', null, p.reportedName), p.title ? [', ', h('bdi', { class: 'muted' }, p.title)] : null, ' · '), link(`/meetings/${p.meetingId}`, 'meeting')))),
    splitName,
    ' ',
    split,
  );
  splitForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const participantIds = boxes.filter((b) => b.checked).map((b) => b.value);
    if (!participantIds.length) {
      message.className = 'form-message error-text';
      message.textContent = 'Tick the meetings where this is another person.';
      return;
    }
    try {
      const created = await gql<{ splitActor: { id: string } }>(
        `mutation($id: ID!, $input: SplitActorInput!) { splitActor(actorId: $id, input: $input) { id } }`,
        { id: actor.id, input: { expectedVersion: actor.version, participantIds, name: splitName.value.trim() || null } },
      );
      navigate(`/actors/${created.splitActor.id}`);
    } catch (error) {
      fail(error);
    }
  });

  return h(
    'section',
    { class: 'panel', data: { panel: 'actor-tools' }, attrs: { 'aria-label': 'Correct this actor' } },
    h('h2', null, 'Correct this actor'),
    message,
    h('h3', null, 'The same person under another name'),
    find,
    results,
    h('h3', null, 'Some of these meetings are another person'),
    splitForm,
  );
}
