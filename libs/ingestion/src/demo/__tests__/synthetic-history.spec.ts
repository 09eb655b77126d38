import { describe, expect, it } from 'vitest';
import { extract } from '@dyad/extraction';
import { DEMO_NAMES, SYNTHETIC_PUBLISHER, syntheticHistory } from '../synthetic-history.js';

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

  it('never quotes its title: the title is not a sentence of the text', () => {
    for (const item of items) expect(item.text, item.origin!).not.toContain(item.title!);
  });

  it('has varied titles', () => {
    expect(new Set(items.map((item) => item.title)).size / items.length).toBeGreaterThan(0.6);
  });

  it("names each country's officials with names of that country", () => {
    const countries: Record<string, string> = { Iran: 'IR', Kazakhstan: 'KZ', Russia: 'RU', China: 'CN', Armenia: 'AM', India: 'IN' };
    let checked = 0;
    for (const item of items) {
      for (const match of item.text!.matchAll(/\b(Iran|Kazakhstan|Russia|China|Armenia|India)'s Minister of [A-Z][a-z]+(?: and [A-Z][a-z]+)? ([A-Z][a-z]+) ([A-Z][\w-]+)/g)) {
        const [first, last] = DEMO_NAMES[countries[match[1]]];
        expect(first, match[0]).toContain(match[2]);
        expect(last, match[0]).toContain(match[3]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
