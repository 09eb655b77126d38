import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { AuditService, DomainError, isDateInRange, NewsItemRepository, PartyLocks, type RequestContext } from '@dyad/domain';
import { type ExtractionResult, normalizeForSearch } from '@dyad/extraction';
import { DataSource, type EntityManager } from 'typeorm';
import { extractionPool } from './extraction/extraction-pool.js';
import type { ValidItem } from './ingest-input.js';
import { Linker } from './linking/linker.js';
import { linkingLocks } from './linking/linking-locks.js';
import { readNewsItem } from './read-news-item.js';
import type { AllowPrivate } from './sources/address-policy.js';
import { titleFromText } from './title-from-text.js';
import type { IngestOutcome, NewsItemInput } from './news-item-input.js';

/** Nest token for IngestionOptions. */
export const INGESTION_OPTIONS = Symbol('INGESTION_OPTIONS');

export interface IngestionOptions {
  /** Non-public addresses items may be fetched from (DYAD_FETCH_ALLOW_PRIVATE); none by default. */
  allowPrivate?: AllowPrivate;
}

export interface ExtractionPreview {
  /** The text the offsets index into (the article text when HTML or a URL was given). */
  text: string;
  result: ExtractionResult;
}

/** Bumped when extraction rules change, so items can be re-extracted by version. */
export const EXTRACTOR_VERSION = 'dyad-extraction/1';

/** An item read and extracted, ready to be stored: all of it done outside any transaction. */
export interface PreparedItem {
  item: ValidItem;
  hash: string;
  searchKey: string;
  result: ExtractionResult;
}

/** What became of one item of a batch: its outcome, or why it was refused (the rest of the batch still lands). */
export type BatchItemOutcome = { ok: true; outcome: IngestOutcome } | { ok: false; error: Error };

// A transaction that lost a deadlock (two items racing on one new actor or one text) is tried again.
const RETRIED = new Set(['40P01', '40001']);
const ATTEMPTS = 3;
const INLINE_SEARCH_KEY_CHARS = 64 * 1024;

/** Same story, same hash: whitespace, ZWNJs, letter variants and digit sets do not matter. */
export function contentHash(text: string): string {
  return hashOfKey(searchKeyOf(text));
}

const searchKeyOf = (text: string) => normalizeForSearch(text).toLowerCase();
const hashOfKey = (key: string) => createHash('sha256').update(key).digest('hex');

@Injectable()
export class IngestionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Optional() @Inject(INGESTION_OPTIONS) private readonly options: IngestionOptions = {},
  ) {}

  /** What ingesting the item would extract; nothing is stored. */
  async preview(input: NewsItemInput): Promise<ExtractionPreview> {
    const item = await readNewsItem(input, this.options.allowPrivate);
    return { text: item.text, result: await extractItem(item) };
  }

  /**
   * Stores a news item and links what it reports, all in one transaction; the same item again changes nothing.
   * Reading and extraction happen first, outside the transaction; linking then holds locks only on the sets
   * of countries the item is about, so items about other countries are stored at the same time.
   */
  async ingest(ctx: RequestContext, input: NewsItemInput): Promise<IngestOutcome> {
    const prepared = await this.prepare(input);
    if ('duplicateOf' in prepared) return duplicate(prepared.duplicateOf);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (manager) => {
          await withoutJit(manager);
          return this.store(ctx, manager, prepared, true);
        });
      } catch (error) {
        if (attempt >= ATTEMPTS || !RETRIED.has((error as { code?: string }).code ?? '')) throw error;
      }
    }
  }

  /**
   * Reads, checks and extracts an item (off the event loop, on the extraction pool), or finds it already stored.
   * Refuses a bad item with a DomainError naming the field.
   */
  async prepare(input: NewsItemInput): Promise<PreparedItem | { duplicateOf: string }> {
    const item = await readNewsItem(input, this.options.allowPrivate);
    // The text's normalised key serves both the duplicate check and search: computed once, off the event loop
    // for a long text (seconds for 5 MB), in place for a short one (well under a millisecond, less than a
    // trip to a worker thread).
    const textKey = item.text.length <= INLINE_SEARCH_KEY_CHARS ? searchKeyOf(item.text) : await extractionPool().searchKey(item.text);
    const hash = hashOfKey(textKey);
    const found = await new NewsItemRepository(this.dataSource.manager).findDuplicate(item.url, hash);
    if (found) return { duplicateOf: found };
    const knownCountries = await this.knownCountries();
    if (item.publisherCountry && !knownCountries.has(item.publisherCountry)) {
      throw DomainError.invalid(`publisherCountry ${item.publisherCountry} is not an ISO 3166-1 country`, { field: 'publisherCountry' });
    }
    const result = await extractItem(item);
    // an item with no title line takes its first sentence, so lists never show it untitled
    const title = item.title ?? result.title ?? titleFromText(item.text);
    return { item, hash, searchKey: title ? `${searchKeyOf(title)} ${textKey}` : textKey, result };
  }

  /**
   * Stores prepared items in one transaction, each in a savepoint: an item that fails is rolled back alone and
   * reported, the others land. The locks of every item are taken first, in one order, so batches and single
   * items never wait on each other in a circle.
   */
  async ingestPrepared(ctx: RequestContext, items: readonly (PreparedItem | { duplicateOf: string })[]): Promise<BatchItemOutcome[]> {
    const knownCountries = await this.knownCountries();
    const locks = new PartyLocks();
    for (const item of items) if ('result' in item) locks.add(linkingLocks(item.result.events, knownCountries));
    return this.dataSource.transaction(async (manager) => {
      await withoutJit(manager);
      await locks.acquire(manager);
      const outcomes: BatchItemOutcome[] = [];
      for (const item of items) {
        if ('duplicateOf' in item) {
          outcomes.push({ ok: true, outcome: duplicate(item.duplicateOf) });
          continue;
        }
        await manager.query('SAVEPOINT ingest_item');
        try {
          outcomes.push({ ok: true, outcome: await this.store(ctx, manager, item, false) });
          await manager.query('RELEASE SAVEPOINT ingest_item');
        } catch (error) {
          await manager.query('ROLLBACK TO SAVEPOINT ingest_item');
          outcomes.push({ ok: false, error: error instanceof Error ? error : new Error(String(error)) });
        }
      }
      return outcomes;
    });
  }

  private async store(ctx: RequestContext, manager: EntityManager, prepared: PreparedItem, lock: boolean): Promise<IngestOutcome> {
    const { item, result } = prepared;
    const publishedAt = item.publishedAt ?? result.publishedAt;
    const title = item.title ?? result.title ?? titleFromText(item.text);
    const newsItems = new NewsItemRepository(manager);
    // Another transaction storing the same text or URL is waited for; then this one is the duplicate.
    const newsItemId = await newsItems.insertIfNew({
      url: item.url,
      title,
      body: item.text,
      searchKey: prepared.searchKey,
      language: result.language,
      publishedAt,
      publisher: item.publisher,
      publisherCountryCode: item.publisherCountry ?? (result.language === 'fa' ? 'IR' : null),
      contentHash: prepared.hash,
      extractorVersion: EXTRACTOR_VERSION,
    });
    if (!newsItemId) {
      const found = await newsItems.findDuplicate(item.url, prepared.hash);
      if (!found) throw DomainError.unavailable('the same item is being stored by another request; try again');
      return duplicate(found);
    }
    const knownCountries = await this.knownCountries();
    if (lock) await linkingLocks(result.events, knownCountries).acquire(manager);
    // No date is made up: an item with none of its own gives undated facts (see Linker).
    const linker = new Linker(manager, { id: newsItemId, body: item.text, publishedAt }, knownCountries);
    for (const event of result.events) await linker.linkEvent(event);
    const counters = await linker.finish();
    await this.audit.record(ctx, manager, {
      action: 'newsItem.ingest',
      entityType: 'NewsItem',
      entityId: newsItemId,
      after: { title, url: item.url, publishedAt, events: result.events.length, ...counters },
    });
    return { status: 'NEW', newsItemId, ...counters };
  }

  // ISO 3166-1 changes only with a migration; read it once per service.
  private countries?: Promise<Set<string>>;

  private knownCountries(): Promise<Set<string>> {
    this.countries ??= this.dataSource
      .query(`SELECT code FROM country`)
      .then((rows: { code: string }[]) => new Set(rows.map((row) => row.code)));
    return this.countries;
  }
}

// Linking runs many short statements: compiling them (JIT) or starting parallel workers costs more than they do.
async function withoutJit(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`);
}

const duplicate = (newsItemId: string): IngestOutcome => ({ status: 'DUPLICATE', newsItemId, ...noChanges() });

/**
 * Extraction on the shared worker pool (off the event loop, with a time budget). A date outside the range
 * the system stores (a misread year) counts as unknown.
 */
async function extractItem(item: ValidItem): Promise<ExtractionResult> {
  const result = await extractionPool().extract(item.text, {
    publishedAt: item.publishedAt ?? undefined,
    lang: item.language ?? undefined,
    publisherCountry: item.publisherCountry ?? undefined,
  });
  const sane = (date: string | null) => (date && isDateInRange(date) ? date : null);
  return {
    ...result,
    publishedAt: sane(result.publishedAt),
    events: result.events.map((event) => ({
      ...event,
      ...(sane(event.date) ? {} : { date: null, dateSource: null }),
      followUps: event.followUps.map((followUp) => ({ ...followUp, dueDate: sane(followUp.dueDate) })),
    })),
  };
}

const noChanges = () => ({
  meetingsCreated: 0, meetingsMerged: 0, proposalsCreated: 0, proposalsAdvanced: 0, followUpsClosed: 0, undatedEvents: 0,
});

