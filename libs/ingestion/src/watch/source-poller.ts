import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DomainError, DomainErrorCode, type RequestContext, Source } from '@dyad/domain';
import type { Language } from '@dyad/extraction';
import { DataSource, type EntityManager } from 'typeorm';
import { contentHash, IngestionService } from '../ingestion.service.js';
import { validateNewsItemInput } from '../ingest-input.js';
import type { NewsItemInput } from '../news-item-input.js';
import { withArticleText } from '../read-news-item.js';
import type { AllowPrivate } from '../sources/address-policy.js';
import { readSources, readWatchedUrl } from '../sources/read-sources.js';
import type { SourceItem } from '../sources/source-item.js';
import { nextPollAfterFailure } from './backoff.js';
import { isUnderAny, SOURCE_OPTIONS, type SourceOptions } from './source.service.js';

/** Nest token for the outbound-request policy the poller fetches under (DYAD_FETCH_ALLOW_PRIVATE). */
export const POLLER_OPTIONS = Symbol('POLLER_OPTIONS');

export interface PollerOptions {
  allowPrivate?: AllowPrivate;
}

/** What reading a source gave: the poll's id and the keys of the entries now waiting to be ingested. */
export interface PollStart {
  pollId: string;
  status: 'READ' | 'NOT_MODIFIED' | 'FAILED';
  fetched: number;
  pendingKeys: string[];
  error: string | null;
}

export interface IngestedCounts {
  new: number;
  duplicate: number;
  failed: number;
}

// One statement inserting a whole feed's entries: bounded so a 1,000-item feed is a handful of statements.
const INSERT_CHUNK = 200;

/**
 * Polls watched sources in two steps, each its own short transaction, so a job queue can run them apart:
 * `read` downloads (conditional GET through the guarded fetch path) and parses, then records the poll and
 * every entry not seen before as PENDING with its input; `ingestPending` ingests given PENDING entries one
 * by one through IngestionService.ingest (one transaction per item). A crash between the two loses nothing:
 * PENDING entries stay until ingested, and an entry's key is never ingested twice.
 */
@Injectable()
export class SourcePoller {
  private readonly logger = new Logger('SourcePoller');

  constructor(
    private readonly dataSource: DataSource,
    private readonly ingestion: IngestionService,
    @Optional() @Inject(POLLER_OPTIONS) private readonly options: PollerOptions = {},
    @Optional() @Inject(SOURCE_OPTIONS) private readonly sourceOptions: SourceOptions = {},
  ) {}

  /**
   * `onRecorded` runs inside the transaction that records the entries (the job queue adds the jobs that
   * ingest them there, so both commit or neither does).
   */
  async read(
    _ctx: RequestContext,
    sourceId: string,
    onRecorded?: (manager: EntityManager, pendingKeys: string[]) => Promise<void>,
  ): Promise<PollStart> {
    const source = await this.dataSource.manager.findOne(Source, { where: { id: sourceId } });
    if (!source) throw DomainError.notFound('source', sourceId);
    const pollId = randomUUID();
    const started = new Date();
    const read = await this.download(source);

    return this.dataSource.transaction(async (manager) => {
      // Two pollers of one source (a manual poll during a scheduled one) take turns.
      const locked = await manager.findOne(Source, { where: { id: sourceId }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw DomainError.notFound('source', sourceId);
      const poll = { lastPollId: pollId, lastPolledAt: started };
      if (read.status === 'FAILED') {
        const failures = locked.consecutiveFailures + 1;
        await manager.update(Source, { id: sourceId }, {
          ...poll, lastFetched: 0, lastSeenBefore: 0, lastNotModified: false, lastError: read.reason,
          consecutiveFailures: failures, nextPollAt: nextPollAfterFailure(started, locked.pollIntervalMinutes, failures),
        });
        return { pollId, status: 'FAILED', fetched: 0, pendingKeys: [], error: read.reason };
      }
      const healthy = {
        ...poll, lastError: null, consecutiveFailures: 0, nextPollAt: new Date(started.getTime() + locked.pollIntervalMinutes * 60_000),
      };
      if (read.status === 'NOT_MODIFIED') {
        await manager.update(Source, { id: sourceId }, { ...healthy, lastFetched: 0, lastSeenBefore: 0, lastNotModified: true });
        return { pollId, status: 'NOT_MODIFIED', fetched: 0, pendingKeys: [], error: null };
      }
      const { pendingKeys, seenBefore } = await this.recordEntries(manager, locked, pollId, read.items);
      await manager.update(Source, { id: sourceId }, {
        ...healthy, lastFetched: read.items.length, lastSeenBefore: seenBefore, lastNotModified: false,
        // Stored with the entries they cover: a 304 next time is safe only once these are recorded.
        etag: read.etag, lastModified: read.lastModified,
      });
      await onRecorded?.(manager, pendingKeys);
      return { pollId, status: 'READ', fetched: read.items.length, pendingKeys, error: null };
    });
  }

  /** Keys of entries still waiting, oldest first (left by a crash, or queued and not yet run). */
  async pendingKeys(sourceId: string): Promise<string[]> {
    const rows: { key: string }[] = await this.dataSource.query(
      `SELECT key FROM source_entry WHERE source_id = $1 AND status = 'PENDING' ORDER BY seen_at, origin`,
      [sourceId],
    );
    return rows.map((row) => row.key);
  }

  /**
   * Ingests the given PENDING entries of a source, each in its own transaction; entries already done are
   * skipped, so running the same batch again (a retried job) ingests nothing twice. An entry Dyad refuses
   * (bad input) is FAILED with the reason; any other error stops the batch and is thrown, to be retried.
   */
  async ingestPending(ctx: RequestContext, sourceId: string, keys: string[], options: { retry?: boolean } = {}): Promise<IngestedCounts> {
    const counts: IngestedCounts = { new: 0, duplicate: 0, failed: 0 };
    for (const key of keys) {
      const [entry]: { input: NewsItemInput; origin: string; seen_at: Date }[] = await this.dataSource.query(
        `SELECT input, origin, seen_at FROM source_entry WHERE source_id = $1 AND key = $2 AND status = 'PENDING'`,
        [sourceId, key],
      );
      if (!entry) continue;
      let outcome: { status: 'NEW' | 'DUPLICATE' | 'FAILED'; newsItemId: string | null; error: string | null };
      try {
        const result = await this.ingestion.ingest(ctx, entry.input);
        let status: 'NEW' | 'DUPLICATE' = result.status;
        // Only a run after a failed or killed one can have stored the item without marking its entry.
        if (status === 'DUPLICATE' && options.retry && (await this.ingestedForThisEntry(result.newsItemId, sourceId, key, entry.seen_at))) {
          status = 'NEW';
        }
        outcome = { status, newsItemId: result.newsItemId, error: null };
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== DomainErrorCode.InvalidInput) throw error;
        outcome = { status: 'FAILED', newsItemId: null, error: error.message };
      }
      await this.dataSource.transaction(async (manager) => {
        const updated = await manager.query(
          `UPDATE source_entry SET status = $3, news_item_id = $4, error = $5, input = NULL
            WHERE source_id = $1 AND key = $2 AND status = 'PENDING'`,
          [sourceId, key, outcome.status, outcome.newsItemId, outcome.error],
        );
        if (outcome.status === 'NEW' && updated[1] > 0) {
          await manager.query(`UPDATE source SET last_delivered_at = now() WHERE id = $1`, [sourceId]);
        }
      });
      counts[outcome.status === 'NEW' ? 'new' : outcome.status === 'DUPLICATE' ? 'duplicate' : 'failed']++;
    }
    return counts;
  }

  /** Reads the source and ingests what is new, here and now, without the job queue (`dyad` commands, tests). */
  async pollNow(ctx: RequestContext, sourceId: string): Promise<PollStart> {
    const start = await this.read(ctx, sourceId);
    // Also what an earlier, interrupted poll left waiting.
    await this.ingestPending(ctx, sourceId, await this.pendingKeys(sourceId));
    return start;
  }

  /**
   * An item stored by an earlier run of this very entry that died before marking it (a killed worker):
   * ingestion then answers DUPLICATE, but the news item is this entry's: stored after the entry was read
   * and claimed by no other entry.
   */
  private async ingestedForThisEntry(newsItemId: string, sourceId: string, key: string, seenAt: Date): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT 1 FROM news_item n WHERE n.id = $1 AND n.ingested_at >= $2
          AND NOT EXISTS (SELECT 1 FROM source_entry e WHERE e.news_item_id = n.id AND NOT (e.source_id = $3 AND e.key = $4))`,
      [newsItemId, seenAt, sourceId, key],
    );
    return Boolean(row);
  }

  private async download(source: Source) {
    if (source.kind === 'FOLDER') return this.readFolder(source);
    const read = await readWatchedUrl(source.location, source.kind === 'JSON_LINES' ? 'jsonl' : 'feed', {
      allowPrivate: this.options.allowPrivate,
      etag: source.etag,
      lastModified: source.lastModified,
    });
    if (read.status === 'FAILED' && read.detail) this.logger.warn(`source ${source.id} (${source.location}): ${read.detail}`);
    return read;
  }

  private async readFolder(source: Source): Promise<Awaited<ReturnType<typeof readWatchedUrl>>> {
    // Checked again at every poll: the operator may have narrowed DYAD_SOURCE_FOLDERS since.
    if (!(await isUnderAny(source.location, this.sourceOptions.folderRoots ?? []))) {
      return { status: 'FAILED', reason: `${source.location} is no longer inside the folders allowed by DYAD_SOURCE_FOLDERS` };
    }
    const items: SourceItem[] = [];
    for await (const item of readSources([source.location])) items.push(item);
    if (items.length === 1 && !items[0].ok && items[0].origin === source.location) return { status: 'FAILED', reason: items[0].reason };
    return { status: 'READ', items, etag: null, lastModified: null };
  }

  private async recordEntries(manager: EntityManager, source: Source, pollId: string, items: SourceItem[]) {
    const entries = new Map<string, { origin: string; status: 'PENDING' | 'FAILED'; input: NewsItemInput | null; error: string | null }>();
    for (const item of items) {
      if (!item.ok) {
        entries.set(`failed:${item.origin}`, { origin: item.origin, status: 'FAILED', input: null, error: item.reason });
        continue;
      }
      const input = withSourceDefaults(item.input, source);
      // Refused now (NUL bytes, a bad date…) rather than stored and refused at ingestion.
      const invalid = validationError(input);
      if (invalid) {
        entries.set(`failed:${item.input.origin ?? source.location}`, { origin: item.input.origin ?? source.location, status: 'FAILED', input: null, error: invalid });
        continue;
      }
      // An entry is known by its URL, else by its text: a feed that re-sends it (or reorders) adds nothing.
      const key = input.url ? `url:${input.url}` : `hash:${contentHash(input.text ?? input.html ?? '')}`;
      if (!entries.has(key)) entries.set(key, { origin: item.input.origin ?? source.location, status: 'PENDING', input, error: null });
    }
    const keys = [...entries.keys()];
    const known = new Set<string>(
      keys.length
        ? (await manager.query(`SELECT key FROM source_entry WHERE source_id = $1 AND key = ANY($2)`, [source.id, keys])).map((r: { key: string }) => r.key)
        : [],
    );
    const fresh = keys.filter((key) => !known.has(key));
    for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
      const chunk = fresh.slice(i, i + INSERT_CHUNK).map((key) => ({ key, ...entries.get(key)! }));
      await manager.query(
        `INSERT INTO source_entry (source_id, key, poll_id, status, origin, error, input)
         SELECT $1, e.key, $2, e.status::source_entry_status, e.origin, e.error, e.input
           FROM jsonb_to_recordset($3::jsonb) AS e(key text, status text, origin text, error text, input jsonb)
         ON CONFLICT (source_id, key) DO NOTHING`,
        [source.id, pollId, JSON.stringify(chunk)],
      );
    }
    return {
      pendingKeys: fresh.filter((key) => entries.get(key)!.status === 'PENDING'),
      seenBefore: items.length - fresh.length,
    };
  }
}

function validationError(input: NewsItemInput): string | null {
  try {
    validateNewsItemInput(withArticleText(input));
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
}

/** Every item carries the source's publisher; language and country fill in what the item does not say. */
function withSourceDefaults(input: NewsItemInput, source: Source): NewsItemInput {
  return {
    ...input,
    publisher: source.publisher,
    language: input.language ?? (source.language as Language | null),
    publisherCountry: input.publisherCountry ?? source.publisherCountryCode,
  };
}
