import { describe, expect, it } from 'vitest';
import { extract } from './extract.js';
import type { Language } from './vocabulary.js';

// A meeting sentence gives the event; the second sentence carries the proposal under test.
const LEAD: Record<Language, string> = {
  fa: 'وزیر فرهنگ ایران و وزیر فرهنگ قزاقستان در تهران دیدار و گفتگو کردند.',
  en: 'The foreign ministers of Iran and Kazakhstan met in Tehran.',
  ru: 'Министр иностранных дел Ирана встретился с министром иностранных дел Казахстана в Тегеране.',
};

const proposals = (lang: Language, sentence: string) => {
  const result = extract(`${LEAD[lang]} ${sentence}`, { lang, publishedAt: '2025-04-13' });
  return result.events[0]?.proposals.map((p) => `${p.kind}:${p.status}`) ?? [];
};

describe('proposal kind and status', () => {
  it.each<[Language, string, string[]]>([
    ['fa', 'مسئولین دو کشور بتوانند به امضای تفاهم نامه همکاری بپردازند.', ['MOU:PROPOSED']],
    ['fa', 'طرفین توافق کردند که در آینده نزدیک با امضای تفاهمنامهای رسمی همکاری اجرایی شود.', ['MOU:AGREED']],
    ['fa', 'تفاهم‌نامه همکاری فرهنگی به امضا رسید.', ['MOU:SIGNED']],
    ['fa', 'تفاهمنامه همکاری امضا کردند.', ['MOU:SIGNED']],
    ['fa', 'تفاهمنامه همکاری هفته آینده امضا خواهد شد.', ['MOU:AGREED']],
    ['fa', 'متن پیش‌نویس موافقت‌نامه در حال نهایی شدن است.', ['AGREEMENT:NEGOTIATING']],
    ['fa', 'تفاهمنامه سال گذشته تاکنون اجرایی نشده است.', ['MOU:STALLED']],
    ['fa', 'تفاهمنامه منطقه آزاد لغو شد.', ['MOU:WITHDRAWN']],
    ['fa', 'وی آمادگی کشورمان را برای تولیدات مشترک و برگزاری جشنواره فیلم اعلام کرد.', ['JOINT_PROJECT:PROPOSED', 'EVENT:PROPOSED']],
    ['fa', 'درباره برگزاری کارگاههای آموزشی و تبادل هیأتهای هنری بحث شد.', ['EXCHANGE:PROPOSED', 'TRAINING:PROPOSED']],
    ['fa', 'وی از همتای خود برای سفر به ایران دعوت کرد.', ['VISIT:PROPOSED']],
    ['en', 'The two sides signed a memorandum of understanding on trade.', ['MOU:SIGNED']],
    ['en', 'The two sides will sign a memorandum of understanding next month.', ['MOU:AGREED']],
    ['en', 'The MoU is expected to be signed soon.', ['MOU:AGREED']],
    ['en', 'They agreed to sign an agreement on transport.', ['AGREEMENT:AGREED']],
    ['en', 'They are finalising the draft of the trade agreement.', ['AGREEMENT:NEGOTIATING']],
    ['en', 'The agreement signed in 2021 has not been implemented.', ['AGREEMENT:STALLED']],
    ['en', 'Iran cancelled the shipping agreement.', ['AGREEMENT:WITHDRAWN']],
    ['en', 'He proposed joint film production and a film festival.', ['JOINT_PROJECT:PROPOSED', 'EVENT:PROPOSED']],
    ['en', 'He invited his counterpart to visit Tehran.', ['VISIT:PROPOSED']],
    ['ru', 'Стороны подписали меморандум о взаимопонимании.', ['MOU:SIGNED']],
    ['ru', 'Меморандум будет подписан в ближайшее время.', ['MOU:AGREED']],
    ['ru', 'Стороны договорились подписать соглашение.', ['AGREEMENT:AGREED']],
    // an accepted invitation is agreed by both sides; "an understanding was reached" is agreement
    ['ru', 'Он пригласил коллегу посетить Иран, и приглашение было с благодарностью принято.', ['VISIT:AGREED']],
    ['en', 'He invited his counterpart to visit Tehran, and the invitation was gladly accepted.', ['VISIT:AGREED']],
    ['en', 'An understanding was reached on joint training courses for diplomats.', ['TRAINING:AGREED']],
    // «контракт» is a document like «соглашение»
    ['ru', 'Стороны подписали контракт на поставку зерна.', ['AGREEMENT:SIGNED']],
    ['ru', 'Он предложил провести фестиваль и мастер-классы.', ['EVENT:PROPOSED', 'TRAINING:PROPOSED']],
    // the object of a document is not a proposal of its own
    ['fa', 'تفاهمنامه تبادل الکترونیکی اطلاعات گمرکی هفته آینده امضا خواهد شد.', ['MOU:AGREED']],
    ['en', 'They signed an agreement on the construction of three power plants.', ['AGREEMENT:SIGNED']],
    ['ru', 'Стороны подписали соглашение о строительстве трех ТЭЦ.', ['AGREEMENT:SIGNED']],
    // talks that ended with a signing («завершились … подписанием»): signed, not still to sign
    ['ru', 'Переговоры завершились подписанием меморандума о сотрудничестве в области культуры.', ['MOU:SIGNED']],
    ['ru', 'Визит увенчался в пятницу подписанием соглашения о воздушном сообщении.', ['AGREEMENT:SIGNED']],
    ['ru', 'Стороны намерены завершить подготовку к подписанию соглашения.', ['AGREEMENT:NEGOTIATING']],
  ])('%s: %s', (lang, sentence, expected) => {
    expect(proposals(lang, sentence)).toEqual(expected);
  });

  it('"will sign" is never SIGNED, in any language', () => {
    expect(proposals('en', 'Iran and Kazakhstan will sign an MoU.')).not.toContain('MOU:SIGNED');
    expect(proposals('fa', 'تفاهمنامه به امضا خواهد رسید.')).not.toContain('MOU:SIGNED');
    expect(proposals('ru', 'Меморандум будет подписан.')).not.toContain('MOU:SIGNED');
  });

  it('merges mentions of one kind; the most advanced status wins', () => {
    const result = extract(
      `${LEAD.fa} مسئولین بتوانند به امضای تفاهم نامه بپردازند. طرفین توافق کردند تفاهمنامه را امضا کنند.`,
      { publishedAt: '2025-04-13' },
    );
    const mou = result.events[0].proposals.filter((p) => p.kind === 'MOU');
    expect(mou).toHaveLength(1);
    expect(mou[0].status).toBe('AGREED');
    expect(mou[0].evidence).toHaveLength(2);
  });
});
