import { describe, expect, it } from 'vitest';
import { looksLikeJsonFeed, parseJsonFeed } from '../json-feed.js';

const feed = (items: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'IRNA English', language: 'en', items, ...extra });

describe('JSON Feed', () => {
  it('is told apart from other JSON', () => {
    expect(looksLikeJsonFeed(feed([]))).toBe(true);
    expect(looksLikeJsonFeed('{"version": "https://jsonfeed.org/version/1", "items": []}')).toBe(true);
    expect(looksLikeJsonFeed('{"url": "https://x.org", "text": "a"}')).toBe(false);
  });

  it('turns each item into a news item with its own date, URL, title and text', () => {
    const parsed = parseJsonFeed(
      feed([
        { id: '1', url: 'https://irna.ir/en/1', title: 'Iran, Kazakhstan talks', content_text: 'Text one.', date_published: '2025-04-13T23:30:00+03:30' },
        { id: 'https://irna.ir/en/2', content_html: '<p>Text <b>two</b>.</p>', date_modified: '2025-04-14T08:00:00Z', language: 'fa' },
        { id: '3', url: '/relative/3', summary: 'Summary three.' },
      ]),
      'https://irna.ir/feed.json',
      'https://irna.ir/feed.json',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.items).toEqual([
      { ok: true, input: { origin: 'https://irna.ir/feed.json#1', text: 'Text one.', url: 'https://irna.ir/en/1', title: 'Iran, Kazakhstan talks', publishedAt: '2025-04-13', language: 'en', publisher: 'IRNA English' } },
      { ok: true, input: { origin: 'https://irna.ir/feed.json#2', text: 'Text two.', url: 'https://irna.ir/en/2', publishedAt: '2025-04-14', language: 'fa', publisher: 'IRNA English' } },
      { ok: true, input: { origin: 'https://irna.ir/feed.json#3', text: 'Summary three.', url: 'https://irna.ir/relative/3', language: 'en', publisher: 'IRNA English' } },
    ]);
  });

  it('reports an item without text, and a document that is not a feed', () => {
    const parsed = parseJsonFeed(feed([{ id: '1', title: 'No body' }, 'nonsense']), 'f');
    expect(parsed.ok && parsed.items).toEqual([
      { ok: false, origin: 'f#1', reason: 'JSON Feed item has no text (no content_text, content_html or summary)' },
      { ok: false, origin: 'f#2', reason: 'JSON Feed item is not an object' },
    ]);
    expect(parseJsonFeed('{"items": []}', 'f')).toMatchObject({ ok: false, reason: expect.stringMatching(/not a JSON Feed/) });
    expect(parseJsonFeed('{', 'f')).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
    expect(parseJsonFeed(feed([], { items: 3 }), 'f')).toMatchObject({ ok: false, reason: expect.stringMatching(/items/) });
  });
});
