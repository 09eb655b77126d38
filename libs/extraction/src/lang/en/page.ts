// English words of the page around a news item and of its sentences: abbreviations, page chrome, footers.
import type { PageWords } from '../language-pack.js';

export const page: PageWords = {
  abbreviations: ['mr', 'mrs', 'ms', 'dr', 'st', 'u.s', 'u.k', 'u.n', 'no', 'vs', 'gen', 'col', 'lt', 'prof', 'jr', 'sr', 'inc', 'co'],
  initials: 'abcdefghijklmnopqrstuvwxyz'.split(''),
  chromeLines: [
    'print', 'share', 'tweet', 'email', 'view', 'views', 'reading time', 'read more', 'related', 'related news',
    'related articles', 'tag', 'tags', 'comment', 'comments', 'source', 'photo', 'copyright', 'all rights reserved',
  ],
  footerLines: ['about us', 'contact us'],
  footerMarks: [],
  footerPatterns: ['all content by [^\\n]{0,60} is licensed'],
  filler: ['filler text', 'lorem ipsum', 'dummy text'],
  signoff: [],
};
