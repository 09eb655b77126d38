import DataLoader from 'dataloader';
import type { EvidenceSubject, RelationReader } from '@dyad/domain';

const loader = <V>(batch: (keys: readonly string[]) => Promise<V[]>) => new DataLoader<string, V>(batch, { maxBatchSize: 1000 });
const evidence = (reader: RelationReader, subject: EvidenceSubject) => loader((ids) => reader.evidence(subject, ids));

// How each of a request's DataLoaders is made.
const LOADERS = {
  country: (reader: RelationReader) => loader((codes) => reader.countries(codes)),
  newsItem: (reader: RelationReader) => loader((ids) => reader.newsItems(ids)),
  newsItemBody: (reader: RelationReader) => loader((ids) => reader.newsItemBodies(ids)),
  meeting: (reader: RelationReader) => loader((ids) => reader.meetings(ids)),
  proposal: (reader: RelationReader) => loader((ids) => reader.proposals(ids)),
  followUp: (reader: RelationReader) => loader((ids) => reader.followUps(ids)),
  meetingParties: (reader: RelationReader) => loader((ids) => reader.meetingParties(ids)),
  proposalParties: (reader: RelationReader) => loader((ids) => reader.proposalParties(ids)),
  followUpOwners: (reader: RelationReader) => loader((ids) => reader.followUpOwners(ids)),
  participants: (reader: RelationReader) => loader((ids) => reader.participants(ids)),
  actorMeetingCounts: (reader: RelationReader) => loader((ids) => reader.actorMeetingCounts(ids)),
  meetingSourceIds: (reader: RelationReader) => loader((ids) => reader.meetingSourceIds(ids)),
  newsItemMeetingIds: (reader: RelationReader) => loader((ids) => reader.newsItemMeetingIds(ids)),
  meetingProposals: (reader: RelationReader) => loader((ids) => reader.meetingProposals(ids)),
  meetingFollowUps: (reader: RelationReader) => loader((ids) => reader.meetingFollowUps(ids)),
  proposalFollowUps: (reader: RelationReader) => loader((ids) => reader.proposalFollowUps(ids)),
  proposalHistory: (reader: RelationReader) => loader((ids) => reader.proposalHistory(ids)),
  followUpHistory: (reader: RelationReader) => loader((ids) => reader.followUpHistory(ids)),
  meetingEvidence: (reader: RelationReader) => evidence(reader, 'meeting'),
  proposalEvidence: (reader: RelationReader) => evidence(reader, 'proposal'),
  followUpEvidence: (reader: RelationReader) => evidence(reader, 'followUp'),
};

export type Loaders = { readonly [K in keyof typeof LOADERS]: ReturnType<(typeof LOADERS)[K]> };

/**
 * A request's loaders, each made when first used (most requests use one or two of them).
 * The prototype holds a getter per loader that makes it and keeps it on the instance.
 */
class RequestLoaders {
  constructor(readonly reader: RelationReader) {}
}
for (const [name, make] of Object.entries(LOADERS)) {
  Object.defineProperty(RequestLoaders.prototype, name, {
    get(this: RequestLoaders) {
      const made = make(this.reader);
      Object.defineProperty(this, name, { value: made, enumerable: true });
      return made;
    },
  });
}

/** Per-request DataLoaders: every relation of a page of results is fetched in one statement. */
export function createLoaders(reader: RelationReader): Loaders {
  return new RequestLoaders(reader) as unknown as Loaders;
}

/** Loads many keys and drops the ones that no longer exist. */
export async function loadAll<V>(loader: DataLoader<string, V | null>, keys: readonly string[]): Promise<V[]> {
  const values = await loader.loadMany(keys);
  return values.filter((value): value is V => value !== null && !(value instanceof Error));
}
