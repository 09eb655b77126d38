import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertDate } from '../lifecycle/dates.js';
import { DomainError } from '../shared/domain.error.js';
import { getEntityOrThrow, inOrder, pagedIds } from '../shared/entity-helpers.js';
import { searchKey } from '../shared/filter-sql.js';
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

  async list(_ctx: RequestContext, filter: NewsItemFilter | null | undefined, page: Page): Promise<PageOf<NewsItem>> {
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
    const manager = this.dataSource.manager;
    const { ids, total } = await pagedIds(
      manager,
      { table: 'news_item', alias: 'n', orderBy: 'n.published_at DESC NULLS LAST, n.ingested_at DESC, n.id' },
      where,
      params,
      page,
    );
    return { nodes: await inOrder(manager, NewsItem, ids), total };
  }

  get(_ctx: RequestContext, id: string): Promise<NewsItem> {
    return getEntityOrThrow(this.dataSource.manager, NewsItem, 'news item', id);
  }
}
