import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../shared/prepared-query.js';

export interface NewNewsItem {
  url: string | null;
  title: string | null;
  body: string;
  searchKey: string;
  language: string;
  publishedAt: string | null;
  publisher: string | null;
  publisherCountryCode: string | null;
  contentHash: string;
  extractorVersion: string;
}

/** All SQL that writes news items. */
export class NewsItemRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The item already stored with this URL or this content hash, if any. */
  async findDuplicate(url: string | null, contentHash: string): Promise<string | null> {
    const [row] = await preparedQuery(this.manager, 
      `SELECT id FROM news_item WHERE content_hash = $1 UNION ALL SELECT id FROM news_item WHERE $2::text IS NOT NULL AND url = $2 LIMIT 1`,
      [contentHash, url],
    );
    return row?.id ?? null;
  }

  /**
   * Stores the item unless one with its URL or content hash exists (or is being stored by another transaction,
   * which this waits for): its id, or null for a duplicate.
   */
  async insertIfNew(item: NewNewsItem): Promise<string | null> {
    const [row] = await preparedQuery(this.manager, 
      `INSERT INTO news_item (url, title, body, search_key, language, published_at, publisher, publisher_country_code, content_hash, extractor_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id`,
      [item.url, item.title, item.body, item.searchKey, item.language, item.publishedAt, item.publisher, item.publisherCountryCode,
        item.contentHash, item.extractorVersion],
    );
    return row?.id ?? null;
  }
}
