// Matching keys for people's names across Persian, Latin and Cyrillic spellings: «طالبی‌متین»,
// "Talebi-Matin" and «Талеби-Матин» all key as `tlbmtn`.
//
// Persian script writes no short vowels, and every script renders Persian sounds its own way (ق and غ
// are q, gh or г; خ is kh or х), so a key keeps only a consonant skeleton: each script is first brought to
// Latin letters (our own tables for Persian and Cyrillic, tuned for how Persian, Russian and Central Asian
// names are written in each other's scripts; the `transliteration` package folds every other letter,
// diacritics included, to ASCII), then the sounds that scripts confuse share one letter and vowels go.
import { transliterate } from 'transliteration';

/** A name as its matching key: consonant skeletons of its words, titles and honorifics left out. */
export interface ActorNameKey {
  /** One skeleton per word of the name ("Ali Akbar Talebi-Matin" → ["l", "kbr", "tlbmtn"]). */
  tokens: string[];
  /** The skeletons run together ("lkbrtlbmtn"): spacing and hyphens differ between reports. */
  compact: string;
}

// Titles and honorifics, keyed as the words of a name are (lower case, Persian letters unified, ZWNJ gone).
const TITLE_WORDS = new Set(
  [
    'mr', 'mrs', 'ms', 'miss', 'dr', 'doctor', 'prof', 'professor', 'sir', 'madam', 'he', 'his', 'her', 'excellency',
    'sayyed', 'sayyid', 'sayed', 'seyed', 'seyyed', 'sayyida', 'seyedeh', 'hojatoleslam', 'hojjatoleslam',
    'hojatolislam', 'ayatollah', 'sheikh', 'shaikh', 'haj', 'hajj', 'haji', 'hajji', 'eng', 'engineer', 'general',
    'آقای', 'آقا', 'خانم', 'دکتر', 'مهندس', 'سید', 'سیده', 'حجتالاسلام', 'حجت', 'الاسلام', 'والمسلمین',
    'آیتالله', 'آیت', 'الله', 'حاج', 'حاجی', 'جناب', 'سرکار', 'استاد', 'سردار', 'شیخ',
    'г-н', 'г-жа', 'господин', 'господина', 'господином', 'госпожа', 'госпожи', 'доктор', 'профессор', 'его',
    'ее', 'её', 'превосходительство', 'сеид', 'сейед', 'сейид', 'сейед', 'ходжатольислам', 'аятолла', 'шейх',
    'хаджи',
  ].map(wordKey),
);

// Persian (and Arabic) letters in Latin; vowel letters stay vowels so the Latin rules treat them alike.
// Upper case is a sound already decided (J, C for ch, X for sh, H for kh, G for gh): no Latin rule re-reads it
// (محمدجواد is d + j, not dj).
const PERSIAN: Record<string, string> = {
  ا: 'a', آ: 'a', أ: 'a', إ: 'a', ٱ: 'a', ء: '', ئ: 'i', ؤ: 'u', ع: '', ی: 'i', ي: 'i', ى: 'i', ه: 'h', ة: 'h',
  ۀ: 'h', ح: 'h', خ: 'H', ب: 'b', پ: 'p', ت: 't', ث: 's', ج: 'J', چ: 'C', د: 'd', ذ: 'z', ر: 'r', ز: 'z',
  ژ: 'J', س: 's', ش: 'X', ص: 's', ض: 'z', ط: 't', ظ: 'z', غ: 'G', ف: 'f', ق: 'G', ک: 'k', ك: 'k',
  گ: 'g', ل: 'l', م: 'm', ن: 'n',
};
const PERSIAN_VOWEL_LETTERS = new Set(['ا', 'آ', 'ی', 'ي', 'ى', 'و']);

// Russian, and the Kazakh, Tajik and Uzbek letters Central Asian names are written with.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'J', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'H', ц: 'ts', ч: 'C', ш: 'X', щ: 'X',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ә: 'a', ғ: 'G', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u',
  һ: 'h', і: 'i', ӣ: 'i', ӯ: 'u', ҳ: 'h', ҷ: 'J', ў: 'u',
};

// Latin spellings of one sound, in this order, to upper-case marks (so a later rule cannot re-read them):
// kh/х/خ and h/ح/ه are one letter, as are q, gh and g (ق, غ and г render each other), and dzh/dj/zh/j.
const LATIN_RULES: [RegExp, string][] = [
  [/x/g, 'KS'],
  [/dzh|dj|zh|j/g, 'J'],
  [/shch|sch|sh/g, 'X'],
  [/tch|ch/g, 'C'],
  [/kh/g, 'H'],
  [/gh|q/g, 'G'],
  [/ph/g, 'F'],
  [/ck|c/g, 'K'],
  [/w/g, 'V'],
];

const VOWELS = /[aeiouy]/g;
const APOSTROPHES = /['’ʼʻ`´]/g;

function wordKey(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200c\u200d\u200e\u200f\u0640\u064b-\u065f\u0670]/g, '')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/\.+$/, '');
}

// Russian reports decline names («с Асланом Бекмуратовым»): the instrumental endings add a consonant.
// The other case endings are vowels and leave the skeleton as it is. -им is left alone (Карим, Рахим).
function russianStem(word: string): string {
  const stem = word.replace(/(?:ом|ем|ым)$/u, '');
  return stem.length >= 4 && stem !== word ? stem : word;
}

function persianToLatin(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (c === 'و') {
      // و is a consonant (v) at the start of a word or before a vowel letter (جواد, رضوی), else a vowel (محمود).
      const next = word[i + 1];
      out += i === 0 || (next !== undefined && PERSIAN_VOWEL_LETTERS.has(next)) ? 'v' : 'u';
      continue;
    }
    out += PERSIAN[c] ?? c;
  }
  return out;
}

function cyrillicToLatin(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (c === 'д' && word[i + 1] === 'ж') {
      out += 'J';
      i++;
      continue;
    }
    out += CYRILLIC[c] ?? c;
  }
  return out;
}

/** One word's consonant skeleton, or '' when nothing of it is left (a vowel-only word). */
function skeleton(word: string): string {
  let latin = /[\u0600-\u06ff]/.test(word) ? persianToLatin(word) : /[\u0400-\u04ff]/.test(word) ? cyrillicToLatin(russianStem(word)) : word;
  // Only now the package: it folds diacritics and other scripts to ASCII (ş, ç and ž are read above first).
  latin = latin.replace(/[şšçčž]/g, (c) => ({ ş: 'sh', š: 'sh', ç: 'ch', č: 'ch', ž: 'zh' })[c]!);
  latin = transliterate(latin).replace(APOSTROPHES, '');
  for (const [pattern, replacement] of LATIN_RULES) latin = latin.replace(pattern, replacement);
  latin = latin.toLowerCase().replace(/[^a-z]/g, '');
  // A final h is a vowel sign (زاده, Zadeh, Заде).
  return latin.replace(VOWELS, '').replace(/h$/, '').replace(/(.)\1+/g, '$1');
}

/**
 * The matching key of a person's name, titles and honorifics left out. Words are split on spaces; hyphens
 * and ZWNJ join (Talebi-Matin, طالبی‌متین are one word, and a report that dropped the ZWNJ keys the same).
 */
export function actorNameKey(name: string): ActorNameKey {
  const words = name
    .split(/[\s,()«»"“”]+/u)
    .map(wordKey)
    .filter((word) => word && !TITLE_WORDS.has(word));
  const tokens = words.map((word) => skeleton(word.replace(/[-‐‑–]/g, ''))).filter(Boolean);
  return { tokens, compact: tokens.join('') };
}

/** The shortest surname that may stand for a full name ("Zarif" for "Mohammad Javad Zarif"): three consonants. */
export const MIN_SURNAME_KEY = 3;

/**
 * Whether two names are the same person's, as far as names tell: the same skeleton (spacing aside), or
 * one is a single word (a surname) of at least MIN_SURNAME_KEY consonants that ends the other at a word
 * boundary. Two full names must agree in full: "Ali Ahmadi" and "Reza Ahmadi" are two people, and so are
 * "Ali Ahmadi" and "Mohammad Ali Ahmadi". The caller checks countries and ambiguity.
 */
export function sameActorName(a: ActorNameKey, b: ActorNameKey): boolean {
  if (!a.compact || !b.compact) return false;
  if (a.compact === b.compact) return a.compact.length >= 2;
  const [short, long] = a.compact.length < b.compact.length ? [a, b] : [b, a];
  if (short.tokens.length !== 1 || short.compact.length < MIN_SURNAME_KEY) return false;
  let suffix = '';
  for (let i = long.tokens.length - 1; i > 0; i--) {
    suffix = long.tokens[i] + suffix;
    if (suffix === short.compact) return true;
    if (suffix.length >= short.compact.length) return false;
  }
  return false;
}

/** Whether any name of one list is the same person as any name of the other (see sameActorName). */
export function sharesActorName(a: readonly ActorNameKey[], b: readonly ActorNameKey[]): boolean {
  return a.some((x) => b.some((y) => sameActorName(x, y)));
}

/** An ActorNameKey from the stored form (`tokens.join(' ')`). */
export function storedActorKey(stored: string): ActorNameKey {
  const tokens = stored.split(' ').filter(Boolean);
  return { tokens, compact: tokens.join('') };
}
