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

describe('event status', () => {
  it.each<[string, string, string, string]>([
    ['en', 'Kazakh President Kassym-Jomart Tokayev will visit Tehran next week, the Iranian foreign ministry said.', 'SCHEDULED', 'VISIT'],
    ['en', 'The foreign ministers of Iran and Oman held talks in Muscat on Sunday.', 'HELD', 'MEETING'],
    ['en', 'The Turkish foreign minister postponed his visit to Iran, his office said on Monday.', 'CANCELLED', 'VISIT'],
    ['en', 'The Omani minister accepted an invitation to visit Iran, the Iranian foreign ministry said.', 'SCHEDULED', 'VISIT'],
    ['fa', 'قرار است وزیر امور خارجه ترکیه هفته آینده به تهران سفر کند.', 'SCHEDULED', 'VISIT'],
    ['fa', 'سفر وزیر امور خارجه ایران به باکو لغو شد.', 'CANCELLED', 'VISIT'],
    ['ru', 'Президент Казахстана посетит Иран в следующем месяце.', 'SCHEDULED', 'VISIT'],
    ['ru', 'Визит министра иностранных дел Ирана в Турцию отменен.', 'CANCELLED', 'VISIT'],
  ])('%s: %s → %s', (lang, text, status, type) => {
    const [event] = extract(text, { lang: lang as 'fa' | 'en' | 'ru', publishedAt: '2025-03-02' }).events;
    expect(event).toMatchObject({ status, type });
  });

  // The trip itself, told in the future: scheduled, and its weekday the coming one (read as held, "on Wednesday" was the
  // Wednesday before publication, a date that never happened).
  it.each([
    ['en', 'Kazakh Foreign Minister Murat Nurtleu will leave Astana for Tehran on Wednesday for talks with his Iranian counterpart.', '2025-03-05'],
    ['en', 'The foreign ministers of Iran and Oman will co-chair the joint economic commission in Muscat on Tuesday.', '2025-03-04'],
    ['en', 'Russia will send a delegation to Kazakhstan next month for talks on cultural cooperation.', null],
    ['en', 'Iranian Foreign Minister Abbas Araghchi spoke to reporters in Tehran before departing for Baghdad for talks with Iraqi officials.', null],
    ['ru', 'Министр иностранных дел Ирана отправится в Астану в понедельник для переговоров с казахстанским коллегой.', '2025-03-03'],
    ['ru', 'Делегация Казахстана прибудет в Тегеран в следующем месяце для переговоров о сотрудничестве.', null],
    ['ru', 'Министр иностранных дел Ирана примет участие в заседании межправительственной комиссии Ирана и России в Москве.', null],
    // the Persian present of a trip is its announcement; "tomorrow's trip", "before the trip" are still to come
    ['fa', 'رئیس‌جمهور قزاقستان برای گفت‌وگو با همتای ایرانی خود به تهران سفر می‌کند.', null],
    ['fa', 'وزیر امور خارجه روسیه در جریان سفر فردا به تهران با همتای ایرانی خود دیدار می‌کند.', '2025-03-03'],
    ['fa', 'وزیر امور خارجه ایران پیش از سفر به مسکو گفت روابط ایران و روسیه رو به گسترش است.', null],
  ])('%s: %s → scheduled, %s', (lang, text, date) => {
    const [event] = extract(text, { lang: lang as 'en' | 'ru' | 'fa', publishedAt: '2025-03-02' }).events;
    expect(event).toMatchObject({ status: 'SCHEDULED', date });
  });

  it('reads an arrival or a trip told in the past as held', () => {
    for (const [lang, text] of [
      ['en', 'Iranian Foreign Minister Abbas Araghchi arrived in Baghdad on Sunday for talks with Iraqi officials.'],
      ['ru', 'Министр иностранных дел Ирана прибыл в Астану в воскресенье для переговоров с казахстанским коллегой.'],
      ['fa', 'رئیس‌جمهور قزاقستان روز یکشنبه برای گفت‌وگو با همتای ایرانی خود به تهران سفر کرد.'],
    ] as const) {
      expect(extract(text, { lang, publishedAt: '2025-03-02' }).events[0]).toMatchObject({ status: 'HELD', date: '2025-03-02' });
    }
  });

  it('dates a scheduled event forward and leaves it undated when the text gives no day', () => {
    // published on Sunday 2 March 2025: "on Wednesday" is the coming Wednesday, not the one before
    const dated = extract('Iranian President Masoud Pezeshkian will visit Yerevan on Wednesday at the invitation of the Armenian president.', { publishedAt: '2025-03-02' });
    expect(dated.events[0]).toMatchObject({ status: 'SCHEDULED', date: '2025-03-05', dateSource: 'RELATIVE', countries: ['AM', 'IR'] });
    const undated = extract('Kazakh President Kassym-Jomart Tokayev will visit Tehran, the Iranian foreign ministry said.', { publishedAt: '2025-03-02' });
    expect(undated.events[0]).toMatchObject({ status: 'SCHEDULED', date: null, dateSource: null });
  });
});

describe('dates the text does not give', () => {
  // The sentence after the meeting's is about the meeting, and names an older day: another event's (the forum's), not the
  // meeting's, which its report dates.
  it.each([
    ['ru', 'Заместитель министра иностранных дел России Андрей Руденко принял в Москве посла Ирана Казема Джалали.\n\nНа встрече обсуждались вопросы отношений России и Ирана, в том числе итоги форума, завершившегося 2 октября в Казани.'],
    ['en', 'Russian Deputy Foreign Minister Andrey Rudenko received Iranian Ambassador Kazem Jalali in Moscow.\n\nAt the meeting, Russia and Iran discussed their relations, including the results of the forum that ended on October 2 in Kazan.'],
  ])('%s: a meeting is not dated by the older day of another event told in the next sentence', (lang, text) => {
    const [event] = extract(text, { lang: lang as 'en' | 'ru', publishedAt: '2025-11-18' }).events;
    expect(event).toMatchObject({ status: 'HELD', date: '2025-11-18', dateSource: 'PUBLISHED' });
  });

  it('reads a dateline as the publication date', () => {
    const r = extract('GENEVA, July 20, 2023 (MNA) – The Iranian and Russian deputy foreign ministers held talks in Geneva on Syria.');
    expect(r.publishedAt).toBe('2023-07-20');
    expect(r.events[0]).toMatchObject({ date: '2023-07-20', dateSource: 'PUBLISHED', location: { name: 'Geneva', country: 'CH' } });
  });

  it('takes the city of the dateline as where the event was when the sentence names none', () => {
    const r = extract("ASTANA, April 13, 2025 — Iran's cultural counselor in Kazakhstan, Ali Akbar Talebi-Matin, met the head of Kazakhstan's State Center for Support of National Cinema, Kurmanbek Zhumagali, to discuss joint film productions.");
    expect(r.events[0]).toMatchObject({ date: '2025-04-13', location: { name: 'Astana', country: 'KZ' } });
    expect(r.events[0].participants.map((p) => [p.name, p.country])).toEqual([
      ['Ali Akbar Talebi-Matin', 'IR'],
      ['Kurmanbek Zhumagali', 'KZ'],
    ]);
  });

  it('leaves the date unknown, never today, when neither the text nor the caller gives one', () => {
    const r = extract('The foreign ministers of Iran and Oman held talks in Muscat on regional cooperation.');
    expect(r.publishedAt).toBeNull();
    expect(r.events[0]).toMatchObject({ date: null, dateSource: null });
  });
});

describe('several events in one item', () => {
  it('reports two meetings of one trip, each with its own parties, place and people', () => {
    const text = [
      'Iranian oil minister tours Latin America',
      '',
      "TEHRAN – Iran's Oil Minister Mohsen Paknejad met Venezuelan Vice President Delcy Rodriguez in Caracas on Saturday to discuss refinery cooperation.",
      "On Sunday Paknejad arrived in Havana and met Cuba's Energy Minister Vicente de la O Levy to discuss a solar power plant.",
    ].join('\n');
    const events = extract(text, { publishedAt: '2024-11-18' }).events;
    expect(events.map((e) => [e.countries.join(','), e.location?.name, e.date])).toEqual([
      ['IR,VE', 'Caracas', '2024-11-16'],
      ['CU,IR', 'Havana', '2024-11-17'],
    ]);
    expect(events[1].participants.map((p) => p.name)).toContain('Vicente de la O Levy');
    expect(events[1].evidence[0].text).toContain('Havana');
  });

  it('keeps "the two sides also discussed Afghanistan" in the meeting already reported', () => {
    const text =
      'The deputy foreign ministers of Iran and India met in New Delhi on Chabahar port. The two sides also exchanged views on developments in Afghanistan.';
    const events = extract(text, { publishedAt: '2025-02-08' }).events;
    expect(events.map((e) => e.countries.join(','))).toEqual(['IN,IR']);
  });
});

describe('readable labels', () => {
  it('names a proposal by its object and says who does what next, in the item language', () => {
    const r = extract(
      'The trade ministers of Iran and Kazakhstan met in Astana. They agreed to sign a memorandum of understanding on trade facilitation next month.',
      { publishedAt: '2025-04-13' },
    );
    const [event] = r.events;
    expect(event.proposals.find((p) => p.kind === 'MOU')?.description).toBe('Memorandum of understanding on trade facilitation');
    expect(event.followUps.map((f) => f.description)).toContain('Iran and Kazakhstan: sign the memorandum of understanding on trade facilitation');
  });

  it('writes a decision as what was decided, with the countries', () => {
    const r = extract('The foreign ministers of Iran and Oman met in Muscat. They agreed to hold the next round of talks in Tehran within three months.', {
      publishedAt: '2025-04-13',
    });
    expect(r.events[0].followUps[0].description).toMatch(/^Iran and Oman: hold the next round of talks in Tehran/);
  });

  it('ends a Russian object at a negation: «не» opens what is said of it, not more of its name', () => {
    const r = extract('Министры культуры России и Казахстана встретились в Астане 10 апреля. Стороны договорились подписать меморандум министерства не позднее июня.', {
      publishedAt: '2025-04-13',
    });
    expect(r.events[0].followUps.map((f) => f.description)).toEqual(['Казахстан и Россия: подписать меморандум министерства']);
  });
});

describe('not an event of its own', () => {
  it.each([
    ['commentary', 'Analysts say Iran and Russia may deepen energy ties\nAnalysts believe that Iran and Russia could sign an energy agreement, and that their ministers may meet in Moscow.'],
    ['a rejected proposal is a statement, not a meeting', "Iraq has rejected a proposal from Iran for safekeeping of the country's artifacts, the Iraqi culture ministry said."],
  ])('%s', (label, text) => {
    const events = extract(text, { publishedAt: '2025-04-13' }).events;
    if (label === 'commentary') expect(events).toEqual([]);
    else expect(events.map((e) => [e.type, e.countries.join(','), e.proposals[0]?.status])).toEqual([['STATEMENT', 'IQ,IR', 'WITHDRAWN']]);
  });
});

describe('statements, venues and places named in passing', () => {
  // The outlet a report is quoted from, with its own name in quotes, is its source: its country is not a party.
  it.each([
    'به گزارش خبرگزاری فارس به نقل از شبکه خبری «الجزیره قطر»، وزیر امور خارجه ایران روز یکشنبه با همتای روس خود در مسکو دیدار کرد.',
    'به گزارش خبرگزاری فارس به نقل از روزنامه «الاهرام مصر»، وزیر امور خارجه ایران روز یکشنبه با همتای روس خود در مسکو دیدار کرد.',
  ])('does not take the country of a quoted outlet as a party: %s', (text) => {
    expect(extract(text, { lang: 'fa', publishedAt: '2025-03-02' }).events.map((e) => e.countries)).toEqual([['IR', 'RU']]);
  });

  it('reads someone speaking of two countries’ relations as a STATEMENT', () => {
    const r = extract(
      'Envoy upbeat on ties\n\nTEHRAN – The new Chilean ambassador to Tehran says his country will expand its relationship with Iran in farming and mining.',
      { publishedAt: '2024-02-07' },
    );
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({ type: 'STATEMENT', countries: ['CL', 'IR'] });
  });

  it('does not read criticism of relations as a statement on them', () => {
    const r = extract('Minister criticises pressure\n\nThe minister said relations between Chile and Peru suffered under pressure from abroad.', { publishedAt: '2024-02-07' });
    expect(r.events).toEqual([]);
  });

  it('dates a cancelled visit by the day it was planned for', () => {
    const r = extract('Visit called off\n\nANKARA, March 3, 2024 – The visit of Turkey’s trade minister to Baku, planned for March 9, has been cancelled, the ministry said on Sunday. No new date was set.');
    expect(r.events[0]).toMatchObject({ status: 'CANCELLED', date: '2024-03-09', dateSource: 'TEXT' });
  });

  it('takes the date and place of an announced meeting from the sentence that says where it will be held', () => {
    const text =
      'UN envoy invites three states\n\nGENEVA – The UN envoy has invited Iran, Russia and Turkey to negotiations on a new constitution for Syria, a UN spokeswoman said on Friday. The talks will be held in Geneva on June 14.';
    const r = extract(text, { publishedAt: '2024-05-03' });
    // (not "Friday", the day the spokeswoman spoke)
    expect(r.events[0]).toMatchObject({ status: 'SCHEDULED', date: '2024-06-14', location: { name: 'Geneva', country: 'CH' } });
  });

  it('reads «در دوشنبه» as the city in an item about Tajikistan, not as Monday', () => {
    const text = 'تاجیکستان و ایران تفاهم‌نامه فرهنگی امضا کردند.\nسفیر ایران گفت: کار این تفاهم‌نامه از طریق رایزنی فرهنگی در دوشنبه پیگیری خواهد شد.';
    const r = extract(text, { publishedAt: '2024-06-01' });
    expect(r.events[0].followUps.map((f) => f.horizon)).not.toContain('IMMEDIATE');
  });

  it('does not take a Russian common noun opening a sentence for a person', () => {
    const r = extract('Министр иностранных дел России Сергей Лавров провел переговоры с министром иностранных дел Ирана Аббасом Аракчи. Стороны обсудили транспорт.', {
      publishedAt: '2025-11-19',
    });
    expect(r.events[0].participants.map((p) => p.name)).not.toContain('Стороны');
  });
});
