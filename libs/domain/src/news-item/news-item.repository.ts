import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../shared/prepared-query.js';
import { newId } from '../shared/ids.js';

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
    return (await this.insertManyIfNew([item]))[0];
  }

  /**
   * Stores items in one statement, in order, each unless one with its URL or content hash exists (an earlier one of
   * them included, or one another transaction is storing, which this waits for): each one's id, or null for a
   * duplicate. The ids are chosen here: rows skipped as duplicates return nothing to match them by.
   */
  async insertManyIfNew(items: readonly NewNewsItem[]): Promise<(string | null)[]> {
    if (!items.length) return [];
    const ids = items.map(() => newId());
    const column = <T>(pick: (item: NewNewsItem) => T) => items.map(pick);
    const rows: { id: string }[] = await preparedQuery(this.manager,
      `INSERT INTO news_item (id, url, title, body, search_key, language, published_at, publisher, publisher_country_code, content_hash, extractor_version)
       SELECT id, url, title, body, search_key, language, published_at, publisher, publisher_country_code, content_hash, extractor_version
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::char(2)[], $10::text[], $11::text[])
         WITH ORDINALITY AS t(id, url, title, body, search_key, language, published_at, publisher, publisher_country_code, content_hash, extractor_version, n)
       ORDER BY n
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        ids, column((i) => i.url), column((i) => i.title), column((i) => i.body), column((i) => i.searchKey), column((i) => i.language),
        column((i) => i.publishedAt), column((i) => i.publisher), column((i) => i.publisherCountryCode), column((i) => i.contentHash),
        column((i) => i.extractorVersion),
      ],
    );
    const stored = new Set(rows.map((row) => row.id));
    return ids.map((id) => (stored.has(id) ? id : null));
  }
}
