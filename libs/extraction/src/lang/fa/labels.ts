// Persian words of labels: where a proposal's object phrase ends, and how a follow-up is said.
import type { LabelWords } from '../language-pack.js';

export const labels: LabelWords = {
  objectStop: [
    'را', 'با', 'در', 'به', 'که', 'از', 'برای', 'تا', 'میان', 'بین', 'توسط', 'طی', 'ضمن', 'پس', 'پیش', 'روز',
    'امروز', 'دیروز', 'فردا', 'هفته', 'ماه', 'سال', 'ظرف', 'است', 'بود', 'شد', 'شده', 'شود', 'کرد', 'کردند',
    'کرده', 'کند', 'کنند', 'نمود', 'رسید', 'رسیده', 'خواهد', 'خواهند', 'می', 'نمی', 'این', 'آن', 'وی', 'او',
    'همچنین', 'نیز', 'هم', 'اما', 'ولی', 'یا', 'اعلام', 'گفت', 'افزود', 'تاکید', 'امضا', 'امضای', 'منعقد',
    'مقرر', 'قرار', 'دو', 'سه', 'طرفین', 'ایران',
  ],
  objectLinks: [],
  objectLinkFirst: false,
  objectCountryEnds: true,
  objectVerbEndings: [],
  capitals: false,
  visitCase: [],
  actions: {
    sign: 'امضای {object}',
    finalise: 'نهایی کردن و امضای {object}',
    carry: 'اجرای {object}',
    hold: 'برگزاری {object}',
    visit: 'سفر به {country}',
    meet: 'برگزاری نشست بعدی',
  },
  clauseOpeners: ['که'],
  and: ' و ',
  comma: '، ',
};
