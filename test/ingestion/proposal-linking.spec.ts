import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyService, AuditService, ProposalService, RequestContext } from '@dyad/domain';
import type { NewsItemInput } from '@dyad/ingestion';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { ingestionServiceFor } from '../support/ingestion.js';

// Proposals as ingestion finds them again and analysts edit them, on one database (each part about its own pair).
//
// A proposal's version is what an analyst's edit is checked against (expectedVersion). A report that only repeats
// what is known adds a reading and leaves the version: an edit made meanwhile still applies. A report that moves the
// status moves it, and every analyst's edit does, even one the history resolves to what was shown.
const TALKS: NewsItemInput = {
  text: 'MOSCOW, March 3, 2025 – Russia and Kazakhstan are negotiating a memorandum of understanding on cultural cooperation, the Russian foreign ministry said on Monday.',
  origin: 'negotiating',
};
const TALKS_AGAIN: NewsItemInput = {
  text: 'ASTANA, March 5, 2025 – Kazakhstan and Russia are negotiating a memorandum of understanding on cultural cooperation, the Kazakh foreign ministry said on Wednesday.',
  origin: 'negotiating again',
};
const SIGNED: NewsItemInput = {
  text: 'MOSCOW, April 10, 2025 – Russia and Kazakhstan signed a memorandum of understanding on cultural cooperation in Moscow on Thursday, the Russian foreign ministry said.',
  origin: 'signed',
};

// A proposal mentioned again is found again only when the mention can be placed in time: within three years of a
// dated reading of it. A report with no date at all gives proposals of its own, as it gives meetings of its own, so
// another agreement of the same two countries never takes its status from it (nor it from another undated report).
// (In this order; the second and third have no dateline, no date in the text and none given: their facts are undated.)
const REPORTS: NewsItemInput[] = [
  'MOSCOW, March 3, 2025 – Russia and Uzbekistan agreed on a memorandum of understanding on cultural cooperation, the Russian foreign ministry said on Monday.',
  'Russia and Uzbekistan signed a memorandum of understanding on cultural cooperation in Moscow, the Russian foreign ministry said.',
  'Uzbekistan and Russia have signed a memorandum of understanding on cultural cooperation, the Uzbek culture ministry said.',
  'TASHKENT, April 10, 2025 – Uzbekistan and Russia signed a memorandum of understanding on cultural cooperation in Tashkent on Thursday, the Uzbek foreign ministry said.',
  'MOSCOW, May 20, 2029 – Russia and Uzbekistan agreed on a memorandum of understanding on cultural cooperation, the Russian foreign ministry said on Sunday.',
].map((text, i) => ({ text, origin: `report ${i + 1}` }));

describe('proposals under ingestion', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
  });
  afterAll(() => database.drop());

  describe('versions under ingestion and analysts’ edits', () => {
    const mou = async (): Promise<{ id: string; status: string; status_date: string; version: number; readings: number }> =>
      (await db.query(
        `SELECT p.id, p.status, p.status_date::text AS status_date, p.version, (SELECT count(*)::int FROM proposal_status_change c WHERE c.proposal_id = p.id) AS readings
         FROM proposal p WHERE p.kind = 'MOU' AND p.party_codes = '{KZ,RU}'`,
      ))[0];

    it('a repeating report adds a reading and keeps the version; a signing moves it; an analyst’s edit always moves it', async () => {
      const ingestion = ingestionServiceFor(db);
      const ctx = RequestContext.system();
      expect((await ingestion.ingest(ctx, TALKS)).status).toBe('NEW');
      const first = await mou();
      // (proposed or negotiating, as the extraction reads "are negotiating": not what this test is about)
      expect(first).toMatchObject({ status_date: '2025-03-03', readings: 1 });
      expect(['PROPOSED', 'NEGOTIATING']).toContain(first.status);

      expect((await ingestion.ingest(ctx, TALKS_AGAIN)).status).toBe('NEW');
      expect(await mou()).toEqual({ ...first, readings: 2 });

      expect((await ingestion.ingest(ctx, SIGNED)).status).toBe('NEW');
      const signed = await mou();
      expect(signed).toMatchObject({ status: 'SIGNED', status_date: '2025-04-10', version: first.version + 1, readings: 3 });

      // An analyst's reading dated before the signing: the history still ends SIGNED on 2025-04-10, and the version moves,
      // so a second edit made from the same view gets CONFLICT.
      const audit = new AuditService(db);
      const { apiKey } = await new ApiKeyService(db, audit).create(ctx, 'ANALYST', 'proposal versions');
      const analyst = new RequestContext({ keyId: apiKey.id, role: 'ANALYST' });
      const proposals = new ProposalService(db, audit);
      const edit = { proposalId: signed.id, expectedVersion: signed.version, status: 'NEGOTIATING' as const, effectiveDate: '2025-03-01', overrideReason: 'first talks were earlier' };
      const edited = await proposals.setStatus(analyst, edit);
      expect(edited).toMatchObject({ status: 'SIGNED', version: signed.version + 1 });
      await expect(proposals.setStatus(analyst, edit)).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await mou()).toMatchObject({ status: 'SIGNED', version: signed.version + 1, readings: 4 });
    });
  });

  describe('finding a proposal again', () => {
    /** The Russian–Uzbek MoUs, oldest first, each with its readings (date and status). */
    const mous = async (): Promise<{ status: string; status_date: string | null; readings: string[] }[]> =>
      db.query(
        `SELECT p.status, p.status_date::text AS status_date,
                ARRAY(SELECT coalesce(c.effective_date::text, 'undated') || ' ' || c.status FROM proposal_status_change c
                      WHERE c.proposal_id = p.id ORDER BY c.id) AS readings
         FROM proposal p WHERE p.kind = 'MOU' AND p.party_codes = '{RU,UZ}' ORDER BY p.id`,
      );

    it('never takes an undated mention for a known proposal, nor a dated one for a proposal known only undated', async () => {
      const ingestion = ingestionServiceFor(db);
      const ctx = RequestContext.system();
      for (const item of REPORTS) {
        expect((await ingestion.ingest(ctx, item)).status).toBe('NEW');
      }
      expect(await mous()).toEqual([
        // the dated readings of the one MoU, within weeks: one proposal, signed on the day its signing is dated
        { status: 'SIGNED', status_date: '2025-04-10', readings: ['2025-03-03 AGREED', '2025-04-10 SIGNED'] },
        // each undated report its own, which no dated report was taken for either
        { status: 'SIGNED', status_date: null, readings: ['undated SIGNED'] },
        { status: 'SIGNED', status_date: null, readings: ['undated SIGNED'] },
        // over three years after the last reading: another proposal
        { status: 'AGREED', status_date: '2029-05-20', readings: ['2029-05-20 AGREED'] },
      ]);
    });
  });
});
