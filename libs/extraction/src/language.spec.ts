import { describe, expect, it } from 'vitest';
import { detectLanguage, detectScriptLanguage } from './language.js';

describe('detectLanguage', () => {
  it.each([
    ['تعاملات سینمایی میان ایران و قزاقستان افزایش مییابد', 'fa'],
    ['سرمايه‌گذاري عراق براي افزايش توليد نفت', 'fa'],
    ['Iran and Kazakhstan signed a memorandum', 'en'],
    ['Министр иностранных дел России', 'ru'],
    ['ایران و قزاقستان تفاهم نامه همکاری سینمایی امضا کردند\nAbout Us\nfiller text', 'fa'],
    ['', null],
    ['1234 5678', null],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('tells Arabic from Persian by Persian-only letters', () => {
    expect(detectScriptLanguage('وقع البلدان مذكرة تفاهم للتعاون في مجال الطاقة')).toBe('ar');
    expect(detectLanguage('وقع البلدان مذكرة تفاهم للتعاون في مجال الطاقة')).toBeNull();
  });
});
