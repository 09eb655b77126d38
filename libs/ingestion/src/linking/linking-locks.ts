import { PartyLocks, partySetKey } from '@dyad/domain';
import type { ExtractedEvent } from '@dyad/extraction';
import { followUpOwners } from './linker.js';

/**
 * The locks that make linking one item's events safe next to other items linked at the same time, and the
 * result the same as one after the other:
 * - its parties' set, exclusively: meetings and proposals are found and merged among those of exactly
 *   these parties;
 * - each follow-up's owner set, exclusively, and, for a meeting, every smaller set of its parties, shared:
 *   a meeting closes open follow-ups whose owners (or whose meeting's parties) all took part, so it must not
 *   run alongside an item adding such a follow-up (one would miss the other), while meetings of one
 *   country with different partners run alongside each other.
 */
export function linkingLocks(events: readonly ExtractedEvent[], knownCountries: Set<string>): PartyLocks {
  const locks = new PartyLocks();
  for (const event of events) {
    const parties = [...new Set(event.countries.filter((code) => knownCountries.has(code)))].sort();
    if (parties.length < 2) continue;
    // (analysts' edits take the same locks, through the same PartyLocks.meeting: see withPartyLocks)
    if (event.type === 'STATEMENT') locks.exclusive(partySetKey(parties));
    else locks.meeting(parties);
    for (const followUp of event.followUps) locks.exclusive(partySetKey(followUpOwners(followUp, parties, knownCountries)));
  }
  return locks;
}
