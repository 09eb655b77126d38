import { describe, expect, it } from 'vitest';
import { extract } from '@dyad/extraction';
import { SYNTHETIC_PUBLISHER, syntheticHistory } from '../synthetic-history.js';

describe('syntheticHistory', () => {
  const items = syntheticHistory();

  it('is the same on every install and spans several years and about fifteen pairs', () => {
    expect(syntheticHistory()).toEqual(items);
    expect(items.length).toBeGreaterThan(150);
    const years = new Set(items.map((item) => item.publishedAt!.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(4);
    const pairs = new Set(items.map((item) => item.origin!.split(':')[1]));
    expect(pairs.size).toBeGreaterThanOrEqual(15);
    expect(items.every((item) => item.publisher === SYNTHETIC_PUBLISHER)).toBe(true);
  });

  it('reads back through the real extractor as cooperation between the intended pair', () => {
    let matched = 0;
    for (const item of items) {
      const [a, b] = item.origin!.split(':')[1].split('-');
      const result = extract(item.text!, { publishedAt: item.publishedAt!, lang: 'en', publisherCountry: item.publisherCountry! });
      if (result.events.some((event) => event.countries.includes(a) && event.countries.includes(b))) matched++;
    }
    expect(matched / items.length).toBeGreaterThan(0.9);
  });
});
