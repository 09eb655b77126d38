// Russian date words: month names as they follow a day number (genitive «мая», and the prepositional forms
// the reader has always taken), weekdays, relative days.
import type { DateWords } from '../language-pack.js';

export const dates: DateWords = {
  dayMonth: [
    {
      calendar: 'gregorian', order: 'day-month',
      months: [
        ['января', 1], ['январе', 1], ['февраля', 2], ['феврале', 2], ['марта', 3], ['марте', 3], ['апреля', 4], ['апреле', 4],
        ['мая', 5], ['июня', 6], ['июне', 6], ['июля', 7], ['июле', 7], ['августа', 8], ['августе', 8],
        ['сентября', 9], ['сентябре', 9], ['октября', 10], ['октябре', 10], ['ноября', 11], ['ноябре', 11],
        ['декабря', 12], ['декабре', 12],
      ],
      ordinals: [], touching: false, between: [], dot: false, monthWords: [], yearComma: false, yearWords: [], needYear: [],
    },
  ],
  weekdays: [
    ['в воскресенье', 0], ['в понедельник', 1], ['во вторник', 2], ['в среду', 3], ['в четверг', 4], ['в пятницу', 5], ['в субботу', 6],
  ],
  today: ['сегодня'],
  yesterday: ['вчера'],
  dayBeforeYesterday: ['позавчера'],
  tomorrow: ['завтра'],
  notDateAfter: [],
  weekdayCities: [],
  units: { day: ['дн'], week: ['недел'], month: ['месяц'], year: ['год', 'лет'] },
  publishedLabels: ['опубликовано', 'дата'],
};
