import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProposalRepository } from '@dyad/domain';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { factories } from '../support/factories.js';

// ProposalRepository.readMatches: an event's dated mentions looked up by kind (exactly its parties, overlapping
// sectors, a reading dated in the window) and, for the kinds found, stored as readings by the same statement.
describe('ProposalRepository.readMatches', () => {
  let database: TestDatabase;
  let db: DataSource;
  let repository: ProposalRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
    repository = new ProposalRepository(db.manager);
  });
  afterAll(() => database.drop());

  const readings = (proposalId: string) =>
    db.query(
      `SELECT status, effective_date::text AS date, accepted FROM proposal_status_change WHERE proposal_id = $1 ORDER BY id`,
      [proposalId],
    );
  const shared = { sectors: ['EDUCATION', 'CULTURE'] as const, parties: ['KZ', 'IR'], statusDate: '2025-03-01', originMeetingId: null, newsItemId: null };
  const window = { from: '2024-03-01', to: '2026-03-01' };

  it('reads each mention of a kind found into its proposal, in order, and writes nothing for the kinds not found', async () => {
    const mou = await factories(db).createProposal({ parties: ['IR', 'KZ'], kind: 'MOU', sectors: ['CULTURE'], status: 'PROPOSED', statusDate: '2025-01-10' });
    // not found: other parties, no overlapping sector, or no reading in the window
    const trio = await factories(db).createProposal({ parties: ['IR', 'KZ', 'TR'], kind: 'EXCHANGE', statusDate: '2025-01-10' });
    const sport = await factories(db).createProposal({ parties: ['IR', 'KZ'], kind: 'TRAINING', sectors: ['SPORT'], statusDate: '2025-01-10' });
    const old = await factories(db).createProposal({ parties: ['IR', 'KZ'], kind: 'AGREEMENT', statusDate: '2020-01-10' });
    const before = Number((await db.query(`SELECT count(*) AS n FROM proposal_status_change`))[0].n);

    const found = await repository.readMatches(
      [{ kind: 'MOU', status: 'AGREED' }, { kind: 'EXCHANGE', status: 'PROPOSED' }, { kind: 'MOU', status: 'SIGNED' },
        { kind: 'TRAINING', status: 'PROPOSED' }, { kind: 'AGREEMENT', status: 'SIGNED' }],
      window, shared,
    );
    expect([...found].map(([kind, { id, status }]) => [kind, id, status])).toEqual([['MOU', mou.id, 'PROPOSED']]);
    // (the new readings unaccepted: the proposal's history is resolved again afterwards)
    expect(await readings(mou.id)).toEqual([
      { status: 'PROPOSED', date: '2025-01-10', accepted: true },
      { status: 'AGREED', date: '2025-03-01', accepted: false },
      { status: 'SIGNED', date: '2025-03-01', accepted: false },
    ]);
    // its history as read with them: the proposal as it was, with every reading of it (those of the day, the new ones
    // among them, and the accepted ones)
    const history = found.get('MOU')!.history;
    expect(history.map((row) => [row.proposal_status, row.proposal_date, row.status, row.effective_date, row.accepted]).sort()).toEqual([
      ['PROPOSED', '2025-01-10', 'AGREED', '2025-03-01', false],
      ['PROPOSED', '2025-01-10', 'PROPOSED', '2025-01-10', true],
      ['PROPOSED', '2025-01-10', 'SIGNED', '2025-03-01', false],
    ]);
    // the sectors it lacked, added after its own
    expect((await db.query(`SELECT sectors::text[] AS sectors FROM proposal WHERE id = $1`, [mou.id]))[0].sectors).toEqual(['CULTURE', 'EDUCATION']);
    expect(Number((await db.query(`SELECT count(*) AS n FROM proposal_status_change`))[0].n)).toBe(before + 2);
    for (const other of [trio, sport, old]) expect(await readings(other.id)).toHaveLength(1);
  });

  it('finds nothing and writes nothing when no proposal of the kind has a reading in the window', async () => {
    const before = await db.query(`SELECT count(*)::int AS n, (SELECT count(*)::int FROM proposal) AS p FROM proposal_status_change`);
    expect(await repository.readMatches([{ kind: 'MOU', status: 'SIGNED' }], { from: '2030-01-01', to: '2031-01-01' }, shared)).toEqual(new Map());
    expect(await db.query(`SELECT count(*)::int AS n, (SELECT count(*)::int FROM proposal) AS p FROM proposal_status_change`)).toEqual(before);
  });
});
