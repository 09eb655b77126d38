import type { Language } from '@dyad/extraction';

/** One news item as read from a file, a feed line, a page or a GraphQL mutation. */
export interface NewsItemInput {
  url?: string | null;
  title?: string | null;
  /** Plain text; when only `html` is given the article text is pulled out of it. */
  text?: string | null;
  html?: string | null;
  /** YYYY-MM-DD; else read from the text. */
  publishedAt?: string | null;
  publisher?: string | null;
  /** ISO alpha-2 of the publisher ("our country"). */
  publisherCountry?: string | null;
  language?: Language | null;
  /** Where it came from, for progress and error messages: a path, `path:line`, or a URL. */
  origin?: string;
}

export interface IngestOutcome {
  status: 'NEW' | 'DUPLICATE';
  newsItemId: string;
  meetingsCreated: number;
  meetingsMerged: number;
  proposalsCreated: number;
  proposalsAdvanced: number;
  followUpsClosed: number;
  /** Events with no date (neither the text nor the item gave one): their facts are stored undated. */
  undatedEvents: number;
}
