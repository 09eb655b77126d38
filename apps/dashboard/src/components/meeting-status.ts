import { connectionOf } from '../api/paging.js';
import { pairName, partiesNode } from './countries.js';
import { label } from '../i18n/labels.js';
import { DATE_UNKNOWN, formatMeetingDay, otherCalendar } from '../i18n/dates.js';
import type { Column } from './data-table.js';
import { h, link } from './dom.js';

// How a meeting's status and (possibly unknown) date show, and the upcoming-meetings list of the overview
// and the pair view.

/** A badge for a meeting not held (scheduled or cancelled); nothing for a held one. */
export function statusBadge(status: string): HTMLElement | null {
  if (status === 'HELD') return null;
  return h('span', { class: `badge badge-${status.toLowerCase()}`, data: { meetingStatus: status } }, label(status));
}

/** A meeting's day, or "Date unknown" in the muted style. */
export function meetingDay(day: string | null): HTMLElement {
  return day
    ? h('span', { title: otherCalendar(day) }, formatMeetingDay(day))
    : h('span', { class: 'date-unknown', title: 'No report gave a date; it is in no per-period chart' }, DATE_UNKNOWN);
}

/** "3 meetings without a date are not in this chart", linking to them if given where; null when there are none. */
export function undatedNote(count: number, href: string | null): HTMLElement | null {
  if (!count) return null;
  const text = count === 1 ? '1 meeting without a date is not in this chart.' : `${count} meetings without a date are not in this chart.`;
  return h('p', { class: 'chart-note', data: { undated: String(count) } }, text, href ? [' ', link(href, 'Show them')] : null);
}

export interface UpcomingRow {
  id: string;
  type: string;
  date: string | null;
  countries: { code: string }[];
  location: { name: string | null } | null;
}

export const UPCOMING_LIST = `query Upcoming($filter: MeetingFilterInput, $first: Int, $after: String) {
  meetings(filter: $filter, first: $first, after: $after) { ${connectionOf('id type date countries { code } location { name }')} }
}`;

export function upcomingColumns(): Column<UpcomingRow>[] {
  return [
    { header: 'Date', render: (m) => link(`/meetings/${m.id}`, meetingDay(m.date)), csv: (m) => m.date },
    { header: 'Type', render: (m) => label(m.type), csv: (m) => m.type },
    { header: 'Countries', render: (m) => partiesNode(m.countries.map((c) => c.code)), csv: (m) => pairName(m.countries.map((c) => c.code)) },
    { header: 'Country codes', render: () => null, csv: (m) => m.countries.map((c) => c.code).join(' '), csvOnly: true },
    { header: 'Location', render: (m) => h('span', { dir: 'auto' }, m.location?.name ?? ''), csv: (m) => m.location?.name ?? '' },
  ];
}
