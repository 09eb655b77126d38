import type { NewsItemInput } from '../news-item-input.js';
import { htmlToText } from './html-to-text.js';
import { failure, type SourceItem } from './source-item.js';
import { toHttpUrl, toIsoDate, toLanguage } from './values.js';

type Node = Record<string, unknown>;

/** True when the text is a JSON Feed (https://www.jsonfeed.org, versions 1 and 1.1). */
export function looksLikeJsonFeed(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') && /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\/1(\.1)?"/.test(head);
}

/**
 * Each item of a JSON Feed → a news item: `url` (else an http(s) `id`), `title`, the day of `date_published`
 * (else `date_modified`), text from `content_text`, else `content_html`, else `summary`. `origin#N` names item N.
 */
export function parseJsonFeed(json: string, origin: string, feedUrl?: string): { ok: true; items: SourceItem[] } | { ok: false; reason: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  const feed = asNode(doc);
  if (!feed || typeof feed.version !== 'string' || !/^https?:\/\/jsonfeed\.org\/version\/1(\.1)?$/.test(feed.version)) {
    return { ok: false, reason: 'JSON but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1")' };
  }
  if (!Array.isArray(feed.items)) return { ok: false, reason: 'JSON Feed without an "items" array' };
  const defaults = { publisher: str(feed.title), language: toLanguage(str(feed.language)) };
  return { ok: true, items: feed.items.map((item, i) => jsonFeedItem(item, `${origin}#${i + 1}`, defaults, feedUrl)) };
}

function jsonFeedItem(value: unknown, origin: string, feed: { publisher: string | null; language: NewsItemInput['language'] }, feedUrl?: string): SourceItem {
  const item = asNode(value);
  if (!item) return failure(origin, 'JSON Feed item is not an object');
  const contentText = str(item.content_text);
  const contentHtml = str(item.content_html);
  const text = contentText?.trim() ? contentText : contentHtml?.trim() ? htmlToText(contentHtml) : (str(item.summary) ?? '');
  if (!text.trim()) return failure(origin, 'JSON Feed item has no text (no content_text, content_html or summary)');
  const input: NewsItemInput = { origin, text };
  const url = toHttpUrl(str(item.url), feedUrl) ?? toHttpUrl(str(item.id));
  if (url) input.url = url;
  const title = str(item.title)?.trim();
  if (title) input.title = title;
  const publishedAt = toIsoDate(str(item.date_published) ?? str(item.date_modified));
  if (publishedAt) input.publishedAt = publishedAt;
  const language = toLanguage(str(item.language)) ?? feed.language;
  if (language) input.language = language;
  if (feed.publisher) input.publisher = feed.publisher;
  return { ok: true, input };
}

const asNode = (value: unknown): Node | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : null);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
