import { ApiError, gql } from '../api/graphql-client.js';
import { MEETING, MEETING_FIELDS } from '../api/queries.js';
import { EVENT_STATUSES, EVENT_TYPES, SECTORS } from '@dyad/vocabulary';
import { label } from '../i18n/labels.js';
import { canWrite } from '../auth/session.js';
import { errorMessage } from '../charts/chart-panel.js';
import { countriesNode, countryNode, loadCountries, partiesNode } from '../components/countries.js';
import { h, link, replace } from '../components/dom.js';
import { type EvidenceSpan, type Highlighted, highlightedText, sourceLink } from '../components/evidence.js';
import { overdueBadge } from '../components/follow-up-list.js';
import { lifecycleStepper } from '../components/stepper.js';
import { currentCalendar, formatDay } from '../i18n/dates.js';
import { dateInput, isoOf } from '../i18n/solar-hijri.js';
import { meetingDay, statusBadge } from '../components/meeting-status.js';
import { directionOf } from '../i18n/text.js';
import { type RouteMatch } from '../router.js';
import {
  COUNTRY_LIST, countriesOf, DAY, failureNotice, type Field, field, followUpRowForm, type FollowUpRowForm, outcomeSelect, proposalChangeForm,
  select, showNotice,
} from './meeting-forms.js';

// "Visit held on 13 Apr 2025", "Visit scheduled for …", "Visit cancelled, was planned for …".
const STATUS_WORDS: Record<string, string> = { HELD: 'held on', SCHEDULED: 'scheduled for', CANCELLED: 'cancelled, was planned for' };

interface Meeting {
  id: string;
  type: string;
  status: string;
  date: string | null;
  dateSource: string | null;
  sectors: string[];
  summary: string | null;
  outcome: string | null;
  outcomeNotes: string | null;
  reviewStatus: string;
  confidence: number | null;
  version: number;
  countries: { code: string; name: string }[];
  location: { name: string | null; country: { code: string } | null } | null;
  participants: { id: string; actorId: string; name: string; title: string | null; organization: string | null; role: string | null; country: { code: string } | null }[];
  sources: { id: string; title: string | null; url: string | null; language: string; publishedAt: string | null; publisher: string | null; body: string }[];
  evidence: EvidenceSpan[];
  proposals: { id: string; kind: string; title: string; status: string; statusDate: string | null; version: number; history: { status: string; date: string }[]; evidence: EvidenceSpan[] }[];
  followUps: { id: string; description: string; status: string; horizon: string; dueDate: string | null; overdue: boolean; version: number; owners: { code: string }[]; evidence: EvidenceSpan[] }[];
}

export async function meetingView(root: HTMLElement, match: RouteMatch): Promise<void> {
  void loadCountries();
  replace(root, h('p', { class: 'muted' }, 'Loading…'));
  let meeting: Meeting;
  try {
    meeting = (await gql<{ meeting: Meeting }>(MEETING, { id: match.params.id })).meeting;
  } catch (error) {
    replace(root, h('h1', null, 'Meeting'), h('p', { class: 'error-text', attrs: { role: 'alert' } }, errorMessage(error)));
    return;
  }
  renderMeeting(root, meeting);
}

function renderMeeting(root: HTMLElement, meeting: Meeting, keptForm?: HTMLElement): void {
  const sources = new Map<string, Highlighted>();
  const sourcePanels = h('div', { class: 'sources' });
  const tabs = h('div', { class: 'tabs', attrs: { role: 'tablist' } });

  // Every fact's evidence, per news item, highlighted in that item's text.
  const spansBySource = new Map<string, { start: number; end: number; label: string }[]>();
  const addSpans = (evidence: EvidenceSpan[], what: string) => {
    for (const e of evidence) {
      const list = spansBySource.get(e.newsItem.id) ?? [];
      list.push({ start: e.start, end: e.end, label: what });
      spansBySource.set(e.newsItem.id, list);
    }
  };
  addSpans(meeting.evidence, 'meeting');
  for (const p of meeting.proposals) addSpans(p.evidence, `${label(p.kind)}: ${p.title}`);
  for (const f of meeting.followUps) addSpans(f.evidence, `follow-up: ${f.description}`);

  const showSource = (id: string) => {
    for (const [sourceId, highlighted] of sources) highlighted.element.parentElement!.hidden = sourceId !== id;
    for (const tab of tabs.querySelectorAll('button')) tab.setAttribute('aria-selected', String(tab.dataset.source === id));
  };
  meeting.sources.forEach((source) => {
    const highlighted = highlightedText(source.body, spansBySource.get(source.id) ?? [], source.language);
    sources.set(source.id, highlighted);
    const tab = h('button', { attrs: { type: 'button', role: 'tab' }, data: { source: source.id }, dir: 'auto' }, source.title ?? source.publisher ?? 'Source');
    tab.addEventListener('click', () => showSource(source.id));
    tabs.append(tab);
    sourcePanels.append(
      h('div', { class: 'source', data: { source: source.id }, attrs: { role: 'tabpanel' } },
        h('p', { class: 'card-meta' }, sourceLink(source), source.publisher ? ` · ${source.publisher}` : '', ` · ${formatDay(source.publishedAt)} · ${source.language}`),
        highlighted.element),
    );
  });
  if (meeting.sources[0]) showSource(meeting.sources[0].id);

  const evidenceButton = (evidence: EvidenceSpan[]) =>
    evidence.map((e, i) => {
      const button = h('button', { class: 'link-button evidence-link', attrs: { type: 'button' }, data: { start: String(e.start), end: String(e.end) } }, evidence.length > 1 ? `evidence ${i + 1}` : 'evidence');
      button.addEventListener('click', () => {
        showSource(e.newsItem.id);
        sources.get(e.newsItem.id)?.focus(e.start, e.end);
      });
      return button;
    });

  const facts = h(
    'ul',
    { class: 'facts' },
    h('li', { class: 'fact', data: { meetingStatus: meeting.status } }, h('strong', null, 'Event: '), label(meeting.type), ` ${meeting.date ? STATUS_WORDS[meeting.status] : `${label(meeting.status).toLowerCase()} ·`} `, meetingDay(meeting.date), meeting.dateSource ? h('span', { class: 'muted' }, ` (date from ${label(meeting.dateSource).toLowerCase()})`) : null, ' ', evidenceButton(meeting.evidence)),
    h('li', { class: 'fact' }, h('strong', null, 'Countries: '), partiesNode(meeting.countries.map((c) => c.code), { link: false }), meeting.countries.length === 2 ? [' · ', link(`/pairs/${meeting.countries.map((c) => c.code).sort().join('-')}`, 'pair view')] : null),
    meeting.location?.name ? h('li', { class: 'fact' }, h('strong', null, 'Location: '), h('span', { dir: 'auto' }, meeting.location.name), meeting.location.country ? [' (', countryNode(meeting.location.country.code), ')'] : '') : null,
    meeting.sectors.length ? h('li', { class: 'fact' }, h('strong', null, 'Sectors: '), meeting.sectors.map(label).join(', ')) : null,
    meeting.participants.length
      ? h('li', { class: 'fact' }, h('strong', null, 'Participants'), h('ul', null, meeting.participants.map((p) => h('li', { dir: 'auto', data: { actor: p.actorId } }, link(`/actors/${p.actorId}`, p.name), p.title ? `, ${p.title}` : '', p.organization ? ` (${p.organization})` : '', p.country ? [' — ', countryNode(p.country.code)] : ''))))
      : null,
    meeting.summary ? h('li', { class: 'fact' }, h('strong', null, 'Summary: '), h('span', { dir: 'auto' }, meeting.summary)) : null,
    meeting.outcome ? h('li', { class: 'fact', data: { outcome: meeting.outcome } }, h('strong', null, 'Outcome: '), label(meeting.outcome), meeting.outcomeNotes ? h('span', { dir: 'auto' }, ` — ${meeting.outcomeNotes}`) : null) : null,
    ...meeting.proposals.map((p) =>
      h('li', { class: 'fact', data: { proposal: p.id } }, h('strong', null, `${label(p.kind)}: `), h('span', { dir: directionOf(null, p.title) }, p.title), ' ', h('span', { class: 'badge badge-status' }, label(p.status)), ' ', evidenceButton(p.evidence), lifecycleStepper(p.status, p.history)),
    ),
    ...meeting.followUps.map((f) =>
      h('li', { class: 'fact', data: { followUp: f.id } }, h('strong', null, 'Follow-up: '), h('span', { dir: directionOf(null, f.description) }, f.description), ` · ${label(f.status)} · due ${formatDay(f.dueDate)} `, overdueBadge(f), ' · ', countriesNode(f.owners.map((o) => o.code)), ' ', evidenceButton(f.evidence)),
    ),
  );

  const reload = async () => {
    const fresh = (await gql<{ meeting: Meeting }>(MEETING, { id: meeting.id })).meeting;
    renderMeeting(root, fresh, outcomeForm);
  };
  const notice = h('div', { class: 'review-notice', attrs: { 'aria-live': 'polite' } });
  const outcomeForm = keptForm ? rebindOutcomeForm(keptForm, meeting, reload) : logOutcomeForm(meeting, reload);

  replace(
    root,
    h('header', { class: 'view-header' },
      h('h1', null, `${label(meeting.type)} · `, partiesNode(meeting.countries.map((c) => c.code), { link: false }), ' · ', meetingDay(meeting.date)),
      statusBadge(meeting.status),
      h('span', { class: 'badge badge-status', data: { reviewStatus: meeting.reviewStatus } }, label(meeting.reviewStatus)),
      meeting.confidence !== null ? h('span', { class: 'muted' }, `confidence ${Math.round(meeting.confidence * 100)}%`) : null,
      h('span', { class: 'muted' }, `version ${meeting.version}`)),
    canWrite() ? reviewActions(meeting, notice, reload) : null,
    notice,
    h('div', { class: 'grid grid-2' },
      h('section', { class: 'panel', attrs: { 'aria-label': 'Facts' } }, h('h2', null, 'Facts and their evidence'), facts),
      h('section', { class: 'panel', attrs: { 'aria-label': 'Sources' } }, h('h2', null, `Sources (${meeting.sources.length})`), tabs, sourcePanels)),
    canWrite() ? outcomeForm : null,
  );
  root.dataset.ready = 'true';
}

function reviewActions(meeting: Meeting, notice: HTMLElement, reload: () => Promise<void>): HTMLElement {
  const run = async (mutation: string, variables: Record<string, unknown>, done: string) => {
    try {
      await gql(mutation, { id: meeting.id, v: meeting.version, ...variables });
      await reload();
      const fresh = document.querySelector('.review-notice');
      if (fresh) showNotice(fresh as HTMLElement, h('div', { class: 'notice notice-ok', attrs: { role: 'status' } }, done));
    } catch (error) {
      failureNotice(notice, error, () => void reload());
    }
  };
  const confirm = h('button', { class: 'button', attrs: { type: 'button', disabled: meeting.reviewStatus === 'CONFIRMED' }, data: { action: 'confirm' } }, 'Confirm');
  confirm.addEventListener('click', () => void run(`mutation($id: ID!, $v: Int!) { confirmMeeting(id: $id, expectedVersion: $v) { id } }`, {}, 'Confirmed.'));
  const reject = h('button', { class: 'button danger', attrs: { type: 'button', disabled: meeting.reviewStatus === 'REJECTED' }, data: { action: 'reject' } }, 'Reject');
  reject.addEventListener('click', () => {
    if (window.confirm('Reject this meeting? It leaves the lists and charts (it can be found under rejected meetings).')) {
      void run(`mutation($id: ID!, $v: Int!) { rejectMeeting(id: $id, expectedVersion: $v) { id } }`, {}, 'Rejected.');
    }
  });
  const edit = h('button', { class: 'button secondary', attrs: { type: 'button' }, data: { action: 'edit' } }, 'Edit');
  const editBox = h('div');
  edit.addEventListener('click', () => replace(editBox, editForm(meeting, notice, reload)));
  return h('div', null, h('div', { class: 'form-actions' }, confirm, reject, edit), editBox);
}

function editForm(meeting: Meeting, notice: HTMLElement, reload: () => Promise<void>): HTMLElement {
  const type = field('Type', select(EVENT_TYPES.filter((t) => t !== 'STATEMENT'), meeting.type), 'type');
  const status = field('Status', select(EVENT_STATUSES, meeting.status), 'status');
  const date = field('Date', dateInput(meeting.date), 'date');
  const countries = field('Countries', h('input', { attrs: { type: 'text', value: meeting.countries.map((c) => c.code).join(', '), list: 'dyad-countries' } }), 'countries');
  const locationName = field('Location', h('input', { attrs: { type: 'text', value: meeting.location?.name ?? '' }, dir: 'auto' }), 'locationName');
  const sectors = field('Sectors', h('input', { attrs: { type: 'text', value: meeting.sectors.join(', '), placeholder: SECTORS.slice(0, 3).join(', ') } }), 'sectors');
  const summary = field('Summary', h('textarea', { dir: 'auto' }, meeting.summary ?? ''), 'summary');
  const fields: Field<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>[] = [type, status, date, countries, locationName, sectors, summary];
  const save = h('button', { class: 'button', attrs: { type: 'submit' } }, 'Save changes');
  const form = h('form', { class: 'panel', attrs: { 'aria-label': 'Edit meeting', novalidate: true } }, h('h2', null, 'Edit the meeting'), h('div', { class: 'form-grid' }, fields.map((f) => f.row)), h('div', { class: 'form-actions' }, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const f of fields) f.setError(null);
    let bad = false;
    const day = isoOf(date.input);
    if (day === null || (day && !DAY.test(day))) (date.setError(currentCalendar() === 'persian' ? 'A Solar Hijri day, e.g. 1404/01/24.' : 'A date, YYYY-MM-DD.'), (bad = true));
    if (!COUNTRY_LIST.test(countries.input.value.toUpperCase()) || countriesOf(countries.input.value).length < 2) (countries.setError('At least two ISO codes, e.g. IR, KZ.'), (bad = true));
    const sectorList = countriesOf(sectors.input.value);
    const unknown = sectorList.filter((s) => !(SECTORS as readonly string[]).includes(s));
    if (unknown.length) (sectors.setError(`Unknown sectors: ${unknown.join(', ')}`), (bad = true));
    if (bad) return;
    try {
      await gql(`mutation($id: ID!, $v: Int!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, expectedVersion: $v, input: $input) { ${MEETING_FIELDS} } }`, {
        id: meeting.id,
        v: meeting.version,
        input: {
          type: type.input.value,
          // Status and date only when changed: an analyst's status or date overrides what reports say.
          ...(status.input.value !== meeting.status ? { status: status.input.value } : {}),
          ...((day || null) !== meeting.date ? { date: day || null } : {}),
          countries: countriesOf(countries.input.value),
          locationName: locationName.input.value || null,
          sectors: sectorList,
          summary: summary.input.value || null,
        },
      });
      await reload();
    } catch (error) {
      if (!showFieldError(error, fields)) failureNotice(notice, error, () => void reload());
    }
  });
  return form;
}

/** Puts a BAD_USER_INPUT error next to its field (extensions.field); true when it found one. */
function showFieldError(error: unknown, fields: Field<HTMLElement & { value: string; name: string }>[]): boolean {
  if (!(error instanceof ApiError) || error.code !== 'BAD_USER_INPUT') return false;
  const name = error.errors[0]?.extensions?.field;
  if (typeof name !== 'string') return false;
  const candidates = fields.filter((f) => f.input.name === name || f.input.name.endsWith(`.${name}`));
  if (!candidates.length) return false;
  // several rows have this field (owners of each new follow-up): the one whose value the message names
  const named = candidates.find((f) => f.input.value && countriesOf(f.input.value).some((v) => new RegExp(`\\b${v}\\b`).test(error.message)));
  const target = named ?? candidates[0];
  target.setError(error.message);
  target.input.focus();
  return true;
}

function logOutcomeForm(meeting: Meeting, reload: () => Promise<void>): HTMLElement {
  const outcome = field('Outcome', outcomeSelect(), 'outcome');
  const summary = field('Summary', h('textarea', { dir: 'auto' }, meeting.summary ?? ''), 'summary');
  const notes = field('Notes', h('textarea', { dir: 'auto' }), 'notes');
  const followUpRows: FollowUpRowForm[] = [];
  const followUpBox = h('div', { class: 'row-list' });
  const addFollowUp = h('button', { class: 'button secondary', attrs: { type: 'button' }, data: { action: 'add-follow-up' } }, 'Add a follow-up');
  let rowNumber = 0; // never reused, so field names stay unique after a row is removed
  addFollowUp.addEventListener('click', () => {
    const row = followUpRowForm(rowNumber++, () => {
      followUpRows.splice(followUpRows.indexOf(row), 1);
      row.element.remove();
    });
    followUpRows.push(row);
    followUpBox.append(row.element);
    row.description.input.focus();
  });
  const proposalRows = meeting.proposals.map((p, i) => proposalChangeForm(i, p));
  const result = h('div', { attrs: { 'aria-live': 'polite' }, data: { result: '' } });
  const save = h('button', { class: 'button', attrs: { type: 'submit' } }, 'Log outcome');
  const form = h(
    'form',
    { class: 'panel log-outcome', attrs: { 'aria-label': 'Log outcome', novalidate: true }, data: { version: String(meeting.version) } },
    h('h2', null, 'Log outcome'),
    h('div', { class: 'form-grid' }, outcome.row, summary.row, notes.row),
    h('h3', null, 'New follow-ups'),
    followUpBox,
    addFollowUp,
    proposalRows.length ? h('h3', null, 'Proposal status changes') : null,
    proposalRows.map((r) => r.element),
    h('div', { class: 'form-actions' }, save, result),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const version = Number(form.dataset.version);
    const all = [outcome, summary, notes, ...followUpRows.flatMap((r) => [r.description, r.owners, r.horizon, r.dueDate]), ...proposalRows.flatMap((r) => [r.status, r.date, r.overrideReason])];
    for (const f of all) f.setError(null);
    replace(result);
    // Inline checks first; the server checks again and its errors land on the same fields.
    const problems: Field<HTMLElement>[] = [];
    const fail = (f: Field<HTMLElement>, message: string) => (f.setError(message), problems.push(f));
    if (!outcome.input.value) fail(outcome, 'Choose an outcome.');
    for (const row of followUpRows) {
      if (!row.description.input.value.trim()) fail(row.description, 'Describe the follow-up.');
      if (!COUNTRY_LIST.test(row.owners.input.value.toUpperCase())) fail(row.owners, 'One or more ISO codes, e.g. IR, KZ.');
      const due = isoOf(row.dueDate.input);
      if (due === null || (due && !DAY.test(due))) fail(row.dueDate, currentCalendar() === 'persian' ? 'A Solar Hijri day, e.g. 1404/01/24.' : 'A date, YYYY-MM-DD.');
    }
    if (problems.length) {
      (problems[0].input as HTMLElement).focus();
      return;
    }
    const input = {
      expectedVersion: version,
      outcome: outcome.input.value,
      summary: summary.input.value.trim() || null,
      notes: notes.input.value.trim() || null,
      followUps: followUpRows.map((r) => ({ description: r.description.input.value.trim(), owners: countriesOf(r.owners.input.value), horizon: r.horizon.input.value, dueDate: isoOf(r.dueDate.input) || null })),
      proposalUpdates: proposalRows
        .filter((r) => r.status.input.value)
        .map((r) => ({ proposalId: r.proposalId, expectedVersion: Number(r.element.dataset.version ?? r.version), status: r.status.input.value, effectiveDate: isoOf(r.date.input) || null, overrideReason: r.overrideReason.input.value.trim() || null })),
    };
    save.disabled = true;
    try {
      await gql(`mutation($id: ID!, $input: LogMeetingOutcomeInput!) { logMeetingOutcome(meetingId: $id, input: $input) { id version } }`, { id: meeting.id, input });
      followUpRows.splice(0).forEach((r) => r.element.remove());
      await reload();
      // beside the button just pressed, in view: the page re-rendered above it
      const fresh = document.querySelector('form.log-outcome [data-result]');
      if (fresh) showNotice(fresh as HTMLElement, h('div', { class: 'notice notice-ok', attrs: { role: 'status' }, data: { saved: 'true' } }, 'Outcome logged. ', h('a', { attrs: { href: '#main' } }, 'See it in the facts above')));
    } catch (error) {
      if (!showFieldError(error, all as never)) failureNotice(result, error, () => void reload());
    } finally {
      save.disabled = false;
    }
  });
  return form;
}

/** After a reload (conflict), the same form with what the user typed, now against the new version. */
function rebindOutcomeForm(form: HTMLElement, meeting: Meeting, _reload: () => Promise<void>): HTMLElement {
  form.dataset.version = String(meeting.version);
  for (const p of meeting.proposals) {
    const row = form.querySelector(`[data-proposal-row="${CSS.escape(p.id)}"]`) as HTMLElement | null;
    if (row) row.dataset.version = String(p.version);
  }
  const result = form.querySelector('[data-result]');
  if (result) showNotice(result as HTMLElement, h('div', { class: 'notice notice-warn', attrs: { role: 'status' } }, 'Reloaded with their change. Your entries are as you left them: check them and save again.'));
  return form;
}
