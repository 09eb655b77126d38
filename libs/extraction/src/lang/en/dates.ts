// English date words: month names and abbreviations, weekdays, relative days.
import type { DateWords, DayMonthForm } from '../language-pack.js';

const months: DayMonthForm['months'] = [
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7], ['august', 8],
  ['september', 9], ['october', 10], ['november', 11], ['december', 12], ['jan', 1], ['feb', 2], ['mar', 3],
  ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sept', 9], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12],
];
const form = { calendar: 'gregorian', months, ordinals: ['st', 'nd', 'rd', 'th'], touching: false, dot: true, monthWords: [], yearComma: true, yearWords: [], needYear: ['may'] } as const;

export const dates: DateWords = {
  // "22nd of December, 2022", "Dec. 22, 2022"
  dayMonth: [
    { ...form, order: 'day-month', between: ['of'] },
    { ...form, order: 'month-day', between: [] },
  ],
  weekdays: [['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6]],
  today: ['today', 'tonight'],
  yesterday: ['yesterday', 'last night'],
  dayBeforeYesterday: [],
  tomorrow: ['tomorrow'],
  notDateAfter: [],
  weekdayCities: [],
  units: { day: ['day'], week: ['week'], month: ['month'], year: ['year'] },
  publishedLabels: ['published', 'posted', 'date'],
};
