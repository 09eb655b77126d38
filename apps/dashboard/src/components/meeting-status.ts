import { countryName } from './countries.js';
import { label, pairKey } from '../i18n/labels.js';
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

export const UPCOMING_LIST = `query Upcoming($filter: MeetingFilterInput, $first: Int) {
  meetings(filter: $filter, first: $first) { totalCount nodes { id type date countries { code } location { name } } }
}`;

export function upcomingColumns(): Column<UpcomingRow>[] {
  return [
    { header: 'Date', render: (m) => link(`/meetings/${m.id}`, meetingDay(m.date)), csv: (m) => m.date },
    { header: 'Type', render: (m) => label(m.type), csv: (m) => m.type },
    {
      header: 'Countries',
      render: (m) => {
        const codes = m.countries.map((c) => c.code);
        const names = codes.map(countryName).join(' – ');
        return codes.length === 2 ? link(`/pairs/${pairKey(codes)}`, names) : names;
      },
      csv: (m) => m.countries.map((c) => c.code).join(' '),
    },
    { header: 'Location', render: (m) => h('span', { dir: 'auto' }, m.location?.name ?? ''), csv: (m) => m.location?.name ?? '' },
  ];
}
