// The contract vocabulary (DESIGN.md), in display order, with labels for people.

export const EVENT_TYPES = ['MEETING', 'VISIT', 'CALL', 'SIGNING', 'STATEMENT'] as const;
export const MEETING_STATUSES = ['HELD', 'SCHEDULED', 'CANCELLED'] as const;
export const PROPOSAL_KINDS = ['MOU', 'AGREEMENT', 'JOINT_PROJECT', 'EVENT', 'EXCHANGE', 'TRAINING', 'VISIT', 'OTHER'] as const;
export const LIFECYCLE = ['PROPOSED', 'AGREED', 'NEGOTIATING', 'SIGNED', 'IMPLEMENTING', 'COMPLETED'] as const;
export const SIDE_STATES = ['STALLED', 'WITHDRAWN'] as const;
export const PROPOSAL_STATUSES = [...LIFECYCLE, ...SIDE_STATES] as const;
export const ACTIVE_PROPOSAL_STATUSES = ['PROPOSED', 'AGREED', 'NEGOTIATING', 'SIGNED', 'IMPLEMENTING'] as const;
export const SIGNED_STATUSES = ['SIGNED', 'IMPLEMENTING', 'COMPLETED'] as const;
export const FOLLOW_UP_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export const FOLLOW_UP_HORIZONS = ['IMMEDIATE', 'NEAR_TERM', 'LONG_TERM', 'UNSPECIFIED'] as const;
export const MEETING_OUTCOMES = ['AGREEMENT_REACHED', 'PROGRESS', 'NO_RESULT', 'POSTPONED'] as const;
export const SECTORS = [
  'AGRICULTURE', 'CINEMA', 'CULTURE', 'DEFENSE', 'DIPLOMACY', 'EDUCATION', 'ENERGY', 'FINANCE', 'HEALTH', 'INDUSTRY', 'MEDIA',
  'SCIENCE', 'SECURITY', 'SPORT', 'TECHNOLOGY', 'TOURISM', 'TRADE', 'TRANSPORT', 'WATER', 'OTHER',
] as const;

const SPECIAL: Record<string, string> = { MOU: 'MoU', NEAR_TERM: 'Near term', LONG_TERM: 'Long term', IN_PROGRESS: 'In progress' };

/** MEETING → Meeting, JOINT_PROJECT → Joint project, MOU → MoU. */
export function label(value: string | null | undefined): string {
  if (!value) return '—';
  if (SPECIAL[value]) return SPECIAL[value];
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const pairKey = (codes: string[]) => [...codes].sort().join('-');
