import type { Language } from './vocabulary.js';

export type ScriptLanguage = Language | 'ar';

// Letters only Persian uses, and Persian yeh/keheh (Arabic text uses ي ك): پ چ ژ گ ی ک.
const isPersianOnly = (c: number) => c === 0x067e || c === 0x0686 || c === 0x0698 || c === 0x06af || c === 0x06cc || c === 0x06a9;

/** Counts letters by script; Arabic-script text is Persian when it has Persian-only letters. */
export function detectScriptLanguage(text: string): ScriptLanguage | null {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  let arabic = 0;
  let latin = 0;
  let cyrillic = 0;
  let persian = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    else if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
    else if ((c >= 0x0620 && c <= 0x06ff) || (c >= 0xfb50 && c <= 0xfeff)) {
      arabic++;
      if (isPersianOnly(c)) persian++;
    }
  }
  // Page chrome is often Latin ("About Us"): weight the scripts so a Persian body wins.
  const best = Math.max(arabic * 1.5, latin, cyrillic * 1.2);
  if (best === 0) return null;
  if (best === arabic * 1.5) {
    return persian >= Math.max(1, arabic * 0.01) ? 'fa' : 'ar';
  }
  if (best === cyrillic * 1.2) return 'ru';
  return 'en';
}

/** Detects fa / en / ru from letter counts; null for no letters or another language (e.g. Arabic). */
export function detectLanguage(text: string): Language | null {
  const lang = detectScriptLanguage(text);
  return lang === 'ar' ? null : lang;
}
