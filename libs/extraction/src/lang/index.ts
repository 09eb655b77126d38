// Language → its pack. Adding a language: a folder lang/<code>/ exporting a LanguagePack, its code in
// LANGUAGES (../vocabulary.ts) and one line here.
import { LANGUAGES, type Language } from '../vocabulary.js';
import { en } from './en/index.js';
import { fa } from './fa/index.js';
import type { LanguagePack } from './language-pack.js';
import { ru } from './ru/index.js';

export const PACKS: Record<Language, LanguagePack> = { fa, en, ru };

/** Builds a per-language table from what each pack provides. */
export function perLanguage<T>(pick: (pack: LanguagePack) => T): Record<Language, T> {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, pick(PACKS[lang])])) as Record<Language, T>;
}

export type { ActorNameWords, Cues, DateWords, DayMonthForm, EventWords, LabelWords, LanguagePack, NameScript, PageWords, PlaceForms, Places, TitleWords, WeekdayCity } from './language-pack.js';
