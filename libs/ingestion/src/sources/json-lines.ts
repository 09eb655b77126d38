import { createReadStream } from 'node:fs';
import type { NewsItemInput } from '../news-item-input.js';
import { decodeText } from './decode-text.js';
import { articleFromHtml } from './html-page.js';
import { describeBytes, failure, type SourceItem } from './source-item.js';
import { isCountryCode, isRealIsoDate, toHttpUrl, toLanguage } from './values.js';

const FIELDS = ['url', 'title', 'text', 'html', 'publishedAt', 'publisher', 'publisherCountry', 'language'] as const;
type Field = (typeof FIELDS)[number];

/**
 * One JSON Lines record → a news item, every field checked; the reason names the first bad field.
 * `null` means absent. A record with only `html` gets its article text pulled out here.
 */
export function parseJsonLine(line: string, origin: string): SourceItem {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return failure(origin, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return failure(origin, 'expected a JSON object with url, title, text or html, publishedAt, publisher, publisherCountry, language');
  }
  const unknown = Object.keys(record).find((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown) return failure(origin, `unknown field "${unknown}"; expected ${FIELDS.join(', ')}`);

  const fields = record as Partial<Record<Field, unknown>>;
  for (const key of FIELDS) {
    const value = fields[key];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      return failure(origin, `${key} must be a string, got ${Array.isArray(value) ? 'an array' : typeof value}`);
    }
  }
  const get = (key: Field) => (fields[key] as string | null | undefined) ?? null;

  const input: NewsItemInput = { origin };
  const url = get('url');
  if (url !== null) {
    const valid = toHttpUrl(url);
    if (!valid || url.trim() !== url) return failure(origin, `url must be an absolute http(s) URL, got "${url}"`);
    input.url = url;
  }
  const publishedAt = get('publishedAt');
  if (publishedAt !== null) {
    if (!isRealIsoDate(publishedAt)) return failure(origin, `publishedAt must be a real date as YYYY-MM-DD, got "${publishedAt}"`);
    input.publishedAt = publishedAt;
  }
  const country = get('publisherCountry');
  if (country !== null) {
    if (!isCountryCode(country)) {
      return failure(origin, `publisherCountry must be an ISO 3166-1 alpha-2 code in upper case (e.g. IR), got "${country}"`);
    }
    input.publisherCountry = country;
  }
  const language = get('language');
  if (language !== null) {
    if (toLanguage(language) !== language) return failure(origin, `language must be one of fa, en, ru, got "${language}"`);
    input.language = toLanguage(language);
  }
  for (const key of ['title', 'publisher'] as const) {
    const value = get(key)?.trim();
    if (value) input[key] = value;
  }

  const text = get('text');
  const html = get('html');
  if (text !== null && !text.trim()) return failure(origin, 'text is empty');
  if (html !== null && !html.trim()) return failure(origin, 'html is empty');
  if (text !== null) {
    input.text = text;
  } else if (html !== null) {
    const article = articleFromHtml(html, input.url ?? undefined);
    if (!article.ok) return failure(origin, `html: ${article.reason}`);
    // The record's own fields win over what the page says about itself.
    for (const [key, value] of Object.entries(article.input)) {
      if (value != null && (input as Record<string, unknown>)[key] == null) (input as Record<string, unknown>)[key] = value;
    }
  } else {
    return failure(origin, 'text or html is required');
  }
  return { ok: true, input };
}

/** Streams a JSON Lines file line by line, so a long file is not held in memory; blank lines are skipped. */
export async function* readJsonLinesFile(path: string, maxLineBytes: number): AsyncGenerator<SourceItem> {
  let pending: Buffer[] = [];
  let pendingBytes = 0; // may exceed the limit: past it the bytes are counted, not kept
  let lineNo = 0;
  let first = true;

  function* line(bytes: Buffer, size: number): Generator<SourceItem> {
    lineNo++;
    const origin = `${path}:${lineNo}`;
    if (size > maxLineBytes) {
      yield failure(origin, `line is larger than ${describeBytes(maxLineBytes)}`);
      return;
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      yield failure(origin, decoded.reason);
      return;
    }
    const text = decoded.text.replace(/\r$/, '');
    if (text.trim()) yield parseJsonLine(text, origin);
  }

  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      // A binary file given a .jsonl name would otherwise fail once per "line".
      if (first && chunk.includes(0)) {
        yield failure(path, 'binary content (it contains NUL bytes); expected JSON Lines');
        return;
      }
      first = false;
      let start = 0;
      for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, end);
        yield* line(pending.length ? Buffer.concat([...pending, piece]) : piece, pendingBytes + piece.length);
        pending = [];
        pendingBytes = 0;
        start = end + 1;
      }
      const rest = chunk.subarray(start);
      pendingBytes += rest.length;
      if (pendingBytes > maxLineBytes) pending = [];
      else if (rest.length) pending.push(Buffer.from(rest));
    }
    if (pendingBytes) yield* line(Buffer.concat(pending), pendingBytes);
  } catch (error) {
    yield failure(lineNo ? `${path}:${lineNo + 1}` : path, `cannot read: ${(error as Error).message}`);
  }
}
