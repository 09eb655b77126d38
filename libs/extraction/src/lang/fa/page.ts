// Persian words of the page around a news item: page chrome, agency footers and sign-offs.
import type { PageWords } from '../language-pack.js';

export const page: PageWords = {
  abbreviations: [],
  initials: [],
  chromeLines: [
    'زمان مطالعه', 'مدت زمان مطالعه', 'کد خبر', 'شناسه خبر', 'تعداد بازدید', 'بازدید', 'اشتراک گذاری', 'اشتراک_گذاری',
    'لینک کوتاه', 'کپی شد', 'چاپ', 'ارسال به دوستان', 'نسخه چاپی', 'نظرات', 'نظر شما', 'برچسب ها', 'برچسبها', 'برچسب',
    'کلید واژه', 'اخبار مرتبط', 'خبرهای مرتبط', 'منبع', 'انتهای پیام', 'عکس', 'دانلود', 'ذخیره', 'پیوند', 'روابط عمومی',
  ],
  footerLines: ['درباره ما', 'تماس با ما', 'انتهای پیام'],
  footerMarks: ['انتهای پیام'],
  footerPatterns: [],
  filler: ['کلیه حقوق'],
  signoff: ['روابط عمومی'],
};
