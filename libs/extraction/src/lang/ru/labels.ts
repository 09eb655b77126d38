// Russian words of labels: where a proposal's object phrase ends, and how a follow-up is said.
import type { LabelWords } from '../language-pack.js';

export const labels: LabelWords = {
  objectStop: [
    'и', 'а', 'но', 'или', 'с', 'со', 'между', 'при', 'во', 'время', 'после', 'до', 'на', 'к', 'от', 'для',
    'что', 'который', 'которая', 'которое', 'которые', 'был', 'была', 'было', 'были', 'будет', 'будут', 'это',
    'этот', 'эта', 'этого', 'также', 'уже', 'подписали', 'подписал', 'подписан', 'подписано', 'заключили',
    'стороны', 'договорились', 'течение', 'ближайшее', 'следующем', 'году',
  ],
  objectLinks: ['о', 'об', 'по', 'в', 'во'],
  actions: {
    sign: 'подписать {object}',
    finalise: 'согласовать и подписать {object}',
    carry: 'реализовать {object}',
    hold: 'провести {object}',
    visit: 'посетить {country}',
    meet: 'провести следующую встречу',
  },
  and: ' и ',
  comma: ', ',
};
