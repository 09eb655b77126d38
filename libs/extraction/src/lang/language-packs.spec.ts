import { describe, expect, it } from 'vitest';
import { findMentions } from '../gazetteer.js';
import { words } from './fa/morphology.js';
import { keyText } from '../normalize.js';
import { LANGUAGES } from '../vocabulary.js';
import { PACKS } from './index.js';
import { countryNameClashes, dateWordClashes, listDuplicates, packShape, placeCoverage, placeFormClashes, wordLists } from './pack-checks.js';

const places = (text: string, lang: 'fa' | 'en' | 'ru') => {
  const kt = keyText(text);
  return findMentions(kt.key, lang, null, (i) => text.slice(kt.start[i], kt.end[i])).map((m) => m.place.code);
};

describe('language packs', () => {
  it('are registered for every language under their own code', () => {
    for (const lang of LANGUAGES) expect(PACKS[lang].language).toBe(lang);
  });

  it('every pack provides every key of the interface, and no value is missing', () => {
    const shapes = LANGUAGES.map((lang) => packShape(PACKS[lang]).filter((p) => p !== '.language'));
    for (const shape of shapes) expect(shape).toEqual(shapes[0]);
    expect(shapes[0]).toContain('.cues.event.MEETING');
    expect(shapes[0]).toContain('.places.countries');
    for (const lang of LANGUAGES) {
      for (const path of shapes[0]) {
        const value = path.split('.').slice(1).reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], PACKS[lang]);
        expect(value, `${lang}${path}`).toBeDefined();
        expect(value, `${lang}${path}`).not.toBeNull();
      }
    }
  });

  it.each(LANGUAGES)('%s names every country of the shared list, and only known places', (lang) => {
    expect(placeCoverage(PACKS[lang])).toEqual([]);
  });

  it.each(LANGUAGES)('%s lists no place form for two countries, two cities of different countries, or twice', (lang) => {
    expect(placeFormClashes(PACKS[lang])).toEqual([]);
  });

  it.each(LANGUAGES)('%s gives no two countries one short name', (lang) => {
    expect(countryNameClashes(PACKS[lang])).toEqual([]);
  });

  it.each(LANGUAGES)('%s lists no word twice in one list', (lang) => {
    const dups = wordLists(PACKS[lang], lang).flatMap(([path, list]) => listDuplicates(path, list));
    expect(dups).toEqual([]);
  });

  it.each(LANGUAGES)('%s gives no date word two meanings', (lang) => {
    expect(dateWordClashes(PACKS[lang])).toEqual([]);
  });

  it('the checks refuse what they are for', () => {
    const pack = {
      language: 'ru' as const,
      places: {
        ...PACKS.ru.places,
        countries: { JO: ['иордания', 'дании'], DK: ['дания', 'дании', 'датск*', 'датск*'] },
        cities: { Baku: ['баку'], Tehran: ['баку'] },
        names: { JO: 'Иордания', DK: 'Иордания' },
      },
    };
    expect(countryNameClashes(pack)).toEqual(['ru: the name «Иордания» is given to JO and DK']);
    expect(placeCoverage(pack)).toContain('ru: no name for IR');
    expect(placeFormClashes(pack)).toEqual([
      'ru: «дании» is listed for JO and DK',
      'ru: «датск*» is listed twice for DK',
      'ru: «баку» is listed for Baku and Tehran',
    ]);
    expect(listDuplicates('x', ['سفر', 'نشست', 'سفر'])).toEqual(['x: «سفر» is listed twice']);
    expect(() => words(['نیروگاه', 'برق', 'نیروگاه'])).toThrow(/نیروگاه/);
    const dates = { ...PACKS.en.dates, today: ['today', 'monday'], dayMonth: [{ ...PACKS.en.dates.dayMonth[0], months: [['may', 5], ['may', 6]] as const }] };
    expect(dateWordClashes({ language: 'en', dates })).toEqual([
      'en: «monday» is listed for today and weekday 1',
      'en: «may» is listed for months 5 and 6 (dayMonth 0)',
    ]);
    expect(wordLists({ weekdays: [['sunday', 0], ['sunday', 0]] }, 'x').flatMap(([p, l]) => listDuplicates(p, l))).toEqual([
      'x.weekdays: «sunday» is listed twice',
    ]);
  });

  it('Jordan and Denmark keep their own Russian forms', () => {
    expect(places('Министр посетил Иорданию.', 'ru')).toEqual(['JO']);
    expect(places('Делегация Иордании прибыла в Москву.', 'ru')).toEqual(['JO', 'RU']);
    expect(places('иорданская сторона', 'ru')).toEqual(['JO']);
    expect(places('Министр посетил Данию.', 'ru')).toEqual(['DK']);
    expect(places('датская компания', 'ru')).toEqual(['DK']);
  });
});
