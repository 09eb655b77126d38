// Russian words of events and proposals besides the cues.
import type { EventWords } from '../language-pack.js';

export const events: EventWords = {
  pastPerfectBefore: [],
  pastPerfectEnd: [],
  adjectiveNouns: [],
  defaultPublisher: '',
  ownOfficialsUnnamed: false,
  cueBeforeWeight: 1,
  objectOpeners: ['совместн*', 'дн*'],
  objectEndings: ['ов', 'ей', 'ам', 'ах', 'и', 'ы', 'а', 'у', 'е'],
  anaphora: ['этот', 'этого', 'этому', 'это', 'эти', 'данн*'],
};
