// Russian date words: month stems (the genitive ending я/а/е follows), weekdays, relative days.
import type { DateWords } from '../language-pack.js';

export const dates: DateWords = {
  solarHijriMonths: [],
  months: [
    ['январ', 1], ['феврал', 2], ['март', 3], ['апрел', 4], ['ма', 5], ['июн', 6], ['июл', 7], ['август', 8],
    ['сентябр', 9], ['октябр', 10], ['ноябр', 11], ['декабр', 12],
  ],
  weekdays: [
    ['в воскресенье', 0], ['в понедельник', 1], ['во вторник', 2], ['в среду', 3], ['в четверг', 4], ['в пятницу', 5], ['в субботу', 6],
  ],
  today: ['сегодня'],
  yesterday: ['вчера'],
  dayBeforeYesterday: ['позавчера'],
  tomorrow: ['завтра'],
  units: { day: ['дн'], week: ['недел'], month: ['месяц'], year: ['год', 'лет'] },
  publishedLabels: ['опубликовано', 'дата'],
};
