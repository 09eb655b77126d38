import DataLoader from 'dataloader';
import type { EvidenceSubject, RelationReader } from '@dyad/domain';

/** Per-request DataLoaders: every relation of a page of results is fetched in one statement. */
export function createLoaders(reader: RelationReader) {
  const loader = <V>(batch: (keys: readonly string[]) => Promise<V[]>) => new DataLoader<string, V>(batch, { maxBatchSize: 1000 });
  const evidence = (subject: EvidenceSubject) => loader((ids) => reader.evidence(subject, ids));
  return {
    country: loader((codes) => reader.countries(codes)),
    newsItem: loader((ids) => reader.newsItems(ids)),
    newsItemBody: loader((ids) => reader.newsItemBodies(ids)),
    meeting: loader((ids) => reader.meetings(ids)),
    proposal: loader((ids) => reader.proposals(ids)),
    followUp: loader((ids) => reader.followUps(ids)),
    meetingParties: loader((ids) => reader.meetingParties(ids)),
    proposalParties: loader((ids) => reader.proposalParties(ids)),
    followUpOwners: loader((ids) => reader.followUpOwners(ids)),
    participants: loader((ids) => reader.participants(ids)),
    actorMeetingCounts: loader((ids) => reader.actorMeetingCounts(ids)),
    meetingSourceIds: loader((ids) => reader.meetingSourceIds(ids)),
    newsItemMeetingIds: loader((ids) => reader.newsItemMeetingIds(ids)),
    meetingProposals: loader((ids) => reader.meetingProposals(ids)),
    meetingFollowUps: loader((ids) => reader.meetingFollowUps(ids)),
    proposalFollowUps: loader((ids) => reader.proposalFollowUps(ids)),
    proposalHistory: loader((ids) => reader.proposalHistory(ids)),
    followUpHistory: loader((ids) => reader.followUpHistory(ids)),
    meetingEvidence: evidence('meeting'),
    proposalEvidence: evidence('proposal'),
    followUpEvidence: evidence('followUp'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Loads many keys and drops the ones that no longer exist. */
export async function loadAll<V>(loader: DataLoader<string, V | null>, keys: readonly string[]): Promise<V[]> {
  const values = await loader.loadMany(keys);
  return values.filter((value): value is V => value !== null && !(value instanceof Error));
}
