import { describe, expect, it } from 'vitest';
import { extract } from './extract.js';
import type { Language } from './vocabulary.js';

const people = (text: string, lang: Language) =>
  extract(text, { lang, publishedAt: '2025-04-13' }).events[0]?.participants.map((p) => [p.name, p.title, p.organization, p.country]) ?? [];

describe('participants', () => {
  it.each<[string, Language, (string | null)[][]]>([
    [
      'علی اکبر طالبیمتین رایزن فرهنگی ایران در قزاقستان و کورمانبیک ژوماگالی رئیس مرکز دولتی حمایت از سینمای ملی قزاقستان در محل این مرکز دیدار و گفتگو کردند.',
      'fa',
      [
        ['علی اکبر طالبیمتین', 'رایزن فرهنگی ایران در قزاقستان', null, 'IR'],
        ['کورمانبیک ژوماگالی', 'رئیس', 'مرکز دولتی حمایت از سینمای ملی قزاقستان', 'KZ'],
      ],
    ],
    [
      'وزیر امور خارجه کشورمان در گفتگوی تلفنی با حسن الجبوری وزیر امور خارجه عراق درباره روابط دوجانبه گفتگو کرد.',
      'fa',
      [['حسن الجبوری', 'وزیر امور خارجه عراق', null, 'IQ']],
    ],
    [
      "MOSCOW – Iran's Oil Minister Javad Owji and Russian Deputy Prime Minister Alexander Novak signed an agreement in Moscow.",
      'en',
      [
        ['Javad Owji', 'Oil Minister', null, 'IR'],
        ['Alexander Novak', 'Deputy Prime Minister', null, 'RU'],
      ],
    ],
    [
      'Minister of Foreign Affairs of the Republic of Kazakhstan Murat Nurtleu held a telephone conversation with Minister of Foreign Affairs of the Republic of Azerbaijan Jeyhun Bayramov.',
      'en',
      [
        ['Murat Nurtleu', 'Minister of Foreign Affairs of the Republic of Kazakhstan', null, 'KZ'],
        ['Jeyhun Bayramov', 'Minister of Foreign Affairs of the Republic of Azerbaijan', null, 'AZ'],
      ],
    ],
    [
      "Iran's Minister of Agriculture Jihad Javad Sadati-Nejad met Oman's Minister of Agriculture, Fisheries and Water Resources Saud bin Hamoud Al Habsi in Muscat.",
      'en',
      [
        ['Javad Sadati-Nejad', 'Minister of Agriculture Jihad', null, 'IR'],
        ['Saud bin Hamoud Al Habsi', 'Minister of Agriculture, Fisheries and Water Resources', null, 'OM'],
      ],
    ],
    [
      "Iran's cultural counsellor in Kazakhstan Ali Akbar Talebi Matin met the head of Kazakhstan's State Centre for Support of National Cinema Kurmanbek Zhumagali in Astana.",
      'en',
      [
        ['Ali Akbar Talebi Matin', 'cultural counsellor in Kazakhstan', null, 'IR'],
        ['Kurmanbek Zhumagali', 'head', "Kazakhstan's State Centre for Support of National Cinema", 'KZ'],
      ],
    ],
    [
      'Министр иностранных дел России Сергей Лавров провел переговоры с турецким коллегой Хаканом Фиданом в Анкаре.',
      'ru',
      [
        ['Сергей Лавров', 'Министр иностранных дел России', null, 'RU'],
        ['Хаканом Фиданом', 'турецким коллегой', null, 'TR'],
      ],
    ],
    // state-form words («Королевства», «Республики») and the ambassador formula stay in the title;
    // a capitalised office word after a verb starts a title
    [
      'В Минске переговоры с Президентом Республики Беларусь Александром Лукашенко провел Чрезвычайный и Полномочный Посол Исламской Республики Иран Али Садеги.',
      'ru',
      [
        ['Александром Лукашенко', 'Президентом Республики Беларусь', null, 'BY'],
        ['Али Садеги', 'Чрезвычайный и Полномочный Посол Исламской Республики Иран', null, 'IR'],
      ],
    ],
    [
      'Министр энергетики Сербии встретился в Париже с Президентом Французской Республики Жаном Дюпоном.',
      'ru',
      [['Жаном Дюпоном', 'Президентом Французской Республики', null, 'FR']],
    ],
  ])('%s', (text, lang, expected) => {
    expect(people(text, lang)).toEqual(expected);
  });
});

describe('participants in a text with astral characters (tokenised by regex, not the character table)', () => {
  it.each<[string, Language]>([
    ['علی اکبر طالبیمتین رایزن فرهنگی ایران در قزاقستان و کورمانبیک ژوماگالی رئیس مرکز دولتی حمایت از سینمای ملی قزاقستان در محل این مرکز دیدار و گفتگو کردند.', 'fa'],
    ["MOSCOW – Iran's Oil Minister Javad Owji and Russian Deputy Prime Minister Alexander Novak signed an agreement in Moscow.", 'en'],
  ])('%s: the same people with an emoji after it', (text, lang) => {
    const plain = people(text, lang);
    expect(plain.length).toBe(2);
    expect(people(`${text} 🙂`, lang)).toEqual(plain);
  });
});
