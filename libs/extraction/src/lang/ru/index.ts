// Russian: everything the extractor knows about the language.
import type { LanguagePack } from '../language-pack.js';
import { cues } from './cues.js';
import { dates } from './dates.js';
import { events } from './events.js';
import { labels } from './labels.js';
import { names } from './names.js';
import { page } from './page.js';
import { cities, countries, names as countryNames, placeRules } from './places.js';
import { titles } from './titles.js';

export const ru: LanguagePack = {
  language: 'ru',
  cues,
  places: { countries, cities, names: countryNames, ...placeRules },
  dates,
  titles,
  labels,
  page,
  names,
  events,
};
