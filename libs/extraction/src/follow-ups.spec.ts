import { describe, expect, it } from 'vitest';
import { extract } from './extract.js';
import type { Language } from './vocabulary.js';

const LEAD: Record<Language, string> = {
  fa: 'وزیر فرهنگ ایران و وزیر فرهنگ قزاقستان در تهران دیدار و گفتگو کردند.',
  en: 'The foreign ministers of Iran and Kazakhstan met in Tehran.',
  ru: 'Министр иностранных дел Ирана встретился с министром иностранных дел Казахстана в Тегеране.',
};

const followUps = (lang: Language, sentence: string) =>
  extract(`${LEAD[lang]} ${sentence}`, { lang, publishedAt: '2025-04-13' }).events[0]?.followUps.map((f) => ({
    owners: f.owners.join(','),
    horizon: f.horizon,
    dueDate: f.dueDate,
  })) ?? [];

describe('follow-ups', () => {
  it.each<[Language, string, { owners: string; horizon: string; dueDate: string | null }[]]>([
    ['fa', 'طرفین توافق کردند که در آینده نزدیک تفاهمنامه را امضا کنند.', [{ owners: 'IR,KZ', horizon: 'NEAR_TERM', dueDate: null }]],
    ['fa', 'مقرر شد تفاهمنامه هفته آینده امضا شود.', [{ owners: 'IR,KZ', horizon: 'IMMEDIATE', dueDate: null }]],
    ['fa', 'مقرر شد متن موافقتنامه ظرف مدت سه ماه نهایی شود.', [{ owners: 'IR,KZ', horizon: 'NEAR_TERM', dueDate: '2025-07-13' }]],
    ['fa', 'طرفین توافق کردند موافقتنامه سال آینده امضا شود.', [{ owners: 'IR,KZ', horizon: 'LONG_TERM', dueDate: null }]],
    ['fa', 'وزیر ایرانی از همتای قزاق خود برای سفر به ایران دعوت کرد.', [{ owners: 'KZ', horizon: 'UNSPECIFIED', dueDate: null }]],
    ['en', 'They agreed to sign the agreement within three months.', [{ owners: 'IR,KZ', horizon: 'NEAR_TERM', dueDate: '2025-07-13' }]],
    ['en', 'The MoU will be signed next week.', [{ owners: 'IR,KZ', horizon: 'IMMEDIATE', dueDate: null }]],
    ['en', 'The next meeting of the joint commission will be held next year.', [{ owners: 'IR,KZ', horizon: 'LONG_TERM', dueDate: null }]],
    ['ru', 'Стороны договорились подписать соглашение в ближайшее время.', [{ owners: 'IR,KZ', horizon: 'NEAR_TERM', dueDate: null }]],
    ['en', 'They discussed the situation in the region.', []],
    // signed in this report: the earlier drafting is background, not a step still to take
    ['en', 'They signed a memorandum of understanding on culture. The memorandum, whose text was finalised by experts last month, covers exchanges of artists.', []],
    ['en', 'They signed an agreement on trade. Under the agreement, they agreed to draw up a tariff schedule within two months.', [{ owners: 'IR,KZ', horizon: 'NEAR_TERM', dueDate: '2025-06-13' }]],
    ['fa', 'تفاهمنامه همکاری فرهنگی دو کشور در این دیدار به امضا رسید. این تفاهمنامه که متن آن در سفر ماه گذشته هیأت قزاقستانی نهایی شده بود، تبادل هنرمندان را در بر میگیرد.', []],
  ])('%s: %s', (lang, sentence, expected) => {
    expect(followUps(lang, sentence)).toEqual(expected);
  });
});
