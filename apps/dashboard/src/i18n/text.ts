// Direction and language for text from the news: Persian (and Arabic) right-to-left.

const RTL_LANGUAGES = new Set(['fa', 'ar', 'ur', 'ps', 'he']);
const RTL_CHARS = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR_CHARS = /[A-Za-z\u00C0-\u024F\u0400-\u04FF]/;

/** rtl for a right-to-left language, or for text whose first strong character is right-to-left. */
export function directionOf(language: string | null | undefined, text?: string | null): 'rtl' | 'ltr' {
  if (language) return RTL_LANGUAGES.has(language.slice(0, 2).toLowerCase()) ? 'rtl' : 'ltr';
  if (text) {
    for (const ch of text) {
      if (RTL_CHARS.test(ch)) return 'rtl';
      if (LTR_CHARS.test(ch)) return 'ltr';
    }
  }
  return 'ltr';
}

/** A language code for `lang`, guessed from the script when the API gives none. */
export function languageOf(language: string | null | undefined, text?: string | null): string | undefined {
  if (language) return language;
  if (!text) return undefined;
  if (/[\u0600-\u06FF]/.test(text)) return 'fa';
  if (/[\u0400-\u04FF]/.test(text)) return 'ru';
  return undefined;
}
