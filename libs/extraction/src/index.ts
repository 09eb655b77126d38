export * from './vocabulary.js';
export type * from './types.js';
export { extract } from './extract.js';
export { normalizeForSearch } from './normalize.js';
export { detectLanguage } from './language.js';
export { jalaliToGregorian, gregorianToJalali, isValidIsoDate } from './jalali.js';
export { actorNameKey, sameActorName, sharesActorName, storedActorKey, MIN_SURNAME_KEY, type ActorNameKey } from './actor-names.js';
