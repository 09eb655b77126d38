import { addDays, applyProposalHistories, PROPOSAL_STATUSES, ProposalRepository, resolveProposalHistory, type ProposalStatus } from '@dyad/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { factories } from '../support/factories.js';
import { seededRandom } from '../support/random.js';

// Ingestion resolves a proposal's history again from the day of the item's new readings only, from where the earlier
// readings' stored marks leave it (applyProposalHistories with the days of those readings). After every reading, the stored marks,
// status, date and origin meeting must be those a resolution of every reading gives.
describe('a proposal history resolved again from a day on', () => {
  let database: TestDatabase;
  let db: DataSource;
  let analystKey: string;
  const meetings: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
    [{ id: analystKey }] = await db.query(
      `INSERT INTO api_key (hash, prefix, role, label) VALUES (repeat('a', 64), 'dyad_test', 'ANALYST', 'history test') RETURNING id`,
    );
    for (const date of ['2024-03-01', '2025-06-01']) meetings.push((await factories(db).createMeeting({ parties: ['IR', 'KZ'], date })).id);
  });
  afterAll(() => database.drop());

  /** The proposal as stored: its readings' marks, its status, date, origin meeting and version. */
  const stored = async (proposalId: string) => ({
    marks: await db.query(`SELECT id, accepted FROM proposal_status_change WHERE proposal_id = $1 ORDER BY id`, [proposalId]),
    proposal: (await db.query(`SELECT status, status_date::text AS date, origin_meeting_id AS origin, version FROM proposal WHERE id = $1`, [proposalId]))[0],
  });

  /** The readings a resolution of every reading accepts, and those marked accepted. */
  async function marks(proposalId: string) {
    const rows: { id: string; status: ProposalStatus; date: string | null; analyst: boolean; recorded: Date; accepted: boolean }[] = await db.query(
      `SELECT id, status, effective_date::text AS date, api_key_id IS NOT NULL AS analyst, recorded_at AS recorded, accepted
       FROM proposal_status_change WHERE proposal_id = $1`,
      [proposalId],
    );
    const readings = rows.map((r) => ({ ...r, effectiveDate: r.date, byAnalyst: r.analyst, recordedAt: r.recorded }));
    const { accepted } = resolveProposalHistory(readings);
    return { resolved: accepted.map((r) => r.id).sort(), marked: readings.filter((r) => r.accepted).map((r) => r.id).sort() };
  }

  /**
   * The marks are those of a resolution of every reading, and that resolution, run then, changes nothing: not a mark,
   * nor the proposal's status, date, origin or version.
   */
  async function expectFullResolution(proposalId: string, step: number): Promise<void> {
    const { resolved, marked } = await marks(proposalId);
    expect(marked, `marks after step ${step}`).toEqual(resolved);
    const after = await stored(proposalId);
    await applyProposalHistories(db.manager, [proposalId]);
    expect(await stored(proposalId), `after step ${step}`).toEqual(after);
  }

  it.each([1, 2, 3, 4, 5, 6])('gives the full resolution after each of 80 random readings (seed %i)', async (seed) => {
    const random = seededRandom(seed);
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
    const { id } = await factories(db).createProposal({ parties: ['IR', 'KZ'], status: 'PROPOSED', statusDate: '2024-01-01' });
    let incremental = 0;
    for (let step = 0; step < 80; step++) {
      // a report (one or two readings, of one day as an event's mentions or of two, as two events'), now and then undated;
      // or an analyst's decision
      const analyst = random() < 0.15;
      const date = !analyst && random() < 0.1 ? null : addDays('2024-01-01', Math.floor(random() * 900));
      const dates = [date, ...(!analyst && random() < 0.3 ? [date && random() < 0.5 ? addDays(date, Math.floor(random() * 120) - 60) : date] : [])];
      await db.query(
        `INSERT INTO proposal_status_change (proposal_id, status, effective_date, meeting_id, api_key_id, accepted)
         SELECT $1, s, d, $2, $3, false FROM unnest($4::proposal_status[], $5::date[]) AS t(s, d)`,
        [id, random() < 0.3 ? pick(meetings) : null, analyst ? analystKey : null, dates.map(() => pick(PROPOSAL_STATUSES)), dates],
      );
      // ingestion passes the days of its readings; an analyst's edit and an undated reading resolve every reading
      const days = !analyst && dates.every((d) => d !== null) ? { from: [...dates].sort()[0]!, to: [...dates].sort().at(-1)! } : null;
      if (days) incremental++;
      await applyProposalHistories(db.manager, [id], days ? new Map([[id, days]]) : undefined);
      await expectFullResolution(id, step);
    }
    expect(incremental).toBeGreaterThan(40);
  });

  // Ingestion stores a report's readings of a known proposal and reads its history in one statement
  // (ProposalRepository.readMatches), then resolves that history without reading it again.
  it.each([[1, ['AM', 'GE']], [2, ['AZ', 'TR']], [3, ['CN', 'RU']], [4, ['IN', 'PK']]])(
    'gives the full resolution after each of 60 random reports whose history was read with their readings (seed %i)',
    async (seed, parties) => {
      const random = seededRandom(seed);
      const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
      const { id } = await factories(db).createProposal({ parties, status: 'PROPOSED', statusDate: '2024-01-01' });
      const repository = new ProposalRepository(db.manager);
      let readWith = 0;
      for (let step = 0; step < 60; step++) {
        const date = addDays('2024-01-01', Math.floor(random() * 900));
        if (random() < 0.7) {
          // a report of one day: one or two mentions of the proposal
          const mentions = Array.from({ length: random() < 0.3 ? 2 : 1 }, () => ({ kind: 'MOU' as const, status: pick(PROPOSAL_STATUSES) }));
          const found = await repository.readMatches(mentions, { from: addDays(date, -1098), to: addDays(date, 1098) }, {
            sectors: [], parties, statusDate: date, originMeetingId: random() < 0.3 ? pick(meetings) : null, newsItemId: null,
          });
          expect(found.get('MOU')?.id).toBe(id);
          await applyProposalHistories(db.manager, [id], new Map([[id, { from: date, to: date }]]), new Map([[id, found.get('MOU')!.history]]));
          readWith++;
        } else {
          // an analyst's decision, or an undated reading: every reading resolved
          const analyst = random() < 0.5;
          await db.query(
            `INSERT INTO proposal_status_change (proposal_id, status, effective_date, api_key_id, accepted) VALUES ($1, $2, $3, $4, false)`,
            [id, pick(PROPOSAL_STATUSES), analyst ? date : null, analyst ? analystKey : null],
          );
          await applyProposalHistories(db.manager, [id]);
        }
        await expectFullResolution(id, step);
      }
      expect(readWith).toBeGreaterThan(30);
    },
  );
});
