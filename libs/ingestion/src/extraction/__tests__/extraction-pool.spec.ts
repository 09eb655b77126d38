import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../../../test/support/ingestion.js';
import { ExtractionPool } from '../extraction-pool.js';

const ITEM = fixture('news/en-001-iran-kazakhstan-will-sign-trade-mou.txt');

describe('the extraction pool', () => {
  const pools: ExtractionPool[] = [];
  const pool = (options: ConstructorParameters<typeof ExtractionPool>[0]) => {
    const made = new ExtractionPool(options);
    pools.push(made);
    return made;
  };
  afterAll(() => Promise.all(pools.map((made) => made.close())));

  it('extracts on a worker thread what extract() gives', async () => {
    const result = await pool({ threads: 1 }).extract(ITEM);
    expect(result.events[0]).toMatchObject({ countries: ['IR', 'KZ'] });
  });

  it('stops an item over its time budget with BAD_USER_INPUT, and the next item still runs', async () => {
    // 5 s: ten times what starting a thread and reading a normal item take here (0.45 s). Reading the item
    // 6,000 times over took 16 s, and time grows faster than length: 12,000 times is minutes' work.
    const strict = pool({ threads: 1, timeoutMs: 5_000 });
    expect((await strict.extract(ITEM)).events).toHaveLength(1);
    const long = `${ITEM}\n\n`.repeat(12_000);
    await expect(strict.extract(long)).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { limit: 'extractionTime' } });
    expect((await strict.extract(ITEM)).events).toHaveLength(1);
  }, 60_000);

  it('keeps the event loop free while it works', async () => {
    const free = pool({ threads: 1 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    await free.extract(`${ITEM}\n\n`.repeat(60));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(5);
  }, 60_000);

  it('tells callers past its queue to retry, instead of queueing without end', async () => {
    const small = pool({ threads: 1, maxQueue: 1 });
    const long = `${ITEM}\n\n`.repeat(60);
    const results = await Promise.allSettled([small.extract(long), small.extract(long), small.extract(long)]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'UNAVAILABLE' });
  }, 60_000);

  it('ends its idle threads, but keeps one warm (the same thread, the extractor loaded) when asked to', async () => {
    const idle = () => new Promise((resolve) => setTimeout(resolve, 1_000));
    const cold = pool({ threads: 1, idleTimeoutMs: 200 });
    await cold.extract(ITEM);
    expect(cold.threadIds()).toHaveLength(1);
    await idle();
    expect(cold.threadIds()).toEqual([]);

    const warm = pool({ threads: 1, idleTimeoutMs: 200, keepWarm: true });
    await warm.extract(ITEM);
    const [kept] = warm.threadIds();
    await idle();
    expect(warm.threadIds()).toEqual([kept]);
    expect((await warm.extract(ITEM)).events).toHaveLength(1);
    expect(warm.threadIds()).toEqual([kept]);
  }, 60_000);
});
