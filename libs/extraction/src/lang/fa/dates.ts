// Persian date words: Solar Hijri and Gregorian month names, weekdays, relative days.
import type { DateWords } from '../language-pack.js';

const solarHijri = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];

export const dates: DateWords = {
  dayMonth: [
    // «۲۴ام فروردین ماه سال ۱۴۰۴»; a day number is required («مهر» is also the news agency, «دی» a letter name)
    {
      calendar: 'solarHijri', order: 'day-month', months: solarHijri.map((m, i) => [m, i + 1] as const), ordinals: [],
      touching: true, between: ['ام'], dot: false, monthWords: ['ماه'], yearComma: false, yearWords: ['سال'], needYear: [],
    },
    // «۲۸ اکتبر»: «می» (May) is also a verb prefix, so only with a day before it, as here
    {
      calendar: 'gregorian', order: 'day-month',
      months: [
        ['ژانویه', 1], ['فوریه', 2], ['مارس', 3], ['آوریل', 4], ['مه', 5], ['می', 5], ['ژوئن', 6], ['ژوئیه', 7], ['جولای', 7],
        ['اوت', 8], ['آگوست', 8], ['سپتامبر', 9], ['اکتبر', 10], ['نوامبر', 11], ['دسامبر', 12],
      ],
      ordinals: [], touching: false, between: [], dot: false, monthWords: [], yearComma: false, yearWords: ['سال'], needYear: [],
    },
  ],
  weekdays: [['یک_شنبه', 0], ['دو_شنبه', 1], ['سه_شنبه', 2], ['چهار_شنبه', 3], ['پنج_شنبه', 4], ['جمعه', 5], ['شنبه', 6]],
  today: ['امروز', 'امشب'],
  yesterday: ['دیروز', 'روز گذشته', 'دیشب', 'شب گذشته'],
  dayBeforeYesterday: ['پریروز'],
  tomorrow: ['فردا'],
  // «نماز جمعه»: the Friday prayer
  notDateAfter: ['نماز'],
  // «در دوشنبه» is the city in an item about Tajikistan (a weekday is «روز دوشنبه», or a bare «دوشنبه»)
  weekdayCities: [
    { weekday: 'دوشنبه', after: ['پایتخت'], before: ['به', 'فرودگاه', 'شهر', 'وارد', 'مقصد'], in: ['در'], country: ['تاجیکستان'] },
  ],
  units: { day: ['روز'], week: ['هفته'], month: ['ماه'], year: ['سال'] },
  publishedLabels: ['تاریخ انتشار', 'تاریخ خبر', 'انتشار'],
};
