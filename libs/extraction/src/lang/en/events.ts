// English words of events and proposals besides the cues.
import type { EventWords } from '../language-pack.js';

export const events: EventWords = {
  pastPerfectBefore: ['had', 'had already'],
  pastPerfectEnd: [],
  adjectiveNouns: [
    'official', 'officials', 'delegation', 'delegations', 'minister', 'ministers', 'counterpart', 'counterparts',
    'diplomat', 'diplomats', 'leader', 'leaders', 'side', 'government', 'troops', 'forces', 'team', 'expert', 'experts',
    'businessman', 'businessmen', 'trader', 'traders',
  ],
  defaultPublisher: '',
  ownOfficialsUnnamed: false,
  cueBeforeWeight: 1,
  objectOpeners: ['joint', 'film', 'cultural', 'days'],
  objectEndings: ['s', 'es'],
  anaphora: ['the', 'this', 'that', 'these', 'those', 'its'],
};
