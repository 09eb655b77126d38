import type { NewsItemInput } from '../news-item-input.js';

/** One result of reading sources: a news item, or why one location (file, line, entry, URL) gave none. */
export type SourceItem = { ok: true; input: NewsItemInput } | { ok: false; origin: string; reason: string };

export interface ReadSourcesOptions {
  /** Defaults for items that carry no value of their own (from the command line). */
  publishedAt?: string;
  publisherCountry?: string;
  /** Per file, per JSON line, per download; 5 MB. */
  maxBytes?: number;
  /** Per download; 20 s. */
  timeoutMs?: number;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 20_000;

export const NOT_A_SOURCE = 'not a text, HTML, JSON Lines or feed file';

export const failure = (origin: string, reason: string): SourceItem => ({ ok: false, origin, reason });

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${bytes} bytes`;
}
