import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { NewsItemInput } from '../news-item-input.js';
import { nodeToText } from './html-to-text.js';
import { toHttpUrl, toIsoDate, toLanguage } from './values.js';

export type ArticleResult = { ok: true; input: NewsItemInput } | { ok: false; reason: string };

// Site chrome removed before Readability runs: on short pages it keeps menus and share bars otherwise.
const CHROME_SELECTOR = [
  'script', 'style', 'noscript', 'template', 'iframe', 'form', 'button', 'nav', 'aside', 'footer',
  '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]', '[role="search"]',
  '[aria-hidden="true"]',
].join(',');
const CHROME_CLASS = /(^|[-_])(share|sharing|sharethis|social|breadcrumbs?|newsletter|subscribe|comments?|related|tags|print|menu)([-_]|$)/i;
const SEPARATOR = '[|\\-–—:»«·]';
const SEPARATED = new RegExp(`^\\s*${SEPARATOR}\\s`);

// Only the bits of the DOM we touch; linkedom's own typings are loose.
type El = {
  tagName: string;
  textContent: string | null;
  parentElement: El | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<El>;
  querySelector(selector: string): El | null;
  closest(selector: string): El | null;
  remove(): void;
};
type Doc = El & { documentElement: El; body: El | null; title: string };

/**
 * The article in an HTML page as a news item: Readability's text (chrome dropped, paragraphs kept), the
 * title, the canonical URL (else og:url, else `pageUrl`), the publication day, og:site_name as publisher and
 * `<html lang>` when it is fa, en or ru.
 */
export function articleFromHtml(page: string, pageUrl?: string): ArticleResult {
  // linkedom builds no <body> for a bare fragment ("<p>…</p>" from a JSON line or a feed).
  const html = /<(html|body)[\s>]/i.test(page) ? page : `<!doctype html><html><body>${page}</body></html>`;
  const meta = readMetadata(parseHTML(html).document as unknown as Doc, pageUrl);

  const document = parseHTML(html).document as unknown as Doc;
  removeChrome(document);
  let text = '';
  try {
    const article = new Readability(document as never).parse();
    if (article?.content) text = nodeToText(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as never);
    meta.title ??= cleanTitle(article?.title ?? null, meta.publisher ?? article?.siteName ?? null, null);
    meta.publisher ??= article?.siteName?.trim() || null;
    meta.publishedAt ??= toIsoDate(article?.publishedTime);
  } catch {
    // Readability gave up on the markup; the body text below is the fallback.
  }
  if (!text.trim()) {
    // Readability finds no article in a bare page (a few paragraphs, no container): take the cleaned body.
    const fallback = parseHTML(html).document as unknown as Doc;
    removeChrome(fallback);
    text = fallback.body ? nodeToText(fallback.body as never) : '';
  }
  if (!text.trim()) return { ok: false, reason: 'no article text found in the HTML page' };

  const input: NewsItemInput = { text };
  for (const key of ['url', 'title', 'publishedAt', 'publisher', 'language'] as const) {
    if (meta[key]) (input as Record<string, unknown>)[key] = meta[key];
  }
  return { ok: true, input };
}

interface PageMetadata {
  url: string | null;
  title: string | null;
  publishedAt: string | null;
  publisher: string | null;
  language: NewsItemInput['language'];
}

function readMetadata(document: Doc, pageUrl?: string): PageMetadata {
  const metas = new Map<string, string>();
  for (const el of document.querySelectorAll('meta')) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop'))?.trim().toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const ogUrl = toHttpUrl(metas.get('og:url'), pageUrl);
  let canonical: string | null = null;
  for (const el of document.querySelectorAll('link[rel][href]')) {
    if (el.getAttribute('rel')!.toLowerCase().split(/\s+/).includes('canonical')) {
      // A relative canonical in a saved page resolves against the page's own og:url.
      canonical = toHttpUrl(el.getAttribute('href'), pageUrl ?? ogUrl ?? undefined);
      if (canonical) break;
    }
  }
  const url = canonical ?? ogUrl ?? toHttpUrl(pageUrl);

  const time = document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]');
  const publishedAt =
    ['article:published_time', 'og:published_time', 'datepublished', 'date', 'dc.date', 'dc.date.issued', 'pubdate', 'publish-date']
      .map((key) => toIsoDate(metas.get(key)))
      .find(Boolean) ??
    toIsoDate(time?.getAttribute('datetime')) ??
    null;

  const publisher = metas.get('og:site_name') ?? null;
  const h1 = [...document.querySelectorAll('h1')].map((el) => squash(el.textContent)).filter(Boolean);
  const title = cleanTitle(metas.get('og:title') ?? (squash(document.title) || null), publisher, h1.length === 1 ? h1[0] : null);
  return { url, title, publishedAt, publisher, language: toLanguage(document.documentElement.getAttribute('lang')) };
}

const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

// "Iran and Kazakhstan … | IRNA" → "Iran and Kazakhstan …": the site name is not part of the headline.
function cleanTitle(title: string | null, siteName: string | null, h1: string | null): string | null {
  const clean = squash(title);
  if (!clean) return h1;
  if (h1 && clean.startsWith(h1) && SEPARATED.test(clean.slice(h1.length))) return h1;
  const site = squash(siteName).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (site) {
    const stripped = clean.replace(new RegExp(`\\s*${SEPARATOR}\\s*${site}$|^${site}\\s*${SEPARATOR}\\s*`, 'i'), '').trim();
    if (stripped) return stripped;
  }
  return clean;
}

function removeChrome(document: Doc): void {
  for (const el of [...document.querySelectorAll(CHROME_SELECTOR)]) el.remove();
  // A page header outside the article is the site banner; a header inside it holds the headline.
  for (const el of [...document.querySelectorAll('header')]) if (!el.closest('article, main')) el.remove();
  for (const el of [...document.querySelectorAll('[class], [id]')]) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/).filter(Boolean);
    if (names.some((name) => CHROME_CLASS.test(name)) && isLinkHeavyOrShort(el)) el.remove();
  }
}

// Guards the class-name rule: a "related-content" wrapper around the whole article must survive.
function isLinkHeavyOrShort(el: El): boolean {
  const text = squash(el.textContent);
  if (text.length < 120) return true;
  const linked = [...el.querySelectorAll('a')].reduce((n, a) => n + squash(a.textContent).length, 0);
  return linked / text.length > 0.5;
}
