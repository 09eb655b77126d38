// Russian words of the page around a news item and of its sentences: abbreviations, page chrome, footers.
import type { PageWords } from '../language-pack.js';

export const page: PageWords = {
  abbreviations: ['т', 'г', 'им', 'ул'],
  initials: 'абвгдежзийклмнопрстуфхцчшщъыьэюя'.split(''),
  chromeLines: ['время чтения', 'поделиться', 'просмотр*', 'теги', 'источник', 'фото'],
  footerLines: ['о нас', 'контакты'],
  footerMarks: [],
  footerPatterns: [],
  filler: ['все права защищены'],
  signoff: [],
};
