import { describe, expect, it } from 'vitest';
import { extract } from './extract.js';
import type { Language } from './vocabulary.js';

const LEAD: Record<Language, string> = {
  fa: 'وزیر ایران و وزیر قزاقستان در تهران دیدار و درباره همکاری گفتگو کردند',
  en: 'The ministers of Iran and Kazakhstan met in Tehran to discuss cooperation',
  ru: 'Министр Ирана встретился с министром Казахстана в Тегеране и обсудил сотрудничество',
};
const sectors = (lang: Language, topic: string) => extract(`${LEAD[lang]} ${topic}.`, { lang, publishedAt: '2025-04-13' }).events[0]?.sectors ?? [];

describe('sectors', () => {
  it.each<[Language, string, string[]]>([
    ['fa', 'در حوزه سینما', ['CINEMA', 'CULTURE']],
    ['fa', 'در حوزه گمرک و ترانزیت', ['TRADE', 'TRANSPORT']],
    ['fa', 'در زمینه نفت و گاز', ['ENERGY']],
    ['en', 'in tourism and agriculture', ['AGRICULTURE', 'TOURISM']],
    ['en', 'on banking and investment', ['FINANCE']],
    ['en', 'in film production', ['CINEMA', 'CULTURE']],
    ['ru', 'в сфере образования и науки', ['EDUCATION', 'SCIENCE']],
    ['ru', 'в области энергетики', ['ENERGY']],
  ])('%s: %s', (lang, topic, expected) => {
    expect(sectors(lang, topic)).toEqual(expected);
  });

  it('does not take a sector from one passing mention outside the event sentence', () => {
    const r = extract(`${LEAD.en}.\nHe also said football is popular.`, { publishedAt: '2025-04-13' });
    expect(r.events[0].sectors).not.toContain('SPORT');
  });
});
