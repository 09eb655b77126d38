// Okabe–Ito: a palette told apart with every common colour-vision deficiency.
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

export const EVENT_TYPE_COLOURS: Record<string, string> = {
  MEETING: '#0072B2',
  VISIT: '#E69F00',
  CALL: '#56B4E9',
  SIGNING: '#009E73',
  STATEMENT: '#CC79A7',
};

export const FOLLOW_UP_COLOURS: Record<string, string> = {
  OPEN: '#E69F00',
  IN_PROGRESS: '#56B4E9',
  DONE: '#009E73',
  CANCELLED: '#999999',
  OVERDUE: '#D55E00',
};

export const colour = (index: number) => OKABE_ITO[index % OKABE_ITO.length];
