import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestContext } from '@dyad/domain';
import type { NewsItemInput } from '@dyad/ingestion';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { ingestionServiceFor } from '../support/ingestion.js';

// A proposal mentioned again is found again only when the mention can be placed in time: within three years of a
// dated reading of it. A report with no date at all gives proposals of its own, as it gives meetings of its own, so
// another agreement of the same two countries never takes its status from it (nor it from another undated report).
const AGREED: NewsItemInput = {
  text: 'MOSCOW, March 3, 2025 – Russia and Kazakhstan agreed on a memorandum of understanding on cultural cooperation, the Russian foreign ministry said on Monday.',
  origin: 'agreed',
};
// no dateline, no date in the text and none given: its facts are undated
const UNDATED_SIGNING: NewsItemInput = {
  text: 'Russia and Kazakhstan signed a memorandum of understanding on cultural cooperation in Moscow, the Russian foreign ministry said.',
  origin: 'undated signing',
};
const UNDATED_AGAIN: NewsItemInput = {
  text: 'Kazakhstan and Russia have signed a memorandum of understanding on cultural cooperation, the Kazakh culture ministry said.',
  origin: 'undated again',
};
const SIGNED: NewsItemInput = {
  text: 'ASTANA, April 10, 2025 – Kazakhstan and Russia signed a memorandum of understanding on cultural cooperation in Astana on Thursday, the Kazakh foreign ministry said.',
  origin: 'signed',
};
const YEARS_LATER: NewsItemInput = {
  text: 'MOSCOW, May 20, 2029 – Russia and Kazakhstan agreed on a memorandum of understanding on cultural cooperation, the Russian foreign ministry said on Sunday.',
  origin: 'years later',
};

describe('finding a proposal again', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
  });
  afterAll(() => database.drop());

  /** The Kazakh–Russian MoUs, oldest first, each with its readings' dates and the reports they came from. */
  const mous = async (): Promise<{ status: string; status_date: string | null; readings: string[] }[]> =>
    db.query(
      `SELECT p.status, p.status_date::text AS status_date,
              ARRAY(SELECT coalesce(c.effective_date::text, 'undated') || ' ' || c.status FROM proposal_status_change c
                    WHERE c.proposal_id = p.id ORDER BY c.id) AS readings
       FROM proposal p WHERE p.kind = 'MOU' AND p.party_codes = '{KZ,RU}' ORDER BY p.id`,
    );

  it('never takes an undated mention for a known proposal, nor a dated one for a proposal known only undated', async () => {
    const ingestion = ingestionServiceFor(db);
    const ctx = RequestContext.system();
    for (const item of [AGREED, UNDATED_SIGNING, UNDATED_AGAIN, SIGNED, YEARS_LATER]) {
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
