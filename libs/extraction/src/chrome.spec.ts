import { describe, expect, it } from 'vitest';
import { blankChrome, findChrome } from './chrome.js';
import { keyText } from './normalize.js';

const chromeOf = (text: string) => {
  const key = keyText(text).key;
  return findChrome(key).map((r) => key.slice(r.start, r.end).trim());
};

describe('findChrome', () => {
  it.each([
    ['• 42', true],
    ['زمان مطالعه : 2 دقیقه', true],
    ['About Us', true],
    ['روابط عمومی و اطلاع رسانی سازمان فرهنگ و ارتباطات اسلامی', true],
    ['The argument in favor of using filler text goes something like this', true],
    ['All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License.', true],
    ['کد خبر ۶۴۸۱۰۹۳', true],
    ['. .', true],
    ['Share', true],
    ['طرفین توافق کردند که در آینده نزدیک تفاهمنامه امضا کنند.', false],
  ])('%s → chrome: %s', (line, isChrome) => {
    expect(chromeOf(`متن خبر.\n${line}\n`).length > 0).toBe(isChrome);
  });

  it('treats everything after "About Us" as footer', () => {
    const text = 'Body text here.\nAbout Us\nIran and Kazakhstan signed an MoU.';
    const key = keyText(text).key;
    const blank = blankChrome(key, findChrome(key));
    expect(blank).not.toContain('signed');
    expect(blank.length).toBe(key.length);
  });

  it('keeps the body of a one-line article that ends with a licence notice', () => {
    const text = 'TEHRAN – Iran and Iraq signed an MoU. NA/PA All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License.';
    const key = keyText(text).key;
    const blank = blankChrome(key, findChrome(key));
    expect(blank).toContain('iran and iraq signed an mou.');
    expect(blank).not.toContain('creative commons');
  });

  it('blanks overlapping ranges without changing the length', () => {
    const key = 'abcdefghij';
    expect(blankChrome(key, [{ start: 2, end: 6 }, { start: 4, end: 8 }])).toBe('ab      ij');
  });
});
