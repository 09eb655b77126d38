import { DomainError } from '@dyad/domain';
import { validateNewsItemInput, validUrl, type ValidItem } from './ingest-input.js';
import type { NewsItemInput } from './news-item-input.js';
import type { AllowPrivate } from './sources/address-policy.js';
import { articleFromUrl } from './sources/article-from-url.js';
import { articleFromHtml } from './sources/html-page.js';

/**
 * The one way a news item comes in, for the ingest mutation, the preview and the commands: fetched when it
 * is given only by URL (through the outbound-request guard), its article text pulled out when it is HTML,
 * then validated. Values the caller gave win over what the page says.
 */
export async function readNewsItem(input: NewsItemInput, allowPrivate: AllowPrivate = 'none'): Promise<ValidItem> {
  return validateNewsItemInput(withArticleText(await fetchedIfUrlOnly(input, allowPrivate)));
}

async function fetchedIfUrlOnly(input: NewsItemInput, allowPrivate: AllowPrivate): Promise<NewsItemInput> {
  if (input.text?.trim() || input.html?.trim()) return input;
  const url = validUrl(input.url);
  return url ? { ...(await articleFromUrl(url, allowPrivate)), ...given(input) } : input;
}

/** An item given as HTML only gets its article text pulled out first (page chrome dropped). */
export function withArticleText(input: NewsItemInput): NewsItemInput {
  if ((input.text ?? '').trim() || !input.html?.trim()) return input;
  const article = articleFromHtml(input.html, input.url ?? undefined);
  if (!article.ok) throw DomainError.invalid(`html: ${article.reason}`, { field: 'html' });
  return { ...article.input, ...given(input), text: article.input.text };
}

const given = (input: NewsItemInput) => Object.fromEntries(Object.entries(input).filter(([, value]) => value != null && value !== ''));
