// Persian words of events and proposals besides the cues.
import type { EventWords } from '../language-pack.js';

export const events: EventWords = {
  pastPerfectBefore: [],
  pastPerfectEnd: ['بود*'],
  adjectiveNouns: [],
  // «کشورمان»: the Persian press is Iran's, and names Iran's officials without a country
  defaultPublisher: 'IR',
  ownOfficialsUnnamed: true,
  // verbs follow their object: a status cue after the noun is likelier to govern it
  cueBeforeWeight: 1.5,
  objectOpeners: [],
  objectEndings: ['های', 'ها', 'ای', 'ات'],
  anaphora: ['این', 'آن'],
};
