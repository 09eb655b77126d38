export * from './vocabulary.js';
export type * from './types.js';
export { extract } from './extract.js';
export { normalizeForSearch } from './normalize.js';
export { detectLanguage } from './language.js';
export { jalaliToGregorian, gregorianToJalali, isValidIsoDate } from './jalali.js';
