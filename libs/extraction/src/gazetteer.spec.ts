import { describe, expect, it } from 'vitest';
import { findMentions } from './gazetteer.js';
import { keyText } from './normalize.js';
import type { Language } from './vocabulary.js';

const mentions = (text: string, lang: Language, publisher: string | null = null) => {
  const kt = keyText(text);
  return findMentions(kt.key, lang, publisher, (i) => text.slice(kt.start[i], kt.end[i])).map(
    (m) => `${m.place.code}${m.place.city ? `:${m.place.name}` : ''}${m.locative ? '@' : ''}${m.ours ? '*' : ''}`,
  );
};

describe('findMentions', () => {
  it.each<[string, Language, string[]]>([
    // names, demonyms, case endings
    ['ایران و قزاقستان', 'fa', ['IR', 'KZ']],
    ['فیلمهای ایرانی و فیلمهای قزاقی و قزاقستانی', 'fa', ['IR', 'KZ', 'KZ']],
    ['كشور ايران', 'fa', ['IR']],
    ['Iranian and Kazakh officials; Iran\'s envoy', 'en', ['IR', 'KZ', 'IR']],
    ['иранского министра и Казахстана, Россия и РФ', 'ru', ['IR', 'KZ', 'RU', 'RU']],
    // locative and cities
    ['رایزن فرهنگی ایران در قزاقستان', 'fa', ['IR', 'KZ@']],
    ['met in Muscat', 'en', ['OM:Muscat@']],
    ['в Москве', 'ru', ['RU:Moscow@']],
    // Astana vs "on the eve of"
    ['رایزن فرهنگی ایران در آستانه ضمن اشاره به قزاقستان', 'fa', ['IR', 'KZ:Astana@', 'KZ']],
    ['در آستانه سفر رئیس جمهور قزاقستان', 'fa', ['KZ']],
    ['در آستانه نوروز؛ ایران و ترکیه', 'fa', ['IR', 'TR']],
    ['در آستانه ولادت و ایران', 'fa', ['IR']],
    ['ایران در آستانه ورود به مرحله تازه', 'fa', ['IR']],
    ['Астана и Нур-Султан', 'ru', ['KZ:Astana', 'KZ:Astana']],
    // Dushanbe vs Monday
    ['روز دوشنبه ایران و تاجیکستان', 'fa', ['IR', 'TJ']],
    ['در دوشنبه پایتخت تاجیکستان', 'fa', ['TJ:Dushanbe@', 'TJ@']],
    ['در شهر امان پایتخت اردن', 'fa', ['JO@']],
    ['in Amman, the capital of Jordan', 'en', ['JO@']],
    ['سفر به دوشنبه', 'fa', ['TJ:Dushanbe']],
    ['فرودگاه دوشنبه', 'fa', ['TJ:Dushanbe']],
    // other traps
    ['آذربایجان شرقی و جمهوری آذربایجان', 'fa', ['AZ']],
    ['آمریکای لاتین و آمریکا', 'fa', ['US']],
    ['دریای عمان و سلطنت عمان', 'fa', ['OM']],
    ['Latin America and the US; us', 'en', ['US']],
    ['polish the Polish plan', 'en', ['PL']],
    ['Indian Ocean and India', 'en', ['IN']],
    ['кубок и Куба', 'ru', ['CU']],
    ['с Южной Кореей и Республикой Корея', 'ru', ['KR', 'KR']],
  ])('%s', (text, lang, expected) => {
    expect(mentions(text, lang)).toEqual(expected);
  });

  it('marks the subjects of talks as topics, not parties', () => {
    const text = 'Iran and Russia discussed issues ranging from Afghanistan and Syria; talks on Yemen; درباره سوریه';
    const kt = keyText(text);
    const ms = findMentions(kt.key, 'en', null, (i) => text.slice(kt.start[i], kt.end[i]));
    expect(ms.filter((m) => m.topic).map((m) => m.place.code)).toEqual(['AF', 'SY', 'YE']);
  });

  it.each<[string, Language, string, string[]]>([
    ['آمادگی کشورمان', 'fa', 'IR', ['IR*']],
    ['در کشورمان', 'fa', 'IR', ['IR@*']],
    ['our country and Azerbaijan', 'en', 'KZ', ['KZ*', 'AZ']],
    ['нашей страны', 'ru', 'RU', ['RU*']],
  ])('"our country": %s → the publisher', (text, lang, publisher, expected) => {
    expect(mentions(text, lang, publisher)).toEqual(expected);
  });
});

describe('findMentions on a text with astral characters (matched by regex, not the character table)', () => {
  it.each<[string, Language]>([
    ['ایران و قزاقستان در آستانه دیدار کردند. سفیر روسیه در تهران', 'fa'],
    ['Iranian and Kazakh officials met in Muscat; Russia and xIran', 'en'],
    ['иранского министра и Казахстана в Москве, Россия и РФ', 'ru'],
  ])('%s (%s): the same places with an emoji in the text', (text, lang) => {
    const plain = mentions(text, lang);
    expect(plain.length).toBeGreaterThanOrEqual(3);
    expect(mentions(`${text} 🙂`, lang)).toEqual(plain);
    expect(mentions(`🙂 ${text}`, lang)).toEqual(plain);
  });
});
