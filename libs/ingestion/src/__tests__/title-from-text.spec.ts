import { describe, expect, it } from 'vitest';
import { titleFromText } from '../title-from-text.js';

describe('a title from the first sentence', () => {
  it.each([
    ['Iran and Kazakhstan agreed to hold a film week. The festival opens in May.', 'Iran and Kazakhstan agreed to hold a film week'],
    ['ASTANA, April 13, 2025 – Iran and Kazakhstan agreed to hold a film week. More text.', 'Iran and Kazakhstan agreed to hold a film week'],
    ['МОСКВА, 18 ноя — РИА Новости. Россия и Иран подписали соглашение о торговле.', 'Россия и Иран подписали соглашение о торговле'],
    ['تهران- ایرنا- وزیران خارجه ایران و روسیه در تهران دیدار کردند. ادامه متن', 'وزیران خارجه ایران و روسیه در تهران دیدار کردند'],
    ['Talebi-Matin met the Kazakh envoy. Then more.', 'Talebi-Matin met the Kazakh envoy'],
    ['   \n\n', null],
  ])('%j → %j', (text, title) => {
    expect(titleFromText(text)).toBe(title);
  });

  it('cuts a long first sentence at a word, with an ellipsis', () => {
    const title = titleFromText(`${'The ministers discussed cooperation in trade and transport '.repeat(5)}.`)!;
    expect(title.length).toBeLessThanOrEqual(121);
    expect(title.endsWith('transport…') || title.endsWith('trade…') || title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/\s…$/);
  });

  it('takes the first line when the text has line breaks but no full stop', () => {
    expect(titleFromText('Film days in Astana\n\nThe Iranian embassy announced film days')).toBe('Film days in Astana');
  });
});
