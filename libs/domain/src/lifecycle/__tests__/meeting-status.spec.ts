import { describe, expect, it } from 'vitest';
import { type MeetingObservation, resolveMeetingStatus } from '../meeting-status.js';

const permutations = <T>(items: T[]): T[][] =>
  items.length <= 1 ? [items] : items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));

let counter = 0;
const reading = (status: MeetingObservation['status'], reportedOn: string | null, date: string | null, byAnalyst = false): MeetingObservation => ({
  id: `r${++counter}`,
  status,
  date,
  dateSource: date ? 'TEXT' : null,
  reportedOn,
  byAnalyst,
  recordedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, counter)),
});

/** The resolution of every ordering of `readings` (they must all agree). */
function resolvedInEveryOrder(readings: MeetingObservation[]) {
  const results = permutations(readings).map((order) => resolveMeetingStatus(order));
  for (const result of results) expect(result).toEqual(results[0]);
  return results[0];
}

describe('resolveMeetingStatus', () => {
  it('is HELD once any report says it took place, on the held date, whatever the announcements said', () => {
    expect(
      resolvedInEveryOrder([
        reading('SCHEDULED', '2025-05-01', '2025-05-10'),
        reading('HELD', '2025-05-12', '2025-05-12'),
        reading('CANCELLED', '2025-05-05', null),
      ]),
    ).toEqual({ status: 'HELD', date: '2025-05-12', dateSource: 'TEXT' });
  });

  it('keeps the earliest held date (outlets a day apart)', () => {
    expect(resolvedInEveryOrder([reading('HELD', '2025-05-13', '2025-05-13'), reading('HELD', '2025-05-13', '2025-05-12')])).toMatchObject({
      date: '2025-05-12',
    });
  });

  it('is CANCELLED when the cancellation was said after the announcement, keeping the planned date', () => {
    expect(resolvedInEveryOrder([reading('SCHEDULED', '2025-05-01', '2025-05-10'), reading('CANCELLED', '2025-05-06', null)])).toEqual({
      status: 'CANCELLED',
      date: '2025-05-10',
      dateSource: 'TEXT',
    });
  });

  it('is SCHEDULED again, on the new date, when announced again after the cancellation', () => {
    expect(
      resolvedInEveryOrder([
        reading('SCHEDULED', '2025-05-01', '2025-05-10'),
        reading('CANCELLED', '2025-05-06', null),
        reading('SCHEDULED', '2025-05-08', '2025-05-15'),
      ]),
    ).toEqual({ status: 'SCHEDULED', date: '2025-05-15', dateSource: 'TEXT' });
  });

  it('lets a cancellation win over an announcement said the same day, and over one said on an unknown day', () => {
    expect(resolvedInEveryOrder([reading('SCHEDULED', '2025-05-06', '2025-05-10'), reading('CANCELLED', '2025-05-06', null)])?.status).toBe(
      'CANCELLED',
    );
    expect(resolvedInEveryOrder([reading('SCHEDULED', null, '2025-05-10'), reading('CANCELLED', '2025-05-06', null)])?.status).toBe('CANCELLED');
    expect(resolvedInEveryOrder([reading('CANCELLED', null, null), reading('SCHEDULED', '2025-05-06', '2025-05-10')])?.status).toBe('SCHEDULED');
  });

  it('has no date when no reading gave one', () => {
    expect(resolvedInEveryOrder([reading('HELD', null, null)])).toEqual({ status: 'HELD', date: null, dateSource: null });
    expect(resolvedInEveryOrder([reading('SCHEDULED', '2025-05-01', null)])).toEqual({ status: 'SCHEDULED', date: null, dateSource: null });
  });

  it('keeps an announced date when a later report repeats the announcement without one', () => {
    expect(resolvedInEveryOrder([reading('SCHEDULED', '2025-05-01', '2025-05-10'), reading('SCHEDULED', '2025-05-03', null)])?.date).toBe(
      '2025-05-10',
    );
  });

  it("lets an analyst's status and date override what was reported until the day they set it", () => {
    const reports = [reading('HELD', '2025-05-12', '2025-05-12')];
    const analyst = reading('CANCELLED', '2025-06-01', '2025-05-10', true);
    expect(resolvedInEveryOrder([...reports, analyst])).toEqual({ status: 'CANCELLED', date: '2025-05-10', dateSource: 'TEXT' });
  });

  it('weighs a report published after the analyst decided against their reading', () => {
    const analyst = reading('SCHEDULED', '2025-05-01', '2025-05-10', true);
    expect(resolvedInEveryOrder([analyst, reading('HELD', '2025-05-11', '2025-05-11')])).toEqual({
      status: 'HELD',
      date: '2025-05-11',
      dateSource: 'TEXT',
    });
  });

  it('takes the latest analyst reading', () => {
    const first = reading('CANCELLED', '2025-06-01', null, true);
    const second = reading('HELD', '2025-06-02', '2025-05-10', true);
    expect(resolveMeetingStatus([second, first])).toMatchObject({ status: 'HELD', date: '2025-05-10' });
  });

  it('gives nothing without readings', () => {
    expect(resolveMeetingStatus([])).toBeNull();
  });
});
