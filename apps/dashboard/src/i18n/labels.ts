// Labels for the vocabulary's values (the values themselves come from @dyad/vocabulary).

const SPECIAL: Record<string, string> = { MOU: 'MoU', NEAR_TERM: 'Near term', LONG_TERM: 'Long term', IN_PROGRESS: 'In progress' };

/** MEETING → Meeting, JOINT_PROJECT → Joint project, MOU → MoU. */
export function label(value: string | null | undefined): string {
  if (!value) return '—';
  if (SPECIAL[value]) return SPECIAL[value];
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "IR-KZ": a pair's key, the same whatever the order of its codes. */
export const pairKey = (codes: string[]) => [...codes].sort().join('-');
