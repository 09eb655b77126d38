import { describe, expect, it } from 'vitest';
import { findDates, findPublicationDate } from './dates.js';
import { keyText } from './normalize.js';
import type { Language } from './vocabulary.js';

const found = (text: string, lang: Language, pub: string | null) => {
  const key = keyText(text).key;
  return findDates(key, lang, pub).map((d) => [key.slice(d.start, d.end), d.date, d.relative]);
};

describe('findDates', () => {
  it.each<[string, Language, string | null, (string | boolean | null)[][]]>([
    ['1404/01/24 - 09:47', 'fa', null, [['1404/01/24', '2025-04-13', false]]],
    ['۱۴۰۴/۰۱/۲۴', 'fa', null, [['1404/01/24', '2025-04-13', false]]],
    ['روز ۲۴ فروردین ۱۴۰۴ دیدار کردند', 'fa', null, [['24 فروردین 1404', '2025-04-13', false]]],
    ['۱۵ مهر ماه', 'fa', '2025-10-08', [['15 مهر ماه', '2025-10-07', false]]],
    ['به گزارش خبرگزاری مهر، در مهر ماه', 'fa', '2025-10-08', []],
    ['در دی و خرداد', 'fa', '2025-10-08', []],
    ['روز گذشته دیدار کردند', 'fa', '2025-05-06', [['روز گذشته', '2025-05-05', true]]],
    ['دیروز و امروز', 'fa', '2025-05-06', [['دیروز', '2025-05-05', true], ['امروز', '2025-05-06', true]]],
    ['یکشنبه', 'fa', '2025-04-16', [['یکشنبه', '2025-04-13', true]]],
    ['سه شنبه', 'fa', '2025-04-16', [['سه شنبه', '2025-04-15', true]]],
    ['در دوشنبه پایتخت تاجیکستان', 'fa', '2025-04-16', []],
    ['سفر به دوشنبه', 'fa', '2025-04-16', []],
    ['نماز جمعه', 'fa', '2025-04-16', []],
    ['On 22 December 2022 they met', 'en', null, [['22 december 2022', '2022-12-22', false]]],
    ['July 20, 2023', 'en', null, [['july 20, 2023', '2023-07-20', false]]],
    ['they met on Sunday', 'en', '2025-04-16', [['sunday', '2025-04-13', true]]],
    ['yesterday', 'en', '2025-04-16', [['yesterday', '2025-04-15', true]]],
    ['it may 5 times', 'en', '2025-04-16', []],
    ['15 мая 2026 года', 'ru', null, [['15 мая 2026', '2026-05-15', false]]],
    ['вчера', 'ru', '2026-05-16', [['вчера', '2026-05-15', true]]],
    ['в понедельник', 'ru', '2026-05-16', [['в понедельник', '2026-05-11', true]]],
    ['2025-13-40', 'en', null, []],
  ])('%s (%s)', (text, lang, pub, expected) => {
    expect(found(text, lang, pub)).toEqual(expected);
  });

  it('leaves relative dates unresolved without a publication date', () => {
    expect(found('yesterday', 'en', null)).toEqual([['yesterday', null, true]]);
  });
});

describe('findPublicationDate', () => {
  it.each<[string, Language, string | null]>([
    ['• 1404/01/24 - 09:47\n  • 42\n\nعنوان\n\nمتن', 'fa', '2025-04-13'],
    ['Published: 23 December 2022\n\nIran, Russia sign', 'en', '2022-12-23'],
    ['Tehran Times | October 3, 2023\nTitle', 'en', '2023-10-03'],
    ['2 декабря 2025, 11:00\n\nЛавров', 'ru', '2025-12-02'],
    ['A long first paragraph that mentions 22 December 2022 somewhere in its body text, well beyond a header.', 'en', null],
  ])('%s', (text, lang, expected) => {
    expect(findPublicationDate(keyText(text).key, lang)?.date ?? null).toBe(expected);
  });
});
