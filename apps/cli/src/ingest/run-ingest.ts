import { RequestContext } from '@dyad/domain';
import type { IngestOutcome, NewsItemInput, SourceItem } from '@dyad/ingestion';

/** What `runIngest` needs of the ingestion service; tests pass a fake. */
export interface Ingestor {
  ingest(ctx: RequestContext, input: NewsItemInput): Promise<IngestOutcome>;
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
        const outcome = await ingestor.ingest(ctx, item.input);
        if (outcome.status === 'DUPLICATE') summary.duplicates++;
        else summary.new++;
        summary.meetingsCreated += outcome.meetingsCreated;
        summary.meetingsMerged += outcome.meetingsMerged;
        summary.proposalsCreated += outcome.proposalsCreated;
        summary.proposalsAdvanced += outcome.proposalsAdvanced;
        summary.followUpsClosed += outcome.followUpsClosed;
        if (outcome.undatedEvents > 0) {
          summary.undatedItems++;
          if (summary.undatedOrigins.length < UNDATED_LISTED) summary.undatedOrigins.push(originOf(item.input));
        }
      } catch (error) {
        fail(originOf(item.input), oneLine(error instanceof Error ? error.message : String(error)));
      }
    }
    reporter?.progress(summary);
  }
  reporter?.done(summary);
  return summary;
}

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
