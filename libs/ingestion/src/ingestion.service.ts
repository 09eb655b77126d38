import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { AuditService, DomainError, isDateInRange, NewsItem, type RequestContext } from '@dyad/domain';
import { type ExtractionResult, normalizeForSearch } from '@dyad/extraction';
import { DataSource, type EntityManager } from 'typeorm';
import { extractionPool } from './extraction/extraction-pool.js';
import type { ValidItem } from './ingest-input.js';
import { Linker } from './linking/linker.js';
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

// Ingestion reads and writes across meetings, proposals and follow-ups of many items; one at a time
// keeps linking decisions consistent (two reports of one meeting must not both create it).
const INGEST_LOCK = 0x64796164; // "dyad"

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

  /** Stores a news item and links what it reports, all in one transaction; the same item again changes nothing. */
  async ingest(ctx: RequestContext, input: NewsItemInput): Promise<IngestOutcome> {
    const item = await readNewsItem(input, this.options.allowPrivate);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [INGEST_LOCK]);
      // The text's normalised key serves both the duplicate check and search: computed once, off the event loop.
      const textKey = await extractionPool().searchKey(item.text);
      const hash = hashOfKey(textKey);
      const duplicate = await this.findDuplicate(manager, item.url, hash);
      if (duplicate) return { status: 'DUPLICATE', newsItemId: duplicate, ...noChanges() };

      const knownCountries = await this.knownCountries(manager);
      if (item.publisherCountry && !knownCountries.has(item.publisherCountry)) {
        throw DomainError.invalid(`publisherCountry ${item.publisherCountry} is not an ISO 3166-1 country`, { field: 'publisherCountry' });
      }
      const result = await extractItem(item);
      const publishedAt = item.publishedAt ?? result.publishedAt;
      // an item with no title line takes its first sentence, so lists never show it untitled
      const title = item.title ?? result.title ?? titleFromText(item.text);
      const newsItem = await manager.save(
        manager.create(NewsItem, {
          url: item.url,
          title,
          body: item.text,
          searchKey: title ? `${searchKeyOf(title)} ${textKey}` : textKey,
          language: result.language,
          publishedAt,
          publisher: item.publisher,
          publisherCountryCode: item.publisherCountry ?? (result.language === 'fa' ? 'IR' : null),
          contentHash: hash,
          extractorVersion: EXTRACTOR_VERSION,
        }),
      );
      // No date is made up: an item with none of its own gives undated facts (see Linker).
      const linker = new Linker(manager, newsItem, knownCountries);
      for (const event of result.events) await linker.linkEvent(event);
      const counters = await linker.finish();
      await this.audit.record(ctx, manager, {
        action: 'newsItem.ingest',
        entityType: 'NewsItem',
        entityId: newsItem.id,
        after: { title, url: item.url, publishedAt, events: result.events.length, ...counters },
      });
      return { status: 'NEW', newsItemId: newsItem.id, ...counters };
    });
  }

  private async findDuplicate(manager: EntityManager, url: string | null, hash: string): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT id FROM news_item WHERE content_hash = $1 OR ($2::text IS NOT NULL AND url = $2) LIMIT 1`,
      [hash, url],
    );
    return row?.id ?? null;
  }

  // ISO 3166-1 changes only with a migration; read it once per service.
  private countries?: Promise<Set<string>>;

  private knownCountries(manager: EntityManager): Promise<Set<string>> {
    this.countries ??= manager
      .query(`SELECT code FROM country`)
      .then((rows: { code: string }[]) => new Set(rows.map((row) => row.code)));
    return this.countries;
  }
}

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

