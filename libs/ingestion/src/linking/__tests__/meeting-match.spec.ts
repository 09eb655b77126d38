import { describe, expect, it } from 'vitest';
import { matchMeeting, type MeetingCandidate, type ReportedMeeting } from '../meeting-match.js';

const known: MeetingCandidate = {
  id: 'm1',
  type: 'MEETING',
  date: '2025-04-13',
  locationCountryCode: 'KZ',
  locationKey: 'astana',
  participantKeys: ['کورمانبیک ژوماگالی'],
};
const report = (overrides: Partial<ReportedMeeting>): ReportedMeeting => ({
  type: 'MEETING',
  date: '2025-04-13',
  locationCountryCode: null,
  locationKey: null,
  participantKeys: [],
  ...overrides,
});

describe('matchMeeting', () => {
  it('matches the same place on the same day, in another language', () => {
    expect(matchMeeting(report({ locationCountryCode: 'KZ', locationKey: 'astana' }), [known])?.id).toBe('m1');
  });
  it('matches a shared participant a day later (another outlet’s clock)', () => {
    expect(matchMeeting(report({ date: '2025-04-14', participantKeys: ['کورمانبیک ژوماگالی'] }), [known])?.id).toBe('m1');
  });
  it('does not match two days apart', () => {
    expect(matchMeeting(report({ date: '2025-04-15', locationCountryCode: 'KZ' }), [known])).toBeNull();
  });
  it('does not match a meeting elsewhere with other people', () => {
    expect(matchMeeting(report({ locationCountryCode: 'IR', participantKeys: ['someone else'] }), [known])).toBeNull();
  });
  it('does not take a phone call for the talks', () => {
    expect(matchMeeting(report({ type: 'CALL', locationCountryCode: 'KZ' }), [known])).toBeNull();
  });
  it('takes a visit and a meeting on the same trip as one encounter', () => {
    expect(matchMeeting(report({ type: 'VISIT', locationCountryCode: 'KZ' }), [known])?.id).toBe('m1');
  });
  it('prefers the candidate on the exact date', () => {
    const dayBefore = { ...known, id: 'm0', date: '2025-04-12' };
    expect(matchMeeting(report({ locationCountryCode: 'KZ' }), [dayBefore, known])?.id).toBe('m1');
  });
});
