// English in people's names: honorifics left out of a name's key (../../actor-names.ts). Latin letters are
// read as they are.
import type { ActorNameWords } from '../language-pack.js';

export const names: ActorNameWords = {
  honorifics: [
    'mr', 'mrs', 'ms', 'miss', 'dr', 'doctor', 'prof', 'professor', 'sir', 'madam', 'he', 'his', 'her', 'excellency',
    'sayyed', 'sayyid', 'sayed', 'seyed', 'seyyed', 'sayyida', 'seyedeh', 'hojatoleslam', 'hojjatoleslam',
    'hojatolislam', 'ayatollah', 'sheikh', 'shaikh', 'haj', 'hajj', 'haji', 'hajji', 'eng', 'engineer', 'general',
  ],
  scripts: [],
};
