import { assertDate, DomainError } from '@dyad/domain';
import { isOneOf, LANGUAGES, type Language } from '@dyad/extraction';
import type { NewsItemInput } from './news-item-input.js';

export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

export interface ValidItem {
  url: string | null;
  title: string | null;
  text: string;
  publishedAt: string | null;
  publisher: string | null;
  publisherCountry: string | null;
  language: Language | null;
}

const optionalString = (value: unknown, field: string, max: number): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw DomainError.invalid(`${field} must be a string`, { field });
  if (value.includes('\u0000')) throw DomainError.invalid(`${field} contains a NUL character, which text cannot hold`, { field });
  const trimmed = value.trim();
  if (trimmed.length > max) throw DomainError.invalid(`${field} is longer than ${max} characters`, { field });
  return trimmed || null;
};

/** Checks a news item from outside; a bad one is refused whole with a message naming the field. */
export function validateNewsItemInput(input: NewsItemInput): ValidItem {
  const text = input.text;
  if (typeof text !== 'string' || text.trim() === '') {
    throw DomainError.invalid('text is empty: give the article text (or html, which is turned into text first)', { field: 'text' });
  }
  if (Buffer.byteLength(text, 'utf8') > MAX_TEXT_BYTES) throw DomainError.invalid('text is over 5 MB', { field: 'text' });
  if (text.includes('\u0000')) throw DomainError.invalid('text contains NUL bytes: is it a binary file?', { field: 'text' });

  const url = validUrl(input.url);
  const publishedAt = optionalString(input.publishedAt, 'publishedAt', 10);
  if (publishedAt) assertDate(publishedAt, 'publishedAt');
  const publisherCountry = optionalString(input.publisherCountry, 'publisherCountry', 2);
  if (publisherCountry && !/^[A-Z]{2}$/.test(publisherCountry)) {
    throw DomainError.invalid('publisherCountry must be an ISO 3166-1 alpha-2 code in upper case, e.g. "IR"', {
      field: 'publisherCountry',
    });
  }
  const language = input.language ?? null;
  if (language !== null && !isOneOf(LANGUAGES, language)) {
    throw DomainError.invalid(`language must be one of ${LANGUAGES.join(', ')}`, { field: 'language' });
  }
  return {
    url,
    title: optionalString(input.title, 'title', 1000),
    text,
    publishedAt,
    publisher: optionalString(input.publisher, 'publisher', 300),
    publisherCountry,
    language,
  };
}

/** An item's URL: absent, or an http(s) URL of at most 2,000 characters. */
export function validUrl(value: unknown): string | null {
  const url = optionalString(value, 'url', 2000);
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw DomainError.invalid(`url is not a URL: "${url}"`, { field: 'url' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw DomainError.invalid('url must be http or https', { field: 'url' });
  return url;
}
