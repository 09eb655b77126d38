import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetingRepository } from '@dyad/domain';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

// MeetingRepository.findAroundOrCreate: the meetings of exactly these parties a report may describe (dated in
// the dated window, or undated, not held, with a reading reported in the announced window), read with their participants only when the
// caller's `fits` (type, status and dates) lets them through; with none around at all, the report's meeting written instead.
describe('MeetingRepository.findAroundOrCreate', () => {
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
  const fields = {
    type: 'VISIT' as const, status: 'HELD' as const, date: '2025-04-12', dateSource: 'TEXT' as const, locationName: 'Yerevan', locationCountryCode: 'AM',
    sectors: ['CULTURE' as const], confidence: 0.8, reviewStatus: 'EXTRACTED' as const, parties: ['GE', 'AM'],
  };
  const reading = { status: 'HELD' as const, date: '2025-04-12', dateSource: 'TEXT' as const, reportedOn: '2025-04-13', newsItemId: null };
  /** The candidates of a pair that has meetings around (nothing is written). */
  const candidates = async (parties: string[], fits?: (c: { id: string; status: string }) => boolean) => {
    const found = await repository.findAroundOrCreate(parties, datedWindow, announcedWindow, fits ?? (() => true), { ...fields, parties }, reading);
    if ('created' in found) throw new Error('a meeting was written');
    return found.candidates;
  };

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

    const all = await candidates(['KZ', 'IR']);
    expect(all.map((c) => c.id).sort()).toEqual([held, announced].sort());
    const found = all.find((c) => c.id === held)!;
    expect(found).toMatchObject({ status: 'HELD', date: '2025-04-10', announcedOn: null });
    expect(found.participantKeys).toHaveLength(1);
    expect(all.find((c) => c.id === announced)).toMatchObject({ date: null, announcedOn: '2025-04-02', participantKeys: [] });

    const seen: string[] = [];
    const heldOnly = await candidates(['IR', 'KZ'], (c) => {
      seen.push(c.id);
      return c.status === 'HELD';
    });
    expect(seen.sort()).toEqual([held, announced].sort());
    expect(heldOnly.map((c) => c.id)).toEqual([held]);
    expect(heldOnly[0].participantKeys).toEqual(found.participantKeys);
    expect(await candidates(['IR', 'KZ'], () => false)).toEqual([]);
  });

  it('creates the meeting only when no meeting of the parties is around, and otherwise returns the candidates', async () => {
    const count = async () => Number((await db.query(`SELECT count(*) AS n FROM meeting WHERE party_codes = '{AM,GE}'`))[0].n);
    const first = await repository.findAroundOrCreate(['AM', 'GE'], datedWindow, announcedWindow, () => true, fields, reading);
    expect('created' in first).toBe(true);
    const id = (first as { created: string }).created;
    const [row] = await db.query(
      `SELECT m.type, m.status, m.date::text AS date, m.location_name, m.location_country_code, m.sectors::text[] AS sectors, m.party_codes::text[] AS parties,
              (SELECT array_agg(country_code::text ORDER BY country_code) FROM meeting_party WHERE meeting_id = m.id) AS party_rows,
              (SELECT count(*) FROM meeting_reading WHERE meeting_id = m.id AND status = 'HELD' AND reported_on = '2025-04-13')::int AS readings
       FROM meeting m WHERE m.id = $1`, [id]);
    expect(row).toEqual({
      type: 'VISIT', status: 'HELD', date: '2025-04-12', location_name: 'Yerevan', location_country_code: 'AM', sectors: ['CULTURE'],
      parties: ['AM', 'GE'], party_rows: ['AM', 'GE'], readings: 1,
    });

    // now it is around: returned as a candidate, nothing written
    const second = await repository.findAroundOrCreate(['GE', 'AM'], datedWindow, announcedWindow, () => true, fields, reading);
    expect(second).toEqual({ candidates: [expect.objectContaining({ id, status: 'HELD', date: '2025-04-12', participantKeys: [] })] });
    // around but ruled out by `fits`: no candidates, and still nothing written (the caller matches, then creates)
    expect(await candidates(['AM', 'GE'], () => false)).toEqual([]);
    expect(await count()).toBe(1);
  });
});
