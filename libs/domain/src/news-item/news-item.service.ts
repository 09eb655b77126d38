import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, assertDate } from '../lifecycle/dates.js';
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

const firstOfMonth = (day: string) => `${day.slice(0, 8)}01`;
const firstOfNextMonth = (day: string) => firstOfMonth(addDays(firstOfMonth(day), 31));

/**
 * The number of items a filter of languages and publication dates keeps: the whole months within the dates from
 * `rollup_news_item`, and the days of a partial month at either end counted from the index (a month at most each).
 * Null for other filters, or dates within two months (counted from the index alone).
 */
function newsItemCountFromRollup(f: NewsItemFilter, params: SqlParams): string | null {
  if (!onlyKeys(f, ['languages', 'from', 'to'])) return null;
  // the whole months: from the first 1st on or after `from`, to the last month ending on or before `to` (exclusive)
  const wholeFrom = f.from && (f.from.endsWith('-01') ? f.from : firstOfNextMonth(f.from));
  const wholeUntil = f.to && (addDays(f.to, 1).endsWith('-01') ? addDays(f.to, 1) : firstOfMonth(f.to));
  if (wholeFrom && wholeUntil && wholeFrom >= wholeUntil) return null;
  const languages = f.languages?.length ? params.param(f.languages) : null;
  const months = [
    ...(languages ? [`r.language = ANY(${languages})`] : []),
    ...(wholeFrom ? [`r.month >= ${params.param(wholeFrom)}`] : []),
    ...(wholeUntil ? [`r.month < ${params.param(wholeUntil)}`] : []),
    // undated items: in no date range
    ...(f.to && !f.from ? [`r.month > '-infinity'`] : []),
  ];
  const days = (range: string) =>
    `(SELECT count(*) FROM news_item n WHERE ${[...(languages ? [`n.language = ANY(${languages})`] : []), range].join(' AND ')})`;
  const parts = [
    `(SELECT coalesce(sum(r.items), 0) FROM rollup_news_item r${months.length ? ` WHERE ${months.join(' AND ')}` : ''})`,
    ...(f.from && wholeFrom !== f.from ? [days(`n.published_at >= ${params.param(f.from)} AND n.published_at < ${params.param(wholeFrom)}`)] : []),
    ...(f.to && wholeUntil && wholeUntil <= f.to ? [days(`n.published_at >= ${params.param(wholeUntil)} AND n.published_at <= ${params.param(f.to)}`)] : []),
  ];
  return `SELECT (${parts.join(' + ')})::int`;
}
