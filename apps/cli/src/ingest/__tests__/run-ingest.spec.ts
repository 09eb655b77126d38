import { RequestContext } from '@dyad/domain';
import type { IngestOutcome, NewsItemInput, SourceItem } from '@dyad/ingestion';
import { describe, expect, it } from 'vitest';
import {
  createProgressReporter,
  emptySummary,
  formatIngestSummary,
  type Ingestor,
  type IngestSummary,
  runIngest,
} from '../run-ingest.js';

const outcome = (over: Partial<IngestOutcome> = {}): IngestOutcome => ({
  status: 'NEW',
  newsItemId: 'id',
  meetingsCreated: 0,
  meetingsMerged: 0,
  proposalsCreated: 0,
  proposalsAdvanced: 0,
  followUpsClosed: 0,
  undatedEvents: 0,
  ...over,
});

const item = (origin: string, text = `text of ${origin}`): SourceItem => ({ ok: true, input: { origin, text } });

async function* from(items: SourceItem[]): AsyncGenerator<SourceItem> {
  yield* items;
}

// A fake service: answers by origin (throwing when the answer is an Error) and records what it was given.
function fakeIngestor(answers: Record<string, IngestOutcome | Error>) {
  const calls: { ctx: RequestContext; input: NewsItemInput }[] = [];
  const ingestor: Ingestor = {
    async ingest(ctx, input) {
      calls.push({ ctx, input });
      const answer = answers[input.origin ?? ''] ?? outcome();
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return { ingestor, calls };
}

describe('runIngest', () => {
  it('adds up the outcomes of new and duplicate items', async () => {
    const { ingestor } = fakeIngestor({
      a: outcome({ meetingsCreated: 1, proposalsCreated: 3 }),
      b: outcome({ meetingsMerged: 1, proposalsAdvanced: 2, followUpsClosed: 1 }),
      c: outcome({ status: 'DUPLICATE' }),
    });
    const summary = await runIngest(from([item('a'), item('b'), item('c')]), ingestor);
    expect(summary).toEqual({
      ...emptySummary(),
      read: 3,
      new: 2,
      duplicates: 1,
      meetingsCreated: 1,
      meetingsMerged: 1,
      proposalsCreated: 3,
      proposalsAdvanced: 2,
      followUpsClosed: 1,
    });
  });

  it('passes each input as read, with the system context', async () => {
    const { ingestor, calls } = fakeIngestor({});
    await runIngest(from([item('a', 'Alpha')]), ingestor);
    expect(calls).toHaveLength(1);
    expect(calls[0].input).toEqual({ origin: 'a', text: 'Alpha' });
    expect(calls[0].ctx.caller).toBeNull();
  });

  it('counts unreadable sources as failures with their origin and reason', async () => {
    const { ingestor, calls } = fakeIngestor({});
    const summary = await runIngest(from([{ ok: false, origin: 'x.bin', reason: 'binary' }, item('a')]), ingestor);
    expect(summary).toMatchObject({ read: 2, new: 1, failed: 1, failures: [{ origin: 'x.bin', reason: 'binary' }] });
    expect(calls).toHaveLength(1);
  });

  it('catches an error thrown for one item and goes on with the batch', async () => {
    const { ingestor, calls } = fakeIngestor({ b: new Error('publisherCountry XX is not an ISO 3166-1 country\nmore') });
    const summary = await runIngest(from([item('a'), item('b'), item('c')]), ingestor);
    expect(calls.map((c) => c.input.origin)).toEqual(['a', 'b', 'c']);
    expect(summary).toMatchObject({
      read: 3,
      new: 2,
      failed: 1,
      failures: [{ origin: 'b', reason: 'publisherCountry XX is not an ISO 3166-1 country more' }],
    });
  });

  it('names a failed item without an origin by its URL', async () => {
    const ingestor: Ingestor = { ingest: async () => Promise.reject(new Error('boom')) };
    const summary = await runIngest(from([{ ok: true, input: { url: 'https://x.example/1', text: 't' } }]), ingestor);
    expect(summary.failures).toEqual([{ origin: 'https://x.example/1', reason: 'boom' }]);
  });

  it('reports progress after every item and once at the end', async () => {
    const { ingestor } = fakeIngestor({});
    const seen: number[] = [];
    let done: IngestSummary | undefined;
    await runIngest(from([item('a'), item('b')]), ingestor, {
      progress: (s) => seen.push(s.read),
      done: (s) => {
        done = { ...s };
      },
    });
    expect(seen).toEqual([1, 2]);
    expect(done?.read).toBe(2);
  });
});

describe('createProgressReporter', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { isTTY, written, write: (chunk: string) => written.push(chunk) };
  };
  const at = (read: number) => ({ ...emptySummary(), read, new: read });

  it('stays quiet for a short run when stderr is not a terminal', () => {
    const out = stream(false);
    const reporter = createProgressReporter(out, { now: () => 0 });
    for (let n = 1; n <= 20; n++) reporter.progress(at(n));
    reporter.done(at(20));
    expect(out.written).toEqual([]);
  });

  it('prints a line every 25 items in a long run', () => {
    const out = stream(false);
    const reporter = createProgressReporter(out, { now: () => 0 });
    for (let n = 1; n <= 60; n++) reporter.progress(at(n));
    expect(out.written).toEqual(['ingest: 25 read, 25 new, 0 duplicates, 0 failed\n', 'ingest: 50 read, 50 new, 0 duplicates, 0 failed\n']);
  });

  it('prints a line each second when items are slow', () => {
    const out = stream(false);
    let clock = 0;
    const reporter = createProgressReporter(out, { now: () => clock });
    for (let n = 1; n <= 23; n++) {
      clock += 600;
      reporter.progress(at(n));
    }
    expect(out.written).toEqual(['ingest: 21 read, 21 new, 0 duplicates, 0 failed\n', 'ingest: 23 read, 23 new, 0 duplicates, 0 failed\n']);
  });

  it('rewrites one line on a terminal and ends it', () => {
    const out = stream(true);
    let clock = 0;
    const reporter = createProgressReporter(out, { now: () => clock });
    clock += 200;
    reporter.progress(at(1));
    reporter.done(at(1));
    expect(out.written).toEqual(['\ringest: 1 read, 1 new, 0 duplicates, 0 failed\u001b[K', '\ringest: 1 read, 1 new, 0 duplicates, 0 failed\u001b[K\n']);
  });
});

describe('runIngest: items with no date', () => {
  it('counts new items with an undated event and names them', async () => {
    const { ingestor } = fakeIngestor({ a: outcome({ undatedEvents: 2 }), c: outcome({ status: 'DUPLICATE' }) });
    const summary = await runIngest(from([item('a'), item('b'), item('c')]), ingestor);
    expect(summary).toMatchObject({ undatedItems: 1, undatedOrigins: ['a'] });
  });

  it('says how to give a date, listing at most twenty origins', () => {
    const text = formatIngestSummary({
      ...emptySummary(),
      read: 25,
      new: 25,
      undatedItems: 25,
      undatedOrigins: Array.from({ length: 20 }, (_, i) => `news/${i}.txt`),
    });
    expect(text).toContain('items with no date 25\n');
    expect(text).toContain('\n  news/19.txt\n  … and 5 more\n');
    expect(text).toContain('--published-at YYYY-MM-DD');
    expect(text).toContain('"publishedAt" field');
  });
});

describe('formatIngestSummary', () => {
  it('lists the counts, then each failure on its own line', () => {
    const text = formatIngestSummary({
      ...emptySummary(),
      read: 120,
      new: 98,
      duplicates: 17,
      meetingsCreated: 40,
      failed: 5,
      failures: [
        { origin: 'feed.xml#3', reason: 'feed entry has no text' },
        { origin: 'items.jsonl:7', reason: 'publishedAt must be a real date' },
      ],
    });
    expect(text).toBe(
      [
        'items read         120',
        'new                 98',
        'duplicates          17',
        'meetings created    40',
        'meetings merged      0',
        'proposals created    0',
        'proposals advanced   0',
        'follow-ups closed    0',
        'items with no date   0',
        'failed               5',
        '',
        'failures:',
        '  feed.xml#3: feed entry has no text',
        '  items.jsonl:7: publishedAt must be a real date',
        '',
      ].join('\n'),
    );
  });
});
