import { OPEN_FOLLOW_UP_STATUSES } from '@dyad/vocabulary';
import { connectionOf } from '../api/paging.js';
import { label } from '../i18n/labels.js';
import { formatDay, otherCalendar, today } from '../i18n/dates.js';
import { directionOf } from '../i18n/text.js';
import { countriesNode, countryList, pairName, partiesNode } from './countries.js';
import type { Column } from './data-table.js';
import { h, link } from './dom.js';

export interface FollowUpRow {
  id: string;
  description: string;
  status: string;
  horizon: string;
  dueDate: string | null;
  overdue?: boolean;
  version?: number;
  owners?: { code: string }[];
  meeting?: { id: string; date: string | null; type: string; countries: { code: string }[] } | null;
  proposal?: { id: string; title: string; countries: { code: string }[]; originMeeting: { id: string; date: string | null; type: string } | null } | null;
}

/** The fields every follow-up list reads: enough to say which pair and which meeting it came from. */
export const FOLLOW_UP_ROW_FIELDS = `id description status horizon dueDate overdue version owners { code }
  meeting { id date type countries { code } }
  proposal { id title countries { code } originMeeting { id date type } }`;

export const FOLLOW_UP_LIST = `query FollowUps($filter: FollowUpFilterInput, $first: Int, $after: String) {
  followUps(filter: $filter, first: $first, after: $after) { ${connectionOf(FOLLOW_UP_ROW_FIELDS)} }
}`;

export const isOverdue = (f: { dueDate: string | null; status: string; overdue?: boolean }) =>
  f.overdue ??
  Boolean(f.dueDate && f.dueDate < today() && (OPEN_FOLLOW_UP_STATUSES as readonly string[]).includes(f.status));

export function overdueBadge(f: { dueDate: string | null; status: string; overdue?: boolean }): HTMLElement | null {
  return isOverdue(f) ? h('span', { class: 'badge badge-overdue', title: 'Due date passed, not done' }, 'Overdue') : null;
}

/** The parties a follow-up is between: its meeting's, else its proposal's, else its owners. */
export const followUpParties = (f: FollowUpRow) => (f.meeting?.countries ?? f.proposal?.countries ?? f.owners ?? []).map((c) => c.code);

/** The meeting a follow-up came from (directly, or through its proposal). */
export const followUpSource = (f: FollowUpRow) => f.meeting ?? f.proposal?.originMeeting ?? null;

/** "Meeting, 13 Apr 2025": a source meeting named by its type and day. */
export const meetingLabel = (m: { type: string; date: string | null }) => `${label(m.type)}, ${m.date ? formatDay(m.date) : 'date unknown'}`;

/** The line under a follow-up: its pair and the meeting it came from, each a link. */
export function followUpContext(f: FollowUpRow): HTMLElement {
  const source = followUpSource(f);
  return h(
    'span',
    { class: 'context', data: { context: 'follow-up' } },
    partiesNode(followUpParties(f)),
    source ? [' · from ', link(`/meetings/${source.id}`, meetingLabel(source))] : f.proposal ? [' · on ', h('span', { dir: 'auto' }, f.proposal.title)] : null,
  );
}

export function followUpColumns(): Column<FollowUpRow>[] {
  return [
    {
      header: 'Follow-up',
      render: (f) => h('div', null, h('span', { dir: directionOf(null, f.description) }, f.description), h('br'), followUpContext(f)),
      csv: (f) => f.description,
    },
    { header: 'Countries', render: () => null, csv: (f) => pairName(followUpParties(f)), csvOnly: true },
    { header: 'Country codes', render: () => null, csv: (f) => followUpParties(f).join(' '), csvOnly: true },
    { header: 'Source meeting', render: () => null, csv: (f) => (followUpSource(f) ? `${followUpSource(f)!.date ?? ''} ${followUpSource(f)!.type}`.trim() : ''), csvOnly: true },
    { header: 'Due', render: (f) => h('span', { title: otherCalendar(f.dueDate) }, formatDay(f.dueDate), ' ', overdueBadge(f)), csv: (f) => f.dueDate },
    { header: 'Status', render: (f) => label(f.status), csv: (f) => f.status },
    { header: 'Horizon', render: (f) => label(f.horizon), csv: (f) => f.horizon },
    { header: 'Owners', render: (f) => countriesNode((f.owners ?? []).map((o) => o.code)), csv: (f) => countryList((f.owners ?? []).map((o) => o.code)) },
  ];
}
