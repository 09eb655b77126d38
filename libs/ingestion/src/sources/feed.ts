import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { NewsItemInput } from '../news-item-input.js';
import { htmlToText } from './html-to-text.js';
import { failure, type SourceItem } from './source-item.js';
import { toHttpUrl, toIsoDate, toLanguage } from './values.js';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // Titles like "2025" must stay strings.
  parseTagValue: false,
  parseAttributeValue: false,
  // Feeds use &nbsp; and friends without declaring them.
  htmlEntities: true,
  trimValues: true,
  isArray: (name) => ['item', 'entry', 'link'].includes(name),
});

/** True when the text's root element is an RSS 2.0, RSS 1.0 (RDF) or Atom feed. */
export function looksLikeFeed(text: string): boolean {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '')
    .trimStart();
  return /^<(rss|feed|rdf:RDF)[\s>]/.test(head);
}

/**
 * Each entry of an RSS or Atom feed → a news item: link, title, day of publication, text from
 * content:encoded / content / description / summary. `origin#N` names entry N in messages.
 */
export function parseFeed(xml: string, origin: string, feedUrl?: string): { ok: true; items: SourceItem[] } | { ok: false; reason: string } {
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) return { ok: false, reason: `malformed XML at line ${valid.err.line}: ${valid.err.msg}` };
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    return { ok: false, reason: `malformed XML: ${(error as Error).message}` };
  }
  const rss = asNode(doc.rss);
  const rdf = asNode(doc['rdf:RDF']);
  const atom = asNode(doc.feed);
  if (rss || rdf) {
    const channel = asNode((rss ?? rdf)!.channel) ?? {};
    const entries = rss ? list(channel.item) : list(rdf!.item);
    const feed = { publisher: textOf(channel.title), language: toLanguage(textOf(channel.language) ?? textOf(channel['dc:language'])) };
    return { ok: true, items: entries.map((entry, i) => rssItem(asNode(entry) ?? {}, `${origin}#${i + 1}`, feed, feedUrl)) };
  }
  if (atom) {
    const feed = { publisher: plain(atom.title), language: toLanguage(attr(atom, 'xml:lang')) };
    return { ok: true, items: list(atom.entry).map((entry, i) => atomEntry(asNode(entry) ?? {}, `${origin}#${i + 1}`, feed, feedUrl)) };
  }
  return { ok: false, reason: 'XML but not an RSS or Atom feed' };
}

interface FeedDefaults {
  publisher: string | null;
  language: NewsItemInput['language'];
}

type EntryFields = { [K in 'url' | 'title' | 'publishedAt' | 'language' | 'publisher']: NewsItemInput[K] } & { text: string };

function rssItem(item: Node, origin: string, feed: FeedDefaults, feedUrl?: string): SourceItem {
  const guid = asNode(item.guid);
  const permalink = guid && attr(guid, 'isPermaLink') === 'false' ? null : textOf(item.guid);
  const url = list(item.link).map((link) => toHttpUrl(textOf(link), feedUrl)).find(Boolean) ?? toHttpUrl(permalink);
  const body = item['content:encoded'] ?? item.description;
  return entryItem(origin, {
    url,
    title: plain(item.title),
    publishedAt: toIsoDate(textOf(item.pubDate) ?? textOf(item['dc:date'])),
    text: body === undefined ? '' : htmlOrText(textOf(body) ?? collectText(body)),
    language: toLanguage(textOf(item['dc:language'])) ?? feed.language,
    publisher: feed.publisher,
  });
}

function atomEntry(entry: Node, origin: string, feed: FeedDefaults, feedUrl?: string): SourceItem {
  const links = list(entry.link).map((link) => asNode(link) ?? {});
  const alternate = links.find((link) => (attr(link, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
  const body = entry.content ?? entry.summary;
  return entryItem(origin, {
    url: toHttpUrl(alternate && attr(alternate, 'href'), feedUrl),
    title: plain(entry.title),
    publishedAt: toIsoDate(textOf(entry.published) ?? textOf(entry.updated)),
    text: plain(body) ?? '',
    language: toLanguage(attr(entry, 'xml:lang')) ?? feed.language,
    publisher: feed.publisher,
  });
}

function entryItem(origin: string, fields: EntryFields): SourceItem {
  if (!fields.text.trim()) return failure(origin, 'feed entry has no text (no content, content:encoded, description or summary)');
  const input: NewsItemInput = { origin };
  for (const [key, value] of Object.entries(fields)) if (value) (input as Record<string, unknown>)[key] = value;
  return { ok: true, input };
}

// An Atom text construct (type text, html or xhtml) or an RSS element as plain text.
function plain(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const node = asNode(value);
  const type = node ? attr(node, 'type') : null;
  if (type === 'xhtml') return collectText(value) || null;
  const text = textOf(value) ?? collectText(value);
  if (!text) return null;
  return (type === 'text' ? text.replace(/[ \t]+/g, ' ').trim() : htmlOrText(text)) || null;
}

// Escaped HTML is the norm in descriptions; plain text with line breaks must keep them.
function htmlOrText(value: string): string {
  if (/<[a-z!/][^>]*>|&(#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(value)) return htmlToText(value);
  return value
    .split(/\n\s*\n/)
    .map((p) => p.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

function textOf(value: unknown): string | null {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const node = asNode(value);
  return node && typeof node['#text'] === 'string' ? node['#text'] : null;
}

// Inline XHTML (or HTML left unescaped in a feed) comes out as nested objects: gather its text in order.
function collectText(value: unknown): string {
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number') parts.push(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [key, child] of Object.entries(v)) if (!key.startsWith('@_')) walk(child);
  };
  walk(value);
  return parts.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
}

const list = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const asNode = (value: unknown): Node | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : null);
const attr = (node: Node, name: string): string | null => (typeof node[`@_${name}`] === 'string' ? (node[`@_${name}`] as string) : null);
