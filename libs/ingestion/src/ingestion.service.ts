import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { type AuditRecord, AuditService, DomainError, isDateInRange, type NewNewsItem, NewsItemRepository, PartyLocks, type RequestContext } from '@dyad/domain';
import { type ExtractionResult, normalizeForSearch } from '@dyad/extraction';
import { StatisticsKeeper } from '@dyad/database';
import { DataSource, type EntityManager } from 'typeorm';
import { extractionPool } from './extraction/extraction-pool.js';
import type { ValidItem } from './ingest-input.js';
import { Linker } from './linking/linker.js';
import { LinkingBatch } from './linking/linking-batch.js';
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
  /** Its own title, else the extraction's, else its first sentence (lists never show an item untitled). */
  title: string | null;
  searchKey: string;
  result: ExtractionResult;
  /** The country sets its linking locks (see linkingLocks): items whose locks do not conflict are stored side by side. */
  locks: PartyLocks;
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

  // Ingestion fills a new database fast: its tables are analyzed as they grow (see StatisticsKeeper).
  private readonly statistics = new StatisticsKeeper(this.dataSource);

  /** What ingesting the item would extract; nothing is stored. */
  async preview(input: NewsItemInput): Promise<ExtractionPreview> {
    const item = await readNewsItem(input, this.options.allowPrivate);
    return { text: item.text, result: await extractItem(item) };
  }

  /**
   * Stores a news item and links what it reports; the same item again changes nothing. Reading and extraction
   * happen first, outside any transaction. The item is then stored with the others waiting at that moment, in
   * one transaction (group commit: one lock statement, one commit, one score-rollup pass and one write of their
   * follow-ups and evidence for them all: see LinkingBatch), each
   * as if alone: one that fails is rolled back alone and its error thrown to its caller. Up to WRITERS such
   * transactions run at once, over items whose linking locks do not conflict (items about other countries);
   * an item that conflicts with a transaction in flight waits for the next one, in order.
   */
  async ingest(ctx: RequestContext, input: NewsItemInput): Promise<IngestOutcome> {
    const prepared = await this.prepare(input);
    if ('duplicateOf' in prepared) return duplicate(prepared.duplicateOf);
    return new Promise<IngestOutcome>((resolve, reject) => {
      this.waiting.push({ prepared, ctx, resolve, reject });
      this.startWriters();
    });
  }

  // Items prepared by ingest() waiting for a transaction, and the locks of the transactions storing others.
  private readonly waiting: Waiting[] = [];
  private readonly writing = new Set<PartyLocks>();

  /** Starts transactions while a writer is free and some waiting item's locks conflict with none in flight. */
  private startWriters(): void {
    while (this.writing.size < WRITERS && this.waiting.length) {
      const busy = [...this.writing];
      const batch: Waiting[] = [];
      const left: Waiting[] = [];
      // an item passed over goes first: a later one of the same countries waits behind it
      const passedOver = new PartyLocks();
      for (const entry of this.waiting) {
        const locks = entry.prepared.locks;
        if (batch.length < GROUP_SIZE && !busy.some((held) => held.conflictsWith(locks)) && !passedOver.conflictsWith(locks)) batch.push(entry);
        else {
          passedOver.add(locks);
          left.push(entry);
        }
      }
      if (!batch.length) return;
      this.waiting.splice(0, this.waiting.length, ...left);
      const locks = new PartyLocks();
      for (const entry of batch) locks.add(entry.prepared.locks);
      this.writing.add(locks);
      void this.storeGroup(batch).finally(() => {
        this.writing.delete(locks);
        this.startWriters();
      });
    }
  }

  private async storeGroup(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await this.storeBatch(batch);
      outcomes.forEach((outcome, i) => (outcome.ok ? batch[i].resolve(outcome.outcome) : batch[i].reject(outcome.error)));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
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
    const searchKey = title ? `${searchKeyOf(title)} ${textKey}` : textKey;
    return { item, hash, title, searchKey, result, locks: linkingLocks(result.events, knownCountries) };
  }

  /**
   * Stores prepared items in one transaction, each as if in a savepoint of its own: an item that fails is
   * rolled back alone and reported, the others land (see storeBatch).
   */
  async ingestPrepared(ctx: RequestContext, items: readonly (PreparedItem | { duplicateOf: string })[]): Promise<BatchItemOutcome[]> {
    return this.storeBatch(items.map((prepared) => ({ prepared, ctx })));
  }

  /**
   * Stores items in one transaction, each as if in a savepoint of its own. The items are first stored one after
   * the other with no savepoint (two statements fewer each), their news items all in one statement; only when one
   * fails is that undone and the batch stored again, each item in a savepoint. A single item needs none: the
   * transaction is its savepoint. The locks of every item are taken first, in one order, so transactions never
   * wait on each other in a circle.
   * The audit entries are written at the end, one statement per caller. A transaction that lost a deadlock or a
   * serialization race as a whole is run again.
   */
  private async storeBatch(entries: readonly Entry[]): Promise<BatchItemOutcome[]> {
    const locks = new PartyLocks();
    for (const { prepared } of entries) if ('result' in prepared) locks.add(prepared.locks);
    const fresh = entries.filter(({ prepared }) => 'result' in prepared).length;
    for (let attempt = 1; ; attempt++) {
      try {
        const outcomes = await this.dataSource.transaction(async (manager) => {
          // JIT and parallel workers off, and the items' locks, in one statement
          await locks.acquire(manager, LINKING_SETTINGS);
          let stored: Stored;
          if (entries.length === 1 && fresh === 1) {
            const { outcome, audit } = (await this.store(manager, entries[0].prepared as PreparedItem))();
            stored = { outcomes: [{ ok: true, outcome }], audits: audit ? [{ ctx: entries[0].ctx, audit }] : [] };
          } else {
            // (with savepoints, storeAll never gives up)
            stored = (fresh > 1 ? await this.storeAll(manager, entries, false) : null) ?? (await this.storeAll(manager, entries, true))!;
          }
          await this.recordAudits(manager, stored.audits);
          return stored.outcomes;
        });
        await this.statistics.refresh();
        return outcomes;
      } catch (error) {
        if (attempt >= ATTEMPTS || !RETRIED.has((error as { code?: string }).code ?? '')) {
          // a single item's own failure is its outcome; a batch's transaction failing as a whole fails every item
          if (entries.length === 1) return [{ ok: false, error: error instanceof Error ? error : new Error(String(error)) }];
          throw error;
        }
      }
    }
  }

  /** The audit entries of a transaction, one statement per caller (API key). */
  private async recordAudits(manager: EntityManager, audits: readonly { ctx: RequestContext; audit: AuditRecord }[]): Promise<void> {
    const byCaller = new Map<string | null, { ctx: RequestContext; records: AuditRecord[] }>();
    for (const { ctx, audit } of audits) {
      const key = ctx.caller?.keyId ?? null;
      const group = byCaller.get(key) ?? byCaller.set(key, { ctx, records: [] }).get(key)!;
      group.records.push(audit);
    }
    for (const { ctx, records } of byCaller.values()) await this.audit.recordMany(ctx, manager, records);
  }

  /**
   * Stores the items of a batch in order. With savepoints, a failing item is rolled back alone; without,
   * the first failure rolls back everything this call wrote and returns null (to be stored with savepoints).
   * Without savepoints, the items share one LinkingBatch: their follow-ups and evidence are written, and the
   * follow-ups their facts show done closed, once, after the last item (with savepoints, each item has its own).
   */
  private async storeAll(
    manager: EntityManager,
    entries: readonly Entry[],
    savepoints: boolean,
  ): Promise<Stored | null> {
    // each new item's news item row; without savepoints, they are stored first, all in one statement (with, each in
    // its item's savepoint)
    const rows = entries.map(({ prepared }) => ('duplicateOf' in prepared ? null : newsItemRow(prepared)));
    let inserted: (string | null)[] | null = null;
    if (!savepoints) {
      await manager.query('SAVEPOINT ingest_batch');
      try {
        const ids = await new NewsItemRepository(manager).insertManyIfNew(rows.filter((row) => row !== null));
        let next = 0;
        inserted = rows.map((row) => (row ? ids[next++] : null));
      } catch {
        await manager.query('ROLLBACK TO SAVEPOINT ingest_batch');
        return null;
      }
    }
    const batch = savepoints ? undefined : new LinkingBatch(manager);
    // what gives each item's outcome and audit entry, once the batch is closed
    const results: (() => { outcome: BatchItemOutcome; audit?: Stored['audits'][number] })[] = [];
    for (const [i, { prepared: item, ctx }] of entries.entries()) {
      if ('duplicateOf' in item) {
        results.push(() => ({ outcome: { ok: true, outcome: duplicate(item.duplicateOf) } }));
        continue;
      }
      if (savepoints) await manager.query('SAVEPOINT ingest_item');
      for (let attempt = 1; ; attempt++) {
        try {
          const stored = await this.store(manager, item, rows[i]!, inserted?.[i], batch);
          results.push(() => {
            const { outcome, audit } = stored();
            return { outcome: { ok: true, outcome }, audit: audit ? { ctx, audit } : undefined };
          });
          if (savepoints) await manager.query('RELEASE SAVEPOINT ingest_item');
          break;
        } catch (error) {
          if (!savepoints) {
            await manager.query('ROLLBACK TO SAVEPOINT ingest_batch');
            return null;
          }
          await manager.query('ROLLBACK TO SAVEPOINT ingest_item');
          // A lost deadlock (another writer adding the same new actor) gave up what the item held: tried again.
          if (attempt < ATTEMPTS && RETRIED.has((error as { code?: string }).code ?? '')) continue;
          const failed: BatchItemOutcome = { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
          results.push(() => ({ outcome: failed }));
          break;
        }
      }
    }
    if (batch) {
      try {
        await batch.close();
      } catch {
        await manager.query('ROLLBACK TO SAVEPOINT ingest_batch');
        return null;
      }
      await manager.query('RELEASE SAVEPOINT ingest_batch');
    }
    const done = results.map((result) => result());
    return { outcomes: done.map((d) => d.outcome), audits: done.flatMap((d) => d.audit ?? []) };
  }

  /**
   * Stores one item in the caller's transaction (its locks already held). Returns what gives its outcome and its
   * audit entry to write, to call once `batch` (shared with the items stored with it) is closed; with no batch, the
   * item's own is closed here. `row`: its news item (newsItemRow); `inserted`: that news item as the caller has
   * stored it already (its id, or null for a duplicate), else stored here.
   */
  private async store(
    manager: EntityManager,
    prepared: PreparedItem,
    row: NewNewsItem = newsItemRow(prepared),
    inserted?: string | null,
    batch?: LinkingBatch,
  ): Promise<() => { outcome: IngestOutcome; audit: AuditRecord | null }> {
    const { item, result } = prepared;
    const newsItems = new NewsItemRepository(manager);
    // Another transaction storing the same text or URL is waited for; then this one is the duplicate.
    const newsItemId = inserted !== undefined ? inserted : await newsItems.insertIfNew(row);
    if (!newsItemId) {
      const found = await newsItems.findDuplicate(item.url, prepared.hash);
      if (!found) throw DomainError.unavailable('the same item is being stored by another request; try again');
      return () => ({ outcome: duplicate(found), audit: null });
    }
    const knownCountries = await this.knownCountries();
    // No date is made up: an item with none of its own gives undated facts (see Linker).
    const { publishedAt, title } = row;
    const linker = new Linker(manager, { id: newsItemId, body: item.text, publishedAt }, knownCountries, batch);
    for (const event of result.events) await linker.linkEvent(event);
    // (with a shared batch, its follow-ups closed are counted when the batch closes)
    const counters = await linker.finish();
    return () => ({
      outcome: { status: 'NEW', newsItemId, ...counters },
      audit: {
        action: 'newsItem.ingest',
        entityType: 'NewsItem',
        entityId: newsItemId,
        after: { title, url: item.url, publishedAt, events: result.events.length, ...counters },
      },
    });
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

/** A prepared item with the caller it is stored for. */
interface Entry {
  prepared: PreparedItem | { duplicateOf: string };
  ctx: RequestContext;
}

/** An item of ingest() waiting for a transaction. */
interface Waiting {
  prepared: PreparedItem;
  ctx: RequestContext;
  resolve: (outcome: IngestOutcome) => void;
  reject: (error: unknown) => void;
}

/** What a transaction stored: each item's outcome, and the audit entries to write. */
interface Stored {
  outcomes: BatchItemOutcome[];
  audits: { ctx: RequestContext; audit: AuditRecord }[];
}

// ingest(): transactions at once (each on a connection of its own), and items stored together in one at most.
const WRITERS = 2;
const GROUP_SIZE = 16;

// Linking runs many short statements: compiling them (JIT) or starting parallel workers costs more than they do.
// Nor are they planned again for each call: a prepared statement's generic plan (made once per connection and
// made again when a table's statistics change) serves every call, where PostgreSQL would otherwise plan most of
// them anew with each call's values (the open follow-up lookup alone, 0.5 ms per item), the trigger functions'
// statements too. A generic plan made while a table is small is kept as it grows (until its next analysis, see
// StatisticsKeeper); with the default random_page_cost (4, for disks) the planner picked sequential scans and
// sorts at a few dozen pages, where the tables linking reads are in memory and grow with every item: at 1.1 the
// lookups read their indexes (600 items into an empty database: 8.4-9.4 ms of database time per item against
// 10.4-12.0). Set with the locks, in the same statement.
const LINKING_SETTINGS = { jit: 'off', max_parallel_workers_per_gather: '0', plan_cache_mode: 'force_generic_plan', random_page_cost: '1.1' };

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

/** The news item row of a prepared item: its own date, else the one the extraction found. */
function newsItemRow({ item, result, title, searchKey, hash }: PreparedItem): NewNewsItem {
  return {
    url: item.url,
    title,
    body: item.text,
    searchKey,
    language: result.language,
    publishedAt: item.publishedAt ?? result.publishedAt,
    publisher: item.publisher,
    publisherCountryCode: item.publisherCountry ?? (result.language === 'fa' ? 'IR' : null),
    contentHash: hash,
    extractorVersion: EXTRACTOR_VERSION,
  };
}
