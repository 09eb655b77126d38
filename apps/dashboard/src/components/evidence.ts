import { directionOf, languageOf } from '../i18n/text.js';
import { h } from './dom.js';

export interface EvidenceSpan {
  id?: string;
  start: number;
  end: number;
  quote: string;
  newsItem: { id: string; title: string | null; url: string | null; language?: string | null };
}

/** Only http(s) links from news items become hrefs (never javascript: or data:). */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function sourceLink(item: { title: string | null; url: string | null }, fallback = 'source'): HTMLElement {
  const href = safeUrl(item.url);
  const text = item.title || item.url || fallback;
  return href
    ? h('a', { attrs: { href, target: '_blank', rel: 'noopener noreferrer' }, dir: 'auto' }, text)
    : h('span', { dir: 'auto' }, text);
}

/** A quote in its own language and direction (Persian right-to-left), with its source. */
export function quoteBlock(evidence: EvidenceSpan, language?: string | null): HTMLElement {
  const lang = languageOf(language ?? evidence.newsItem.language, evidence.quote);
  return h(
    'figure',
    { class: 'evidence' },
    h('blockquote', { class: 'quote', dir: directionOf(lang ?? null, evidence.quote), lang, data: { evidence: `${evidence.start}-${evidence.end}` } }, evidence.quote),
    h('figcaption', { class: 'quote-source' }, '— ', sourceLink(evidence.newsItem)),
  );
}

export interface Highlighted {
  element: HTMLElement;
  /** Scrolls to a span and marks it active. */
  focus(start: number, end: number): void;
}

/**
 * The source text with every evidence span highlighted (<mark>), built from Text nodes only. Overlapping
 * spans are merged; offsets are JavaScript string indices, as the API gives them.
 */
export function highlightedText(text: string, spans: { start: number; end: number; label?: string }[], language: string | null): Highlighted {
  const lang = languageOf(language, text);
  const element = h('div', { class: 'source-text', dir: directionOf(lang ?? null, text), lang, attrs: { tabindex: '0' } });
  const sorted = spans
    .filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; labels: string[] }[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      if (span.label) last.labels.push(span.label);
    } else merged.push({ start: span.start, end: span.end, labels: span.label ? [span.label] : [] });
  }
  let at = 0;
  const marks: { start: number; end: number; mark: HTMLElement }[] = [];
  for (const span of merged) {
    if (span.start > at) element.append(document.createTextNode(text.slice(at, span.start)));
    const mark = h('mark', { title: [...new Set(span.labels)].join(', '), data: { start: String(span.start), end: String(span.end) } }, text.slice(span.start, span.end));
    marks.push({ start: span.start, end: span.end, mark });
    element.append(mark);
    at = span.end;
  }
  if (at < text.length) element.append(document.createTextNode(text.slice(at)));
  return {
    element,
    focus(start, end) {
      for (const m of marks) m.mark.classList.remove('active');
      const hit = marks.find((m) => m.start <= start && m.end >= end) ?? marks.find((m) => m.start < end && m.end > start);
      if (!hit) return;
      hit.mark.classList.add('active');
      hit.mark.scrollIntoView({ block: 'center', behavior: 'auto' });
    },
  };
}
