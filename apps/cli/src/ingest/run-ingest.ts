import { PartyLocks, RequestContext } from '@dyad/domain';
import type { BatchItemOutcome, IngestOutcome, NewsItemInput, PreparedItem, SourceItem } from '@dyad/ingestion';

/** What `runIngest` needs of the ingestion service; tests pass a fake. */
export interface Ingestor {
  ingest(ctx: RequestContext, input: NewsItemInput): Promise<IngestOutcome>;
}

/** What batch ingestion needs of the ingestion service (IngestionService). */
export interface BatchIngestor {
  prepare(input: NewsItemInput): Promise<PreparedItem | { duplicateOf: string }>;
  ingestPrepared(ctx: RequestContext, items: readonly (PreparedItem | { duplicateOf: string })[]): Promise<BatchItemOutcome[]>;
}

export interface IngestFailure {
  origin: string;
  reason: string;
}

export interface IngestSummary {
  read: number;
  new: number;
  duplicates: number;
  meetingsCreated: number;
  meetingsMerged: number;
  proposalsCreated: number;
  proposalsAdvanced: number;
  followUpsClosed: number;
  /** New items with an event of unknown date (no date in the text, none given): stored undated. */
  undatedItems: number;
  /** The first UNDATED_LISTED of them. */
  undatedOrigins: string[];
  failed: number;
  failures: IngestFailure[];
}

export const UNDATED_LISTED = 20;

/** How to date items that carry no date, for the summary (text and JSON). */
export const HOW_TO_DATE =
  'give a date with --published-at YYYY-MM-DD (for every item that carries none), a "publishedAt" field per line in ' +
  'JSON Lines (or a pubDate in a feed), or a dateline in the text ("ASTANA, April 13, 2025 –")';

export interface IngestReporter {
  /** Called after each item with the running totals. */
  progress(summary: Readonly<IngestSummary>): void;
  /** Called once at the end, before the summary is printed. */
  done(summary: Readonly<IngestSummary>): void;
}

export const emptySummary = (): IngestSummary => ({
  read: 0,
  new: 0,
  duplicates: 0,
  meetingsCreated: 0,
  meetingsMerged: 0,
  proposalsCreated: 0,
  proposalsAdvanced: 0,
  followUpsClosed: 0,
  undatedItems: 0,
  undatedOrigins: [],
  failed: 0,
  failures: [],
});

/**
 * Ingests every item the sources give, one at a time; an unreadable source or an item the service
 * refuses (or fails on) is counted as a failure with its reason, and the batch goes on.
 */
export async function runIngest(
  sources: AsyncIterable<SourceItem>,
  ingestor: Ingestor,
  reporter?: IngestReporter,
  ctx: RequestContext = RequestContext.system(),
): Promise<IngestSummary> {
  const summary = emptySummary();
  const fail = (origin: string, reason: string) => {
    summary.failed++;
    summary.failures.push({ origin, reason });
  };
  for await (const item of sources) {
    summary.read++;
    if (!item.ok) {
      // The operator at the terminal may see why a download was refused; API callers never do.
      fail(item.origin, item.detail ? `${item.reason} (${item.detail})` : item.reason);
    } else {
      try {
        accountItem(summary, item.input, await ingestor.ingest(ctx, item.input));
      } catch (error) {
        fail(originOf(item.input), messageOf(error));
      }
    }
    reporter?.progress(summary);
  }
  reporter?.done(summary);
  return summary;
}

export interface BatchOptions {
  /** Items stored per transaction, at most (with several writers, per writer batchSize / writers). */
  batchSize: number;
  /**
   * Transactions stored at once (each on a connection of its own), over items whose linking locks do not
   * conflict (other countries); 1 by default.
   */
  writers?: number;
  /** Items read and extracted at once, at most (the extraction pool refuses a longer queue). */
  ahead?: number;
  reporter?: IngestReporter;
  ctx?: RequestContext;
}

type Prepared = PreparedItem | { duplicateOf: string } | Error;
type Pending = { origin: string; input: NewsItemInput | null; prepared: Promise<Prepared> };
type Ready = { entry: Pending; prepared: Prepared };

/**
 * Ingests every item the sources give, up to `batchSize` items per transaction, each item in a savepoint of
 * its own: one item refused or failing is counted with its reason and the rest of its batch still lands. Items
 * are read and extracted ahead (on the extraction pool) while earlier batches are stored. With `writers` > 1,
 * up to that many batches are stored at once: a batch takes, in order, the waiting items whose locks conflict
 * neither with a batch being stored nor with an item it left behind, so items about the same countries keep
 * their order and batches never wait for each other's locks.
 */
export async function runIngestBatched(sources: AsyncIterable<SourceItem>, ingestor: BatchIngestor, options: BatchOptions): Promise<IngestSummary> {
  const { batchSize, writers = 1, ahead = 16, reporter, ctx = RequestContext.system() } = options;
  const summary = emptySummary();
  const limit = limiter(Math.max(1, ahead));
  const account = (batch: Ready[], outcomes: BatchItemOutcome[]) => {
    let next = 0;
    for (const { entry, prepared } of batch) {
      summary.read++;
      const outcome = prepared instanceof Error ? ({ ok: false, error: prepared } as const) : outcomes[next++];
      if (outcome.ok) accountItem(summary, entry.input!, outcome.outcome);
      else {
        summary.failed++;
        summary.failures.push({ origin: entry.origin, reason: messageOf(outcome.error) });
      }
      reporter?.progress(summary);
    }
  };
  const store = async (batch: Ready[]) => {
    const ready = batch.map((r) => r.prepared).filter((p): p is PreparedItem | { duplicateOf: string } => !(p instanceof Error));
    let outcomes: BatchItemOutcome[];
    try {
      outcomes = ready.length ? await ingestor.ingestPrepared(ctx, ready) : [];
    } catch (error) {
      // The batch's transaction failed as a whole (the database went away): every item in it failed.
      outcomes = ready.map(() => ({ ok: false, error: error instanceof Error ? error : new Error(String(error)) }));
    }
    account(batch, outcomes);
  };

  const waiting: Pending[] = [];
  // the batches being stored, with the locks each holds
  const storing = new Map<Promise<void>, PartyLocks>();
  // Starts one batch when a writer is free and some waiting item can go; else waits for a batch to finish.
  const dispatch = async () => {
    const batch = storing.size < writers ? await nextBatch(waiting, [...storing.values()], perBatch) : null;
    if (!batch) {
      await Promise.race(storing.keys());
      return;
    }
    const locks = new PartyLocks();
    for (const { prepared } of batch.items) if (hasLocks(prepared)) locks.add(prepared.locks);
    const done: Promise<void> = store(batch.items).finally(() => storing.delete(done));
    storing.set(done, locks);
  };
  // The batches being stored hold at most `batchSize` items together (smaller batches find room beside the
  // others more often), and twice that many wait, so that each writer finds some apart from the others'.
  const perBatch = Math.ceil(batchSize / writers);
  const window = writers > 1 ? 2 * batchSize : batchSize;
  for await (const item of sources) {
    if (!item.ok) {
      const reason = item.detail ? `${item.reason} (${item.detail})` : item.reason;
      waiting.push({ origin: item.origin, input: null, prepared: Promise.resolve(new Error(reason)) });
    } else {
      const input = item.input;
      waiting.push({ origin: originOf(input), input, prepared: limit(() => ingestor.prepare(input)).catch((error) => (error instanceof Error ? error : new Error(String(error)))) });
    }
    while (waiting.length >= window) await dispatch();
  }
  while (waiting.length) await dispatch();
  await Promise.all(storing.keys());
  reporter?.done(summary);
  return summary;
}

const hasLocks = (prepared: Prepared): prepared is PreparedItem => !(prepared instanceof Error) && 'locks' in prepared && !!prepared.locks;

/**
 * Takes out of `waiting`, in order, up to `size` items that can be stored beside the batches holding `busy`:
 * an item whose locks conflict with those, or with an item passed over (its turn comes first), stays. Null
 * when none can go.
 */
async function nextBatch(waiting: Pending[], busy: PartyLocks[], size: number): Promise<{ items: Ready[] } | null> {
  const items: Ready[] = [];
  const passedOver = new PartyLocks();
  const left: Pending[] = [];
  for (const entry of waiting) {
    if (items.length >= size) {
      left.push(entry);
      continue;
    }
    const prepared = await entry.prepared;
    if (hasLocks(prepared) && (busy.some((locks) => locks.conflictsWith(prepared.locks)) || passedOver.conflictsWith(prepared.locks))) {
      passedOver.add(prepared.locks);
      left.push(entry);
    } else items.push({ entry, prepared });
  }
  if (!items.length) return null;
  waiting.splice(0, waiting.length, ...left);
  return { items };
}

function accountItem(summary: IngestSummary, input: NewsItemInput, outcome: IngestOutcome): void {
  if (outcome.status === 'DUPLICATE') summary.duplicates++;
  else summary.new++;
  summary.meetingsCreated += outcome.meetingsCreated;
  summary.meetingsMerged += outcome.meetingsMerged;
  summary.proposalsCreated += outcome.proposalsCreated;
  summary.proposalsAdvanced += outcome.proposalsAdvanced;
  summary.followUpsClosed += outcome.followUpsClosed;
  if (outcome.undatedEvents > 0) {
    summary.undatedItems++;
    if (summary.undatedOrigins.length < UNDATED_LISTED) summary.undatedOrigins.push(originOf(input));
  }
}

// At most `n` tasks running; the others start in order as those finish.
function limiter(n: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

const messageOf = (error: unknown) => oneLine(error instanceof Error ? error.message : String(error));

const originOf = (input: NewsItemInput) => input.origin ?? input.url ?? '(unnamed item)';

const oneLine = (message: string) => message.replace(/\s*\n\s*/g, ' ').trim() || 'failed with no message';

export const progressLine = (s: Readonly<IngestSummary>) =>
  `ingest: ${s.read} read, ${s.new} new, ${s.duplicates} duplicates, ${s.failed} failed`;

interface ProgressStream {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

/**
 * Progress on stderr: rewritten in place on a terminal; elsewhere (logs, CI) a line every `every` items or
 * `intervalMs`, and only for runs longer than `quietUpTo` items so small runs stay quiet.
 */
export function createProgressReporter(
  stream: ProgressStream,
  { every = 25, intervalMs = 1000, quietUpTo = 20, now = () => Date.now() } = {},
): IngestReporter {
  let last = now();
  let shown = false;
  return {
    progress(summary) {
      const t = now();
      if (stream.isTTY) {
        if (t - last < 100 && summary.read % every !== 0) return;
        stream.write(`\r${progressLine(summary)}\u001b[K`);
        shown = true;
      } else {
        if (summary.read <= quietUpTo) return;
        if (summary.read % every !== 0 && t - last < intervalMs) return;
        stream.write(`${progressLine(summary)}\n`);
      }
      last = t;
    },
    done(summary) {
      if (shown) stream.write(`\r${progressLine(summary)}\u001b[K\n`);
    },
  };
}

/** The summary as printed on stdout: counts, then each failure on its own line. */
export function formatIngestSummary(s: Readonly<IngestSummary>): string {
  const rows: [string, number][] = [
    ['items read', s.read],
    ['new', s.new],
    ['duplicates', s.duplicates],
    ['meetings created', s.meetingsCreated],
    ['meetings merged', s.meetingsMerged],
    ['proposals created', s.proposalsCreated],
    ['proposals advanced', s.proposalsAdvanced],
    ['follow-ups closed', s.followUpsClosed],
    ['items with no date', s.undatedItems],
    ['failed', s.failed],
  ];
  const width = Math.max(...rows.map(([, n]) => String(n).length));
  const lines = rows.map(([label, n]) => `${label.padEnd(19)}${String(n).padStart(width)}`);
  if (s.undatedItems) {
    lines.push('', 'items with no date (their meetings are stored with the date unknown and left out of per-period charts):');
    for (const origin of s.undatedOrigins) lines.push(`  ${origin}`);
    if (s.undatedItems > s.undatedOrigins.length) lines.push(`  … and ${s.undatedItems - s.undatedOrigins.length} more`);
    lines.push(`  to date them, ${HOW_TO_DATE}`);
  }
  if (s.failures.length) {
    lines.push('', 'failures:');
    for (const f of s.failures) lines.push(`  ${f.origin}: ${f.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
