import { sharesActorName, storedActorKey } from '@dyad/extraction';

/**
 * Whether a report and a known meeting name one person, whatever the script or spelling: «طالبی‌متین»,
 * Talebi-Matin and Талеби-Матин are one actor (see sameActorName in @dyad/extraction). Both sides are
 * actor matching keys as stored (`actor.match_key`, or actorNameKey(name).tokens joined by spaces).
 */
export function sharesActor(reportedKeys: readonly string[], candidateKeys: readonly string[]): boolean {
  return sharesActorName(reportedKeys.map(storedActorKey), candidateKeys.map(storedActorKey));
}
