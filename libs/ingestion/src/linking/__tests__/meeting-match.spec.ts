import { describe, expect, it } from 'vitest';
import { addDays } from '@dyad/domain';
import { actorNameKey } from '@dyad/extraction';
import { sharesActor } from '../actor-similarity.js';
import { candidateWindows, datesAndTypesFit, daysApart, matchMeeting, type MeetingCandidate, type ReportedMeeting } from '../meeting-match.js';

const known: MeetingCandidate = {
  id: 'm1',
  type: 'MEETING',
  status: 'HELD',
  date: '2025-04-13',
  announcedOn: null,
  locationCountryCode: 'KZ',
  locationKey: 'astana',
  participantKeys: ['کورمانبیک ژوماگالی'],
};
const report = (overrides: Partial<ReportedMeeting>): ReportedMeeting => ({
  type: 'MEETING',
  status: 'HELD',
  date: '2025-04-13',
  reportedOn: '2025-04-13',
  locationCountryCode: null,
  locationKey: null,
  participantKeys: [],
  ...overrides,
});
const planned = (overrides: Partial<MeetingCandidate>): MeetingCandidate => ({
  ...known,
  id: 'visit',
  type: 'VISIT',
  status: 'SCHEDULED',
  date: '2025-05-10',
  locationCountryCode: 'IR',
  locationKey: 'tehran',
  participantKeys: ['nazarbayev'],
  ...overrides,
});

describe('matchMeeting: two reports of a meeting held', () => {
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
  it('cannot place a report with no date at all', () => {
    expect(matchMeeting(report({ date: null, reportedOn: null, locationCountryCode: 'KZ' }), [known])).toBeNull();
  });
});

describe('matchMeeting: an announced meeting and the report that it took place', () => {
  const heldInTehran = (date: string, overrides: Partial<ReportedMeeting> = {}) =>
    report({ type: 'MEETING', date, reportedOn: date, locationCountryCode: 'IR', locationKey: 'tehran', ...overrides });

  it('matches on the planned day, the people named in another script', () => {
    expect(matchMeeting(heldInTehran('2025-05-10', { participantKeys: ['نظربایف'] }), [planned({})])?.id).toBe('visit');
  });
  it('tolerates a date that slipped up to a week, or a day early', () => {
    expect(matchMeeting(heldInTehran('2025-05-17'), [planned({})])?.id).toBe('visit');
    expect(matchMeeting(heldInTehran('2025-05-09'), [planned({})])?.id).toBe('visit');
    expect(matchMeeting(heldInTehran('2025-05-18'), [planned({})])).toBeNull();
    expect(matchMeeting(heldInTehran('2025-05-07'), [planned({})])).toBeNull();
  });
  it('matches an announcement with no date to a meeting held within 45 days after it was published', () => {
    const undated = planned({ date: null, announcedOn: '2025-04-30' });
    expect(matchMeeting(heldInTehran('2025-05-10'), [undated])?.id).toBe('visit');
    expect(matchMeeting(heldInTehran('2025-06-14'), [undated])?.id).toBe('visit');
    expect(matchMeeting(heldInTehran('2025-06-15'), [undated])).toBeNull();
    expect(matchMeeting(heldInTehran('2025-04-29'), [undated])).toBeNull(); // held before it was announced
  });
  it('matches the announcement arriving after the held report (either order)', () => {
    const held: MeetingCandidate = { ...known, id: 'held', date: '2025-05-12', locationCountryCode: 'IR', locationKey: 'tehran' };
    const announcement = report({ type: 'VISIT', status: 'SCHEDULED', date: '2025-05-10', reportedOn: '2025-05-01', locationCountryCode: 'IR' });
    expect(matchMeeting(announcement, [held])?.id).toBe('held');
    const undatedAnnouncement = { ...announcement, date: null };
    expect(matchMeeting(undatedAnnouncement, [held])?.id).toBe('held');
  });
  it('does not match a visit announced elsewhere, or a phone call', () => {
    expect(matchMeeting(heldInTehran('2025-05-10', { locationCountryCode: 'KZ', locationKey: 'astana' }), [planned({})])).toBeNull();
    expect(matchMeeting(heldInTehran('2025-05-10', { type: 'CALL' }), [planned({})])).toBeNull();
  });
  it('matches when one side names no place: the date window bounds it', () => {
    expect(matchMeeting(heldInTehran('2025-05-11', { locationCountryCode: null, locationKey: null }), [planned({})])?.id).toBe('visit');
  });
  it('takes the nearest of two candidates', () => {
    const later = planned({ id: 'later', date: '2025-05-14' });
    expect(matchMeeting(heldInTehran('2025-05-13'), [planned({}), later])?.id).toBe('later');
  });
  it('matches a cancellation to the announced meeting', () => {
    const cancellation = report({ type: 'VISIT', status: 'CANCELLED', date: null, reportedOn: '2025-05-05', locationCountryCode: 'IR' });
    expect(matchMeeting(cancellation, [planned({})])?.id).toBe('visit');
    expect(matchMeeting({ ...cancellation, reportedOn: '2025-06-30' }, [planned({})])).toBeNull(); // about a later visit
  });
});

describe('daysApart', () => {
  const at = (kind: 'HELD' | 'PLANNED' | 'ANNOUNCED', day: string) => ({ kind, day });
  it.each([
    [at('HELD', '2025-05-10'), at('HELD', '2025-05-11'), 1],
    [at('HELD', '2025-05-10'), at('HELD', '2025-05-12'), null],
    [at('PLANNED', '2025-05-10'), at('HELD', '2025-05-17'), 7],
    [at('HELD', '2025-05-17'), at('PLANNED', '2025-05-10'), 7],
    [at('PLANNED', '2025-05-10'), at('PLANNED', '2025-05-16'), 6],
    [at('ANNOUNCED', '2025-05-01'), at('HELD', '2025-05-01'), 0],
    [at('ANNOUNCED', '2025-05-01'), at('PLANNED', '2025-04-30'), 1],
    [at('ANNOUNCED', '2025-05-01'), at('ANNOUNCED', '2025-05-09'), null],
  ] as const)('%o and %o: %s', (a, b, expected) => {
    expect(daysApart(a, b)).toBe(expected);
  });
});

describe('matchMeeting: shared actors across scripts', () => {
  const keys = (...names: string[]) => names.map((name) => actorNameKey(name).tokens.join(' '));
  const persian: MeetingCandidate = { ...known, id: 'fa', locationCountryCode: null, locationKey: null, participantKeys: keys('علی‌اکبر طالبی‌متین', 'نورلان سیتکالی') };

  it('matches a report a day later naming one of its people in another script', () => {
    expect(matchMeeting(report({ date: '2025-04-14', participantKeys: keys('Ali Akbar Talebi-Matin') }), [persian])?.id).toBe('fa');
    expect(matchMeeting(report({ date: '2025-04-14', participantKeys: keys('Нурлан Сейткали') }), [persian])?.id).toBe('fa');
  });
  it('does not match a report a day later naming someone with a similar name', () => {
    expect(matchMeeting(report({ date: '2025-04-14', participantKeys: keys('Ali Akbar Talebi', 'Nurlan Seitkaliev') }), [persian])).toBeNull();
  });
  it('sharesActor compares stored keys', () => {
    expect(sharesActor(keys('Талеби-Матин'), keys('علی‌اکبر طالبی‌متین'))).toBe(true);
    expect(sharesActor(keys('Reza Ahmadi'), keys('Ali Ahmadi'))).toBe(false);
    expect(sharesActor([], keys('Ali Ahmadi'))).toBe(false);
  });
});

// Linking reads the participants of only the candidates datesAndTypesFit lets through: the match must be the
// same as over every candidate, whatever the participants of those left out.
describe('datesAndTypesFit: the candidates whose participants are read', () => {
  const candidates: MeetingCandidate[] = [
    known,
    { ...known, id: 'next-day', date: '2025-04-14' },
    { ...known, id: 'three-days', date: '2025-04-16', participantKeys: ['someone'] },
    { ...known, id: 'call', type: 'CALL', participantKeys: ['کورمانبیک ژوماگالی'] },
    planned({ id: 'planned', date: '2025-04-10' }),
    planned({ id: 'announced', date: null, announcedOn: '2025-03-20' }),
    planned({ id: 'announced-late', date: null, announcedOn: '2025-04-20' }),
    { ...known, id: 'no-date', date: null, announcedOn: null },
  ];
  const reports = [
    report({ participantKeys: ['کورمانبیک ژوماگالی'] }),
    report({ date: '2025-04-15', locationCountryCode: 'KZ' }),
    report({ type: 'CALL', participantKeys: ['کورمانبیک ژوماگالی'] }),
    report({ status: 'SCHEDULED', date: '2025-04-12', locationCountryCode: 'IR' }),
    report({ status: 'SCHEDULED', date: null, reportedOn: '2025-03-25' }),
    report({ status: 'CANCELLED', date: null, reportedOn: '2025-04-21' }),
  ];

  it('rules out only what matchMeeting would rule out by type and dates', () => {
    expect(datesAndTypesFit(report({}), known)).toBe(0);
    expect(datesAndTypesFit(report({}), { ...known, date: '2025-04-16' })).toBeNull();
    expect(datesAndTypesFit(report({}), { ...known, type: 'CALL' })).toBeNull();
    expect(datesAndTypesFit(report({}), { ...known, date: null })).toBeNull();
    for (const reported of reports) {
      const kept = candidates.filter((c) => datesAndTypesFit(reported, c) !== null);
      const strangers = candidates.map((c) => (kept.includes(c) ? c : { ...c, participantKeys: [] }));
      expect(matchMeeting(reported, kept)?.id ?? null).toBe(matchMeeting(reported, candidates)?.id ?? null);
      expect(matchMeeting(reported, strangers)?.id ?? null).toBe(matchMeeting(reported, candidates)?.id ?? null);
    }
  });
});

describe('candidateWindows: the days linking reads candidates on', () => {
  it('reads, for a meeting held, dated meetings from a week before to a day after, announced ones up to 45 days before', () => {
    expect(candidateWindows(report({ date: '2025-04-10' }))).toEqual({
      dated: { from: '2025-04-03', to: '2025-04-11' },
      announced: { from: '2025-02-24', to: '2025-04-10' },
    });
    expect(candidateWindows(report({ status: 'SCHEDULED', date: null, reportedOn: '2025-04-10' }))).toEqual({
      dated: { from: '2025-04-09', to: '2025-05-25' },
      announced: { from: '2025-04-03', to: '2025-04-17' },
    });
    expect(candidateWindows(report({ date: null, reportedOn: '2025-04-10' }))).toBeNull();
  });

  it('holds every candidate whose dates fit, and no day more', () => {
    const reports = [
      report({}),
      report({ status: 'SCHEDULED', date: '2025-04-13' }),
      report({ status: 'CANCELLED', date: null, reportedOn: '2025-04-13' }),
    ];
    for (const reported of reports) {
      const windows = candidateWindows(reported)!;
      const fitting = { dated: [] as string[], announced: [] as string[] };
      for (let k = -120; k <= 120; k++) {
        const day = addDays('2025-04-13', k);
        for (const candidate of [{ ...known, date: day }, planned({ date: day }), planned({ date: null, announcedOn: day })]) {
          if (datesAndTypesFit(reported, candidate) === null) continue;
          (candidate.date ? fitting.dated : fitting.announced).push(day);
        }
      }
      for (const kind of ['dated', 'announced'] as const) {
        const days = fitting[kind].sort();
        expect({ kind, from: days[0], to: days.at(-1) }).toEqual({ kind, ...windows[kind] });
      }
    }
  });
});
