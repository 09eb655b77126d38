import { describe, expect, it } from 'vitest';
import { extract, findTitle } from './extract.js';
import { keyText } from './normalize.js';

describe('extract: no cooperation event', () => {
  it.each([
    ['a domestic MoU', 'تفاهم‌نامه همکاری میان دانشگاه تهران و سازمان سینمایی کشور امضا شد.\nدو نهاد داخلی بر همکاری تاکید کردند.'],
    ['a film review', 'نقدی بر فیلم تازه\nفیلم تازه این کارگردان ایرانی در جشنواره فجر به نمایش درآمد و منتقدان آن را ستودند.'],
    ['a match result', 'تساوی ایران و ازبکستان\nتیم ملی فوتبال ایران در ورزشگاه تاشکند در دیدار با ازبکستان به تساوی رسید.'],
    ['a single-country statement', 'Kazakhstan will develop its film industry, the culture minister said on Monday in Astana.'],
    ['criticism with "talks"', 'Pompeo criticizes Turkey\nThe US Secretary of State criticized Turkey over its stance on the Karabakh conflict during talks.'],
    ['a host city only', 'Iranian officials met company executives in Amman, the capital of Jordan, to discuss oil.'],
  ])('%s', (_, text) => {
    expect(extract(text, { publishedAt: '2025-04-13' }).events).toEqual([]);
  });
});

describe('extract: event basics', () => {
  it('takes the type from a headline signing', () => {
    const r = extract('Iran, Syria ink MOU on electricity\n\nTEHRAN – Iran and Syria signed a memorandum of understanding on Saturday in Tehran.', {
      publishedAt: '2025-04-14',
    });
    expect(r.events[0]).toMatchObject({ type: 'SIGNING', date: '2025-04-12', dateSource: 'RELATIVE', countries: ['IR', 'SY'] });
  });

  it('reads a phone call', () => {
    const r = extract('Министр иностранных дел России Сергей Лавров провел телефонный разговор с министром иностранных дел Ирана Аббасом Аракчи вчера.', { publishedAt: '2025-11-19', lang: 'ru' });
    expect(r.events[0]).toMatchObject({ type: 'CALL', date: '2025-11-18', location: null });
  });

  it('adds the publisher for an official with no country («وزیر … با وزیر روسیه دیدار کرد»)', () => {
    const r = extract('وزیر راه و شهرسازی وارد مسکو شد و با وزیر حمل‌ونقل روسیه دیدار کرد.', { publishedAt: '2025-05-08' });
    expect(r.events[0]).toMatchObject({ countries: ['IR', 'RU'], location: { name: 'Moscow', country: 'RU' } });
  });

  it('reports the state of an old agreement as a STATEMENT', () => {
    const r = extract(
      'The memorandum of understanding signed with Azerbaijan in 2021 has not been implemented, an Iranian official said on Wednesday.',
      { publishedAt: '2025-10-08' },
    );
    expect(r.events[0]).toMatchObject({ type: 'STATEMENT', countries: ['AZ', 'IR'] });
    expect(r.events[0].proposals[0]).toMatchObject({ kind: 'MOU', status: 'STALLED' });
  });

  it('uses the publisher country option for «کشورمان»', () => {
    const r = extract('سفیر کشورمان با وزیر فرهنگ ترکیه دیدار و درباره همکاری فرهنگی گفتگو کرد.', { publisherCountry: 'TJ' });
    expect(r.events[0].countries).toEqual(['TJ', 'TR']);
  });
});

describe('event type', () => {
  it.each<[string, string, string]>([
    ['fa', 'وزیر فرهنگ ایران با وزیر فرهنگ ترکیه در آنکارا دیدار و گفتگو کرد.', 'MEETING'],
    ['fa', 'وزیر امور خارجه ایران در گفتگوی تلفنی با همتای عراقی خود درباره روابط دوجانبه گفتگو کرد.', 'CALL'],
    ['fa', 'سفر رسمی وزیر راه ایران به ارمنستان\nوزیر راه ایران برای یک سفر رسمی وارد ایروان شد و با وزیر ارمنستان دیدار کرد.', 'VISIT'],
    ['fa', 'تفاهم‌نامه همکاری ایران و ارمنستان امضا شد\nتفاهم‌نامه همکاری آموزشی ایران و ارمنستان روز گذشته در ایروان به امضا رسید.', 'SIGNING'],
    ['en', 'Iran and Oman held talks in Muscat on trade cooperation.', 'MEETING'],
    ['en', 'The Iranian and Russian foreign ministers discussed bilateral ties in a phone call.', 'CALL'],
    // talks held over a video link are a call, not a meeting in person
    ['en', 'The Turkish and Iraqi energy ministers held talks by video link on Monday.', 'CALL'],
    ['en', 'Iran, Greece sign transport MoU\nIran and Greece signed an MoU on transportation cooperation in Athens.', 'SIGNING'],
    ['ru', 'Министр иностранных дел России провел переговоры с министром иностранных дел Турции в Анкаре.', 'MEETING'],
    ['ru', 'Правительства России и Казахстана подписали соглашение о сотрудничестве.', 'SIGNING'],
  ])('%s: %s → %s', (lang, text, type) => {
    expect(extract(text, { lang: lang as 'fa' | 'en' | 'ru', publishedAt: '2025-04-13' }).events[0]?.type).toBe(type);
  });
});

describe('findTitle', () => {
  it.each([
    ['سیاسی\nدیدار عراقچی با سفیر قزاقستان در تهران\nوزیر امور خارجه کشورمان با سفیر قزاقستان دیدار و درباره روابط دو کشور گفتگو کرد.', 'دیدار عراقچی با سفیر قزاقستان در تهران'],
    ['Tehran Times\nIran, Kazakhstan to sign trade MoU next month\nTEHRAN – Iran and Kazakhstan will sign a memorandum of understanding on trade facilitation next month, an official said.', 'iran, kazakhstan to sign trade mou next month'],
    ['A single paragraph that is the whole body of the news item and has no title line above it at all, so there is none.', null],
  ])('%s', (text, expected) => {
    const key = keyText(text).key;
    const t = findTitle(key);
    expect(t ? key.slice(t.start, t.end) : null).toBe(expected);
  });
});
