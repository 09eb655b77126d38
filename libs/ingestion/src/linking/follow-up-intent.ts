import { normalizeForSearch } from '@dyad/extraction';

/** What a follow-up asks for, as far as linking needs to know to close it automatically. */
export type FollowUpIntent = 'SIGN' | 'VISIT' | 'MEET' | 'OTHER';

// Cues on the normalised text (ZWNJ dropped, Arabic letters folded, lower case), fa / en / ru.
const CUES: [FollowUpIntent, RegExp][] = [
  ['SIGN', /امضا|sign|подпис|заключ/u],
  ['VISIT', /سفر|بازدید|visit|travel|trip|визит|посет|поездк/u],
  ['MEET', /نشست|جلسه|اجلاس|کمیسیون|دیدار|گفتوگو|meeting|session|commission|talks|committee|встреч|заседани|комисси|переговор/u],
];

/** Classifies a follow-up from its description and quotes; SIGN wins over VISIT over MEET. */
export function followUpIntent(texts: string[]): FollowUpIntent {
  const key = normalizeForSearch(texts.join(' ')).toLowerCase();
  return CUES.find(([, cue]) => cue.test(key))?.[0] ?? 'OTHER';
}
