import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { NewsItemInput } from '../news-item-input.js';
import { decodeText } from './decode-text.js';
import { looksLikeFeed, parseFeed } from './feed.js';
import { type FetchOptions, fetchUrl, sniffDeclaredCharset } from './fetch-url.js';
import { articleFromHtml } from './html-page.js';
import { looksLikeJsonFeed, parseJsonFeed } from './json-feed.js';
import { parseJsonLine, readJsonLinesFile } from './json-lines.js';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  describeBytes,
  failure,
  NOT_A_SOURCE,
  type ReadSourcesOptions,
  type SourceItem,
} from './source-item.js';

type Limits = FetchOptions;

type Kind = 'text' | 'html' | 'jsonl' | 'feed' | 'json-feed';

const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);
const FEED_EXTENSIONS = new Set(['.xml', '.rss', '.atom']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
// Not opened when met in a directory walk: reported at once instead of read up to 5 MB to find NUL bytes.
const BINARY_EXTENSIONS = new Set(
  '7z avi bin bmp bz2 class db dll doc docx epub exe gif gz ico jar jpeg jpg m4a mkv mov mp3 mp4 odt ogg otf pdf png ppt pptx rar so sqlite tar tgz tif tiff ttf wasm wav webm webp woff woff2 xls xlsx xz zip zst'
    .split(' ')
    .map((ext) => `.${ext}`),
);
const BINARY_CONTENT_TYPE = /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|octet-stream|x-|vnd\.(?!.*xml))/;

/**
 * Reads news items from files, directories (recursively, in name order, hidden entries skipped) and http(s)
 * URLs: plain text, HTML pages, JSON Lines, RSS and Atom feeds. Whatever cannot be read becomes an
 * `{ ok: false, origin, reason }` and reading goes on; nothing is thrown for bad input. `publishedAt` and
 * `publisherCountry` in `options` fill in items that carry none of their own.
 */
export async function* readSources(locations: string[], options: ReadSourcesOptions = {}): AsyncGenerator<SourceItem> {
  const limits = {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    allowPrivate: options.allowPrivate,
  };
  const visited = new Set<string>();
  for (const location of locations) {
    for await (const item of readLocation(location, limits, visited)) {
      if (item.ok) {
        if (!item.input.publishedAt && options.publishedAt) item.input.publishedAt = options.publishedAt;
        if (!item.input.publisherCountry && options.publisherCountry) item.input.publisherCountry = options.publisherCountry;
      }
      yield item;
    }
  }
}

async function* readLocation(location: string, limits: Limits, visited: Set<string>): AsyncGenerator<SourceItem> {
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(location)) {
    yield* readUrl(location, limits);
    return;
  }
  let stats;
  try {
    stats = await stat(location);
  } catch (error) {
    yield failure(location, fileError(error));
    return;
  }
  if (stats.isDirectory()) yield* readDirectory(location, limits, visited);
  else if (stats.isFile()) yield* readFileSource(location, stats.size, limits, false);
  else yield failure(location, 'not a file or directory');
}

async function* readDirectory(dir: string, limits: Limits, visited: Set<string>): AsyncGenerator<SourceItem> {
  let entries;
  try {
    // A directory reached twice (a symlink loop, or two links to one place) is read once.
    const real = await realpath(dir);
    if (visited.has(real)) return;
    visited.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield failure(dir, fileError(error));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let stats;
    try {
      stats = await stat(path);
    } catch (error) {
      yield failure(path, entry.isSymbolicLink() ? 'broken symbolic link' : fileError(error));
      continue;
    }
    if (stats.isDirectory()) yield* readDirectory(path, limits, visited);
    else if (stats.isFile()) yield* readFileSource(path, stats.size, limits, true);
    // FIFOs, sockets and devices: opening one could block forever.
    else yield failure(path, NOT_A_SOURCE);
  }
}

async function* readFileSource(path: string, size: number, limits: Limits, inDirectory: boolean): AsyncGenerator<SourceItem> {
  const ext = extname(path).toLowerCase();
  if (inDirectory && BINARY_EXTENSIONS.has(ext)) {
    yield failure(path, NOT_A_SOURCE);
    return;
  }
  // JSON Lines is a batch: the size limit applies to each line, and the file is streamed.
  if (JSONL_EXTENSIONS.has(ext)) {
    yield* readJsonLinesFile(path, limits.maxBytes);
    return;
  }
  if (size > limits.maxBytes) {
    yield failure(path, `larger than ${describeBytes(limits.maxBytes)} (${describeBytes(size)}); split it into news items`);
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    yield failure(path, fileError(error));
    return;
  }
  if (bytes.length === 0) {
    yield failure(path, 'empty file');
    return;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    yield failure(path, inDirectory ? NOT_A_SOURCE : decoded.reason);
    return;
  }
  if (ext === '.json' && !looksLikeJsonFeed(decoded.text)) {
    yield failure(path, 'a JSON file but not a JSON Feed; put news items one per line in a .jsonl file');
    return;
  }
  yield* fromText(decoded.text, path, kindOf(ext, null, decoded.text));
}

async function* readUrl(location: string, limits: Limits): AsyncGenerator<SourceItem> {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    yield failure(location, 'not a valid URL');
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    yield failure(location, `only http and https URLs are supported, not ${url.protocol}`);
    return;
  }
  const fetched = await fetchUrl(url, limits);
  if (!fetched.ok) {
    yield { ok: false, origin: location, reason: fetched.reason, detail: fetched.detail };
    return;
  }
  if (BINARY_CONTENT_TYPE.test(fetched.contentType)) {
    yield failure(location, `not a text, HTML, JSON Lines or feed page (${fetched.contentType})`);
    return;
  }
  if (fetched.bytes.length === 0) {
    yield failure(location, 'empty response');
    return;
  }
  const decoded = decodeText(fetched.bytes, fetched.charset ?? sniffDeclaredCharset(fetched.bytes) ?? 'utf-8');
  if (!decoded.ok) {
    yield failure(location, decoded.reason);
    return;
  }
  const ext = extname(new URL(fetched.url).pathname).toLowerCase();
  yield* fromText(decoded.text, location, kindOf(ext, fetched.contentType, decoded.text), fetched.url);
}

/** What a watched URL gave: nothing new (304), a failure for the whole download, or its items and validators. */
export type WatchedUrlRead =
  | { status: 'NOT_MODIFIED' }
  | { status: 'FAILED'; reason: string; detail?: string }
  | { status: 'READ'; items: SourceItem[]; etag: string | null; lastModified: string | null };

/**
 * A feed (RSS, Atom or JSON Feed) or JSON Lines URL read for a watched source: through the same guarded
 * download and the same parsers as `readSources`, as a conditional GET when validators are given.
 */
export async function readWatchedUrl(
  location: string,
  expect: 'feed' | 'jsonl',
  options: ReadSourcesOptions & { etag?: string | null; lastModified?: string | null } = {},
): Promise<WatchedUrlRead> {
  const url = new URL(location);
  const fetched = await fetchUrl(url, {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    allowPrivate: options.allowPrivate,
    ifNoneMatch: options.etag,
    ifModifiedSince: options.lastModified,
  });
  if (!fetched.ok) return { status: 'FAILED', reason: fetched.reason, detail: fetched.detail };
  if (fetched.status === 304) return { status: 'NOT_MODIFIED' };
  const decoded = decodeText(fetched.bytes, fetched.charset ?? sniffDeclaredCharset(fetched.bytes) ?? 'utf-8');
  if (!decoded.ok) return { status: 'FAILED', reason: decoded.reason };
  if (!decoded.text.trim()) return { status: 'FAILED', reason: 'empty response' };
  let kind: Kind = 'jsonl';
  if (expect === 'feed') {
    kind = looksLikeJsonFeed(decoded.text) ? 'json-feed' : 'feed';
    if (kind === 'feed' && !looksLikeFeed(decoded.text)) return { status: 'FAILED', reason: 'not an RSS, Atom or JSON Feed document' };
  }
  const items = [...fromText(decoded.text, location, kind, fetched.url)];
  // A feed that cannot be parsed at all is a failure of the source, not of one item.
  if (items.length === 1 && !items[0].ok && items[0].origin === location) return { status: 'FAILED', reason: items[0].reason };
  return { status: 'READ', items, etag: fetched.etag, lastModified: fetched.lastModified };
}

function* fromText(text: string, origin: string, kind: Kind, pageUrl?: string): Generator<SourceItem> {
  if (!text.trim()) {
    yield failure(origin, 'empty (whitespace only)');
    return;
  }
  switch (kind) {
    case 'jsonl': {
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (lines[i].trim()) yield parseJsonLine(lines[i].replace(/\r$/, ''), `${origin}:${i + 1}`);
      }
      return;
    }
    case 'json-feed':
    case 'feed': {
      const feed = kind === 'feed' ? parseFeed(text, origin, pageUrl) : parseJsonFeed(text, origin, pageUrl);
      if (feed.ok) yield* feed.items;
      else yield failure(origin, feed.reason);
      return;
    }
    case 'html': {
      const article = articleFromHtml(text, pageUrl);
      yield article.ok ? { ok: true, input: { ...article.input, origin } } : failure(origin, article.reason);
      return;
    }
    case 'text': {
      const input: NewsItemInput = { origin, text };
      if (pageUrl) input.url = pageUrl;
      yield { ok: true, input };
    }
  }
}

// The extension or content type says what a source is; the content decides when neither does.
function kindOf(ext: string, contentType: string | null, text: string): Kind {
  const type = contentType ?? '';
  if (JSONL_EXTENSIONS.has(ext) || /^application\/(x-)?(ndjson|jsonl|jsonlines)$/.test(type)) return 'jsonl';
  if (looksLikeFeed(text)) return 'feed';
  if (type === 'application/feed+json' || looksLikeJsonFeed(text)) return 'json-feed';
  if (FEED_EXTENSIONS.has(ext) || /[/+]xml$/.test(type)) return looksLikeHtml(text) ? 'html' : 'feed';
  if (HTML_EXTENSIONS.has(ext) || type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  return looksLikeHtml(text) ? 'html' : 'text';
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').replace(/<!--[\s\S]*?-->/g, '').trimStart();
  if (/^<(!doctype\s+html|html|head|body)[\s>]/i.test(head)) return true;
  return /^<[a-z]/i.test(head) && /<(p|div|br|article|section|h[1-6])[\s>/]/i.test(head);
}

function fileError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    default:
      return `cannot read: ${e.message}`;
  }
}
