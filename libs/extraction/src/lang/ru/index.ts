// Russian: everything the extractor knows about the language.
import type { LanguagePack } from '../language-pack.js';
import { cues } from './cues.js';
import { dates } from './dates.js';
import { labels } from './labels.js';
import { page } from './page.js';
import { cities, countries, names, placeRules } from './places.js';
import { titles } from './titles.js';

export const ru: LanguagePack = {
  language: 'ru',
  cues,
  places: { countries, cities, names, ...placeRules },
  dates,
  titles,
  labels,
  page,
};
