// Persian in people's names: honorifics left out of a name's key, and Persian (and Arabic) letters in Latin
// (../../actor-names.ts).
import type { ActorNameWords } from '../language-pack.js';

// Vowel letters stay vowels so the Latin rules treat them alike. Upper case is a sound already decided (J, C
// for ch, X for sh, H for kh, G for gh): no Latin rule re-reads it (محمدجواد is d + j, not dj).
const LETTERS: Record<string, string> = {
  ا: 'a', آ: 'a', أ: 'a', إ: 'a', ٱ: 'a', ء: '', ئ: 'i', ؤ: 'u', ع: '', ی: 'i', ي: 'i', ى: 'i', ه: 'h', ة: 'h',
  ۀ: 'h', ح: 'h', خ: 'H', ب: 'b', پ: 'p', ت: 't', ث: 's', ج: 'J', چ: 'C', د: 'd', ذ: 'z', ر: 'r', ز: 'z',
  ژ: 'J', س: 's', ش: 'X', ص: 's', ض: 'z', ط: 't', ظ: 'z', غ: 'G', ف: 'f', ق: 'G', ک: 'k', ك: 'k',
  گ: 'g', ل: 'l', م: 'm', ن: 'n',
};
const VOWEL_LETTERS = new Set(['ا', 'آ', 'ی', 'ي', 'ى', 'و']);

function toLatin(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (c === 'و') {
      // و is a consonant (v) at the start of a word or before a vowel letter (جواد, رضوی), else a vowel (محمود).
      const next = word[i + 1];
      out += i === 0 || (next !== undefined && VOWEL_LETTERS.has(next)) ? 'v' : 'u';
      continue;
    }
    out += LETTERS[c] ?? c;
  }
  return out;
}

export const names: ActorNameWords = {
  honorifics: [
    'آقای', 'آقا', 'خانم', 'دکتر', 'مهندس', 'سید', 'سیده', 'حجتالاسلام', 'حجت', 'الاسلام', 'والمسلمین',
    'آیتالله', 'آیت', 'الله', 'حاج', 'حاجی', 'جناب', 'سرکار', 'استاد', 'سردار', 'شیخ',
  ],
  scripts: [{ letters: /[\u0600-\u06ff]/, toLatin }],
};
