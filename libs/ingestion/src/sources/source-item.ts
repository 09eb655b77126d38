import type { AllowPrivate } from './address-policy.js';
import type { NewsItemInput } from '../news-item-input.js';

/** One result of reading sources: a news item, or why one location (file, line, entry, URL) gave none. */
export type SourceItem =
  | { ok: true; input: NewsItemInput }
  /** `detail`: the cause behind a refused download, for the operator's eyes (logs, the command line), not API callers. */
  | { ok: false; origin: string; reason: string; detail?: string };

export interface ReadSourcesOptions {
  /** Defaults for items that carry no value of their own (from the command line). */
  publishedAt?: string;
  publisherCountry?: string;
  /** Per file, per JSON line, per download; 5 MB. */
  maxBytes?: number;
  /** Per download; 20 s. */
  timeoutMs?: number;
  /** Non-public addresses that may be fetched (DYAD_FETCH_ALLOW_PRIVATE); none by default. */
  allowPrivate?: AllowPrivate;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 20_000;

export const NOT_A_SOURCE = 'not a text, HTML, JSON Lines or feed file';

export const failure = (origin: string, reason: string): SourceItem => ({ ok: false, origin, reason });

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${bytes} bytes`;
}
