// English words of labels: where a proposal's object phrase ends, and how a follow-up is said.
import type { LabelWords } from '../language-pack.js';

export const labels: LabelWords = {
  objectStop: [
    'the', 'a', 'an', 'this', 'that', 'these', 'those', 'which', 'who', 'whom', 'whose', 'was', 'were', 'is',
    'are', 'be', 'been', 'being', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
    'has', 'have', 'had', 'with', 'between', 'by', 'during', 'at', 'from', 'into', 'after', 'before', 'since',
    'and', 'or', 'but', 'as', 'signed', 'sign', 'signs', 'inked', 'ink', 'sealed', 'agreed', 'agree', 'said',
    'says', 'told', 'expected', 'set', 'due', 'ready', 'to', 'also', 'while', 'under', 'next', 'last', 'within',
    'early', 'later', 'soon',
  ],
  objectLinks: ['of', 'on', 'for', 'in', 'about', 'regarding', 'concerning'],
  objectLinkFirst: true,
  objectCountryEnds: true,
  objectVerbEndings: [],
  capitals: true,
  visitCase: [],
  actions: {
    sign: 'sign the {object}',
    finalise: 'finalise and sign the {object}',
    carry: 'carry out the {object}',
    hold: 'hold the {object}',
    visit: 'visit {country}',
    meet: 'hold the next meeting',
  },
  clauseOpeners: ['that', 'to'],
  and: ' and ',
  comma: ', ',
};
