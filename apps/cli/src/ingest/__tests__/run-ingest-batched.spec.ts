import { PartyLocks, type RequestContext } from '@dyad/domain';
import type { BatchItemOutcome, IngestOutcome, PreparedItem, SourceItem } from '@dyad/ingestion';
import { describe, expect, it } from 'vitest';
import { type BatchIngestor, emptySummary, runIngestBatched } from '../run-ingest.js';

const outcome = (over: Partial<IngestOutcome> = {}): IngestOutcome => ({
  status: 'NEW', newsItemId: 'id', meetingsCreated: 0, meetingsMerged: 0, proposalsCreated: 0, proposalsAdvanced: 0, followUpsClosed: 0,
  undatedEvents: 0, ...over,
});

async function* from(items: SourceItem[]): AsyncGenerator<SourceItem> {
  yield* items;
}

const item = (origin: string): SourceItem => ({ ok: true, input: { origin, text: origin } });

// A fake service: `bad-*` items are refused when read, `fail-*` ones fail when stored; batches are recorded.
function fakeService() {
  const batches: string[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const service: BatchIngestor = {
    async prepare(input) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      if (input.origin!.startsWith('bad')) throw new Error(`text is empty\n(${input.origin})`);
      if (input.origin!.startsWith('dup')) return { duplicateOf: 'old' };
      return { item: { text: input.origin }, hash: input.origin, searchKey: input.origin, result: {} } as unknown as PreparedItem;
    },
    async ingestPrepared(_ctx: RequestContext, items) {
      const names = items.map((p) => ('duplicateOf' in p ? 'dup' : p.item.text));
      batches.push(names);
      return names.map((name): BatchItemOutcome =>
        name.startsWith('fail')
          ? { ok: false, error: new Error('date/time field value out of range') }
          : { ok: true, outcome: name === 'dup' ? outcome({ status: 'DUPLICATE' }) : outcome({ meetingsCreated: 1 }) },
      );
    },
  };
  return { service, batches, maxInFlight: () => maxInFlight };
}

describe('runIngestBatched', () => {
  it('stores items in batches of the given size, in order, and adds up their outcomes', async () => {
    const { service, batches } = fakeService();
    const names = ['a', 'b', 'c', 'd', 'e'];
    const summary = await runIngestBatched(from(names.map(item)), service, { batchSize: 2 });
    expect(batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(summary).toEqual({ ...emptySummary(), read: 5, new: 5, meetingsCreated: 5 });
  });

  it('reports an item refused when read, one failing when stored and an unreadable source, and keeps the rest', async () => {
    const { service, batches } = fakeService();
    const unreadable: SourceItem = { ok: false, origin: 'feed.xml', reason: 'not a feed', detail: 'HTTP 404' };
    const summary = await runIngestBatched(from([item('a'), item('bad-1'), unreadable, item('fail-1'), item('dup-1'), item('b')]), service, { batchSize: 10 });
    expect(batches).toEqual([['a', 'fail-1', 'dup', 'b']]);
    expect(summary).toMatchObject({ read: 6, new: 2, duplicates: 1, failed: 3 });
    expect(summary.failures).toEqual([
      { origin: 'bad-1', reason: 'text is empty (bad-1)' },
      { origin: 'feed.xml', reason: 'not a feed (HTTP 404)' },
      { origin: 'fail-1', reason: 'date/time field value out of range' },
    ]);
  });

  it('counts every item of a batch whose transaction failed as failed', async () => {
    const { service } = fakeService();
    service.ingestPrepared = async () => {
      throw new Error('Connection terminated');
    };
    const summary = await runIngestBatched(from([item('a'), item('b')]), service, { batchSize: 5 });
    expect(summary).toMatchObject({ read: 2, new: 0, failed: 2 });
    expect(summary.failures.map((f) => f.reason)).toEqual(['Connection terminated', 'Connection terminated']);
  });

  it('stores batches side by side only over items whose locks do not conflict, in order for each set', async () => {
    const batches: string[][] = [];
    const holding = new Map<string, string>();
    let together = 0;
    let mostTogether = 0;
    const service: BatchIngestor = {
      async prepare(input) {
        const pair = input.origin!.split('-')[0];
        return { item: { text: input.origin }, result: {}, locks: new PartyLocks().exclusive(pair).shared(pair.split(',')[0]) } as unknown as PreparedItem;
      },
      async ingestPrepared(_ctx: RequestContext, items) {
        const names = items.map((p) => ('duplicateOf' in p ? 'dup' : p.item.text));
        for (const name of names) {
          const pair = name.split('-')[0];
          // no two batches at once hold one pair
          expect(holding.get(pair) ?? names).toBe(names);
          holding.set(pair, names as unknown as string);
        }
        batches.push(names);
        mostTogether = Math.max(mostTogether, ++together);
        await new Promise((resolve) => setTimeout(resolve, 5));
        together--;
        for (const name of names) holding.delete(name.split('-')[0]);
        return names.map((): BatchItemOutcome => ({ ok: true, outcome: outcome() }));
      },
    };
    const pairs = ['IR,KZ', 'CN,RU', 'IR,TR', 'AM,IN'];
    const names = Array.from({ length: 40 }, (_, i) => `${pairs[(i * 7) % 4]}-${i}`);
    const summary = await runIngestBatched(from(names.map(item)), service, { batchSize: 2, writers: 3 });
    expect(summary).toMatchObject({ read: 40, new: 40, failed: 0 });
    expect(mostTogether).toBeGreaterThan(1);
    expect(mostTogether).toBeLessThanOrEqual(3);
    // each pair's items were stored in the order given
    for (const pair of pairs) {
      const stored = batches.flat().filter((name) => name.startsWith(`${pair}-`));
      expect(stored).toEqual(names.filter((name) => name.startsWith(`${pair}-`)));
    }
  });

  it('reads at most `ahead` items ahead of storing', async () => {
    const { service, maxInFlight } = fakeService();
    await runIngestBatched(from(Array.from({ length: 40 }, (_, i) => item(`i${i}`))), service, { batchSize: 20, ahead: 3 });
    expect(maxInFlight()).toBeLessThanOrEqual(3);
  });
});
