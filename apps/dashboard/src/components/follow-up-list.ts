import { label } from '../i18n/labels.js';
import { formatDay, otherCalendar, today } from '../i18n/dates.js';
import { directionOf } from '../i18n/text.js';
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
  meeting?: { id: string; date: string | null } | null;
}

export const FOLLOW_UP_LIST = `query FollowUps($filter: FollowUpFilterInput, $first: Int) {
  followUps(filter: $filter, first: $first) { totalCount nodes { id description status horizon dueDate overdue owners { code } meeting { id date } } }
}`;

export const isOverdue = (f: { dueDate: string | null; status: string; overdue?: boolean }) =>
  f.overdue ??
  Boolean(f.dueDate && f.dueDate < today() && (f.status === 'OPEN' || f.status === 'IN_PROGRESS'));

export function overdueBadge(f: { dueDate: string | null; status: string; overdue?: boolean }): HTMLElement | null {
  return isOverdue(f) ? h('span', { class: 'badge badge-overdue', title: 'Due date passed, not done' }, 'Overdue') : null;
}

export function followUpColumns(): Column<FollowUpRow>[] {
  return [
    {
      header: 'Follow-up',
      render: (f) => h('span', { dir: directionOf(null, f.description) }, f.meeting ? link(`/meetings/${f.meeting.id}`, f.description) : f.description),
      csv: (f) => f.description,
    },
    { header: 'Due', render: (f) => h('span', { title: otherCalendar(f.dueDate) }, formatDay(f.dueDate), ' ', overdueBadge(f)), csv: (f) => f.dueDate },
    { header: 'Status', render: (f) => label(f.status), csv: (f) => f.status },
    { header: 'Horizon', render: (f) => label(f.horizon), csv: (f) => f.horizon },
  ];
}
