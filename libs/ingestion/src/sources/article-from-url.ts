import { DomainError } from '@dyad/domain';
import type { NewsItemInput } from '../news-item-input.js';
import { readSources } from './read-sources.js';

/** Fetches one article page for an item given only by its URL (the dashboard's "give a URL"). */
export async function articleFromUrl(url: string): Promise<NewsItemInput> {
  if (!/^https?:\/\//i.test(url)) throw DomainError.invalid('url must be http or https', { field: 'url' });
  const items = [];
  for await (const item of readSources([url])) {
    if (!item.ok) throw DomainError.invalid(`could not read ${url}: ${item.reason}`, { field: 'url' });
    items.push(item.input);
    if (items.length > 1) throw DomainError.invalid(`${url} is a feed of several items; ingest it with \`dyad ingest\``, { field: 'url' });
  }
  if (!items.length) throw DomainError.invalid(`${url} holds no article`, { field: 'url' });
  return { ...items[0], url: items[0].url ?? url };
}
