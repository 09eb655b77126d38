import { Logger } from '@nestjs/common';
import { DomainError } from '@dyad/domain';
import type { NewsItemInput } from '../news-item-input.js';
import type { AllowPrivate } from './address-policy.js';
import { readSources } from './read-sources.js';

const logger = new Logger('Fetch');

/** Fetches one article page for an item given only by its URL (the dashboard's "give a URL"). */
export async function articleFromUrl(url: string, allowPrivate: AllowPrivate = 'none'): Promise<NewsItemInput> {
  const items = [];
  for await (const item of readSources([url], { allowPrivate })) {
    if (!item.ok) {
      // The caller learns only that it failed; the operator's log says why.
      if (item.detail) logger.warn(`refused or failed download: ${item.detail}`);
      throw DomainError.invalid(item.detail ? item.reason : `url: ${item.reason}`, { field: 'url' });
    }
    items.push(item.input);
    if (items.length > 1) throw DomainError.invalid('url is a feed of several items; ingest it with `dyad ingest`', { field: 'url' });
  }
  if (!items.length) throw DomainError.invalid('url holds no article', { field: 'url' });
  return { ...items[0], url: items[0].url ?? url };
}
