import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetingRepository } from '@dyad/domain';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

// MeetingRepository.findByPartiesAround: the meetings of exactly these parties a report may describe (dated in
// the dated window, or undated, not held, with a reading reported in the announced window), read with their participants only when the
// caller's `fits` (type, status and dates) lets them through.
describe('MeetingRepository.findByPartiesAround', () => {
  let database: TestDatabase;
  let db: DataSource;
  let repository: MeetingRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
    repository = new MeetingRepository(db.manager);
  });
  afterAll(() => database.drop());

  const meeting = (parties: string[], status: 'HELD' | 'SCHEDULED', date: string | null, reportedOn: string, reviewStatus: 'EXTRACTED' | 'REJECTED' = 'EXTRACTED') =>
    repository.create(
      {
        type: 'MEETING', status, date, dateSource: date ? 'TEXT' : null, locationName: null, locationCountryCode: null, sectors: [],
        confidence: null, reviewStatus, parties,
      },
      { status, date, dateSource: date ? 'TEXT' : null, reportedOn, newsItemId: null },
    );

  const datedWindow = { from: '2025-04-01', to: '2025-05-01' };
  const announcedWindow = { from: '2025-03-01', to: '2025-04-05' };

  it('finds the dated and the undated candidates of the pair in their windows, with their participants', async () => {
    const held = await meeting(['IR', 'KZ'], 'HELD', '2025-04-10', '2025-04-10');
    await repository.addParticipants(held, [{ name: 'Farzaneh Sadegh', countryCode: 'IR', title: null, organization: null }]);
    const announced = await meeting(['IR', 'KZ'], 'SCHEDULED', null, '2025-04-02');
    await meeting(['IR', 'KZ'], 'SCHEDULED', null, '2025-01-02'); // announced before the window
    await meeting(['IR', 'KZ'], 'HELD', '2025-06-10', '2025-06-10'); // after it
    // each kind by its own window: announced in the dated one only, dated in the announced one only
    await meeting(['IR', 'KZ'], 'SCHEDULED', null, '2025-04-15');
    await meeting(['IR', 'KZ'], 'HELD', '2025-03-10', '2025-03-10');
    await meeting(['IR', 'KZ'], 'HELD', '2025-04-11', '2025-04-11', 'REJECTED');
    await meeting(['IR', 'KZ', 'TR'], 'HELD', '2025-04-10', '2025-04-10'); // other parties
    await meeting(['IR', 'TR'], 'SCHEDULED', null, '2025-04-02');

    const all = await repository.findByPartiesAround(['KZ', 'IR'], datedWindow, announcedWindow);
    expect(all.map((c) => c.id).sort()).toEqual([held, announced].sort());
    const found = all.find((c) => c.id === held)!;
    expect(found).toMatchObject({ status: 'HELD', date: '2025-04-10', announcedOn: null });
    expect(found.participantKeys).toHaveLength(1);
    expect(all.find((c) => c.id === announced)).toMatchObject({ date: null, announcedOn: '2025-04-02', participantKeys: [] });

    const seen: string[] = [];
    const heldOnly = await repository.findByPartiesAround(['IR', 'KZ'], datedWindow, announcedWindow, (c) => {
      seen.push(c.id);
      return c.status === 'HELD';
    });
    expect(seen.sort()).toEqual([held, announced].sort());
    expect(heldOnly.map((c) => c.id)).toEqual([held]);
    expect(heldOnly[0].participantKeys).toEqual(found.participantKeys);
    expect(await repository.findByPartiesAround(['IR', 'KZ'], datedWindow, announcedWindow, () => false)).toEqual([]);
  });
});
