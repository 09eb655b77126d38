import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PartyLocks, partySetKey, RequestContext } from '@dyad/domain';
import type { IngestOutcome, NewsItemInput, PreparedItem } from '@dyad/ingestion';
import type { DataSource } from 'typeorm';
import { runIngestBatched } from '../../apps/cli/src/ingest/run-ingest.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { fixture, ingestionServiceFor, permutations } from '../support/ingestion.js';

// Ingestion without a global lock: items about other countries are stored at the same time, and items
// stored at the same time give what storing them one after the other gives.
const STORYLINE: NewsItemInput[] = [
  { text: fixture('storyline/01-seed-fa.txt'), publisher: 'ICRO' },
  { text: fixture('storyline/02-same-meeting-en.txt'), publishedAt: '2025-04-14', publisher: 'Example Times', url: 'https://news.example/iran-kazakhstan-cinema' },
  { text: fixture('storyline/03-visit-tehran-en.txt'), publishedAt: '2026-02-10', publisher: 'Example Times' },
  { text: fixture('storyline/04-signing-fa.txt'), publisher: 'ICRO' },
];

const RU_CN = 'MOSCOW, May 12, 2025 – The foreign ministers of Russia and China met in Moscow on Monday and agreed to hold the next round of talks in Beijing.';
const IR_KZ = 'ASTANA, April 13, 2025 – The foreign ministers of Iran and Kazakhstan met in Astana on Sunday and discussed transit cooperation.';

const ctx = RequestContext.system();

async function storylineState(db: DataSource) {
  return {
    meetings: await db.query(
      `SELECT m.type, m.date::text AS date, m.location_country_code AS location, count(ms.news_item_id)::int AS sources
       FROM meeting m JOIN meeting_source ms ON ms.meeting_id = m.id WHERE m.party_codes = '{IR,KZ}' GROUP BY m.id ORDER BY m.date`,
    ),
    mous: await db.query(
      `SELECT p.status, array(SELECT c.status::text FROM proposal_status_change c WHERE c.proposal_id = p.id AND c.accepted ORDER BY c.effective_date) AS history
       FROM proposal p WHERE p.kind = 'MOU'`,
    ),
    openFollowUps: (await db.query(
      `SELECT count(*)::int AS n FROM follow_up_action f JOIN meeting m ON m.id = f.meeting_id WHERE m.date = '2025-04-13' AND f.status = 'OPEN'
         AND (f.description ~* 'sign|visit|امضا|سفر')`,
    ))[0].n,
  };
}

const EXPECTED = {
  meetings: [
    { type: 'MEETING', date: '2025-04-13', location: 'KZ', sources: 2 },
    { type: 'VISIT', date: '2026-02-10', location: 'IR', sources: 1 },
    { type: 'SIGNING', date: '2026-05-11', location: 'KZ', sources: 1 },
  ],
  mous: [{ status: 'SIGNED', history: ['AGREED', 'NEGOTIATING', 'SIGNED'] }],
  openFollowUps: 0,
};

describe('concurrent ingestion', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.connect();
  });
  afterAll(() => database.drop());
  beforeEach(() => db.query(`TRUNCATE news_item, meeting, proposal, follow_up_action, actor, evidence, audit_entry CASCADE`));

  it.each([1, 2, 3, 4])('gives the storyline of one-after-the-other when its four items are ingested at once (run %i)', async () => {
    const ingestion = ingestionServiceFor(db);
    const outcomes = await Promise.all(STORYLINE.map((input) => ingestion.ingest(ctx, input)));
    expect(outcomes.map((o) => o.status)).toEqual(['NEW', 'NEW', 'NEW', 'NEW']);
    expect(await storylineState(db)).toEqual(EXPECTED);
  });

  // A batch writes its items' follow-ups and evidence, and closes what their facts show done, once after the last
  // item (LinkingBatch): the same storyline, and each item credited with what its own pass would have closed. The
  // first items are also stored alone before the batch, so that the batch's facts close follow-ups it did not add.
  it.each(permutations([0, 1, 2, 3]).map((order) => [order.join(','), order]))(
    'gives the storyline and the outcomes of one-after-the-other in one batch, items in order %s',
    async (_name, order) => {
      const ingestion = ingestionServiceFor(db);
      const inputs = (order as number[]).map((i) => STORYLINE[i]);
      const counts = ({ newsItemId: _, ...counters }: IngestOutcome) => counters;
      const alone: ReturnType<typeof counts>[] = [];
      for (const input of inputs) alone.push(counts(await ingestion.ingest(ctx, input)));
      expect(await storylineState(db)).toEqual(EXPECTED);
      expect(alone.reduce((n, o) => n + o.followUpsClosed, 0)).toBeGreaterThanOrEqual(2);

      for (const before of [0, 1, 2]) {
        await db.query(`TRUNCATE news_item, meeting, proposal, follow_up_action, actor, evidence, audit_entry CASCADE`);
        for (const input of inputs.slice(0, before)) await ingestion.ingest(ctx, input);
        const outcomes = await ingestion.ingestPrepared(ctx, await Promise.all(inputs.slice(before).map((input) => ingestion.prepare(input))));
        expect(outcomes.map((o) => (o.ok ? counts(o.outcome) : o.error)), `${before} stored first`).toEqual(alone.slice(before));
        expect(await storylineState(db)).toEqual(EXPECTED);
        // each item's audit entry carries its counts
        const audits: { item: string; closed: number }[] = await db.query(
          `SELECT entity_id AS item, (after ->> 'followUpsClosed')::int AS closed FROM audit_entry WHERE action = 'newsItem.ingest'`,
        );
        const closedOf = new Map(audits.map((a) => [a.item, a.closed]));
        expect(outcomes.map((o) => (o.ok ? closedOf.get(o.outcome.newsItemId) : null))).toEqual(alone.slice(before).map((o) => o.followUpsClosed));
      }
    },
  );

  it("writes a batch's follow-ups and evidence in one statement each, after its last item", async () => {
    const ingestion = ingestionServiceFor(db);
    const texts = [RU_CN, IR_KZ.replace('discussed transit cooperation', 'agreed to meet again in Tehran'), STORYLINE[0]];
    const outcomes = await ingestion.ingestPrepared(ctx, await Promise.all(texts.map((text) => ingestion.prepare(typeof text === 'string' ? { text } : text))));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    // rows one statement inserted share its command id within the transaction (cmin)
    const [followUps] = await db.query(
      `SELECT count(DISTINCT f.cmin::text)::int AS statements, count(DISTINCT ms.news_item_id)::int AS items
       FROM follow_up_action f JOIN meeting_source ms ON ms.meeting_id = f.meeting_id`,
    );
    expect(followUps).toEqual({ statements: 1, items: 3 });
    const [evidence] = await db.query(`SELECT count(DISTINCT cmin::text)::int AS statements, count(DISTINCT news_item_id)::int AS items FROM evidence`);
    expect(evidence).toEqual({ statements: 1, items: 3 });
  });

  it('stores the rest of a batch when a follow-up written after its last item is refused, and reports that item', async () => {
    const ingestion = ingestionServiceFor(db);
    const [first, second, third] = (await Promise.all(STORYLINE.slice(0, 3).map((input) => ingestion.prepare(input)))) as PreparedItem[];
    // a due date that does not exist: refused only when the batch writes its follow-ups, after every item is linked
    const broken: PreparedItem = {
      ...first,
      result: { ...first.result, events: first.result.events.map((e) => ({ ...e, followUps: e.followUps.map((f) => ({ ...f, dueDate: '2026-02-30' })) })) },
    };
    expect(broken.result.events.some((e) => e.followUps.length)).toBe(true);
    const outcomes = await ingestion.ingestPrepared(ctx, [broken, second, third]);
    expect(outcomes.map((o) => o.ok)).toEqual([false, true, true]);
    expect(outcomes[0].ok ? '' : outcomes[0].error.message).toMatch(/date/i);
    const [{ items, audits, followUps }] = await db.query(
      `SELECT (SELECT count(*)::int FROM news_item) AS items, (SELECT count(*)::int FROM audit_entry WHERE action = 'newsItem.ingest') AS audits,
              (SELECT count(*)::int FROM follow_up_action) AS "followUps"`,
    );
    expect({ items, audits }).toEqual({ items: 2, audits: 2 });
    expect(followUps).toBeGreaterThan(0);
  });

  it.each(permutations([0, 1, 2, 3]).filter((_, i) => i % 4 === 1).map((order) => [order.join(','), order]))(
    'gives the same storyline with batches stored side by side, items in order %s',
    async (_name, order) => {
      const ingestion = ingestionServiceFor(db);
      // two writers, batches of two: the Russia–China items go beside the Iran–Kazakhstan ones
      const items = (order as number[]).flatMap((i) => [STORYLINE[i], { text: RU_CN.replace('Monday', `Monday (${i})`) }]);
      async function* sources() {
        for (const input of items) yield { ok: true as const, input };
      }
      const summary = await runIngestBatched(sources(), ingestion, { batchSize: 2, writers: 2, ctx });
      expect(summary).toMatchObject({ read: 8, new: 8, failed: 0 });
      expect(await storylineState(db)).toEqual(EXPECTED);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM meeting WHERE party_codes = '{CN,RU}'`);
      expect(n).toBe(1);
    },
  );

  it('stores an item ingested six times at once exactly once', async () => {
    const ingestion = ingestionServiceFor(db);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => ingestion.ingest(ctx, STORYLINE[1])));
    expect(outcomes.filter((o) => o.status === 'NEW')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'DUPLICATE')).toHaveLength(5);
    expect(new Set(outcomes.map((o) => o.newsItemId)).size).toBe(1);
    const [{ items, meetings, audits }] = await db.query(
      `SELECT (SELECT count(*)::int FROM news_item) AS items, (SELECT count(*)::int FROM meeting) AS meetings,
              (SELECT count(*)::int FROM audit_entry WHERE action = 'newsItem.ingest') AS audits`,
    );
    expect({ items, audits }).toEqual({ items: 1, audits: 1 });
    expect(meetings).toBeGreaterThan(0);
  });

  it('stores an item about other countries while one pair is locked, and waits for the locked pair', async () => {
    const ingestion = ingestionServiceFor(db);
    const runner = db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // Another ingest holds Iran–Kazakhstan.
      await new PartyLocks().exclusive(partySetKey(['IR', 'KZ'])).acquire(runner.manager);
      const other = await ingestion.ingest(ctx, { text: RU_CN });
      expect(other).toMatchObject({ status: 'NEW', meetingsCreated: 1 });

      let done = false;
      const waiting = ingestion.ingest(ctx, { text: IR_KZ }).then((outcome) => {
        done = true;
        return outcome;
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(done).toBe(false);
      await runner.commitTransaction();
      expect(await waiting).toMatchObject({ status: 'NEW', meetingsCreated: 1 });
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('stores items ingested at once (stored together while others wait), failing only the one that fails', async () => {
    const ingestion = ingestionServiceFor(db);
    // The IR–KZ item gets a fact the database refuses (a day that does not exist), as above.
    const prepare = ingestion.prepare.bind(ingestion);
    ingestion.prepare = async (input) => {
      const prepared = await prepare(input);
      if (input.text !== IR_KZ || !('result' in prepared)) return prepared;
      return { ...prepared, result: { ...prepared.result, events: prepared.result.events.map((e) => ({ ...e, date: '2025-02-30' })) } };
    };
    const inputs: NewsItemInput[] = [{ text: RU_CN }, { text: IR_KZ }, STORYLINE[0], STORYLINE[2], STORYLINE[3]];
    const settled = await Promise.allSettled(inputs.map((input) => ingestion.ingest(ctx, input)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(String((settled[1] as PromiseRejectedResult).reason?.message)).toMatch(/date/i);
    const [{ items, audits }] = await db.query(
      `SELECT (SELECT count(*)::int FROM news_item) AS items, (SELECT count(*)::int FROM audit_entry WHERE action = 'newsItem.ingest') AS audits`,
    );
    expect({ items, audits }).toEqual({ items: 4, audits: 4 });
    // the same item again, now whole, lands
    ingestion.prepare = prepare;
    expect(await ingestion.ingest(ctx, { text: IR_KZ })).toMatchObject({ status: 'NEW' });
  });

  it('stores an item given twice in one batch once: the second is a duplicate of the first', async () => {
    const ingestion = ingestionServiceFor(db);
    // both prepared before either is stored: neither is known as a duplicate until the batch stores them
    const [first, again, other] = await Promise.all([{ text: IR_KZ }, { text: IR_KZ }, { text: RU_CN }].map((input) => ingestion.prepare(input)));
    const outcomes = await ingestion.ingestPrepared(ctx, [first, again, other]);
    const [a, b, c] = outcomes.map((o) => (o.ok ? o.outcome : null));
    expect([a?.status, b?.status, c?.status]).toEqual(['NEW', 'DUPLICATE', 'NEW']);
    expect(b?.newsItemId).toBe(a?.newsItemId);
    const rows = await db.query(`SELECT id FROM news_item ORDER BY body = $1 DESC`, [IR_KZ]);
    expect(rows.map((r: { id: string }) => r.id)).toEqual([a?.newsItemId, c?.newsItemId]);
    expect(await db.query(`SELECT count(*)::int AS n FROM meeting_source WHERE news_item_id = $1`, [a?.newsItemId])).toEqual([{ n: 1 }]);
  });

  it('stores the rest of a batch when one item fails, and reports that one', async () => {
    const ingestion = ingestionServiceFor(db);
    const good = await ingestion.prepare({ text: RU_CN });
    const bad = (await ingestion.prepare({ text: IR_KZ })) as PreparedItem;
    // A fact the database refuses (a day that does not exist) fails that item inside its savepoint.
    const broken: PreparedItem = { ...bad, result: { ...bad.result, events: bad.result.events.map((e) => ({ ...e, date: '2025-02-30' })) } };
    const third = await ingestion.prepare({ text: fixture('storyline/03-visit-tehran-en.txt'), publishedAt: '2026-02-10' });
    const outcomes = await ingestion.ingestPrepared(ctx, [good, broken, third]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1].ok ? '' : outcomes[1].error.message).toMatch(/date/i);
    const [{ items, audits }] = await db.query(
      `SELECT (SELECT count(*)::int FROM news_item) AS items, (SELECT count(*)::int FROM audit_entry WHERE action = 'newsItem.ingest') AS audits`,
    );
    expect({ items, audits }).toEqual({ items: 2, audits: 2 });
    expect(await db.query(`SELECT count(*)::int AS n FROM news_item WHERE body = $1`, [IR_KZ])).toEqual([{ n: 0 }]);
  });
});
