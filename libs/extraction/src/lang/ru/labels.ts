// Russian words of labels: where a proposal's object phrase ends, and how a follow-up is said.
import type { LabelWords } from '../language-pack.js';

export const labels: LabelWords = {
  objectStop: [
    'и', 'а', 'но', 'или', 'с', 'со', 'между', 'при', 'во', 'время', 'после', 'до', 'на', 'к', 'от', 'для',
    'что', 'который', 'которая', 'которое', 'которые', 'был', 'была', 'было', 'были', 'будет', 'будут', 'это',
    'этот', 'эта', 'этого', 'также', 'уже', 'подписали', 'подписал', 'подписан', 'подписано', 'заключили',
    'стороны', 'договорились', 'течение', 'ближайшее', 'следующем', 'году', 'не',
  ],
  objectLinks: ['о', 'об', 'по', 'в', 'во'],
  objectLinkFirst: false,
  objectCountryEnds: false,
  objectVerbEndings: ['л', 'ла', 'ли', 'ло', 'ть', 'ться', 'ет', 'ют', 'ит', 'ят'],
  capitals: true,
  // «посетить Россию», «посетить Южную Корею»: feminine names take -у/-ю, adjectives -ую; the rest do not change.
  visitCase: [['ая', 'ую'], ['яя', 'юю'], ['ия', 'ию'], ['я', 'ю'], ['а', 'у']],
  actions: {
    sign: 'подписать {object}',
    finalise: 'согласовать и подписать {object}',
    carry: 'реализовать {object}',
    hold: 'провести {object}',
    visit: 'посетить {country}',
    meet: 'провести следующую встречу',
  },
  clauseOpeners: ['о том, что', 'о том что', 'что'],
  and: ' и ',
  comma: ', ',
};
