// English date words: month names and abbreviations, weekdays, relative days.
import type { DateWords } from '../language-pack.js';

export const dates: DateWords = {
  solarHijriMonths: [],
  months: [
    ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7], ['august', 8],
    ['september', 9], ['october', 10], ['november', 11], ['december', 12], ['jan', 1], ['feb', 2], ['mar', 3],
    ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sept', 9], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12],
  ],
  weekdays: [['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6]],
  today: ['today', 'tonight'],
  yesterday: ['yesterday', 'last night'],
  dayBeforeYesterday: [],
  tomorrow: ['tomorrow'],
  units: { day: ['day'], week: ['week'], month: ['month'], year: ['year'] },
  publishedLabels: ['published', 'posted', 'date'],
};
