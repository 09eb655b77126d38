// Russian in people's names: honorifics left out of a name's key, and Cyrillic in Latin (../../actor-names.ts).
import type { ActorNameWords } from '../language-pack.js';

// Russian, and the Kazakh, Tajik and Uzbek letters Central Asian names are written with. Upper case is a sound
// already decided (J, C for ch, X for sh, H for kh, G for gh): no Latin rule re-reads it.
const LETTERS: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'J', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'H', ц: 'ts', ч: 'C', ш: 'X', щ: 'X',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ә: 'a', ғ: 'G', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u',
  һ: 'h', і: 'i', ӣ: 'i', ӯ: 'u', ҳ: 'h', ҷ: 'J', ў: 'u',
};

// Russian reports decline names («с Асланом Бекмуратовым»): the instrumental endings add a consonant.
// The other case endings are vowels and leave the skeleton as it is. -им is left alone (Карим, Рахим).
function stem(word: string): string {
  const s = word.replace(/(?:ом|ем|ым)$/u, '');
  return s.length >= 4 && s !== word ? s : word;
}

function toLatin(word: string): string {
  word = stem(word);
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (c === 'д' && word[i + 1] === 'ж') {
      out += 'J';
      i++;
      continue;
    }
    out += LETTERS[c] ?? c;
  }
  return out;
}

export const names: ActorNameWords = {
  honorifics: [
    'г-н', 'г-жа', 'господин', 'господина', 'господином', 'госпожа', 'госпожи', 'доктор', 'профессор', 'его',
    'ее', 'её', 'превосходительство', 'сеид', 'сейед', 'сейид', 'ходжатольислам', 'аятолла', 'шейх', 'хаджи',
  ],
  scripts: [{ letters: /[\u0400-\u04ff]/, toLatin }],
};
