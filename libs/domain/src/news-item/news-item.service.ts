import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertDate } from '../lifecycle/dates.js';
import { DomainError } from '../shared/domain.error.js';
import { getEntityOrThrow, pagedRows } from '../shared/entity-helpers.js';
import { onlyKeys, searchKey } from '../shared/filter-sql.js';
import type { Page, PageOf } from '../shared/page.js';
import type { RequestContext } from '../shared/request-context.js';
import { containsPattern, SqlParams } from '../shared/sql.js';
import { NewsItem } from './news-item.entity.js';

export interface NewsItemFilter {
  languages?: string[] | null;
  from?: string | null;
  to?: string | null;
  text?: string | null;
  publisher?: string | null;
}

@Injectable()
export class NewsItemService {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of news items, newest first (undated last), and the total; `body` false leaves each body unread. */
  async list(_ctx: RequestContext, filter: NewsItemFilter | null | undefined, page: Page, options: { body?: boolean } = {}): Promise<PageOf<NewsItem>> {
    const f = filter ?? {};
    const params = new SqlParams();
    const where: string[] = [];
    if (f.languages?.length) {
      const bad = f.languages.filter((language) => !['fa', 'en', 'ru'].includes(language));
      if (bad.length) throw DomainError.invalid(`languages are fa, en and ru, not ${bad.join(', ')}`, { field: 'languages' });
      where.push(`n.language = ANY(${params.param(f.languages)})`);
    }
    for (const field of ['from', 'to'] as const) {
      const value = f[field];
      if (value != null) assertDate(value, field);
    }
    if (f.from) where.push(`n.published_at >= ${params.param(f.from)}`);
    if (f.to) where.push(`n.published_at <= ${params.param(f.to)}`);
    if (f.publisher) where.push(`n.publisher = ${params.param(f.publisher)}`);
    const key = searchKey(f.text);
    if (f.text != null && f.text.length > 200) throw DomainError.invalid('text takes at most 200 characters', { field: 'text' });
    if (key) where.push(`n.search_key LIKE ${params.param(containsPattern(key))}`);
    const { rows, total } = await pagedRows(
      this.dataSource.manager,
      NewsItem,
      // the order of the index news_item_listed
      { alias: 'n', orderBy: 'n.published_at DESC NULLS LAST, n.ingested_at DESC, n.id' },
      where,
      params,
      page,
      { count: newsItemCountFromRollup(f, params), skip: options.body === false ? ['body'] : [] },
    );
    return { nodes: rows.map((row) => row.entity), total };
  }

  get(_ctx: RequestContext, id: string): Promise<NewsItem> {
    return getEntityOrThrow(this.dataSource.manager, NewsItem, 'news item', id);
  }
}

/**
 * The number of items a filter of languages and publication dates keeps, from `rollup_news_item` (per language and
 * day; undated items are in no date range). Null for other filters.
 */
function newsItemCountFromRollup(f: NewsItemFilter, params: SqlParams): string | null {
  if (!onlyKeys(f, ['languages', 'from', 'to'])) return null;
  const where = [
    ...(f.languages?.length ? [`r.language = ANY(${params.param(f.languages)})`] : []),
    ...(f.from ? [`r.day >= ${params.param(f.from)}`] : []),
    ...(f.to ? [`r.day <= ${params.param(f.to)}`, `r.day > '-infinity'`] : []),
  ];
  return `SELECT coalesce(sum(r.items), 0)::int FROM rollup_news_item r${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
}
