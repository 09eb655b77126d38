import { describe, expect, it } from 'vitest';
import { keyText, normalizeForSearch, toOriginal } from './normalize.js';

describe('normalizeForSearch', () => {
  it.each([
    ['تفاهم‌نامه', 'تفاهمنامه'],
    ['تفاهمنامه', 'تفاهمنامه'],
    ['كشور ايران', 'کشور ایران'],
    ['مدرسة', 'مدرسه'],
    ['هیأت', 'هیات'],
    ['إيران', 'ایران'],
    ['امضاء', 'امضا'],
    ['مسئول', 'مسیول'],
    ['عــلــی', 'علی'],
    ['عَلِیٌّ', 'علی'],
    ['۱۴۰۴/۰۱/۲۴', '1404/01/24'],
    ['١٤٠٤', '1404'],
    ['\u200fسلام\u200e  دنیا\u00a0', 'سلام دنیا'],
    ['Iran  AND\tKazakhstan', 'iran and kazakhstan'],
    ['ﻻ', 'لا'],
    ['Ｉｒａｎ', 'iran'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it('gives ZWNJ, yeh/kaf and digit variants the same key', () => {
    const a = normalizeForSearch('همکاری‌های ایران و قزاقستان ۱۴۰۴');
    expect(normalizeForSearch('همكاريهاي ايران و قزاقستان ١٤٠٤')).toBe(a);
  });
});

describe('keyText offset map', () => {
  it('maps every key range back to the original characters', () => {
    const source = 'در\u200c آستانه ــ ۱۴۰۴ ي\r\nIran';
    const kt = keyText(source);
    expect(kt.key).toBe('در آستانه 1404 ی\niran');
    const i = kt.key.indexOf('1404');
    const { start, end } = toOriginal(kt, i, i + 4);
    expect(source.slice(start, end)).toBe('۱۴۰۴');
  });

  it('keeps surrogate pairs whole', () => {
    const source = 'a😀b';
    const kt = keyText(source);
    const { start, end } = toOriginal(kt, 1, 3);
    expect(source.slice(start, end)).toBe('😀');
  });

  it('treats CRLF as one newline', () => {
    expect(keyText('a\r\nb').key).toBe('a\nb');
  });
});
